/**
 * The labelled-comment format (the fields of the shared development and training sets) and how a record
 * becomes the scorer's input. Shared by `marginalia eval` and the training script so both score the same way.
 */
import { z } from "zod";
import { type ScoreContext, SENTIMENT_LABELS, STANCES, TONES } from "./types";

export const labelledCommentSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  body: z.string(),
  tone: z.enum(TONES),
  secondary_tone: z.enum(TONES).nullish(),
  /** Null where the post is unknown (comments collected without their thread). */
  stance: z.enum(STANCES).nullable(),
  sentiment: z.enum(SENTIMENT_LABELS),
  flag: z.boolean(),
  is_reply: z.boolean().nullish(),
  post_slug: z.string().nullish(),
  post_title: z.string().nullish(),
  confidence: z.enum(["high", "low"]).nullish(),
  /** Where a training comment comes from (e.g. a public corpus); a weight or a feature in training. */
  source: z.string().nullish(),
});
export type LabelledComment = z.infer<typeof labelledCommentSchema>;

/** The post's title when given, else the words of its URL slug ("a-peace-plan" -> "a peace plan"). */
export function contextOf(c: LabelledComment): ScoreContext {
  const title = c.post_title ?? (c.post_slug ? c.post_slug.replace(/[-_]+/g, " ") : null);
  return { postTitle: title, isReply: c.is_reply ?? null };
}

/** Parses JSON Lines text; returns records and per-line errors (1-based line numbers). */
export function parseLabelled(text: string): { records: LabelledComment[]; errors: string[] } {
  const records: LabelledComment[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim().length === 0) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      errors.push(`line ${i + 1}: not valid JSON`);
      return;
    }
    const parsed = labelledCommentSchema.safeParse(json);
    if (parsed.success) records.push(parsed.data);
    else
      errors.push(
        `line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
  });
  return { records, errors };
}
