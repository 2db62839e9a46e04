/**
 * Our own flat format, shared by CSV and JSON Lines (spec: FORMAT.md): one row per comment, with its
 * post's fields repeated. A post is emitted the first time its post_id is seen.
 */
import { z } from "zod";
import type { NormalizedComment, NormalizedPost } from "@/lib/ingest/types";
import { parseIsoDate } from "./dates";
import type { ImportEvent } from "./events";

export const REQUIRED_COLUMNS = [
  "post_id",
  "post_title",
  "post_date",
  "comment_id",
  "parent_id",
  "author",
  "date",
  "body",
] as const;

const id = z.union([z.string().trim().min(1, "must not be empty"), z.number().transform(String)]);
const optionalId = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) =>
    value === null || value === undefined || String(value).trim() === "" ? null : String(value).trim(),
  );
const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : null));
const flag = z
  .union([z.boolean(), z.string(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (typeof value === "boolean") return value;
    const text = value?.trim().toLowerCase() ?? "";
    if (["", "false", "0", "no"].includes(text)) return false;
    if (["true", "1", "yes"].includes(text)) return true;
    ctx.addIssue({ code: "custom", message: "must be true/false, 1/0 or yes/no" });
    return z.NEVER;
  });

export const rowSchema = z.object({
  post_id: id,
  post_title: z.union([z.string(), z.null()]).optional(),
  post_date: optionalText,
  post_url: optionalText,
  comment_id: id,
  parent_id: optionalId,
  author: z.union([z.string(), z.null()]).optional(),
  author_id: optionalId,
  date: z.string(),
  edited_at: optionalText,
  body: z.union([z.string(), z.null()]).optional(),
  deleted: flag,
});

/** Remembers which posts were already emitted; a set of post ids is all the state a row stream needs. */
export class RowConverter {
  private readonly seenPosts = new Set<string>();

  /** The events for one row (a post the first time, then the comment), or one issue. */
  convert(raw: unknown, location: string): ImportEvent[] {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const field = first?.path.join(".") || "row";
      return [
        {
          type: "issue",
          issue: { location, message: `${field}: ${first?.message ?? "invalid"}; row skipped` },
        },
      ];
    }
    const row = parsed.data;
    const postedAt = parseIsoDate(row.date);
    if (!postedAt) {
      return [
        {
          type: "issue",
          issue: {
            location,
            message: `date: not an ISO 8601 time: ${JSON.stringify(row.date.slice(0, 40))}; row skipped`,
          },
        },
      ];
    }
    const events: ImportEvent[] = [];
    if (row.post_date && !parseIsoDate(row.post_date)) {
      events.push({
        type: "issue",
        issue: { location, message: `post_date: not an ISO 8601 time; left empty` },
      });
    }
    if (!this.seenPosts.has(row.post_id)) {
      this.seenPosts.add(row.post_id);
      const post: NormalizedPost = {
        externalId: row.post_id,
        slug: null,
        title: row.post_title?.trim() ?? "",
        url: row.post_url,
        publishedAt: parseIsoDate(row.post_date),
      };
      events.push({ type: "post", post });
    }
    const editedAt = parseIsoDate(row.edited_at);
    if (row.edited_at && !editedAt) {
      events.push({
        type: "issue",
        issue: { location, message: `edited_at: not an ISO 8601 time; left empty` },
      });
    }
    const comment: NormalizedComment = {
      externalId: row.comment_id,
      postExternalId: row.post_id,
      parentExternalId: row.parent_id,
      ancestorExternalIds: row.parent_id ? [row.parent_id] : [],
      ancestryComplete: row.parent_id === null,
      author: { externalId: row.author_id, name: row.author?.trim() ?? "" },
      body: row.deleted ? null : (row.body ?? ""),
      postedAt,
      editedAt,
      deleted: row.deleted,
      upstreamStatus: null,
      automodHidden: false,
      reactions: {},
      reactionCount: 0,
    };
    events.push({ type: "comment", comment });
    return events;
  }
}
