"use client";

const FORMATS = {
  date: { dateStyle: "medium" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A time in the viewer's zone and locale. The server renders it in its own zone first; the browser's text
 * replaces it on hydration, which is expected (hence suppressHydrationWarning on this one element).
 */
export function LocalTime({ iso, format = "dateTime" }: { iso: string; format?: keyof typeof FORMATS }) {
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={date.toISOString()} suppressHydrationWarning>
      {new Intl.DateTimeFormat(undefined, FORMATS[format]).format(date)}
    </time>
  );
}
