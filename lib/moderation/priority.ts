import type { CommenterStatus } from "@/lib/moderation/types";

export interface QueuePriorityInput {
  /** Scorer signals, 0..1 (missing scores: pass 0). */
  readonly hostile: number;
  readonly threat: number;
  readonly insult: number;
  readonly identityAttack: number;
  /** The scorer flagged the comment, or a rule flagged it. */
  readonly scorerFlag: boolean;
  readonly reactionCount: number;
  /** Comments by the same commenter that moderators rejected before. */
  readonly commenterRejectedCount: number;
  readonly commenterStatus: CommenterStatus;
  /** Hours since the comment was posted. */
  readonly ageHours: number;
}

/**
 * Weights of the queue order. The SQL that sorts the queue must mirror `queuePriority` with these
 * constants (Postgres: LEAST/GREATEST for the caps, LN for the reaction log); the unit tests pin the
 * formula so a change here is noticed.
 *
 *   priority = THREAT·threat + HOSTILE·hostile + IDENTITY_ATTACK·identityAttack + INSULT·insult
 *            + (scorerFlag ? FLAG : 0)
 *            + REACTIONS·min(ln(1 + reactions), REACTIONS_LOG_CAP)
 *            + REJECTED·min(rejected, REJECTED_CAP) + STATUS[commenterStatus]
 *            + AGE·min(ageHours, AGE_CAP_HOURS) / AGE_CAP_HOURS
 */
export const QUEUE_PRIORITY_WEIGHTS = Object.freeze({
  /** A threat can mean real-world harm: the single strongest signal (up to 40). */
  THREAT: 40,
  /** Hostility and identity attacks are what moderation is mostly for (up to 25 each). */
  HOSTILE: 25,
  IDENTITY_ATTACK: 25,
  /** Insults matter but are often banter between regulars (up to 15). */
  INSULT: 15,
  /** Someone (the scorer or a rule) already asked for a look. */
  FLAG: 10,
  /**
   * More reactions, more readers have seen it. Logarithmic and capped (ln(1+r) ≤ 4, r ≈ 54 → at most
   * 12) so a popular comment never outranks a hostile one: 0.5 hostility alone is 12.5.
   */
  REACTIONS: 3,
  REACTIONS_LOG_CAP: 4,
  /** Repeat offenders first, up to 5 rejections (at most 10): history is evidence, not proof. */
  REJECTED: 2,
  REJECTED_CAP: 5,
  /** Standing a moderator already chose outweighs a single past rejection. */
  STATUS: Object.freeze({ ACTIVE: 0, WATCHED: 4, PREMOD: 4, SUSPENDED: 6, BANNED: 6 } satisfies Record<
    CommenterStatus,
    number
  >),
  /** Older first among equals: at most 1 point, so age only breaks ties, saturating after three days. */
  AGE: 1,
  AGE_CAP_HOURS: 72,
});

/** Non-numbers and negatives count as 0; signals are clamped to 0..1. */
function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function unit(value: number): number {
  return Math.min(nonNegative(value), 1);
}

/** Sort key for the moderation queue, higher first. See QUEUE_PRIORITY_WEIGHTS for the formula. */
export function queuePriority(input: QueuePriorityInput): number {
  const w = QUEUE_PRIORITY_WEIGHTS;
  const signals =
    w.THREAT * unit(input.threat) +
    w.HOSTILE * unit(input.hostile) +
    w.IDENTITY_ATTACK * unit(input.identityAttack) +
    w.INSULT * unit(input.insult) +
    (input.scorerFlag ? w.FLAG : 0);
  const visibility =
    w.REACTIONS * Math.min(Math.log1p(nonNegative(input.reactionCount)), w.REACTIONS_LOG_CAP);
  const history =
    w.REJECTED * Math.min(nonNegative(input.commenterRejectedCount), w.REJECTED_CAP) +
    w.STATUS[input.commenterStatus];
  const age = (w.AGE * Math.min(nonNegative(input.ageHours), w.AGE_CAP_HOURS)) / w.AGE_CAP_HOURS;
  return signals + visibility + history + age;
}
