/**
 * The repeat-text fingerprint. The database side stores `textFingerprint(body)` for each comment and
 * counts equal fingerprints per commenter, so both sides must use these exact functions. Bump
 * FINGERPRINT_VERSION whenever normalisation changes; stored fingerprints with another prefix are stale.
 */
export const FINGERPRINT_VERSION = "r1";

const DROPPED = /[\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const PUNCTUATION = /\p{P}+/gu;

/** Case, accents, punctuation and whitespace differences removed: "Great post!!" ≡ "great   post". */
export function normalizeForRepeat(text: string): string {
  return text
    .normalize("NFKD")
    .replace(DROPPED, "")
    .toLowerCase()
    .replace(PUNCTUATION, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * A 64-bit hash (two 32-bit FNV-1a-style lanes over UTF-8) of the normalised text, as
 * "r1-" + 16 hex digits. Not cryptographic: it only has to tell one commenter's texts apart.
 * Pure JavaScript so it runs the same in the browser, the server and scripts.
 */
export function textFingerprint(text: string): string {
  const bytes = new TextEncoder().encode(normalizeForRepeat(text));
  let low = 0x811c9dc5;
  let high = 0x9e3779b9;
  for (const byte of bytes) {
    low = Math.imul(low ^ byte, 0x01000193);
    high = Math.imul(high ^ byte, 0x5bd1e995);
    high ^= high >>> 15;
  }
  high = Math.imul(high ^ (low >>> 13), 0x85ebca6b);
  low = Math.imul(low ^ (high >>> 16), 0xc2b2ae35);
  const hex = (value: number) => (value >>> 0).toString(16).padStart(8, "0");
  return `${FINGERPRINT_VERSION}-${hex(high)}${hex(low)}`;
}
