import "server-only";
import type { JSONValue } from "postgres";
import type { Sql } from "@/lib/db/sql";
import type { NormalizedComment, NormalizedPost, NormalizedPublication } from "@/lib/ingest/types";
import { textFingerprint } from "@/lib/moderation/fingerprint";
import { safeHref } from "@/lib/safe-href";

/**
 * The store step of every import: idempotent bulk upserts keyed by (publication, external id).
 * Re-importing unchanged data writes nothing; a changed body updates the row and drops its score so the
 * scorer picks it up again; nothing here ever deletes a comment.
 */

export interface CommentCounts {
  new: number;
  updated: number;
  unchanged: number;
  /** Database ids of new comments and of comments whose body changed: they need (re)scoring and moderation. */
  changedIds: number[];
}

/**
 * PostgreSQL cannot store NUL (U+0000) in text, and one in a comment would fail its whole batch: every string
 * that reaches the database here has it replaced by U+FFFD, as invalid bytes are, so nothing else is lost.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === "string")
    return (value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k), withoutNul(v)])) as T;
}

const PLATFORM = { substack: "SUBSTACK", disqus: "DISQUS", wordpress: "WORDPRESS", file: "FILE" } as const;

export async function upsertPublication(
  sql: Sql,
  given: NormalizedPublication & { baseUrl: string },
): Promise<number> {
  const publication = withoutNul(given);
  const [row] = await sql<{ id: number }[]>`
    INSERT INTO publication (platform, name, base_url, external_id, updated_at)
    VALUES (${PLATFORM[publication.platform]}::"Platform", ${publication.name}, ${publication.baseUrl},
            ${publication.externalId ?? null}, now())
    ON CONFLICT (base_url) DO UPDATE SET
      name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE publication.name END,
      external_id = coalesce(excluded.external_id, publication.external_id)
    RETURNING id`;
  if (!row) throw new Error("publication upsert returned nothing");
  return row.id;
}

/** Upserts posts; returns their database ids by external id. Fields the source did not send are kept. */
export async function upsertPosts(
  sql: Sql,
  publicationId: number,
  given: NormalizedPost[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (given.length === 0) return ids;
  const posts = withoutNul(given);
  const rows = posts.map((p) => ({
    publication_id: publicationId,
    external_id: p.externalId,
    slug: p.slug,
    title: p.title,
    subtitle: p.subtitle ?? null,
    url: safeHref(p.url),
    body_html: p.bodyHtml ?? null,
    published_at: p.publishedAt,
    upstream_comment_count: p.upstreamCommentCount ?? null,
    audience: p.audience ?? null,
    comments_open: p.commentsOpen ?? true,
    updated_at: new Date(),
  }));
  const result = await sql<{ id: number; external_id: string }[]>`
    INSERT INTO post ${sql(rows)}
    ON CONFLICT (publication_id, external_id) DO UPDATE SET
      slug = coalesce(excluded.slug, post.slug),
      title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE post.title END,
      subtitle = coalesce(excluded.subtitle, post.subtitle),
      url = coalesce(excluded.url, post.url),
      body_html = coalesce(excluded.body_html, post.body_html),
      published_at = coalesce(excluded.published_at, post.published_at),
      upstream_comment_count = coalesce(excluded.upstream_comment_count, post.upstream_comment_count),
      audience = coalesce(excluded.audience, post.audience),
      comments_open = excluded.comments_open,
      updated_at = now()
    RETURNING id, external_id`;
  for (const r of result) ids.set(r.external_id, r.id);
  return ids;
}

/** A stable commenter key: the platform's user id, else the display name (sources without user ids). */
export function commenterKey(author: NormalizedComment["author"]): string {
  return author.externalId ?? `name:${author.name.trim().toLowerCase() || "anonymous"}`;
}

async function upsertCommenters(
  sql: Sql,
  publicationId: number,
  comments: NormalizedComment[],
): Promise<Map<string, number>> {
  const byKey = new Map<
    string,
    {
      external_id: string;
      name: string;
      handle: string | null;
      photo_url: string | null;
      first_seen_at: Date;
    }
  >();
  for (const c of comments) {
    const key = commenterKey(c.author);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, {
        external_id: key,
        name: c.author.name || "Anonymous",
        handle: c.author.handle ?? null,
        photo_url: safeHref(c.author.photoUrl),
        first_seen_at: c.postedAt,
      });
    } else {
      if (c.postedAt < seen.first_seen_at) seen.first_seen_at = c.postedAt;
      // A deleted comment has no name: prefer the name a live comment gives.
      if (c.author.name && seen.name === "Anonymous") seen.name = c.author.name;
    }
  }
  const ids = new Map<string, number>();
  if (byKey.size === 0) return ids;
  const rows = [...byKey.values()].map((r) => ({
    ...r,
    publication_id: publicationId,
    updated_at: new Date(),
  }));
  const result = await sql<{ id: number; external_id: string }[]>`
    INSERT INTO commenter ${sql(rows)}
    ON CONFLICT (publication_id, external_id) DO UPDATE SET
      name = CASE WHEN excluded.name <> 'Anonymous' THEN excluded.name ELSE commenter.name END,
      handle = coalesce(excluded.handle, commenter.handle),
      photo_url = coalesce(excluded.photo_url, commenter.photo_url),
      first_seen_at = least(excluded.first_seen_at, commenter.first_seen_at),
      updated_at = now()
    RETURNING id, external_id`;
  for (const r of result) ids.set(r.external_id, r.id);
  return ids;
}

