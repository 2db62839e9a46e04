import "server-only";
import type { TransactionSql } from "postgres";
import { copyRows } from "@/lib/db/copy";
import { inTransaction, type Sql } from "@/lib/db/sql";
import { placeInThreads, type TreePlace } from "@/lib/ingest/threads";
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
  return hasNul(value) ? replaceNul(value) : value;
}

function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(hasNul);
  if (value === null || typeof value !== "object" || value instanceof Date) return false;
  for (const k in value) if (hasNul(k) || hasNul((value as Record<string, unknown>)[k])) return true;
  return false;
}

/** A copy with every NUL replaced (the rare batch that has one; the others are stored as given). */
function replaceNul<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u0000", "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(replaceNul) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [replaceNul(k), replaceNul(v)])) as T;
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

const fingerprints = new WeakMap<NormalizedComment, string | null>();

/**
 * A comment's body fingerprint (its body_hash), computed once per comment object. Normalizing and hashing a
 * body is the costliest step of preparing a batch: the pipeline takes it as each comment is read, while the
 * batch before it is being written, instead of inside the write, where the database would wait for it.
 */
export function bodyFingerprint(comment: NormalizedComment): string | null {
  let fingerprint = fingerprints.get(comment);
  if (fingerprint === undefined) {
    fingerprint = comment.body === null ? null : textFingerprint(comment.body);
    fingerprints.set(comment, fingerprint);
  }
  return fingerprint;
}

/** A comment as written: its id, tree position and commenter resolved before the write. */
const COMMENT_COLUMNS = [
  "id",
  "publication_id",
  "post_id",
  "external_id",
  "parent_external_id",
  "parent_id",
  "ancestor_path",
  "depth",
  "commenter_id",
  "author_name",
  "body",
  "body_hash",
  "posted_at",
  "edited_at",
  "deleted",
  "upstream_status",
  "automod_hidden",
  "reactions",
  "reaction_count",
  "updated_at",
] as const;

/** Where a batch that touches stored comments is copied first (temporary: private to the session). */
const STAGING = "import_comment_batch";

/** A commenter as a batch describes it: the first real name, handle and photo given, the earliest date. */
interface BatchCommenter {
  key: string;
  name: string;
  handle: string | null;
  photoUrl: string | null;
  firstSeenAt: Date;
}

