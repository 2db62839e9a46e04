import { formatPercent } from "@/lib/analytics/format";
import { TONE_LABELS } from "@/lib/analytics/palette";
import { isUncertain } from "@/lib/scoring/confidence";
import { cueKind } from "@/lib/scoring/cue-kinds";
import { type Stance, TONES, type Tone } from "@/lib/scoring/types";

/**
 * When the scorer's tone is too unsure to state flatly: its calibrated probability is under one half (the
 * rule of lib/scoring/confidence.ts, which the post page's "uncertain" filter applies too), or its lead over
 * the runner-up is under CLOSE_CALL_MARGIN (a coin toss between two tones), or the highlighted words point
 * to another tone. The filter selects by probability alone, so every comment it lists is shown as uncertain.
 */
export const CLOSE_CALL_MARGIN = 0.03;
/** How many highlighted phrases a one-line explanation quotes. */
export const QUOTED_CUES = 3;

const STANCE_WORDS: Readonly<Record<Stance, string>> = {
  agree: "agrees",
  disagree: "disagrees",
  neutral: "",
};

export type UncertaintyReason = "low-probability" | "close-call" | "evidence-disagrees";

export interface LabelExplanation {
  tone: Tone;
  /** Distinct phrases (first seen first, at most QUOTED_CUES) whose cues point to the label's tone. */
  support: string[];
  /** Distinct phrases whose cues point to the stance shown, when one is. */
  stanceSupport: string[];
  /**
   * The tone most highlighted phrases point to when none of them points to the label (or to its secondary
   * tone); null when the evidence agrees or there is none.
   */
  contrary: { tone: Tone; phrases: string[] } | null;
  /** The runner-up tone when the call was close (reason "close-call"), else null. */
  runnerUp: Tone | null;
  /** The scorer's probability of the tone shown; null when unknown. */
  probability: number | null;
  /** Empty when the label can be stated flatly. A person's correction is never uncertain. */
  reasons: UncertaintyReason[];
}

export interface LabelExplanationInput {
  /** The tone shown (a person's correction, else the scorer's). */
  tone: Tone;
  stance: Stance | null;
  /** A person set the tone: probabilities and evidence no longer make it uncertain. */
  corrected: boolean;
  /** The scorer's probabilities per tone; null when unknown (then only the evidence can disagree). */
  toneScores: Readonly<Record<Tone, number>> | null;
  secondaryTone: Tone | null;
  cues: readonly { text: string; signal: string }[];
}

function distinctPhrases(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of texts) {
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length === QUOTED_CUES) break;
  }
  return out;
}

/** The tone's probability, the strongest other tone and its probability. */
function contest(scores: Readonly<Record<Tone, number>>, tone: Tone): { other: Tone; margin: number } {
  let other: Tone = tone;
  let best = Number.NEGATIVE_INFINITY;
  for (const t of TONES) {
    if (t !== tone && scores[t] > best) {
      best = scores[t];
      other = t;
    }
  }
  return { other, margin: scores[tone] - best };
}

/**
 * The one-line "why" of a comment's labels and whether the tone is uncertain: the highlighted phrases that
 * support the tone and stance, and the tone the highlights point to instead when none supports the label.
 */
export function explainLabel(input: LabelExplanationInput): LabelExplanation {
  const byTone = new Map<Tone, string[]>();
  const byStance: string[] = [];
  for (const cue of input.cues) {
    const kind = cueKind(cue.signal);
    if (kind.kind === "tone") byTone.set(kind.tone, [...(byTone.get(kind.tone) ?? []), cue.text]);
    else if (kind.kind === "stance" && kind.stance === input.stance) byStance.push(cue.text);
  }
  const support = distinctPhrases(byTone.get(input.tone) ?? []);
  const backed = support.length > 0 || (input.secondaryTone !== null && byTone.has(input.secondaryTone));
  let contrary: LabelExplanation["contrary"] = null;
  if (!backed && byTone.size > 0) {
    // The most-cited other tone; ties go to the rubric's order (TONES).
    const [tone, phrases] = [...byTone].sort(
      (a, b) => b[1].length - a[1].length || TONES.indexOf(a[0]) - TONES.indexOf(b[0]),
    )[0] as [Tone, string[]];
    contrary = { tone, phrases: distinctPhrases(phrases) };
  }

  const reasons: UncertaintyReason[] = [];
  let runnerUp: Tone | null = null;
  if (!input.corrected) {
    if (input.toneScores) {
      const { other, margin } = contest(input.toneScores, input.tone);
      if (isUncertain(input.toneScores[input.tone])) reasons.push("low-probability");
      if (margin < CLOSE_CALL_MARGIN) {
        reasons.push("close-call");
        runnerUp = other;
      }
    }
    if (contrary) reasons.push("evidence-disagrees");
  }
  return {
    tone: input.tone,
    support,
    stanceSupport: distinctPhrases(byStance),
    contrary,
    runnerUp,
    probability: input.toneScores?.[input.tone] ?? null,
    reasons,
  };
}

const quoted = (phrases: readonly string[]) => phrases.map((p) => `“${p}”`).join(", ");
const lower = (tone: Tone) => TONE_LABELS[tone].toLowerCase();

/**
 * The explanation as one line under the labels: why the tone (and stance) were given, or why the tone is
 * uncertain. `scoredTone` is the scorer's own label, named when a person changed it.
 */
export function explanationLine(
  e: LabelExplanation,
  opts: { stance: Stance | null; corrected: boolean; scoredTone: Tone | null },
): { uncertain: boolean; text: string } {
  const stancePart =
    opts.stance !== null && opts.stance !== "neutral" && e.stanceSupport.length > 0
      ? ` · ${STANCE_WORDS[opts.stance]}: ${quoted(e.stanceSupport)}`
      : "";
  if (opts.corrected) {
    const scorer =
      opts.scoredTone !== null && opts.scoredTone !== e.tone
        ? ` (the scorer said ${lower(opts.scoredTone)})`
        : "";
    return { uncertain: false, text: `${TONE_LABELS[e.tone]}, set by a person${scorer}.` };
  }
  if (e.reasons.length > 0) {
    const parts: string[] = [];
    if (e.contrary)
      parts.push(
        `labelled ${lower(e.tone)}, but ${quoted(e.contrary.phrases)} points to ${lower(e.contrary.tone)}`,
      );
    if (e.runnerUp) parts.push(`a close call between ${lower(e.tone)} and ${lower(e.runnerUp)}`);
    if (e.reasons.includes("low-probability") && e.probability !== null)
      parts.push(`the scorer is only ${formatPercent(e.probability)} sure it is ${lower(e.tone)}`);
    const text = parts.join("; ");
    return { uncertain: true, text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.${stancePart}` };
  }
  const why = e.support.length > 0 ? quoted(e.support) : "the wording as a whole, no single phrase";
  return { uncertain: false, text: `Why ${lower(e.tone)}: ${why}${stancePart}` };
}
