import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { analyze } from "@/lib/scoring/analyze";
import { evaluate } from "@/lib/scoring/evaluate";
import { detectHarms, ruleFlag } from "@/lib/scoring/harm";
import { contextOf, parseLabelled } from "@/lib/scoring/labelled";

/**
 * The harm detectors' rule decision (each category at 0.5; what decides unreadable comments and names a
 * flag's reasons) against the project's own labelled comments: `written-comments.jsonl` (comments written
 * per topic, 40 flagged) and `flag-cases.jsonl` (320 cases written by two writers blind to the rules: 120
 * flag-worthy, 200 that a keyword rule would wrongly flag — insults of public figures, war reporting,
 * quoted slurs, civil disagreement, prices and links). The detectors were written with these cases in
 * view, so the figures guard against regressions of the detectors; how the shipped flag does on real
 * comments is measured by `marginalia eval` on held-out data.
 */
const TRAINING = path.join(process.cwd(), "lib", "scoring", "training");

function flagFigures(file: string): { precision: number; recall: number; misses: string[] } {
  const { records, errors } = parseLabelled(readFileSync(path.join(TRAINING, file), "utf8"));
  expect(errors).toEqual([]);
  const label = (flagged: boolean) => (flagged ? "flagged" : "not flagged");
  const predicted = records.map((r) => ruleFlag(detectHarms(analyze(r.body, contextOf(r)))).flag);
  const { perClass } = evaluate(
    ["flagged", "not flagged"],
    records.map((r) => label(r.flag)),
    predicted.map(label),
  );
  const misses = records.filter((r, i) => predicted[i] !== r.flag).map((r) => `${r.id} (gold ${r.flag})`);
  return { precision: perClass[0]?.precision ?? 0, recall: perClass[0]?.recall ?? 0, misses };
}

describe("the harm detectors' own flag rule on the project's labelled comments", () => {
  test.each([
    ["written-comments.jsonl", 0.9, 0.85],
    ["flag-cases.jsonl", 0.95, 0.85],
  ])("%s: precision >= %d, recall >= %d", (file, minPrecision, minRecall) => {
    const { precision, recall, misses } = flagFigures(file);
    expect(precision, `wrong: ${misses.join(", ")}`).toBeGreaterThanOrEqual(minPrecision);
    expect(recall, `wrong: ${misses.join(", ")}`).toBeGreaterThanOrEqual(minRecall);
  });
});
