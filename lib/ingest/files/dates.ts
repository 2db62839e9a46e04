/** Parses an ISO 8601 time; null when missing or unreadable. */
export function parseIsoDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return null;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** WordPress GMT times look like "2024-03-01 12:30:00"; "0000-00-00 00:00:00" means unknown. */
export function parseWordPressGmt(value: string | null | undefined): Date | null {
  const trimmed = value?.trim() ?? "";
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(trimmed) || trimmed.startsWith("0000")) return null;
  return parseIsoDate(`${trimmed.replace(" ", "T")}Z`);
}
