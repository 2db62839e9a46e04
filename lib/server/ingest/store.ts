import "server-only";
import type { TransactionSql } from "postgres";
import { copyRows } from "@/lib/db/copy";
import { inTransaction, type Sql } from "@/lib/db/sql";
import type { NormalizedComment, NormalizedPost, NormalizedPublication } from "@/lib/ingest/types";
import { textFingerprint } from "@/lib/moderation/fingerprint";
import { safeHref } from "@/lib/safe-href";

/**
 * The store step of every import: idempotent bulk upserts keyed by (publication, external id).
 * Re-importing unchanged data writes nothing; a changed body updates the row and drops its score so the
 * scoring step (which scores unscored comments) picks it up again; nothing here ever deletes a comment.
 */

export interface CommentCounts {
  new: number;
  updated: number;
  unchanged: number;
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

/** The columns a batch of comments is copied into (a temporary table: private to the transaction's session). */
const STAGING = "import_comment_staging";
const STAGING_COLUMNS = [
  "ord",
  "post_id",
  "external_id",
  "parent_external_id",
  "commenter_key",
  "author_name",
  "author_handle",
  "author_photo_url",
  "body",
  "body_hash",
  "posted_at",
  "edited_at",
  "deleted",
  "upstream_status",
  "automod_hidden",
  "reactions",
  "reaction_count",
] as const;

async function createStaging(sql: Sql): Promise<void> {
  await sql.unsafe(`
    CREATE TEMP TABLE IF NOT EXISTS ${STAGING} (
      ord int NOT NULL, post_id int NOT NULL, external_id text NOT NULL, parent_external_id text,
      commenter_key text NOT NULL, author_name text NOT NULL, author_handle text, author_photo_url text,
      body text, body_hash text, posted_at timestamptz NOT NULL, edited_at timestamptz, deleted boolean NOT NULL,
      upstream_status text, automod_hidden boolean NOT NULL, reactions jsonb NOT NULL, reaction_count int NOT NULL,
      -- filled in SQL: the comment's id (existing, or new from the sequence) and whether its body changed
      id int, existed boolean NOT NULL DEFAULT false, body_changed boolean NOT NULL DEFAULT false,
      parent_id int, ancestor_path text NOT NULL DEFAULT '', depth int NOT NULL DEFAULT 0
    ) ON COMMIT DELETE ROWS`);
  await sql.unsafe(`CREATE INDEX IF NOT EXISTS ${STAGING}_external_id ON ${STAGING} (external_id)`);
}

/**
 * Upserts a batch of comments of posts already stored (postIds maps their external ids): COPY into a
 * temporary staging table, then set-based statements resolve ids, parents, ancestor paths and depths in SQL
 * and write only what changed. Parents stored earlier or in the same batch are linked at once; a parent that
 * comes later in the stream is linked by `linkOrphans`. A comment given twice in the batch keeps its last copy.
 * Run it inside a transaction: the staging table empties at commit.
 */
export async function upsertComments(
  sql: Sql,
  publicationId: number,
  postIds: Map<string, number>,
  given: NormalizedComment[],
): Promise<CommentCounts> {
  if (given.length === 0) return { new: 0, updated: 0, unchanged: 0 };
  const latest = new Map<string, NormalizedComment>();
  for (const c of withoutNul(given)) latest.set(c.externalId, c);
  const comments = [...latest.values()];
  const atomically = <T>(fn: (tx: Sql) => Promise<T>) =>
    "savepoint" in sql
      ? (sql as unknown as TransactionSql).savepoint((tx) => fn(inTransaction(tx)))
      : sql.begin((tx) => fn(inTransaction(tx)));
  return atomically(async (tx) => {
    await createStaging(tx);
    await tx.unsafe(`TRUNCATE ${STAGING}`);
    await copyRows(
      tx,
      STAGING,
      STAGING_COLUMNS,
      comments.map((c, ord) => {
        const postId = postIds.get(c.postExternalId);
        if (postId === undefined)
          throw new Error(
            `comment ${c.externalId} belongs to post ${c.postExternalId}, which was not stored`,
          );
        return [
          ord,
          postId,
          c.externalId,
          c.parentExternalId,
          commenterKey(c.author),
          c.author.name || "Anonymous",
          c.author.handle ?? null,
          safeHref(c.author.photoUrl),
          c.body,
          c.body === null ? null : textFingerprint(c.body),
          c.postedAt,
          c.editedAt,
          c.deleted,
          c.upstreamStatus,
          c.automodHidden,
          c.reactions,
          c.reactionCount,
        ];
      }),
    );
    await tx.unsafe(`ANALYZE ${STAGING}`);
    // Commenters: one row per key, the earliest date, the first real name (a deleted comment has none).
    await tx`
      INSERT INTO commenter (publication_id, external_id, name, handle, photo_url, first_seen_at, updated_at)
      SELECT ${publicationId}, commenter_key,
        coalesce((array_agg(author_name ORDER BY ord) FILTER (WHERE author_name <> 'Anonymous'))[1], 'Anonymous'),
        (array_agg(author_handle ORDER BY ord) FILTER (WHERE author_handle IS NOT NULL))[1],
        (array_agg(author_photo_url ORDER BY ord) FILTER (WHERE author_photo_url IS NOT NULL))[1],
        min(posted_at), now()
      FROM import_comment_staging GROUP BY commenter_key ORDER BY commenter_key
      ON CONFLICT (publication_id, external_id) DO UPDATE SET
        name = CASE WHEN excluded.name <> 'Anonymous' THEN excluded.name ELSE commenter.name END,
        handle = coalesce(excluded.handle, commenter.handle),
        photo_url = coalesce(excluded.photo_url, commenter.photo_url),
        first_seen_at = least(excluded.first_seen_at, commenter.first_seen_at),
        updated_at = now()
      WHERE (commenter.name, commenter.handle, commenter.photo_url, commenter.first_seen_at) IS DISTINCT FROM
        (CASE WHEN excluded.name <> 'Anonymous' THEN excluded.name ELSE commenter.name END,
         coalesce(excluded.handle, commenter.handle), coalesce(excluded.photo_url, commenter.photo_url),
         least(excluded.first_seen_at, commenter.first_seen_at))`;
    // Ids: the stored comment's, else a new one from the sequence, so the tree can be resolved before writing.
    await tx`
      UPDATE import_comment_staging s
      SET id = c.id, existed = true, body_changed = c.body IS DISTINCT FROM s.body
      FROM comment c WHERE c.publication_id = ${publicationId} AND c.external_id = s.external_id`;
    await tx`
      UPDATE import_comment_staging SET id = nextval(pg_get_serial_sequence('comment', 'id')) WHERE id IS NULL`;
    // Tree: from comments whose parent is not in the batch (a stored parent, or none yet) down through the
    // batch. Comments on a parent cycle are never reached and stay top-level.
    await tx`
      WITH RECURSIVE tree AS (
        SELECT s.id, s.external_id, p.id AS parent_id,
          CASE WHEN p.id IS NULL THEN '' WHEN p.ancestor_path = '' THEN p.id::text
               ELSE p.ancestor_path || '.' || p.id END AS path,
          CASE WHEN p.id IS NULL THEN 0 ELSE p.depth + 1 END AS depth
        FROM import_comment_staging s
        LEFT JOIN comment p ON p.publication_id = ${publicationId} AND p.external_id = s.parent_external_id
          AND p.id <> s.id
        WHERE s.parent_external_id IS NULL
           OR NOT EXISTS (SELECT 1 FROM import_comment_staging sp WHERE sp.external_id = s.parent_external_id)
        UNION ALL
        SELECT s.id, s.external_id, t.id,
          CASE WHEN t.path = '' THEN t.id::text ELSE t.path || '.' || t.id END, t.depth + 1
        FROM import_comment_staging s JOIN tree t ON s.parent_external_id = t.external_id AND s.id <> t.id
      )
      UPDATE import_comment_staging s SET parent_id = t.parent_id, ancestor_path = t.path, depth = t.depth
      FROM tree t WHERE t.id = s.id`;
    // Only rows whose content changed are written; (xmax = 0) tells an insert from an update.
    const [counts] = await tx<{ inserted: number; updated: number }[]>`
      WITH written AS (
        INSERT INTO comment (id, publication_id, post_id, external_id, parent_external_id, parent_id, ancestor_path,
                             depth, commenter_id, author_name, body, body_hash, posted_at, edited_at, deleted,
                             upstream_status, automod_hidden, reactions, reaction_count, updated_at)
        SELECT s.id, ${publicationId}, s.post_id, s.external_id, s.parent_external_id, s.parent_id, s.ancestor_path,
          s.depth, m.id, s.author_name, s.body, s.body_hash, s.posted_at, s.edited_at, s.deleted, s.upstream_status,
          s.automod_hidden, s.reactions, s.reaction_count, now()
        FROM import_comment_staging s
        LEFT JOIN commenter m ON m.publication_id = ${publicationId} AND m.external_id = s.commenter_key
        ORDER BY s.id
        ON CONFLICT (publication_id, external_id) DO UPDATE SET
          parent_external_id = excluded.parent_external_id,
          parent_id = coalesce(excluded.parent_id, comment.parent_id),
          ancestor_path = CASE WHEN excluded.parent_id IS NULL THEN comment.ancestor_path ELSE excluded.ancestor_path END,
          depth = CASE WHEN excluded.parent_id IS NULL THEN comment.depth ELSE excluded.depth END,
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
               comment.vanished_at, comment.parent_id, comment.ancestor_path, comment.depth)
          IS DISTINCT FROM
              (excluded.body, excluded.edited_at, excluded.deleted, excluded.upstream_status, excluded.automod_hidden,
               excluded.reactions, excluded.reaction_count, excluded.author_name, excluded.parent_external_id, NULL,
               coalesce(excluded.parent_id, comment.parent_id),
               CASE WHEN excluded.parent_id IS NULL THEN comment.ancestor_path ELSE excluded.ancestor_path END,
               CASE WHEN excluded.parent_id IS NULL THEN comment.depth ELSE excluded.depth END)
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
      FROM written`;
    // An edited body is scored again (and moderated again) by the scoring step, which looks for unscored comments.
    await tx`
      DELETE FROM comment_score
      WHERE comment_id IN (SELECT id FROM import_comment_staging WHERE existed AND body_changed)`;
    const inserted = counts?.inserted ?? 0;
    const updated = counts?.updated ?? 0;
    return { new: inserted, updated, unchanged: given.length - inserted - updated };
  });
}

/**
 * Links comments whose parent arrived after them (file formats may put a reply before its parent) and
 * recomputes the ancestor paths and depths of the posts that had such comments. Cheap when there are none:
 * the look-up reads a partial index of unlinked replies.
 */
export async function linkOrphans(sql: Sql, publicationId: number): Promise<number> {
  const linked = await sql<{ post_id: number }[]>`
    UPDATE comment c SET parent_id = p.id
    FROM comment p
    WHERE c.publication_id = ${publicationId} AND c.parent_id IS NULL AND c.parent_external_id IS NOT NULL
      AND p.publication_id = c.publication_id AND p.external_id = c.parent_external_id AND p.id <> c.id
    RETURNING c.post_id`;
  await linkReplies(sql, [...new Set(linked.map((r) => r.post_id))]);
  return linked.length;
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
      AND c.parent_id IS DISTINCT FROM p.id AND p.id <> c.id`;
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
