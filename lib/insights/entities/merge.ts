import { GAZETTEER_NAMES } from "./keys";
import type { EntityKindName } from "./types";

/** The spellings of one mention key across a publication, with how often each kind was seen. */
export interface KeyUsage {
  key: string;
  surfaces: Map<string, number>;
  kinds: Map<EntityKindName, number>;
}

export interface MergedEntity {
  key: string;
  name: string;
  kind: EntityKindName;
  /** Every spelling, most used first. */
  aliases: string[];
  /** The mention keys merged into this entity. */
  memberKeys: string[];
}

function total(usage: KeyUsage): number {
  let n = 0;
  for (const c of usage.surfaces.values()) n += c;
  return n;
}

/** Damerau–Levenshtein distance, stopping early past 1 (only "one slip apart" matters here). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Untyped names (OTHER) may join a typed one; two different types never join. */
const compatible = (a: EntityKindName, b: EntityKindName) => a === b || a === "OTHER" || b === "OTHER";

/**
 * Merges a publication's mention keys into entities: a surname alone joins the one full name ending with
 * it ("Merkel" -> "Angela Merkel"; left alone when two full names share it), and so does a place's last word
 * ("the Strait" -> "Taiwan Strait", but "Sea" stays apart from "Black Sea" and "Red Sea"), and spellings one slip apart
 * ("Prigozhin" / "Prigozin") join the more used one. Deterministic: the most used key wins, ties by key.
 */
export function mergeEntityKeys(usages: readonly KeyUsage[]): MergedEntity[] {
  const ordered = [...usages].sort((a, b) => total(b) - total(a) || (a.key < b.key ? -1 : 1));
  const kindOf = (u: KeyUsage): EntityKindName => {
    const fromGazetteer = GAZETTEER_NAMES.get(u.key)?.kind;
    if (fromGazetteer) return fromGazetteer;
    const typed = [...u.kinds]
      .filter(([k]) => k !== "OTHER")
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return typed[0]?.[0] ?? "OTHER";
  };
  const parent = new Map<string, string>();
  const seen: KeyUsage[] = [];
  for (const u of ordered) {
    const kind = kindOf(u);
    const words = u.key.split(" ");
    let target: KeyUsage | undefined;
    if (!GAZETTEER_NAMES.has(u.key)) {
      if (words.length === 1) {
        const full = usages.filter(
          (o) =>
            o.key !== u.key &&
            o.key.split(" ").length > 1 &&
            o.key.endsWith(` ${u.key}`) &&
            compatible(kindOf(o), kind),
        );
        if (full.length === 1) target = full[0];
      }
      if (!target && u.key.length >= 6) {
        target = seen.find(
          (h) =>
            h.key.length >= 6 &&
            h.key[0] === u.key[0] &&
            compatible(kindOf(h), kind) &&
            withinOneEdit(h.key, u.key),
        );
      }
    }
    if (target) parent.set(u.key, target.key);
    seen.push(u);
  }
  const root = (key: string): string => {
    let k = key;
    for (let guard = 0; parent.has(k) && guard < 10; guard += 1) k = parent.get(k)!;
    return k;
  };
  const groups = new Map<string, KeyUsage[]>();
  for (const u of ordered) {
    const r = root(u.key);
    const list = groups.get(r);
    if (list) list.push(u);
    else groups.set(r, [u]);
  }
  const byKey = new Map(usages.map((u) => [u.key, u]));
  const merged = [...groups].map(([key, members]) => {
    const spellings = new Map<string, number>();
    for (const m of members) for (const [s, c] of m.surfaces) spellings.set(s, (spellings.get(s) ?? 0) + c);
    const aliases = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
    const gazetteer = GAZETTEER_NAMES.get(key);
    // The name shown: the gazetteer's, else the most used spelling of the fullest form.
    const fullest = [...aliases].sort((a, b) => b.split(" ").length - a.split(" ").length)[0]!;
    const name =
      gazetteer?.name ?? aliases.find((a) => a.split(" ").length === fullest.split(" ").length) ?? fullest;
    const mentions = members.reduce((n, m) => n + total(m), 0);
    return {
      key,
      name,
      kind: kindOf(byKey.get(key)!),
      aliases,
      memberKeys: members.map((m) => m.key),
      mentions,
    };
  });
  return merged
    .sort((a, b) => b.mentions - a.mentions || (a.key < b.key ? -1 : 1))
    .map(({ mentions: _, ...entity }) => entity);
}
