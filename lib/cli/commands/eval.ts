/**
 * `marginalia eval <labelled.jsonl> [--refiner fast|encoder|llm]`: scores a labelled file and prints per-class
 * precision/recall/F1, macro-F1, accuracy and the confusion matrix for tone, stance, sentiment and flag,
 * then the headline figures with 90% bootstrap intervals. Exits 1 when a floor given with --min-* is
 * missed (named on stderr), 2 for a missing file or a bad option. `--refiner llm` asks the configured
 * language model through the refiner's own client, cache and daily budget (so it opens the database).
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { RefinedScore } from "@/lib/scoring/encoder-head";
import { formatEvaluation } from "@/lib/scoring/evaluate";
import {
  bootstrapIntervals,
  formatHeadline,
  headlineFigures,
  judge,
  type LabelledReport,
  type Labels,
  scoreLabelled,
} from "@/lib/scoring/evaluate-labelled";
import { contextOf, type LabelledComment, parseLabelled } from "@/lib/scoring/labelled";
import { refinedFromAnswer } from "@/lib/scoring/llm";
import { refineWithEmbedding, scoreComment } from "@/lib/scoring/shipped-model";
import { llmVersion } from "@/lib/server/scoring/llm-client";
import { labelWithLlm, llmRunner } from "@/lib/server/scoring/llm-refiner";
import { embedTexts } from "@/lib/server/scoring/sentence-encoder";
import { note, withDatabase } from "../context";
import { UsageError } from "../usage-error";

/** Floors by option name and the headline figure each checks. */
const FLOORS = {
  minToneF1: "tone macro-F1",
  minSkepticalF1: "skeptical F1",
  minDismissiveF1: "dismissive F1",
  minStanceF1: "stance macro-F1",
  minSentimentF1: "sentiment macro-F1",
  minFlagRecall: "flag recall",
  minFlagPrecision: "flag precision",
} as const;
type FloorOption = keyof typeof FLOORS;

export const EVAL_REFINERS = ["fast", "encoder", "llm"] as const;
export type EvalRefiner = (typeof EVAL_REFINERS)[number];

function floor(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new UsageError(`${name} must be a number in [0, 1], got "${raw}"`);
  return value;
}

async function readLabelled(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT" ? `no such file: ${file}` : `cannot read ${file}: ${(err as Error).message}`,
    );
  }
}

/** The labels `judge` reads, of a refiner's output. */
function judgedLabels(refined: RefinedScore): Labels {
  return {
    tone: refined.tone,
    stance: refined.stance,
    flag: refined.flag,
    sentiment: { label: refined.sentimentLabel },
  };
}

/**
 * The language model's labels, the fast ones where its answer stayed unusable (as the refiner leaves
 * them). A run the budget or a failed request cuts short is an error: judging half the set would mislead,
 * and the answers already paid for are cached for the next run.
 */
async function llmLabels(records: readonly LabelledComment[], fast: readonly Labels[]): Promise<Labels[]> {
  const runner = llmRunner(note);
  if (!runner)
    throw new UsageError("--refiner llm needs MARGINALIA_LLM_URL and MARGINALIA_LLM_MODEL (see the README)");
  const comments = records.map((r, i) => {
    const context = contextOf(r);
    return {
      id: String(i),
      text: r.body,
      postTitle: context.postTitle ?? null,
      isReply: context.isReply ?? null,
    };
  });
  const result = await withDatabase(({ sql }) =>
    labelWithLlm(sql, runner, comments, (answered) => {
      if (process.stderr.isTTY) process.stderr.write(`\rlabelled ${answered} of ${comments.length}`);
    }),
  );
  if (process.stderr.isTTY) note("");
  const { cached, sent, requests, failed } = result.stats;
  note(
    `${llmVersion(runner.config.model)}: ${records.length} comments, ${cached} from the cache, ${sent} sent in ${requests} requests${requests > 0 ? ` (answer format: ${runner.chat.shape()})` : ""}, ${failed} left to the fast labels`,
  );
  if (result.error) throw result.error;
  if (result.budgetExhausted)
    throw new Error(
      `the daily budget (MARGINALIA_LLM_DAILY_BUDGET=${runner.config.dailyBudget}) ran out after ${result.answers.size} of ${records.length} comments; their answers are cached, so a run tomorrow or with a larger budget asks only for the rest`,
    );
  return records.map((_, i) => {
    const answer = result.answers.get(String(i));
    if (!answer) return fast[i] as Labels;
    return judgedLabels(refinedFromAnswer(answer, records[i]?.body ?? ""));
  });
}

