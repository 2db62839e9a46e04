/**
 * Judging a scorer on labelled comments: tone, stance, sentiment and flag metrics, with bootstrap
 * intervals (the noise of a 200-comment set) beside each figure. Pure; `marginalia eval` and the
 * training script both use it, so a freshly fitted model is judged exactly as the shipped one.
 */
import { mulberry32 } from "@/lib/random";
import { type Evaluation, evaluate, metricsFor } from "./evaluate";
import { contextOf, type LabelledComment } from "./labelled";
import { type Score, SENTIMENT_LABELS, STANCES, TONES } from "./types";

export const FLAG_LABELS = ["flagged", "not flagged"] as const;
const flagLabel = (flagged: boolean) => (flagged ? "flagged" : "not flagged");

/** What a scorer said about one comment, as far as the labels go. */
export type Labels = Pick<Score, "tone" | "stance" | "flag"> & {
  sentiment: Pick<Score["sentiment"], "label">;
};

export interface LabelledReport {
  tone: Evaluation;
  /** Over the comments whose stance is labelled (null when none is). */
  stance: Evaluation | null;
  sentiment: Evaluation;
  flag: Evaluation;
}

/** Each headline figure of a report, by name (the names `eval` prints and its floors check). */
export function headlineFigures(report: LabelledReport): Record<string, number> {
  const flagged = metricsFor(report.flag, "flagged");
  return {
    "tone macro-F1": report.tone.macroF1,
    "skeptical F1": metricsFor(report.tone, "skeptical")?.f1 ?? 0,
    "dismissive F1": metricsFor(report.tone, "dismissive")?.f1 ?? 0,
    "stance macro-F1": report.stance?.macroF1 ?? 0,
    "sentiment macro-F1": report.sentiment.macroF1,
    "flag precision": flagged?.precision ?? 0,
    "flag recall": flagged?.recall ?? 0,
  };
}

export function judge(records: readonly LabelledComment[], predicted: readonly Labels[]): LabelledReport {
  const withStance = records.map((r, i) => [r, predicted[i]] as const).filter(([r]) => r.stance !== null);
  return {
    tone: evaluate(
      TONES,
      records.map((r) => r.tone),
      predicted.map((p) => p.tone),
    ),
    stance:
      withStance.length === 0
        ? null
        : evaluate(
            STANCES,
            withStance.map(([r]) => r.stance ?? "neutral"),
            withStance.map(([, p]) => p?.stance ?? "neutral"),
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
  };
}

export function scoreLabelled(
  records: readonly LabelledComment[],
  score: (text: string, context: ReturnType<typeof contextOf>) => Labels,
): Labels[] {
  return records.map((r) => score(r.body, contextOf(r)));
}

/**
 * 5th and 95th percentiles of each headline figure over `rounds` resamples (with replacement) of the
 * comments: how much the figure would move on another sample of the same size.
 */
export function bootstrapIntervals(
  records: readonly LabelledComment[],
  predicted: readonly Labels[],
  rounds = 1000,
  seed = 7,
): Record<string, [number, number]> {
  const random = mulberry32(seed);
  const samples = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    const pick = records.map(() => Math.floor(random() * records.length));
    const figures = headlineFigures(
      judge(
        pick.map((i) => records[i] as LabelledComment),
        pick.map((i) => predicted[i] as Labels),
      ),
    );
    for (const [name, value] of Object.entries(figures)) {
      const list = samples.get(name) ?? [];
      list.push(value);
      samples.set(name, list);
    }
  }
  const intervals: Record<string, [number, number]> = {};
  for (const [name, values] of samples) {
    values.sort((a, b) => a - b);
    intervals[name] = [
      values[Math.floor(0.05 * (values.length - 1))] ?? 0,
      values[Math.floor(0.95 * (values.length - 1))] ?? 0,
    ];
  }
  return intervals;
}

/** One line per headline figure: value and, when given, its bootstrap interval. */
export function formatHeadline(report: LabelledReport, intervals?: Record<string, [number, number]>): string {
  return Object.entries(headlineFigures(report))
    .map(([name, value]) => {
      const band = intervals?.[name];
      return `  ${name.padEnd(20)} ${value.toFixed(3)}${band ? `  (90% bootstrap ${band[0].toFixed(2)}-${band[1].toFixed(2)})` : ""}`;
    })
    .join("\n");
}
