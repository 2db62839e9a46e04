/**
 * `npm run scoring:train -- --corrections-curve [--corrections-from <file>] [--prior-strengths 30,100,300]`:
 * proves that learning from corrections works, on comments the shipped weights never saw. A labelled set
 * (the development set by default) plays one publication's readers: per shuffle, a fixed part is held out
 * for judging and corrections are drawn from the rest in growing numbers; the heads are refitted on them
 * (lib/scoring/corrections.ts) and judged on the held-out part. Heads whose labels the set leaves out (or
 * that `heads` excludes) are not corrected.
 */
import { mulberry32 } from "@/lib/random";
import {
  type CorrectedComment,
  MIN_CORRECTIONS,
  PRIOR_STRENGTH,
  refitFromCorrections,
} from "@/lib/scoring/corrections";
import { evaluate } from "@/lib/scoring/evaluate";
import { contextOf, type LabelledComment } from "@/lib/scoring/labelled";
import { createScorer } from "@/lib/scoring/score";
import { MODEL_FILE } from "@/lib/scoring/shipped-model";
import { STANCES, TONES } from "@/lib/scoring/types";

const SIZES = [0, 10, 20, 40, 80, 120];
const SHUFFLES = 5;
const HELD_OUT_SHARE = 0.35;

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length);
const sd = (xs: readonly number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const fmt = (xs: readonly number[]) => `${mean(xs).toFixed(3)} +- ${sd(xs).toFixed(3)}`;

export function printCorrectionsCurve(
  records: readonly LabelledComment[],
  seed: number,
  options: { priorStrength?: number; heads?: readonly ("tone" | "stance")[] } = {},
): void {
  const priorStrength = options.priorStrength ?? PRIOR_STRENGTH;
  const heads = options.heads ?? ["tone", "stance"];
  const heldOutSize = Math.round(records.length * HELD_OUT_SHARE);
  const sizes = SIZES.filter((n) => n <= records.length - heldOutSize);
  console.log(
    `corrections curve: ${records.length} labelled comments as one publication; per shuffle ${heldOutSize} held out, ` +
      `corrections drawn from the other ${records.length - heldOutSize}; ${SHUFFLES} shuffles; prior strength ` +
      `${priorStrength}; corrected: ${heads.join(", ")}; a head refits from ${MIN_CORRECTIONS} corrections`,
  );
  console.log("corrections | tone agreement | tone macro-F1 | stance agreement | stance macro-F1");
  for (const n of sizes) {
    const toneAcc: number[] = [];
    const toneF1: number[] = [];
    const stanceAcc: number[] = [];
    const stanceF1: number[] = [];
    for (let s = 0; s < SHUFFLES; s++) {
      const order = shuffled(records, seed + s * 7919);
      const judged = order.slice(0, heldOutSize);
      const corrections: CorrectedComment[] = order.slice(heldOutSize, heldOutSize + n).map((r) => ({
        text: r.body,
        context: contextOf(r),
        tone: heads.includes("tone") ? r.tone : null,
        stance: heads.includes("stance") ? r.stance : null,
      }));
      const score = createScorer(
        n === 0 ? MODEL_FILE : refitFromCorrections(MODEL_FILE, corrections, priorStrength),
      );
      const predicted = judged.map((r) => score(r.body, contextOf(r)));
      const tone = evaluate(
        TONES,
        judged.map((r) => r.tone),
        predicted.map((p) => p.tone),
      );
      const withStance = judged.map((r, i) => [r, predicted[i]] as const).filter(([r]) => r.stance !== null);
      const stance = evaluate(
        STANCES,
        withStance.map(([r]) => r.stance ?? "neutral"),
        withStance.map(([, p]) => p?.stance ?? "neutral"),
      );
      toneAcc.push(tone.accuracy);
      toneF1.push(tone.macroF1);
      stanceAcc.push(stance.accuracy);
      stanceF1.push(stance.macroF1);
    }
    console.log(
      `${String(n).padStart(11)} | ${fmt(toneAcc)} | ${fmt(toneF1)} | ${fmt(stanceAcc)} | ${fmt(stanceF1)}`,
    );
  }
}
