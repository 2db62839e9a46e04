import type { Stance, Tone } from "@/lib/scoring/types";

export type ArgumentSideName = "PUSHBACK" | "LANDED";

/**
 * Which side of a post's discussion a comment argues, from its effective labels (a person's correction
 * first): disagreeing, skeptical and dismissive comments push back; agreeing and supportive ones say what
 * landed; the rest (neutral asides, questions) are on neither side.
 */
export function argumentSide(tone: Tone, stance: Stance): ArgumentSideName | null {
  if (stance === "disagree" || tone === "skeptical" || tone === "dismissive") return "PUSHBACK";
  if (stance === "agree" || tone === "supportive") return "LANDED";
  return null;
}