/**
 * Upserts a batch of comments of posts already stored (postIds maps their external ids).
 * Parents may come later in the stream (file formats): links are resolved by `linkReplies` after each batch.
 */
export async function upsertComments(
  sql: Sql,
  publicationId: number,
  postIds: Map<string, number>,
  given: NormalizedComment[],
): Promise<CommentCounts> {
  if (given.length === 0) return { new: 0, updated: 0, unchanged: 0, changedIds: [] };
  const comments = withoutNul(given);
  const commenterIds = await upsertCommenters(sql, publicationId, comments);
  const rows = comments.map((c) => {
    const postId = postIds.get(c.postExternalId);
    if (postId === undefined)
      throw new Error(`comment ${c.externalId} belongs to post ${c.postExternalId}, which was not stored`);
    return {
      publication_id: publicationId,
      post_id: postId,
      external_id: c.externalId,
      parent_external_id: c.parentExternalId,
      commenter_id: commenterIds.get(commenterKey(c.author)) ?? null,
      author_name: c.author.name || "Anonymous",
      body: c.body,
      body_hash: c.body === null ? null : textFingerprint(c.body),
      posted_at: c.postedAt,
      edited_at: c.editedAt,
      deleted: c.deleted,
      upstream_status: c.upstreamStatus,
      automod_hidden: c.automodHidden,
      reactions: c.reactions,
      reaction_count: c.reactionCount,
      updated_at: new Date(),
    };
  });
  // Only rows whose content changed are updated and returned; (xmax = 0) tells an insert from an update.
  const changed = await sql<{ id: number; inserted: boolean; body_changed: boolean }[]>`
    WITH incoming AS (
      SELECT * FROM jsonb_populate_recordset(null::comment, ${sql.json(rows as unknown as JSONValue)})
    ), previous AS (
      SELECT c.id, c.body FROM comment c JOIN incoming i
        ON c.publication_id = i.publication_id AND c.external_id = i.external_id
    )
    INSERT INTO comment (publication_id, post_id, external_id, parent_external_id, commenter_id, author_name, body,
                         body_hash, posted_at, edited_at, deleted, upstream_status, automod_hidden, reactions,
                         reaction_count, updated_at)
    SELECT publication_id, post_id, external_id, parent_external_id, commenter_id, author_name, body, body_hash,
           posted_at, edited_at, deleted, upstream_status, automod_hidden, reactions, reaction_count, updated_at
    FROM incoming
    ON CONFLICT (publication_id, external_id) DO UPDATE SET
      parent_external_id = excluded.parent_external_id,
      commenter_id = coalesce(excluded.commenter_id, comment.commenter_id),
      author_name = excluded.author_name,
      body = excluded.body,
      body_hash = excluded.body_hash,
      edited_at = excluded.edited_at,
      deleted = excluded.deleted,
      upstream_status = excluded.upstream_status,
      automod_hidden = excluded.automod_hidden,
      reactions = excluded.reactions,
      reaction_count = excluded.reaction_count,
      vanished_at = NULL,
      updated_at = now()
    WHERE (comment.body, comment.edited_at, comment.deleted, comment.upstream_status, comment.automod_hidden,
           comment.reactions, comment.reaction_count, comment.author_name, comment.parent_external_id,
           comment.vanished_at)
      IS DISTINCT FROM
          (excluded.body, excluded.edited_at, excluded.deleted, excluded.upstream_status, excluded.automod_hidden,
           excluded.reactions, excluded.reaction_count, excluded.author_name, excluded.parent_external_id, NULL)
    RETURNING id, (xmax = 0) AS inserted,
      (xmax <> 0 AND body IS DISTINCT FROM (SELECT p.body FROM previous p WHERE p.id = comment.id)) AS body_changed`;
  const inserted = changed.filter((r) => r.inserted).length;
  const bodyChanged = changed.filter((r) => r.body_changed).map((r) => r.id);
  if (bodyChanged.length > 0) {
    await sql`DELETE FROM comment_score WHERE comment_id = ANY(${bodyChanged}::int[])`;
  }
  return {
    new: inserted,
    updated: changed.length - inserted,
    unchanged: comments.length - changed.length,
    changedIds: [...changed.filter((r) => r.inserted).map((r) => r.id), ...bodyChanged],
  };
}

