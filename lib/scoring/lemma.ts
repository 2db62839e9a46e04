/** Crude English singular used as a lexicon fallback: "idiots" -> "idiot", "trump's" -> "trump". */
export function singular(word: string): string {
  const n = word.length;
  if (n > 2 && word.charCodeAt(n - 2) === 39 && word.charCodeAt(n - 1) === 115) return word.slice(0, n - 2);
  if (n < 4 || word.charCodeAt(n - 1) !== 115) return word;
  if (word.endsWith("ies") && n > 4) return `${word.slice(0, n - 3)}y`;
  if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")) {
    return word.slice(0, n - 2);
  }
  if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  return word.slice(0, n - 1);
}
