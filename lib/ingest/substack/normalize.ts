/**
 * Pure conversion of Substack JSON into normalized posts and comments. No I/O.
 * Shape problems throw SubstackShapeError (with a JSON path); soft problems go to `onIssue`.
 */
import type { IngestIssue, NormalizedComment, NormalizedPost } from "@/lib/ingest/types";
import {
  describeZodError,
  type SubstackArchivePost,
  type SubstackCommentNode,
  type SubstackPost,
  substackArchivePageSchema,
  substackArchivePostSchema,
  substackCommentNodeSchema,
  substackCommentsResponseSchema,
  substackPostSchema,
} from "./schemas";

/** The JSON did not have the shape we need. `message` starts with the path of the first problem. */
export class SubstackShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SubstackShapeError";
  }
}

/** Comments nested deeper than this are skipped with an issue: ancestor arrays grow with depth squared. */
export const MAX_COMMENT_DEPTH = 1000;

export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function normalizeArchivePost(post: SubstackArchivePost | SubstackPost): NormalizedPost {
  const permissions = post.write_comment_permissions;
  const normalized: NormalizedPost = {
    externalId: post.id,
    slug: post.slug ?? null,
    title: post.title ?? "",
    subtitle: post.subtitle ?? null,
    url: post.canonical_url ?? null,
    publishedAt: parseDate(post.post_date),
    upstreamCommentCount: post.comment_count ?? null,
    audience: post.audience ?? null,
  };
  if (permissions) normalized.commentsOpen = permissions !== "none";
  if ("body_html" in post) normalized.bodyHtml = post.body_html ?? null;
  return normalized;
}

/** Validates one archive page (a bare array) and normalizes it. */
export function parseArchivePage(json: unknown): NormalizedPost[] {
  const parsed = substackArchivePageSchema.safeParse(json);
  if (!parsed.success) throw new SubstackShapeError(describeZodError(parsed.error));
  return parsed.data.map(normalizeArchivePost);
}

/** Validates one archive entry (e.g. an element of a saved archive file). */
export function parseArchiveEntry(json: unknown, location = ""): NormalizedPost {
  const parsed = substackArchivePostSchema.safeParse(json);
  if (!parsed.success) throw new SubstackShapeError(describeZodError(parsed.error, location));
  return normalizeArchivePost(parsed.data);
}

/** Validates the single-post answer (`/api/v1/posts/{slug}`), body included. */
export function parseSinglePost(json: unknown): NormalizedPost {
  const parsed = substackPostSchema.safeParse(json);
  if (!parsed.success) throw new SubstackShapeError(describeZodError(parsed.error));
  return normalizeArchivePost(parsed.data);
}

export interface CommentWalkOptions {
  postExternalId: string;
  /** True for trees from `automod_hidden_comments`. */
  automodHidden: boolean;
  /** The JSON path of the roots array, for messages, e.g. "comments". */
  pathPrefix: string;
  /** The index of roots[0] in that array, when walking a slice of it (streamed files). Default 0. */
  firstIndex?: number;
  onIssue?: (issue: IngestIssue) => void;
  /** Ids already emitted for this post; duplicates are reported and skipped. */
  seen?: Set<string>;
  maxDepth?: number;
}

interface PendingNode {
  raw: unknown;
  path: string;
  /** Ancestors from the nesting, root first; null for a root (its ancestor_path decides). */
  ancestors: string[] | null;
  depth: number;
}

/**
 * Walks comment trees depth-first with an explicit stack and yields each comment before its replies.
 * Nesting decides the parent; `ancestor_path` is cross-checked and a mismatch reported. A root with a
 * non-empty `ancestor_path` (e.g. an automod-hidden reply listed on its own) takes its ancestry from it.
 * Throws SubstackShapeError on a node that lacks a required field.
 */
