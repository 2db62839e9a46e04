const YEAR_S = 365 * 24 * 3600;

/**
 * Remembers (value) or forgets (null) a reader's display preference in a cookie the server reads when it
 * renders, for a year; Secure when the page is served over https.
 */
export function setPreferenceCookie(name: string, value: string | null): void {
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  // biome-ignore lint/suspicious/noDocumentCookie: one plain value; the Cookie Store API is missing from Firefox and Safari
  document.cookie = `${name}=${value ?? ""}; path=/; max-age=${value === null ? 0 : YEAR_S}; samesite=lax${secure}`;
}
