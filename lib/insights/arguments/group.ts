import type { Tone } from "@/lib/scoring/types";
import { type CommentTerms, commentTerms, type TermSpan } from "../text-terms";

/**
 * Groups one side of a post's discussion (the pushback, or what landed) into its main arguments:
 * TF-IDF vectors over content words and bigrams (document frequencies from the side plus a background of
 * the publication's other comments), average-linkage agglomerative clustering on cosine similarity, and a
 * label per group from class-based TF-IDF (what the group says that the rest does not). Deterministic:
 * the same comments give the same groups, whatever order they come in.
 */

export const ARGUMENTS_VERSION = "arguments-2";

export interface ArgumentInput {
  id: number;
  text: string;
  tone: Tone;
}

export interface ArgumentOptions {
  /** Below this many comments on a side there are no groups (too few to say what the arguments are). */
  minComments: number;
  /** Smallest group shown. */
  minGroupSize: number;
  /** Average cosine similarity two groups need to merge. */
  mergeThreshold: number;
  /** Most groups shown; smaller ones count as unclustered. */
  maxGroups: number;
  /** Most comments clustered (the rest join the nearest group, or none); keeps the work O(n²) bounded. */
  maxClustered: number;
}

export const DEFAULT_ARGUMENT_OPTIONS: ArgumentOptions = {
  minComments: 6,
  minGroupSize: 2,
  mergeThreshold: 0.1,
  maxGroups: 8,
  maxClustered: 600,
};

export interface ArgumentPhrase {
  /** As written in the group's comments. */
  text: string;
  /** The stemmed term. */
  term: string;
}

export interface ArgumentGroup {
  label: string;
  phrases: ArgumentPhrase[];
  size: number;
  toneCounts: Partial<Record<Tone, number>>;
  /** Reasoned pushback or praise (analytical, skeptical, supportive, neutral) … */
  substantive: number;
  /** … and brush-offs and abuse (dismissive, hostile). */
  dismissive: number;
  commentIds: number[];
  /** The two comments closest to the group's centre, with the label's phrases marked. */
  representatives: { commentId: number; marks: TermSpan[] }[];
}

export type ArgumentResult =
  | { status: "too_few"; commentCount: number; minComments: number; groups: []; unclustered: number }
  | {
      status: "ready";
      commentCount: number;
      minComments: number;
      groups: ArgumentGroup[];
      unclustered: number;
    };

type Vector = Map<string, number>;

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) sum += v * w;
  }
  return sum;
}

function normalize(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return v;
  return new Map([...v].map(([k, x]) => [k, x / norm]));
}

const DISMISSIVE_TONES: ReadonlySet<Tone> = new Set(["dismissive", "hostile"]);

/**
 * `background`: other comments of the publication (document frequencies); `topic`: the post's title, whose
 * words say what the post is about rather than what a group argues, so they never label a group; `names`:
 * the publication's commenters' names (lower case), which, written capitalised, address a reader ("Exactly,
 * Victor") rather than argue anything, so they neither link comments nor label a group.
 */
