/**
 * Insult and profanity: how much abuse and swearing a comment carries, whoever it is aimed at. Neither
 * flags on its own (insulting a public figure is not a flag in the rubric); the tone model reads them, and
 * the other detectors decide whom an insult is aimed at.
 */
import type { Analysis } from "../analyze";
import { HARM_THRESHOLDS } from "./thresholds";
import { F, matchCount, saturate } from "./token-helpers";

const T = HARM_THRESHOLDS.insult;

/** 0..1 from insult, contempt and slur cues (a slur weighs most, contempt least). */
export function detectInsult(a: Analysis): number {
  return saturate(
    T.insultWeight * matchCount(a, F.insult) +
      T.contemptWeight * matchCount(a, F.contempt) +
      T.slurWeight * matchCount(a, F.slur),
  );
}

/** 0..1 from profanity cues. */
export function detectProfanity(a: Analysis): number {
  return saturate(T.profanityWeight * matchCount(a, F.profanity));
}
