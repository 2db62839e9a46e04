/**
 * The harm detectors of the rubric, one file each: threat, identity attack, abuse of the person addressed,
 * spam and doxxing flag; insult and profanity only describe (an insult of a public figure is not a flag).
 * `detectHarms` runs them all; `ruleFlag` is today's decision over their signals.
 */
import type { Analysis } from "../analyze";
import type { HarmCategory, ModerationSignals } from "../types";
import { detectCommenterAbuse } from "./commenter-abuse";
import { detectDoxxing } from "./doxxing";
import { detectIdentityAttack } from "./identity-attack";
import { detectInsult, detectProfanity } from "./insult";
import { detectSpam } from "./spam";
import { detectThreat } from "./threat";
import { HARM_THRESHOLDS } from "./thresholds";

/** Every detector's signal, each in [0, 1] and rounded to 1/1000 (the precision stored and fed to the model). */
export interface HarmSignals extends ModerationSignals {
  /** Abuse aimed at the person addressed (another commenter or the author). */
  commenterAbuse: number;
  spam: number;
  doxxing: number;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

/** Every detector over one analysis (valid only until the next `analyze` with a reused buffer). */
export function detectHarms(a: Analysis): HarmSignals {
  return {
    insult: round(detectInsult(a)),
    profanity: round(detectProfanity(a)),
    threat: round(detectThreat(a)),
    identityAttack: round(detectIdentityAttack(a)),
    commenterAbuse: round(detectCommenterAbuse(a)),
    spam: round(detectSpam(a)),
    doxxing: round(detectDoxxing(a)),
  };
}

/** The signals a Score stores (`Score.signals`). */
export function storedSignals(h: HarmSignals): ModerationSignals {
  return { insult: h.insult, profanity: h.profanity, threat: h.threat, identityAttack: h.identityAttack };
}

/**
 * The rule decision: every category whose signal reaches HARM_THRESHOLDS.flag, in HARM_CATEGORIES order.
 * It reads the rounded signals, so a signal shown to a moderator as 0.5 is a flag.
 */
export function ruleFlag(h: HarmSignals): { flag: boolean; reasons: HarmCategory[] } {
  const reasons: HarmCategory[] = [];
  const at = HARM_THRESHOLDS.flag;
  // Spelled out rather than looped over a category -> signal table: this runs for every comment scored.
  if (h.threat >= at) reasons.push("threat");
  if (h.identityAttack >= at) reasons.push("identity-attack");
  if (h.commenterAbuse >= at) reasons.push("personal-abuse");
  if (h.spam >= at) reasons.push("spam");
  if (h.doxxing >= at) reasons.push("doxxing");
  return { flag: reasons.length > 0, reasons };
}
