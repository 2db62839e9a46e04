import { z } from "zod";
import { RULE_NAMES } from "@/lib/moderation/rule-names";

const MAX_WORDS_PER_LIST = 2000;
const MAX_WORD_LENGTH = 100;

/** Trimmed, blank entries dropped, duplicates (ignoring case) removed, first spelling kept. */
const wordListSchema = z
  .array(z.string().max(MAX_WORD_LENGTH))
  .max(MAX_WORDS_PER_LIST)
  .transform((words) => {
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const raw of words) {
      const word = raw.trim().replace(/\s+/gu, " ");
      const key = word.toLowerCase();
      if (word === "" || seen.has(key)) continue;
      seen.add(key);
      kept.push(word);
    }
    return kept;
  });

const threshold = z.number().min(0).max(1);

/**
 * Per-publication moderation settings, stored as JSON on the publication and edited by its author.
 * A threshold or limit set to null turns its check off. Defaults lean towards holding for review
 * rather than rejecting: only banned words and banned/suspended commenters reject on their own.
 */
export const moderationSettingsSchema = z.object({
  /** Entries reject the comment. Whole words or phrases; `*` matches any run of letters ("idiot*"). */
  bannedWords: wordListSchema.default([]),
  /** Entries flag the comment for a look without withholding it. Same syntax as bannedWords. */
  suspectWords: wordListSchema.default([]),
  /** Hold when the scorer's hostile tone score reaches this. */
  hostilityHoldThreshold: threshold.nullable().default(0.8),
  /** Hold when the identity-attack signal reaches this (counted as hostility). */
  identityAttackHoldThreshold: threshold.nullable().default(0.7),
  /** Flag (not hold) when the insult signal reaches this and nothing hostile enough to hold fired. */
  insultFlagThreshold: threshold.nullable().default(0.6),
  /** Hold when the threat signal reaches this; lower than hostility because a missed threat costs more. */
  threatHoldThreshold: threshold.nullable().default(0.5),
  /** Hold when a comment has more links than this (0 holds every comment with a link). */
  maxLinks: z.number().int().min(0).max(100).nullable().default(2),
  /** Hold comments from commenters with fewer than `newCommenterCommentCount` prior comments. */
  holdFirstComment: z.boolean().default(false),
  newCommenterCommentCount: z.number().int().min(1).max(100).default(1),
  /** Hold when the same text has been posted this many times (this one included) within the window. */
  repeatTextMinCount: z.number().int().min(2).max(100).nullable().default(3),
  /** Whole hours, so SQL can use it as an interval directly. */
  repeatTextWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24),
  /** Normalised texts shorter than this ("Great post!") are never treated as repeats. */
  repeatTextMinLength: z.number().int().min(0).max(10_000).default(20),
  /** Rules listed here never fire for this publication. */
  disabledRules: z.array(z.enum(RULE_NAMES)).default([]),
});

export type ModerationSettings = z.output<typeof moderationSettingsSchema>;
/** What a settings form may submit: every field optional. */
export type ModerationSettingsInput = z.input<typeof moderationSettingsSchema>;

export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = Object.freeze(
  moderationSettingsSchema.parse({}),
);

/**
 * Settings with every default filled. null/undefined (a publication that never saved settings) gives
 * the defaults. Anything else that does not validate throws a ZodError: silently falling back to
 * defaults would drop the author's banned words.
 *
 * Parse once per publication and reuse the object: compiled word lists are memoised by its identity.
 */
export function parseModerationSettings(json: unknown): ModerationSettings {
  if (json === null || json === undefined) return moderationSettingsSchema.parse({});
  return moderationSettingsSchema.parse(json);
}