/** The labels `refiner` gives each comment: the fast scorer's, or a refiner's on top. */
async function labelsBy(refiner: EvalRefiner, records: readonly LabelledComment[]): Promise<Labels[]> {
  const fast = scoreLabelled(records, scoreComment);
  if (refiner === "fast") return fast;
  if (refiner === "llm") return llmLabels(records, fast);
  const embeddings = await embedTexts(records.map((r) => r.body));
  return records.map((r, i) => {
    const context = contextOf(r);
    return judgedLabels(
      refineWithEmbedding(r.body, context, scoreComment(r.body, context), embeddings[i] as Float32Array),
    );
  });
}

export async function runEval(
  file: string,
  refiner: EvalRefiner = "fast",
): Promise<{ report: LabelledReport; predicted: Labels[]; records: LabelledComment[]; skipped: string[] }> {
  const { records, errors } = parseLabelled(await readLabelled(file));
  if (records.length === 0)
    throw new UsageError(`${file}: no labelled comments${errors[0] ? ` (${errors[0]})` : ""}`);
  const predicted = await labelsBy(refiner, records);
  return { report: judge(records, predicted), predicted, records, skipped: errors };
}

export function registerEvalCommand(program: Command): void {
  const command = program
    .command("eval")
    .description("score a labelled JSON Lines file and print metrics for tone, stance, sentiment and flag")
    .argument(
      "<labelled>",
      "labelled comments (JSON Lines with body, tone, stance, sentiment, flag, is_reply)",
    )
    .option(
      "--refiner <name>",
      `which labels to judge: ${EVAL_REFINERS.join(", ")} (encoder: the sentence encoder on top of the fast scorer; llm: the model of MARGINALIA_LLM_URL, counted in its daily budget)`,
      "fast",
    );
  for (const [option, figure] of Object.entries(FLOORS))
    command.option(
      // minToneF1 -> --min-tone-f1 (commander maps it back to minToneF1)
      `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} <value>`,
      `exit 1 when ${figure} is below this`,
    );
  command.action(
    async (file: string, options: Partial<Record<FloorOption, string>> & { refiner: string }) => {
      if (!(EVAL_REFINERS as readonly string[]).includes(options.refiner))
        throw new UsageError(
          `--refiner must be one of ${EVAL_REFINERS.join(", ")}, got "${options.refiner}"`,
        );
      const floors = Object.entries(FLOORS).map(([option, figure]) => ({
        figure,
        min: floor(`--${option}`, options[option as FloorOption]),
      }));
      const { report, predicted, records, skipped } = await runEval(file, options.refiner as EvalRefiner);
      for (const error of skipped) process.stderr.write(`skipped ${error}\n`);
      const out = [
        formatEvaluation("tone", report.tone),
        ...(report.stance ? [formatEvaluation("stance", report.stance)] : []),
        formatEvaluation("sentiment", report.sentiment),
        formatEvaluation("flag", report.flag),
        `summary (${options.refiner}, n=${report.tone.total}; 90% bootstrap intervals over the comments):\n${formatHeadline(report, bootstrapIntervals(records, predicted))}`,
      ];
      process.stdout.write(`${out.join("\n\n")}\n`);

      const figures = headlineFigures(report);
      const missed = floors
        .filter(({ figure, min }) => min !== undefined && (figures[figure] ?? 0) < min)
        .map(({ figure, min }) => `${figure} ${(figures[figure] ?? 0).toFixed(3)} < ${min}`);
      if (missed.length > 0) {
        process.stderr.write(`floor missed: ${missed.join("; ")}\n`);
        process.exitCode = 1;
      }
    },
  );
}