function commentersOf(comments: readonly NormalizedComment[]): BatchCommenter[] {
  const byKey = new Map<string, BatchCommenter>();
  for (const c of comments) {
    const key = commenterKey(c.author);
    const name = c.author.name || "Anonymous";
    const handle = c.author.handle ?? null;
    const photoUrl = safeHref(c.author.photoUrl);
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, { key, name, handle, photoUrl, firstSeenAt: c.postedAt });
      continue;
    }
    if (known.name === "Anonymous") known.name = name;
    known.handle ??= handle;
    known.photoUrl ??= photoUrl;
    if (c.postedAt < known.firstSeenAt) known.firstSeenAt = c.postedAt;
  }
  // In key order, so that concurrent imports lock commenters in the same order.
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Upserts a batch's commenters (changing only what is new about them); returns their ids by key. */
async function upsertCommenters(
  tx: Sql,
  publicationId: number,
  commenters: BatchCommenter[],
): Promise<Map<string, number>> {
  const keys = commenters.map((c) => c.key);
  await tx`
    INSERT INTO commenter (publication_id, external_id, name, handle, photo_url, first_seen_at, updated_at)
    SELECT ${publicationId}, u.key, u.name, u.handle, u.photo_url, u.first_seen_at, now()
    FROM unnest(${keys}::text[], ${commenters.map((c) => c.name)}::text[],
                ${commenters.map((c) => c.handle) as string[]}::text[],
                ${commenters.map((c) => c.photoUrl) as string[]}::text[],
                ${commenters.map((c) => c.firstSeenAt.toISOString())}::timestamptz[])
      AS u(key, name, handle, photo_url, first_seen_at)
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
  const rows = await tx<{ id: number; external_id: string }[]>`
    SELECT id, external_id FROM commenter WHERE publication_id = ${publicationId} AND external_id = ANY(${keys}::text[])`;
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

/**
 * Upserts a batch of comments of posts already stored (postIds maps their external ids). Ids, parents,
 * ancestor paths, depths and commenters are resolved first (one look-up of stored comments that also draws
 * the new ids from the sequence, one upsert of commenters), so that a batch none of whose comments is stored
 * yet (every batch of a first import) is written by one COPY straight into `comment`. A batch that touches
 * stored comments is copied into a temporary table and upserted from it, writing only the rows whose
 * content changed and dropping the score of each whose body changed, so the scoring step (which scores
 * unscored comments) scores it again. Parents stored earlier or in the same batch are linked at once; a
 * parent that comes later in the stream is linked by `linkOrphans`. A comment given twice in the batch keeps
 * its last copy. Run it inside a transaction when it must commit with something else.
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
  const postIdOf = comments.map((c) => {
    const postId = postIds.get(c.postExternalId);
    if (postId === undefined)
      throw new Error(`comment ${c.externalId} belongs to post ${c.postExternalId}, which was not stored`);
    return postId;
  });
  const atomically = <T>(fn: (tx: Sql) => Promise<T>) =>
    "savepoint" in sql
      ? (sql as unknown as TransactionSql).savepoint((tx) => fn(inTransaction(tx)))
      : sql.begin((tx) => fn(inTransaction(tx)));
  return atomically(async (tx) => {
    // The batch's comments already stored, and the parents outside the batch that are.
    const outsideParents = [
      ...new Set(
        comments.map((c) => c.parentExternalId).filter((p): p is string => p !== null && !latest.has(p)),
      ),
    ];
    // In one round trip: the batch's comments already stored, the parents outside the batch that are, and
    // ids from the sequence for the others.
    const batchIds = [...latest.keys()];
    const [found] = await tx<
      {
        now: Date;
        external_ids: string[];
        ids: number[];
        paths: string[];
        depths: number[];
        drawn: number[];
      }[]
    >`
      WITH known AS (
        SELECT external_id, id, ancestor_path, depth FROM comment
        WHERE publication_id = ${publicationId} AND external_id = ANY(${[...batchIds, ...outsideParents]}::text[])
      )
      SELECT now() AS now,
        ARRAY(SELECT external_id FROM known ORDER BY id) AS external_ids,
        ARRAY(SELECT id FROM known ORDER BY id) AS ids,
        ARRAY(SELECT ancestor_path FROM known ORDER BY id) AS paths,
        ARRAY(SELECT depth FROM known ORDER BY id) AS depths,
        ARRAY(
          SELECT nextval(pg_get_serial_sequence('comment', 'id'))::int FROM generate_series(1,
            ${batchIds.length}::int - (SELECT count(*) FROM known WHERE external_id = ANY(${batchIds}::text[]))::int)
        ) AS drawn`;
    if (!found) throw new Error("the comment look-up returned nothing");
    const storedIds = new Map<string, number>();
    const parents = new Map<string, { id: number; path: string; depth: number }>();
    found.external_ids.forEach((externalId, k) => {
      const id = found.ids[k] as number;
      if (latest.has(externalId)) storedIds.set(externalId, id);
      else parents.set(externalId, { id, path: found.paths[k] as string, depth: found.depths[k] as number });
    });
    const newIds = [...found.drawn].sort((a, b) => a - b);
    let next = 0;
    const ids = comments.map((c) => storedIds.get(c.externalId) ?? (newIds[next++] as number));
    const places = placeInThreads(comments, ids, parents);
    const commenterIds = await upsertCommenters(tx, publicationId, commentersOf(comments));
    const rows = comments.map((c, i) => {
      const place = places[i] as TreePlace;
      return [
        ids[i],
        publicationId,
        postIdOf[i],
        c.externalId,
        c.parentExternalId,
        place.parentId,
        place.path,
        place.depth,
        commenterIds.get(commenterKey(c.author)) ?? null,
        c.author.name || "Anonymous",
        c.body,
        bodyFingerprint(c),
        c.postedAt,
        c.editedAt,
        c.deleted,
        c.upstreamStatus,
        c.automodHidden,
        c.reactions,
        c.reactionCount,
        found.now,
      ];
    });

    if (storedIds.size === 0) {
      // None stored when looked up: straight in. One stored meanwhile by a concurrent import of the same
      // publication makes the COPY fail on the unique key; the upsert below then takes the batch.
      try {
        await (tx as unknown as TransactionSql).savepoint((sp) =>
          copyRows(inTransaction(sp), "comment", COMMENT_COLUMNS, rows),
        );
        return { new: comments.length, updated: 0, unchanged: given.length - comments.length };
      } catch (error) {
        if ((error as { code?: string }).code !== "23505") throw error;
      }
    }

    await tx.unsafe(`
      CREATE TEMP TABLE IF NOT EXISTS ${STAGING} (
        id int NOT NULL, publication_id int NOT NULL, post_id int NOT NULL, external_id text NOT NULL,
        parent_external_id text, parent_id int, ancestor_path text NOT NULL, depth int NOT NULL, commenter_id int,
        author_name text NOT NULL, body text, body_hash text, posted_at timestamptz NOT NULL,
        edited_at timestamptz, deleted boolean NOT NULL, upstream_status text, automod_hidden boolean NOT NULL,
        reactions jsonb NOT NULL, reaction_count int NOT NULL, updated_at timestamptz NOT NULL
      ) ON COMMIT DELETE ROWS`);
    await tx.unsafe(`TRUNCATE ${STAGING}`);
    await copyRows(tx, STAGING, COMMENT_COLUMNS, rows);
    // An edited body is scored again (and moderated again) by the scoring step, which looks for unscored comments.
    await tx`
      DELETE FROM comment_score WHERE comment_id IN (
        SELECT c.id FROM import_comment_batch s JOIN comment c ON c.id = s.id WHERE c.body IS DISTINCT FROM s.body)`;
    // Only rows whose content changed are written; (xmax = 0) tells an insert from an update.
    const [counts] = await tx<{ inserted: number; updated: number }[]>`
      WITH written AS (
        INSERT INTO comment (${tx.unsafe(COMMENT_COLUMNS.join(", "))})
        SELECT ${tx.unsafe(COMMENT_COLUMNS.join(", "))} FROM import_comment_batch ORDER BY id
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
