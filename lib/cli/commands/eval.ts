/**
 * `marginalia eval <labelled.jsonl>`: scores a labelled file and prints per-class precision/recall/F1,
 * macro-F1, accuracy and the confusion matrix for tone, stance, sentiment and flag. Exits 1 when a
 * floor given with --min-* is missed (named on stderr), 2 for a missing file or a bad option.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { SENTIMENT_LABELS, STANCES, scoreComment, TONES } from "@/lib/scoring";
import { type Evaluation, evaluate, formatEvaluation, metricsFor } from "@/lib/scoring/evaluate";
import { contextOf, parseLabelled } from "@/lib/scoring/labelled";
import { UsageError } from "../main";

interface EvalOptions {
  minToneF1?: string;
  minStanceF1?: string;
  minSentimentF1?: string;
  minFlagRecall?: string;
  minFlagPrecision?: string;
}

const FLAG_LABELS = ["flagged", "not flagged"] as const;

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

export interface EvalReport {
  tone: Evaluation;
  stance: Evaluation;
  sentiment: Evaluation;
  flag: Evaluation;
}

export async function runEval(file: string): Promise<{ report: EvalReport; skipped: string[] }> {
  const { records, errors } = parseLabelled(await readLabelled(file));
  if (records.length === 0)
    throw new UsageError(`${file}: no labelled comments${errors[0] ? ` (${errors[0]})` : ""}`);
  const predicted = records.map((r) => scoreComment(r.body, contextOf(r)));
  const flagLabel = (f: boolean) => (f ? "flagged" : "not flagged");
  return {
    report: {
      tone: evaluate(
        TONES,
        records.map((r) => r.tone),
        predicted.map((p) => p.tone),
      ),
      stance: evaluate(
        STANCES,
        records.map((r) => r.stance),
        predicted.map((p) => p.stance),
      ),
      sentiment: evaluate(
        SENTIMENT_LABELS,
        records.map((r) => r.sentiment),
        predicted.map((p) => p.sentiment.label),
      ),
      flag: evaluate(
        FLAG_LABELS,
        records.map((r) => flagLabel(r.flag)),
        predicted.map((p) => flagLabel(p.flag)),
      ),
    },
    skipped: errors,
  };
}

export function registerEvalCommand(program: Command): void {
  program
    .command("eval")
    .description("score a labelled JSON Lines file and print metrics for tone, stance, sentiment and flag")
    .argument(
      "<labelled>",
      "labelled comments (JSON Lines with body, tone, stance, sentiment, flag, is_reply)",
    )
    .option("--min-tone-f1 <f1>", "exit 1 when tone macro-F1 is below this")
    .option("--min-stance-f1 <f1>", "exit 1 when stance macro-F1 is below this")
    .option("--min-sentiment-f1 <f1>", "exit 1 when sentiment macro-F1 is below this")
    .option("--min-flag-recall <r>", "exit 1 when recall of flagged comments is below this")
    .option("--min-flag-precision <p>", "exit 1 when precision of flagged comments is below this")
    .action(async (file: string, options: EvalOptions) => {
      const floors = {
        tone: floor("--min-tone-f1", options.minToneF1),
        stance: floor("--min-stance-f1", options.minStanceF1),
        sentiment: floor("--min-sentiment-f1", options.minSentimentF1),
        flagRecall: floor("--min-flag-recall", options.minFlagRecall),
        flagPrecision: floor("--min-flag-precision", options.minFlagPrecision),
      };
      const { report, skipped } = await runEval(file);
      for (const error of skipped) process.stderr.write(`skipped ${error}\n`);
      const flagged = metricsFor(report.flag, "flagged");
      const out = [
        formatEvaluation("tone", report.tone),
        formatEvaluation("stance", report.stance),
        formatEvaluation("sentiment", report.sentiment),
        formatEvaluation("flag", report.flag),
        `summary: tone macro-F1 ${report.tone.macroF1.toFixed(3)}, stance macro-F1 ${report.stance.macroF1.toFixed(3)}, ` +
          `sentiment macro-F1 ${report.sentiment.macroF1.toFixed(3)}, flag precision ${(flagged?.precision ?? 0).toFixed(3)} ` +
          `recall ${(flagged?.recall ?? 0).toFixed(3)} (n=${report.tone.total})`,
      ];
      process.stdout.write(`${out.join("\n\n")}\n`);

      const missed: string[] = [];
      const check = (name: string, value: number, min: number | undefined) => {
        if (min !== undefined && value < min) missed.push(`${name} ${value.toFixed(3)} < ${min}`);
      };
      check("tone macro-F1", report.tone.macroF1, floors.tone);
      check("stance macro-F1", report.stance.macroF1, floors.stance);
      check("sentiment macro-F1", report.sentiment.macroF1, floors.sentiment);
      check("flag recall", flagged?.recall ?? 0, floors.flagRecall);
      check("flag precision", flagged?.precision ?? 0, floors.flagPrecision);
      if (missed.length > 0) {
        process.stderr.write(`floor missed: ${missed.join("; ")}\n`);
        process.exitCode = 1;
      }
    });
}
