import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { scoreComment } from "@/lib/scoring";
import { evaluate } from "@/lib/scoring/evaluate";
import { contextOf, parseLabelled } from "@/lib/scoring/labelled";

/**
 * The flag rule against the project's own labelled comments: `written-comments.jsonl` (comments written
 * per topic, 40 flagged) and `flag-cases.jsonl` (320 cases written by two writers blind to the rules: 120
 * flag-worthy, 200 that a keyword rule would wrongly flag — insults of public figures, war reporting,
 * quoted slurs, civil disagreement, prices and links). Floors sit a little under today's figures, so a
 * rule change that loses real recall or precision fails here rather than in a moderator's queue.
 */
const TRAINING = path.join(process.cwd(), "lib", "scoring", "training");

function flagFigures(file: string): { precision: number; recall: number; misses: string[] } {
  const { records, errors } = parseLabelled(readFileSync(path.join(TRAINING, file), "utf8"));
  expect(errors).toEqual([]);
  const label = (flagged: boolean) => (flagged ? "flagged" : "not flagged");
  const predicted = records.map((r) => scoreComment(r.body, contextOf(r)).flag);
  const { perClass } = evaluate(
    ["flagged", "not flagged"],
    records.map((r) => label(r.flag)),
    predicted.map(label),
  );
  const misses = records.filter((r, i) => predicted[i] !== r.flag).map((r) => `${r.id} (gold ${r.flag})`);
  return { precision: perClass[0]?.precision ?? 0, recall: perClass[0]?.recall ?? 0, misses };
}

describe("flag rule on the project's labelled comments", () => {
  test.each([
    ["written-comments.jsonl", 0.9, 0.85],
    ["flag-cases.jsonl", 0.95, 0.85],
  ])("%s: precision >= %d, recall >= %d", (file, minPrecision, minRecall) => {
    const { precision, recall, misses } = flagFigures(file);
    expect(precision, `wrong: ${misses.join(", ")}`).toBeGreaterThanOrEqual(minPrecision);
    expect(recall, `wrong: ${misses.join(", ")}`).toBeGreaterThanOrEqual(minRecall);
  });
});
