import { singular } from "@/lib/scoring/lemma";

/**
 * Content terms of a comment for grouping and labelling: content words (stop words dropped, crude singular)
 * and bigrams of adjacent content words within a clause, each with the character spans where it occurs, so
 * a label's phrases can be marked in the comment.
 */

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
  each even ever every few for from further get gets got had hadn't has hasn't have haven't having he he'd he'll
  he's her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it
  it's its itself just let's like made make many may me might more most much must mustn't my myself need no nor
  not now of off on once one only or other ought our ours ourselves out over own really said same say says see
  seems shan't she she'd she'll she's should shouldn't so some still such than that that's the their theirs
  them themselves then there there's these they they'd they'll they're they've thing things think this those
  though through to too under until up upon us very was wasn't way we we'd we'll we're we've well were weren't
  what what's when when's where where's whether which while who who's whom why why's will with won't would
  wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves post piece article author
  read point people lot quite rather simply actually already always anyway anything something nothing everyone
  someone going want wants know knows right yeah okay ok sure maybe perhaps indeed`
    .split(/\s+/u)
    .filter(Boolean),
);

export interface TermSpan {
  start: number;
  end: number;
}

export interface CommentTerms {
  /** term -> spans in the text; bigrams are "a b" of the two stems. */
  terms: Map<string, TermSpan[]>;
  /** term -> how it was written the first time (for labels). */
  surface: Map<string, string>;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** Characters that end a clause: a bigram never spans them. */
const CLAUSE_BREAK = /[.!?;:,()[\]"“”—–\n]/u;

export function stem(word: string): string {
  return singular(word.toLowerCase().replace(/’/gu, "'"));
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase().replace(/’/gu, "'"));
}

export function commentTerms(text: string): CommentTerms {
  const terms = new Map<string, TermSpan[]>();
  const surface = new Map<string, string>();
  const add = (term: string, span: TermSpan) => {
    const list = terms.get(term);
    if (list) list.push(span);
    else {
      terms.set(term, [span]);
      surface.set(term, text.slice(span.start, span.end));
    }
  };
  let previous: { stem: string; start: number; end: number } | null = null;
  let lastEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    if (CLAUSE_BREAK.test(text.slice(lastEnd, start))) previous = null;
    lastEnd = end;
    if (word.length < 3 || /^\p{N}+$/u.test(word) || isStopWord(word)) {
      // A stop word between two content words breaks the bigram ("price of oil" is not "price oil").
      previous = null;
      continue;
    }
    const s = stem(word);
    add(s, { start, end });
    if (previous) add(`${previous.stem} ${s}`, { start: previous.start, end });
    previous = { stem: s, start, end };
  }
  return { terms, surface };
}