export function groupArguments(
  comments: readonly ArgumentInput[],
  background: readonly string[],
  topic = "",
  options: ArgumentOptions = DEFAULT_ARGUMENT_OPTIONS,
  names: ReadonlySet<string> = new Set(),
): ArgumentResult {
  const sorted = [...comments].sort((a, b) => a.id - b.id);
  if (sorted.length < options.minComments) {
    return {
      status: "too_few",
      commentCount: sorted.length,
      minComments: options.minComments,
      groups: [],
      unclustered: sorted.length,
    };
  }
  const parsed: CommentTerms[] = sorted.map((c) => withoutNames(commentTerms(c.text), c.text, names));
  // Document frequencies over the side and the background: a term every comment uses says little.
  const df = new Map<string, number>();
  const count = (terms: Iterable<string>) => {
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  };
  for (const p of parsed) count(p.terms.keys());
  for (const text of background) count(commentTerms(text).terms.keys());
  const docs = sorted.length + background.length;
  const idf = (t: string) => Math.log((docs + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  // A term used by a single comment of the side cannot link it to another: leave it out of the vectors.
  const sideDf = new Map<string, number>();
  for (const p of parsed) for (const t of p.terms.keys()) sideDf.set(t, (sideDf.get(t) ?? 0) + 1);
  const vectors: Vector[] = parsed.map((p) => {
    const v: Vector = new Map();
    for (const [t, spans] of p.terms) {
      if ((sideDf.get(t) ?? 0) < 2) continue;
      const weight = t.includes(" ") ? 1.5 : 1;
      v.set(t, (1 + Math.log(spans.length)) * idf(t) * weight);
    }
    return normalize(v);
  });

  const n = Math.min(sorted.length, options.maxClustered);
  const clusters = agglomerate(vectors.slice(0, n), options.mergeThreshold);
  // Comments beyond the clustered ones join the group whose centre is nearest, when near enough.
  const centroids = () => clusters.map((members) => centroid(members.map((i) => vectors[i]!)));
  if (sorted.length > n) {
    const centres = centroids();
    for (let i = n; i < sorted.length; i += 1) {
      let best = -1;
      let bestSim = options.mergeThreshold;
      centres.forEach((c, k) => {
        const sim = dot(vectors[i]!, c);
        if (sim > bestSim) {
          best = k;
          bestSim = sim;
        }
      });
      if (best >= 0) clusters[best]!.push(i);
    }
  }

  const kept = clusters
    .filter((members) => members.length >= options.minGroupSize)
    .sort((a, b) => b.length - a.length || sorted[a[0]!]!.id - sorted[b[0]!]!.id)
    .slice(0, options.maxGroups);
  const topicTerms = new Set(commentTerms(topic).terms.keys());
  const groups = kept.map((members) => describeGroup(members, sorted, parsed, vectors, idf, topicTerms));
  const grouped = groups.reduce((sum, g) => sum + g.size, 0);
  return {
    status: "ready",
    commentCount: sorted.length,
    minComments: options.minComments,
    groups,
    unclustered: sorted.length - grouped,
  };
}

/** The comment's terms without the spans where a reader is named (a capitalised commenter's name). */
function withoutNames(parsed: CommentTerms, text: string, names: ReadonlySet<string>): CommentTerms {
  if (names.size === 0) return parsed;
  const named = (span: TermSpan) =>
    text
      .slice(span.start, span.end)
      .split(/[^\p{L}\p{N}'’-]+/u)
      .some((w) => /^\p{Lu}/u.test(w) && names.has(w.toLowerCase()));
  const terms = new Map<string, TermSpan[]>();
  for (const [term, spans] of parsed.terms) {
    const kept = spans.filter((span) => !named(span));
    if (kept.length > 0) terms.set(term, kept);
  }
  return { terms, surface: parsed.surface };
}

function centroid(vs: Vector[]): Vector {
  const sum: Vector = new Map();
  for (const v of vs) for (const [k, x] of v) sum.set(k, (sum.get(k) ?? 0) + x);
  return normalize(sum);
}

/**
 * Average-linkage agglomerative clustering: repeatedly merge the two most similar clusters while their
 * average pairwise similarity reaches the threshold (Lance–Williams update). Ties go to the pair with the
 * smaller indices, so the result never depends on anything but the input.
 */
export function agglomerate(vectors: readonly Vector[], threshold: number): number[][] {
  const n = vectors.length;
  const sim: Float64Array[] = vectors.map((a, i) => {
    const row = new Float64Array(n);
    for (let j = 0; j < n; j += 1) row[j] = i === j ? 0 : dot(a, vectors[j]!);
    return row;
  });
  const members: (number[] | null)[] = vectors.map((_, i) => [i]);
  for (;;) {
    let bi = -1;
    let bj = -1;
    let best = threshold;
    for (let i = 0; i < n; i += 1) {
      if (!members[i]) continue;
      const row = sim[i]!;
      for (let j = i + 1; j < n; j += 1) {
        if (!members[j]) continue;
        if (row[j]! > best + 1e-12) {
          best = row[j]!;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    const a = members[bi]!;
    const b = members[bj]!;
    for (let k = 0; k < n; k += 1) {
      if (!members[k] || k === bi || k === bj) continue;
      const merged = (a.length * sim[bi]![k]! + b.length * sim[bj]![k]!) / (a.length + b.length);
      sim[bi]![k] = merged;
      sim[k]![bi] = merged;
    }
    members[bi] = [...a, ...b].sort((x, y) => x - y);
    members[bj] = null;
  }
  return members.filter((m): m is number[] => m !== null);
}

function describeGroup(
  members: number[],
  comments: readonly ArgumentInput[],
  parsed: readonly CommentTerms[],
  vectors: readonly Vector[],
  idf: (t: string) => number,
  topicTerms: ReadonlySet<string>,
): ArgumentGroup {
  // Class-based TF-IDF: the share of the group's comments using a term, times how rare it is overall.
  const inGroup = new Map<string, number>();
  for (const i of members) for (const t of parsed[i]!.terms.keys()) inGroup.set(t, (inGroup.get(t) ?? 0) + 1);
  const minShare = members.length <= 2 ? 2 : Math.max(2, Math.ceil(members.length * 0.25));
  const scored = [...inGroup]
    .filter(
      ([t, c]) => c >= Math.min(minShare, members.length) && !t.split(" ").every((w) => topicTerms.has(w)),
    )
    .map(([t, c]) => ({ term: t, score: (c / members.length) * idf(t) * (t.includes(" ") ? 1.3 : 1) }))
    .sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1));
  const chosen: string[] = [];
  for (const { term } of scored) {
    if (chosen.length === 3) break;
    const words = term.split(" ");
    const covered = chosen.some((c) => {
      const cw = c.split(" ");
      return words.every((w) => cw.includes(w)) || cw.every((w) => words.includes(w));
    });
    if (!covered) chosen.push(term);
  }
  const phrases = chosen.map((term) => ({ term, text: surfaceOf(term, members, parsed) }));

  const centre = centroid(members.map((i) => vectors[i]!));
  const representatives = [...members]
    .map((i) => ({ i, sim: dot(vectors[i]!, centre) }))
    .sort((a, b) => b.sim - a.sim || comments[a.i]!.id - comments[b.i]!.id)
    .slice(0, 2)
    .map(({ i }) => ({ commentId: comments[i]!.id, marks: marksFor(parsed[i]!, chosen) }));

  const toneCounts: Partial<Record<Tone, number>> = {};
  let dismissive = 0;
  for (const i of members) {
    const tone = comments[i]!.tone;
    toneCounts[tone] = (toneCounts[tone] ?? 0) + 1;
    if (DISMISSIVE_TONES.has(tone)) dismissive += 1;
  }
  return {
    label: phrases.map((p) => p.text).join(" · ") || "(no shared words)",
    phrases,
    size: members.length,
    toneCounts,
    substantive: members.length - dismissive,
    dismissive,
    commentIds: members.map((i) => comments[i]!.id),
    representatives,
  };
}

/** How the group most often wrote a term (lower-cased unless always capitalised). */
function surfaceOf(term: string, members: number[], parsed: readonly CommentTerms[]): string {
  const counts = new Map<string, number>();
  for (const i of members) {
    const s = parsed[i]!.surface.get(term);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const forms = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = forms[0]?.[0] ?? term;
  const alwaysCapitalised = forms.every(([f]) => /^\p{Lu}/u.test(f));
  return alwaysCapitalised ? top : top.toLowerCase();
}

function marksFor(terms: CommentTerms, chosen: readonly string[]): TermSpan[] {
  const spans = chosen.flatMap((t) => terms.terms.get(t) ?? []);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TermSpan[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}
