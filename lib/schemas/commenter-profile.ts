import { z } from "zod";
import { COMMENTER_STATUSES } from "@/lib/moderation/types";
import { STANCES, TONES } from "@/lib/scoring/types";
import { INT4_MAX } from "./bounds";
import { threadCommentSchema } from "./thread";

/** A commenter as their page shows them. */
export const commenterProfileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  handle: z.string().nullable(),
  /** Moderation status: ACTIVE, WATCHED, PREMOD, SUSPENDED or BANNED. */
  status: z.enum(COMMENTER_STATUSES),
  firstSeenAt: z.string(),
  publicationId: z.number().int(),
  publicationName: z.string(),
  /** Their comments with a body, and the posts those are on. */
  comments: z.number().int(),
  posts: z.number().int(),
  /** Effective tone counts of their comments. */
  tones: z.record(z.enum(TONES), z.number().int()),
  /** Effective tone counts of every comment of the publication, to compare the profile with. */
  publicationTones: z.record(z.enum(TONES), z.number().int()),
  stances: z.record(z.enum(STANCES), z.number().int()),
  /** Moderator notes on the commenter, newest first. */
  notes: z.array(
    z.object({
      id: z.number().int(),
      body: z.string(),
      createdAt: z.string(),
      authorName: z.string().nullable(),
    }),
  ),
});
export type CommenterProfile = z.infer<typeof commenterProfileSchema>;

/** One of their comments, with the post it is on. */
export const commenterCommentSchema = threadCommentSchema.extend({ postTitle: z.string() });
export type CommenterComment = z.infer<typeof commenterCommentSchema>;

/** A commenter-comments cursor: the posted-at instant (ISO) and id of the last comment of the previous page. */
export const commenterCursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z_\d{1,10}$/, {
    message: "cursor must come from a previous page's nextCursor",
  })
  .refine((v) => {
    const [at, id] = v.split("_");
    return z.iso.datetime().safeParse(at).success && Number(id) <= INT4_MAX;
  }, "cursor must come from a previous page's nextCursor");

/** GET /api/commenters/[commenterId]?cursor: the profile and one page of their comments, newest first. */
export const commenterPageSchema = z.object({
  commenter: commenterProfileSchema,
  comments: z.array(commenterCommentSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type CommenterPage = z.infer<typeof commenterPageSchema>;
