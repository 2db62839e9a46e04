/**
 * Links that come from imported data (a post's address, a commenter's photo) are only ever http(s): a
 * `javascript:`, `data:` or `vbscript:` address in an export file or a hostile feed must never become an href
 * someone clicks. Returns the normalised address, or null for anything else.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}
