import { describe, expect, test } from "vitest";
import {
  type CorrectedComment,
  compactRefit,
  MIN_CORRECTIONS,
  rebuildModelFile,
  refitFromCorrections,
  storedRefitSchema,
} from "@/lib/scoring/corrections";
import { createScorer } from "@/lib/scoring/score";
import { MODEL_FILE, scoreComment } from "@/lib/scoring/shipped-model";
import {
  IN_JOKE_COMMENTS,
  IN_JOKE_LABELS,
  ORDINARY_COMMENTS,
  POST_TITLE,
} from "../../fixtures/publication-corrections";

const context = { postTitle: POST_TITLE, isReply: false };

/** The in-joke comments corrected, the ordinary ones confirmed as the shipped scorer labels them. */
function corrections(jokes: number, ordinary: number, heads: "both" | "tone" = "both"): CorrectedComment[] {
  const joke = IN_JOKE_COMMENTS.slice(0, jokes).map((text) => ({
    text,
    context,
    tone: IN_JOKE_LABELS.tone,
    stance: heads === "both" ? IN_JOKE_LABELS.stance : null,
  }));
  const confirmed = ORDINARY_COMMENTS.slice(0, ordinary).map((text) => {
    const s = scoreComment(text, context);
    return { text, context, tone: s.tone, stance: heads === "both" ? s.stance : null };
  });
  return [...joke, ...confirmed];
}

/** The stored form as the database hands it back: JSON, validated. */
const throughJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const PROBES = [...IN_JOKE_COMMENTS, ...ORDINARY_COMMENTS, "", "Thanks!", "You are an idiot and a liar."];

function expectSameScores(a: ReturnType<typeof createScorer>, b: ReturnType<typeof createScorer>) {
  for (const text of PROBES) expect(b(text, context), text).toEqual(a(text, context));
}

describe("a stored refit", () => {
  test("rebuilds the very weights file the refit returned, and so scores exactly like it", () => {
    const refitted = refitFromCorrections(MODEL_FILE, corrections(15, 12));
    const stored = storedRefitSchema.parse(throughJson(compactRefit(MODEL_FILE, refitted)));
    expect(stored.tone).not.toBeNull();
    expect(stored.stance).not.toBeNull();
    expect(stored.addedVocabulary).toContain("brindlewick");
    const rebuilt = rebuildModelFile(MODEL_FILE, stored);
    expect(throughJson(rebuilt)).toEqual(throughJson(refitted));
    expectSameScores(createScorer(refitted), createScorer(rebuilt));
    // The refit changed what is scored (else the test above proves nothing): more in-joke comments get the
    // people's tone than the shipped scorer gives them.
    const agreeing = (score: ReturnType<typeof createScorer>) =>
      IN_JOKE_COMMENTS.filter((text) => score(text, context).tone === IN_JOKE_LABELS.tone).length;
    expect(agreeing(createScorer(rebuilt))).toBeGreaterThan(agreeing(scoreComment));
  });

  test("keeps only the n-gram weights the corrections moved: a small part of the weights file", () => {
    const refitted = refitFromCorrections(MODEL_FILE, corrections(15, 12));
    const stored = compactRefit(MODEL_FILE, refitted);
    const vocabulary = refitted.vocabulary.length;
    expect(stored.tone?.gramIds.length).toBeGreaterThan(0);
    expect(stored.tone?.gramIds.length).toBeLessThan(vocabulary / 10);
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(refitted).length / 10);
  });

  test("a head with too few corrections of its own stays as shipped and is not stored", () => {
    const tonesOnly = corrections(MIN_CORRECTIONS, 2, "tone");
    const refitted = refitFromCorrections(MODEL_FILE, tonesOnly);
    const stored = compactRefit(MODEL_FILE, refitted);
    expect(stored.tone).not.toBeNull();
    expect(stored.stance).toBeNull();
    const rebuilt = rebuildModelFile(MODEL_FILE, storedRefitSchema.parse(throughJson(stored)));
    expect(throughJson(rebuilt)).toEqual(throughJson(refitted));
    // The unrefitted heads read the added grams at zero, so they answer as shipped where none occurs (a
    // comment with added grams spreads its n-gram weight over more of them: see ngrams.ts).
    const added = new Set(stored.addedVocabulary.filter((g) => !g.includes(" ")));
    const without = PROBES.filter(
      (t) =>
        !t
          .toLowerCase()
          .split(/\W+/u)
          .some((w) => added.has(w)),
    );
    expect(without.length).toBeGreaterThan(ORDINARY_COMMENTS.length);
    for (const text of without) {
      const shipped = scoreComment(text, context);
      const mine = createScorer(rebuilt)(text, context);
      expect({ stance: mine.stance, sentiment: mine.sentiment }, text).toEqual({
        stance: shipped.stance,
        sentiment: shipped.sentiment,
      });
    }
  });

  test("refuses weights that do not extend the shipped vocabulary", () => {
    const other = { ...MODEL_FILE, vocabulary: ["zz-not-shipped", ...MODEL_FILE.vocabulary] };
    expect(() => compactRefit(MODEL_FILE, other)).toThrow(/vocabulary/);
  });
});
