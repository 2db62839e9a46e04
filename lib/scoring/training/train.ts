/**
 * `npm run scoring:train [-- --dev <file>] [--own <file>] [--folds 5] [--seeds 3] [--no-nested] [--dry-run]`
 *
 * Reads the labelled development comments (never copied into the project) and the project's own
 * labelled comments, prints k-fold cross-validated figures (L2 chosen by CV; nested CV for an unflattered
 * estimate), and writes lib/scoring/model/weights.json fitted on everything.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyze } from "../analyze";
import { evaluate, formatEvaluation } from "../evaluate";
import { extractFeatures, FEATURE_NAMES } from "../features";
import { contextOf, type LabelledComment, parseLabelled } from "../labelled";
import { moderate } from "../moderation-signals";
import { SENTIMENT_LABELS, STANCES, TONES } from "../types";
import {
  chooseL2,
  crossValidatedPredictions,
  fitHead,
  macroF1,
  nestedCrossValidatedPredictions,
  stratifiedFolds,
  type TrainingRow,
} from "./cross-validation";

const HERE = path.dirname(new URL(import.meta.url).pathname);
const L2_GRID = [0.01, 0.03, 0.1, 0.3, 1, 3, 10];

interface Prepared {
  record: LabelledComment;
  features: Float64Array;
  flagged: boolean;
  comparative: number;
}

const HEADS = {
  tone: { labels: TONES, label: (r: LabelledComment) => r.tone },
  stance: { labels: STANCES, label: (r: LabelledComment) => r.stance },
  sentiment: { labels: SENTIMENT_LABELS, label: (r: LabelledComment) => r.sentiment },
} as const;
type HeadName = keyof typeof HEADS;

function load(file: string): LabelledComment[] {
  const { records, errors } = parseLabelled(readFileSync(file, "utf8"));
  if (errors.length > 0) throw new Error(`${file}: ${errors.slice(0, 5).join(" | ")}`);
  return records;
}

function prepare(records: readonly LabelledComment[]): Prepared[] {
  return records.map((record) => {
    const a = analyze(record.body, contextOf(record));
    const m = moderate(a);
    return { record, features: extractFeatures(a, m), flagged: m.flag, comparative: a.sentiment.comparative };
  });
}

function rows(prepared: readonly Prepared[], head: HeadName): TrainingRow[] {
  const { labels, label } = HEADS[head];
  return prepared.map((p) => ({
    features: p.features,
    label: (labels as readonly string[]).indexOf(label(p.record)),
  }));
}

function main(): void {
  const { values } = parseArgs({
    options: {
      dev: { type: "string", default: "../shared/data/labeled-comments.dev.jsonl" },
      own: { type: "string", default: path.join(HERE, "own-comments.jsonl") },
      out: { type: "string", default: path.join(HERE, "..", "model", "weights.json") },
      folds: { type: "string", default: "5" },
      seeds: { type: "string", default: "3" },
      "no-nested": { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const foldCount = Number(values.folds);
  const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => 17 + i * 1000);
  const dev = prepare(load(values.dev));
  let ownRecords: LabelledComment[] = [];
  try {
    ownRecords = load(values.own);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const own = prepare(ownRecords);
  console.log(
    `development comments: ${dev.length}; project-written comments: ${own.length}; features: ${FEATURE_NAMES.length}`,
  );
  console.log(`${foldCount}-fold stratified CV, ${seeds.length} shuffles; project comments only ever train`);

  const chosen: Record<HeadName, number> = { tone: 1, stance: 1, sentiment: 1 };
  const cvSummary: Record<string, number> = {};
  for (const head of Object.keys(HEADS) as HeadName[]) {
    const labels = HEADS[head].labels;
    const devRows = rows(dev, head);
    const ownRows = rows(own, head);
    const { l2, scores } = chooseL2(devRows, ownRows, labels, L2_GRID, foldCount, seeds);
    chosen[head] = l2;
    cvSummary[`${head}CvMacroF1`] = round(scores.get(l2) ?? 0);
    console.log(
      `\n### ${head}: CV macro-F1 by L2: ${[...scores].map(([k, v]) => `${k}=${v.toFixed(3)}`).join("  ")}`,
    );
    const folds = stratifiedFolds(
      devRows.map((r) => r.label),
      foldCount,
      seeds[0] ?? 17,
    );
    const predictions = crossValidatedPredictions(devRows, ownRows, labels.length, l2, folds, foldCount);
    console.log(
      formatEvaluation(
        `${head}, out-of-fold (L2=${l2}, first shuffle)`,
        evaluate(
          labels,
          devRows.map((r) => labels[r.label] ?? ""),
          predictions.map((p) => labels[p] ?? ""),
        ),
      ),
    );
    if (!values["no-nested"]) {
      const nested = seeds.map((seed) =>
        macroF1(
          labels,
          devRows.map((r) => r.label),
          nestedCrossValidatedPredictions(devRows, ownRows, labels, L2_GRID, foldCount, seed),
        ),
      );
      const mean = nested.reduce((s, v) => s + v, 0) / nested.length;
      cvSummary[`${head}NestedCvMacroF1`] = round(mean);
      console.log(
        `${head}: NESTED CV macro-F1 ${mean.toFixed(3)} (per shuffle ${nested.map((v) => v.toFixed(3)).join(", ")})`,
      );
    }
  }

  const flag = evaluate(
    ["flagged", "not flagged"],
    dev.map((p) => (p.record.flag ? "flagged" : "not flagged")),
    dev.map((p) => (p.flagged ? "flagged" : "not flagged")),
  );
  console.log(`\n${formatEvaluation("flag (rules, no fitted weights)", flag)}`);
  const byComparative = evaluate(
    SENTIMENT_LABELS,
    dev.map((p) => p.record.sentiment),
    dev.map((p) => (p.comparative > 0.05 ? "positive" : p.comparative < -0.05 ? "negative" : "neutral")),
  );
  console.log(
    `corrected-AFINN comparative with a +-0.05 band (no fitting): sentiment macro-F1 ${byComparative.macroF1.toFixed(3)}`,
  );

  const all = [...dev, ...own];
  const fitted = {} as Record<HeadName, ReturnType<typeof fitHead>>;
  for (const head of Object.keys(HEADS) as HeadName[])
    fitted[head] = fitHead(rows(all, head), HEADS[head].labels.length, chosen[head]);
  // Every head is standardised with the same statistics (all rows), so the file stores one mean/scale.
  const reference = fitted.tone;
  const file = {
    featureNames: FEATURE_NAMES,
    mean: [...reference.mean].map(round),
    scale: [...reference.scale].map(round),
    heads: Object.fromEntries(
      (Object.keys(HEADS) as HeadName[]).map((head) => {
        const { model } = fitted[head];
        return [
          head,
          {
            classes: HEADS[head].labels,
            bias: [...model.bias].map(round),
            weights: Array.from({ length: model.k }, (_, c) =>
              [...model.weights.slice(c * model.d, (c + 1) * model.d)].map(round),
            ),
            l2: chosen[head],
          },
        ];
      }),
    ),
    training: {
      devComments: dev.length,
      ownComments: own.length,
      folds: foldCount,
      shuffles: seeds.length,
      ...cvSummary,
    },
  };
  if (values["dry-run"]) console.log("\n(dry run: weights not written)");
  else {
    writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`);
    // Keep the committed file in the repository's format so `biome check` stays clean after a retrain.
    const biome = path.join(process.cwd(), "node_modules", ".bin", "biome");
    spawnSync(biome, ["format", "--write", values.out], { stdio: "ignore" });
    console.log(`\nwrote ${values.out}`);
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

main();
