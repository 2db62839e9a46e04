/**
 * Judging a publication's refit on corrections it was not fitted on, deciding whether it may replace the
 * labels shown, and when a new refit is worth making. Pure.
 */
import type { CorrectableHead, CorrectedComment } from "./corrections";
import { MIN_CORRECTIONS } from "./corrections";
import { evaluate } from "./evaluate";
import { hashString } from "./hash";
import type { Scorer } from "./score";
import { STANCES, TONES } from "./types";

/** Share of a publication's corrected comments held out to judge a refit, and the fewest held out. */
export const HELD_OUT_SHARE = 0.2;
export const MIN_HELD_OUT = 5;
/** A new refit is due when at least this many comments were corrected since the last one ... */
export const REFIT_MIN_NEW = 10;
/** ... and they are at least this share of the corrections the last one used. */
export const REFIT_MIN_GROWTH = 0.2;

export interface KeyedCorrection extends CorrectedComment {
  /** The comment's id: decides, stably, whether it is held out. */
  id: number;
}

/**
 * Splits corrections into held-out and fitting parts, deterministically: ranked by a hash of the comment
 * id, the first max(MIN_HELD_OUT, 20%) are held out. A comment keeps its rank as others join, so the
 * held-out part of one run is mostly that of the next.
 */
export function splitHeldOut<T extends { id: number }>(items: readonly T[]): { heldOut: T[]; rest: T[] } {
  const count = Math.min(items.length, Math.max(MIN_HELD_OUT, Math.round(items.length * HELD_OUT_SHARE)));
  const ranked = [...items].sort((a, b) => {
    const ha = hashString(`held-out:${a.id}`);
    const hb = hashString(`held-out:${b.id}`);
    return ha < hb ? -1 : ha > hb ? 1 : a.id - b.id;
  });
  const held = new Set(ranked.slice(0, count).map((c) => c.id));
  return { heldOut: items.filter((c) => held.has(c.id)), rest: items.filter((c) => !held.has(c.id)) };
}

export interface Agreement {
  /** Accuracy: the share of the held-out corrections the model agrees with. */
  accuracy: number;
  /** Macro-F1 over the labels that occur among the corrections or the model's answers. */
  macroF1: number;
}

export interface HeadComparison {
  /** Held-out corrections of this head. */
  heldOut: number;
  before: Agreement;
  after: Agreement;
  /**
   * The refit on the other corrections changed this head (it had MIN_CORRECTIONS of its own); when false,
   * before and after are the same model and say nothing about the refit.
   */
  measured: boolean;
}

const LABELS: Record<CorrectableHead, readonly string[]> = { tone: TONES, stance: STANCES };

function agreement(head: CorrectableHead, gold: readonly string[], predicted: readonly string[]): Agreement {
  const present = LABELS[head].filter((l) => gold.includes(l) || predicted.includes(l));
  const e = evaluate(present, gold, predicted);
  return { accuracy: e.accuracy, macroF1: e.macroF1 };
}

/**
 * How the model shown now (`before`) and the refit on the other corrections (`after`) agree with the
 * held-out corrections of `head`; null when none of them corrects it. `refittedOn` is how many
 * corrections of the head the refit had.
 */
export function compareOnHeldOut(
  head: CorrectableHead,
  heldOut: readonly CorrectedComment[],
  before: Scorer,
  after: Scorer,
  refittedOn: number,
): HeadComparison | null {
  const judged = heldOut.filter((c) => c[head] !== null);
  if (judged.length === 0) return null;
  const gold = judged.map((c) => c[head] as string);
  const answer = (s: Scorer) => judged.map((c) => s(c.text, c.context)[head]);
  return {
    heldOut: judged.length,
    before: agreement(head, gold, answer(before)),
    after: agreement(head, gold, answer(after)),
    measured: refittedOn >= MIN_CORRECTIONS,
  };
}

export interface ActivationDecision {
  activate: boolean;
  /** Said to the author beside the model. */
  reason: string;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A refit replaces the labels shown when it was measured on held-out corrections and no head's agreement
 * with them dropped. Unmeasured (too few corrections beside the held-out ones) it waits for a person.
 */
export function decideActivation(
  comparisons: Partial<Record<CorrectableHead, HeadComparison | null>>,
): ActivationDecision {
  const measured = (Object.entries(comparisons) as [CorrectableHead, HeadComparison | null][]).filter(
    (e): e is [CorrectableHead, HeadComparison] => e[1]?.measured === true,
  );
  if (measured.length === 0)
    return {
      activate: false,
      reason:
        `not measured: a head needs ${MIN_CORRECTIONS} corrections besides the held-out ones; ` +
        "switch to it by hand if you trust it",
    };
  const change = ([head, c]: [CorrectableHead, HeadComparison]) =>
    `${head} ${percent(c.before.accuracy)} → ${percent(c.after.accuracy)} on ${c.heldOut} held out`;
  const dropped = measured.filter(([, c]) => c.after.accuracy < c.before.accuracy);
  if (dropped.length > 0)
    return { activate: false, reason: `held-out agreement dropped: ${dropped.map(change).join(", ")}` };
  return { activate: true, reason: `held-out agreement did not drop: ${measured.map(change).join(", ")}` };
}

export interface CorrectionCounts {
  /** Corrected comments (tone, stance or both). */
  total: number;
  tone: number;
  stance: number;
}

/** Whether a publication with these corrections and this latest model should be refitted now. */
export function refitDue(
  counts: CorrectionCounts,
  latest: { corrections: number; baseVersion: string } | null,
  shippedVersion: string,
): { due: boolean; reason: string } {
  if (counts.tone < MIN_CORRECTIONS && counts.stance < MIN_CORRECTIONS)
    return { due: false, reason: `fewer than ${MIN_CORRECTIONS} corrections of tone and of stance` };
  if (!latest) return { due: true, reason: "no model yet" };
  if (latest.baseVersion !== shippedVersion)
    return { due: true, reason: `the latest model was made for scorer ${latest.baseVersion}` };
  const added = counts.total - latest.corrections;
  if (added >= REFIT_MIN_NEW && added >= REFIT_MIN_GROWTH * latest.corrections)
    return { due: true, reason: `${added} comments corrected since the latest model` };
  return { due: false, reason: `${Math.max(0, added)} comments corrected since the latest model` };
}
