import { GAZETTEER } from "./gazetteer";
import type { EntityKindName } from "./types";

const HONORIFIC =
  /^(?:mr|mrs|ms|dr|sir|lord|lady|president|prime minister|pm|chancellor|general|gen|king|queen|comrade|senator|secretary|minister|chairman)\.?\s+/u;

/** Transliteration endings that mean the same sound: Zelenskyy, Zelenskiy, Zelenskyi -> zelensky. */
function foldWord(word: string): string {
  return word.replace(/(?:iy|yy|yi|ij|ii)$/u, "y");
}

/**
 * The merge key of a name: no diacritics, case, possessive, leading "the", honorific or dots; hyphens as
 * spaces; transliteration endings folded. Two spellings with one key are one entity.
 */
export function entityKey(surface: string): string {
  const plain = surface
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’]s$/u, "")
    .toLowerCase()
    .replace(/^the\s+/u, "")
    .replace(HONORIFIC, "")
    .replace(/\./gu, "")
    .replace(/[-\s]+/gu, " ")
    .trim();
  return plain.split(" ").map(foldWord).join(" ");
}

export interface GazetteerEntry {
  key: string;
  name: string;
  kind: EntityKindName;
  /** Written in capitals or with dots (US, U.N.): matched exactly, never a lower-case word. */
  exact: boolean;
}

/** alias key -> the entry it names. */
export const GAZETTEER_INDEX: ReadonlyMap<string, readonly GazetteerEntry[]> = (() => {
  const index = new Map<string, GazetteerEntry[]>();
  for (const [kind, name, ...aliases] of GAZETTEER) {
    const key = entityKey(name);
    for (const alias of [name, ...aliases]) {
      const exact = /^[\p{Lu}\p{N}.]+$/u.test(alias.replace(/^the /u, ""));
      const entry = { key, name, kind, exact };
      const aliasKey = entityKey(alias);
      const list = index.get(aliasKey);
      if (list) list.push({ ...entry, name: exact ? alias : name });
      else index.set(aliasKey, [{ ...entry, name: exact ? alias : name }]);
    }
  }
  return index;
})();

/** The canonical names of gazetteer entries by key (the name shown for a merged entity). */
export const GAZETTEER_NAMES: ReadonlyMap<string, { name: string; kind: EntityKindName }> = new Map(
  GAZETTEER.map(([kind, name]) => [entityKey(name), { name, kind }]),
);

/** The longest alias, in words: the matcher tries no longer sequences. */
export const LONGEST_ALIAS = Math.max(...[...GAZETTEER_INDEX.keys()].map((k) => k.split(" ").length));
