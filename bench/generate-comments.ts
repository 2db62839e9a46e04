import { mulberry32 } from "@/lib/random";

/**
 * Deterministic generator of synthetic reader comments (10-120 words) from project-written vocabulary,
 * mixing topical prose with the kinds of cues the scorer looks for (hedges, praise, contempt, emoji,
 * links, HTML). Not realistic prose: a load generator for the benchmark.
 */

const SUBJECTS = [
  "the ministry",
  "the envoy",
  "the alliance",
  "the president",
  "the parliament",
  "the old empire",
  "the trade bloc",
  "the central bank",
  "the coalition",
  "the rebels",
  "the navy",
  "the press office",
  "the treaty",
  "the summit",
  "the new plan",
  "the senate",
  "the generals",
  "the negotiators",
];
const VERBS = [
  "will push",
  "has delayed",
  "could reshape",
  "keeps ignoring",
  "might finance",
  "is rewriting",
  "refused to sign",
  "quietly expanded",
  "cannot afford",
  "was built on",
  "undermines",
  "depends on",
];
const OBJECTS = [
  "the grain corridor",
  "the border talks",
  "a ceasefire line",
  "the energy market",
  "the port deal",
  "its own history",
  "the sanctions regime",
  "the refugee quota",
  "a second front",
  "the arms budget",
  "the currency peg",
  "the election calendar",
  "the pipeline route",
  "the river crossing",
];
const CONNECTIVES = [
  "because",
  "however",
  "given that",
  "although",
  "therefore",
  "on the other hand",
  "in 1914",
  "since",
  "for example",
  "which means",
  "if that holds then",
  "compared with the last decade",
];
const CUE_PHRASES = [
  "I doubt it",
  "we'll see",
  "perhaps",
  "probably not",
  "dead on arrival",
  "nothing more than theatre",
  "great piece",
  "thanks for this",
  "well said",
  "what a joke",
  "those clowns",
  "utter nonsense",
  "I could not agree more",
  "not good at all",
  "never been better",
  "no reason to doubt",
  "let alone",
  "idiots",
  "a total disgrace",
  "I respectfully disagree",
  "spot on",
  "yeah right",
  "time will tell",
  "this is propaganda",
  "hard to believe",
  "the numbers say otherwise",
];
const DECORATIONS = [
  "😂",
  "👍",
  "🙄",
  "🤷‍♀️",
  "!",
  "?",
  "...",
  "&amp;",
  "<em>really</em>",
  "https://example.org/a/b",
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function wordCount(parts: readonly string[]): number {
  let n = 0;
  for (const p of parts) n += p.split(" ").length;
  return n;
}

/** One comment whose length is drawn uniformly from 10-120 words. */
export function generateComment(random: () => number): string {
  const target = 10 + Math.floor(random() * 111);
  const parts: string[] = [];
  while (wordCount(parts) < target) {
    const roll = random();
    if (roll < 0.45) parts.push(`${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)}.`);
    else if (roll < 0.65) parts.push(pick(random, CONNECTIVES));
    else if (roll < 0.9) parts.push(`${pick(random, CUE_PHRASES)}.`);
    else parts.push(pick(random, DECORATIONS));
  }
  return parts.join(" ");
}

/** A fixed pool of generated comments, so the benchmark measures scoring rather than generation. */
export function generatePool(size: number, seed = 42): string[] {
  const random = mulberry32(seed);
  return Array.from({ length: size }, () => generateComment(random));
}

/** Streams `count` comments by cycling over `pool`, allocating nothing per comment. */
export function* commentStream(pool: readonly string[], count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield pool[i % pool.length] as string;
}
