import { z } from "zod";
import type { ArgumentSide } from "@/lib/db/generated/enums";
import { TONES } from "@/lib/scoring/types";
import { highlightSegmentSchema } from "./search";

/** The database enum ArgumentSide. */
export const ARGUMENT_SIDES = ["PUSHBACK", "LANDED"] as const satisfies readonly ArgumentSide[];

/** A group as stored in post_argument_set.groups (lib/insights/arguments/group.ts). */
export const storedArgumentGroupSchema = z.object({
  label: z.string(),
  phrases: z.array(z.object({ text: z.string(), term: z.string() })),
  size: z.number().int(),
  toneCounts: z.partialRecord(z.enum(TONES), z.number().int()),
  substantive: z.number().int(),
  dismissive: z.number().int(),
  commentIds: z.array(z.number().int()),
  representatives: z.array(
    z.object({
      commentId: z.number().int(),
      marks: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    }),
  ),
});
export const storedArgumentSetSchema = z.object({
  status: z.enum(["ready", "too_few"]),
  minComments: z.number().int(),
  unclustered: z.number().int(),
  groups: z.array(storedArgumentGroupSchema),
});
export type StoredArgumentSet = z.infer<typeof storedArgumentSetSchema>;

export const argumentQuoteSchema = z.object({
  commentId: z.number().int(),
  authorName: z.string(),
  postedAt: z.string(),
  /** The comment's text with the group's phrases marked; render as text. */
  segments: z.array(highlightSegmentSchema),
  href: z.string(),
});

export const argumentGroupSchema = storedArgumentGroupSchema
  .omit({ representatives: true })
  .extend({ quotes: z.array(argumentQuoteSchema) });
export type ArgumentGroupView = z.infer<typeof argumentGroupSchema>;

export const argumentSideSchema = z.object({
  side: z.enum(ARGUMENT_SIDES),
  /** pending: not computed yet (the job runs a minute after scoring); too_few: not enough comments to group. */
  status: z.enum(["ready", "too_few", "pending"]),
  commentCount: z.number().int(),
  minComments: z.number().int(),
  unclustered: z.number().int(),
  groups: z.array(argumentGroupSchema),
  version: z.string().nullable(),
  computedAt: z.string().nullable(),
});
export type ArgumentSideView = z.infer<typeof argumentSideSchema>;

/** GET /api/posts/[postId]/arguments */
export const postArgumentsSchema = z.object({
  postId: z.number().int(),
  pushback: argumentSideSchema,
  landed: argumentSideSchema,
});
export type PostArguments = z.infer<typeof postArgumentsSchema>;