export function* walkCommentTrees(
  roots: readonly unknown[],
  options: CommentWalkOptions,
): Generator<NormalizedComment> {
  const maxDepth = options.maxDepth ?? MAX_COMMENT_DEPTH;
  const seen = options.seen ?? new Set<string>();
  const stack: PendingNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    const index = i + (options.firstIndex ?? 0);
    stack.push({ raw: roots[i], path: `${options.pathPrefix}[${index}]`, ancestors: null, depth: 0 });
  }
  let cutBranches = 0;
  for (let pending = stack.pop(); pending; pending = stack.pop()) {
    if (pending.depth > maxDepth) {
      cutBranches++;
      continue;
    }
    const parsed = substackCommentNodeSchema.safeParse(pending.raw);
    if (!parsed.success) throw new SubstackShapeError(describeZodError(parsed.error, pending.path));
    const node = parsed.data;
    const declared = splitAncestorPath(node.ancestor_path);
    const ancestors = pending.ancestors ?? declared;
    if (pending.ancestors !== null && !sameIds(declared, pending.ancestors)) {
      options.onIssue?.({
        location: pending.path,
        message: `comment ${node.id}: ancestor_path "${node.ancestor_path}" disagrees with its nesting under ${pending.ancestors.join(".") || "the top level"}; the nesting is kept`,
      });
    }
    const postedAt = parseDate(node.date);
    if (!postedAt)
      throw new SubstackShapeError(`${pending.path}.date: not a date: ${JSON.stringify(node.date)}`);
    const childAncestors = [...ancestors, node.id];
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({
        raw: node.children[i],
        path: `${pending.path}.children[${i}]`,
        ancestors: childAncestors,
        depth: pending.depth + 1,
      });
    }
    if (seen.has(node.id)) {
      options.onIssue?.({
        location: pending.path,
        message: `comment ${node.id} appears twice; the first is kept`,
      });
      continue;
    }
    seen.add(node.id);
    yield toNormalizedComment(node, ancestors, postedAt, options);
  }
  if (cutBranches > 0) {
    options.onIssue?.({
      location: options.pathPrefix,
      message: `replies nested deeper than ${maxDepth} levels were skipped (${cutBranches} branch(es) cut)`,
    });
  }
}

function toNormalizedComment(
  node: SubstackCommentNode,
  ancestors: string[],
  postedAt: Date,
  options: CommentWalkOptions,
): NormalizedComment {
  const deleted = node.deleted === true || (node.body === null && !node.status);
  const reactions = numericReactions(node.reactions);
  return {
    externalId: node.id,
    postExternalId: node.post_id != null ? String(node.post_id) : options.postExternalId,
    parentExternalId: ancestors.at(-1) ?? null,
    ancestorExternalIds: ancestors,
    ancestryComplete: true,
    author: {
      externalId: node.user_id != null ? String(node.user_id) : null,
      name: node.name ?? "",
      handle: node.handle ?? null,
      photoUrl: node.photo_url ?? null,
    },
    body: deleted ? null : node.body,
    postedAt,
    editedAt: parseDate(node.edited_at),
    deleted,
    upstreamStatus: node.status ?? null,
    automodHidden: options.automodHidden,
    reactions,
    reactionCount: node.reaction_count ?? Object.values(reactions).reduce((sum, n) => sum + n, 0),
  };
}

/**
 * Validates a whole comments answer and flattens it: visible trees first, then automod-hidden ones,
 * each comment before its replies.
 */
export function normalizeCommentsResponse(
  json: unknown,
  postExternalId: string,
  onIssue?: (issue: IngestIssue) => void,
): NormalizedComment[] {
  const parsed = substackCommentsResponseSchema.safeParse(json);
  if (!parsed.success) throw new SubstackShapeError(describeZodError(parsed.error));
  const seen = new Set<string>();
  const common = { postExternalId, onIssue, seen };
  return [
    ...walkCommentTrees(parsed.data.comments, { ...common, automodHidden: false, pathPrefix: "comments" }),
    ...walkCommentTrees(parsed.data.automod_hidden_comments ?? [], {
      ...common,
      automodHidden: true,
      pathPrefix: "automod_hidden_comments",
    }),
  ];
}

function splitAncestorPath(path: string): string[] {
  return path === "" ? [] : path.split(".").filter((id) => id !== "");
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function numericReactions(reactions: Record<string, unknown> | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [reaction, count] of Object.entries(reactions ?? {})) {
    if (typeof count === "number" && Number.isFinite(count)) out[reaction] = count;
  }
  return out;
}
