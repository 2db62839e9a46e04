/**
 * Zod schemas for the Substack JSON the importer reads (see docs/substack-api.md).
 * Only the fields marked *always* there are required; everything else is optional and nullable, and unknown
 * fields are ignored (zod objects strip them), because the API is unofficial and changes.
 *
 * The comment tree is validated one node at a time: `children` is `unknown[]` here and the normalizer walks
 * the tree with an explicit stack, so a hostile 100k-deep tree cannot overflow the call stack in zod.
 */
import { z } from "zod";

/** Substack ids are numbers; accept numeric strings too and keep them as strings. */
export const substackIdSchema = z.union([z.number(), z.string().min(1)]).transform((id) => String(id));

const optionalString = z.string().nullish();
const optionalNumber = z.number().nullish();
const optionalBoolean = z.boolean().nullish();
/** `{"❤": 12}`; non-numeric values are dropped by the normalizer, not rejected. */
const reactionsSchema = z.record(z.string(), z.unknown()).nullish();

export const substackArchivePostSchema = z.object({
  id: substackIdSchema,
  title: optionalString,
  slug: optionalString,
  post_date: optionalString,
  canonical_url: optionalString,
  comment_count: optionalNumber,
  subtitle: optionalString,
  description: optionalString,
  type: optionalString,
  audience: optionalString,
  wordcount: optionalNumber,
  reactions: reactionsSchema,
  reaction_count: optionalNumber,
  write_comment_permissions: optionalString,
  default_comment_sort: optionalString,
  publication_id: z.union([z.number(), z.string()]).nullish(),
});
export type SubstackArchivePost = z.output<typeof substackArchivePostSchema>;

/** `GET /api/v1/archive`: a bare array of posts. */
export const substackArchivePageSchema = z.array(substackArchivePostSchema);

/** `GET /api/v1/posts/{slug}`: one post, with its body. */
export const substackPostSchema = substackArchivePostSchema.extend({
  body_html: optionalString,
});
export type SubstackPost = z.output<typeof substackPostSchema>;

/** One comment node; its `children` are validated by the normalizer as it reaches them. */
export const substackCommentNodeSchema = z.object({
  id: substackIdSchema,
  body: z.string().nullable(),
  date: z.string(),
  name: z.string().nullable(),
  user_id: z.union([z.number(), z.string()]).nullable(),
  children: z.array(z.unknown()),
  ancestor_path: z.string(),
  handle: optionalString,
  photo_url: optionalString,
  post_id: z.union([z.number(), z.string()]).nullish(),
  publication_id: z.union([z.number(), z.string()]).nullish(),
  edited_at: optionalString,
  deleted: optionalBoolean,
  status: optionalString,
  suppressed: optionalBoolean,
  reactions: reactionsSchema,
  reaction_count: optionalNumber,
  children_count: optionalNumber,
});
export type SubstackCommentNode = z.output<typeof substackCommentNodeSchema>;

/** `GET /api/v1/post/{id}/comments`: top-level comments (replies nested in `children`) and automod-hidden ones. */
export const substackCommentsResponseSchema = z.object({
  comments: z.array(z.unknown()),
  automod_hidden_comments: z.array(z.unknown()).nullish(),
});

/** The first zod issue as "path: message", for error messages that say what was wrong and where. */
export function describeZodError(error: z.ZodError, prefix = ""): string {
  const issue = error.issues[0];
  if (!issue) return "invalid value";
  const path = formatPath(prefix, issue.path);
  return `${path || "(root)"}: ${issue.message}`;
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}
