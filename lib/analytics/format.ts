/** Number formats in the viewer's locale (undefined = the runtime's default locale). */
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });
const signedPercent = new Intl.NumberFormat(undefined, {
  style: "percent",
  maximumFractionDigits: 0,
  signDisplay: "exceptZero",
});
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const signedDecimal = new Intl.NumberFormat(undefined, {
  maximumFractionDigits: 2,
  signDisplay: "exceptZero",
});

export const formatInteger = (n: number) => integer.format(n);
export const formatPercent = (share: number) => percent.format(share);
export const formatSignedPercent = (share: number) => signedPercent.format(share);
export const formatDecimal = (n: number) => decimal.format(n);
export const formatSignedDecimal = (n: number) => signedDecimal.format(n);
/** A change in percentage points, e.g. "+5 pts". */
export const formatPoints = (fraction: number) =>
  `${signedDecimal.format(Math.round(fraction * 1000) / 10)} pts`;

/** "1 comment", "145 comments", "145 comments and 3 deleted": the one way a thread's size is written. */
export function formatCommentCount(comments: number, deleted = 0): string {
  const shown = `${integer.format(comments)} ${comments === 1 ? "comment" : "comments"}`;
  return deleted > 0 ? `${shown} and ${integer.format(deleted)} deleted` : shown;
}

const shortDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const shortMonth = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: "UTC" });
const YEAR_MS = 365 * 86_400_000;

/** A title cut to `max` characters with an ellipsis. */
export function shortTitle(title: string, max = 24): string {
  const t = title.trim() || "(untitled)";
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/**
 * Tick labels for an axis of posts: the publication date ("Jul 9"; "Jul 2026" when the posts span more than a
 * year), or the short title of a post without a date.
 */
export function postTickLabels(posts: readonly { title: string; publishedAt: string | null }[]): string[] {
  const times = posts.flatMap((p) => (p.publishedAt ? [Date.parse(p.publishedAt)] : []));
  const format =
    times.length > 0 && Math.max(...times) - Math.min(...times) > YEAR_MS ? shortMonth : shortDay;
  return posts.map((p) => (p.publishedAt ? format.format(new Date(p.publishedAt)) : shortTitle(p.title, 14)));
}