/**
 * Resolves parent ids from parent external ids and recomputes ancestor paths and depths for the given posts.
 * A comment whose parent never arrived stays top-level in the tree but keeps parent_external_id.
 */
export async function linkReplies(sql: Sql, postIds: number[]): Promise<void> {
  if (postIds.length === 0) return;
  await sql`
    UPDATE comment c SET parent_id = p.id
    FROM comment p
    WHERE c.post_id = ANY(${postIds}::int[]) AND c.parent_external_id IS NOT NULL
      AND p.publication_id = c.publication_id AND p.external_id = c.parent_external_id
      AND c.parent_id IS DISTINCT FROM p.id`;
  await sql`
    WITH RECURSIVE tree AS (
      SELECT id, ''::text AS path, 0 AS depth FROM comment
      WHERE post_id = ANY(${postIds}::int[]) AND parent_id IS NULL
      UNION ALL
      SELECT c.id, CASE WHEN t.path = '' THEN t.id::text ELSE t.path || '.' || t.id END, t.depth + 1
      FROM comment c JOIN tree t ON c.parent_id = t.id
    )
    UPDATE comment c SET ancestor_path = tree.path, depth = tree.depth
    FROM tree WHERE c.id = tree.id AND (c.ancestor_path, c.depth) IS DISTINCT FROM (tree.path, tree.depth)`;
}

/** Marks comments of a post that the latest full fetch no longer contains; returns how many were newly marked. */
export async function markVanished(sql: Sql, postId: number, seenExternalIds: string[]): Promise<number> {
  const result = await sql`
    UPDATE comment SET vanished_at = now(), updated_at = now()
    WHERE post_id = ${postId} AND vanished_at IS NULL AND NOT (external_id = ANY(${withoutNul(seenExternalIds)}::text[]))`;
  return result.count;
}
