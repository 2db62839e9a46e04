import "server-only";
import type { JSONValue } from "postgres";
import type { Sql } from "@/lib/db/sql";
import { ENTITIES_VERSION, extractEntities } from "@/lib/insights/entities/extract";
import { entityKey } from "@/lib/insights/entities/keys";
import { type KeyUsage, mergeEntityKeys } from "@/lib/insights/entities/merge";
import type { EntityKindName } from "@/lib/insights/entities/types";
import { scoreComment } from "@/lib/scoring";
import { publicationCommenterNames } from "./commenter-names";

interface CommentRow {
  id: number;
  post_id: number;
  publication_id: number;
  body: string;
  posted_at: Date;
  is_reply: boolean;
  title: string;
}

/**
 * Reads the named entities of the given comments (every comment of the post not scanned at the current
 * extractor version, or edited since), each mention with the tone and sentiment of its own sentence (the
 * fast scorer run on that sentence alone: aspect-level, not the comment's overall tone). Replaces the
 * comments' earlier mentions.
 */
export async function scanPostEntities(
  sql: Sql,
  postId: number,
): Promise<{ comments: number; mentions: number }> {
  const rows = await sql<CommentRow[]>`
    SELECT c.id, c.post_id, c.publication_id, c.body, c.posted_at, (c.parent_external_id IS NOT NULL) AS is_reply,
      p.title
    FROM comment c JOIN post p ON p.id = c.post_id
    LEFT JOIN comment_entity_scan e ON e.comment_id = c.id
    WHERE c.post_id = ${postId} AND c.body IS NOT NULL
      AND (e.comment_id IS NULL OR e.version <> ${ENTITIES_VERSION} OR e.scanned_at < c.updated_at)
    ORDER BY c.id`;
  if (rows.length === 0) return { comments: 0, mentions: 0 };
  // Readers addressing each other by name are not talking about public figures.
  const commenters = await publicationCommenterNames(sql, rows[0]!.publication_id);
  const ignore = new Set(
    commenters.flatMap((name) => {
      const key = entityKey(name);
      return key ? [key, key.split(" ")[0]!] : [];
    }),
  );
  const mentions = rows.flatMap((r) =>
    extractEntities(r.body, ignore).map((m) => {
      const sentence = r.body.slice(m.sentenceStart, m.sentenceEnd);
      const score = scoreComment(sentence, { postTitle: r.title, isReply: r.is_reply });
      return {
        publication_id: r.publication_id,
        comment_id: r.id,
        post_id: r.post_id,
        posted_at: r.posted_at,
        kind: m.kind,
        surface: m.surface,
        surface_key: m.key,
        start: m.start,
        end: m.end,
        sentence_start: m.sentenceStart,
        sentence_end: m.sentenceEnd,
        tone: score.tone,
        sentiment_score: score.sentiment.score,
        sentiment_label: score.sentiment.label,
      };
    }),
  );
  const ids = rows.map((r) => r.id);
  await sql.begin(async (tx) => {
    await tx`DELETE FROM entity_mention WHERE comment_id = ANY(${ids}::int[])`;
    if (mentions.length > 0) {
      await tx`
        INSERT INTO entity_mention (publication_id, comment_id, post_id, posted_at, kind, surface, surface_key, start,
          "end", sentence_start, sentence_end, tone, sentiment_score, sentiment_label)
        SELECT publication_id, comment_id, post_id, posted_at, kind, surface, surface_key, start, "end",
          sentence_start, sentence_end, tone, sentiment_score, sentiment_label
        FROM jsonb_populate_recordset(null::entity_mention, ${tx.json(mentions as unknown as JSONValue)})`;
    }
    await tx`
      INSERT INTO comment_entity_scan (comment_id, version, scanned_at)
      SELECT unnest(${ids}::int[]), ${ENTITIES_VERSION}, now()
      ON CONFLICT (comment_id) DO UPDATE SET version = excluded.version, scanned_at = excluded.scanned_at`;
  });
  return { comments: rows.length, mentions: mentions.length };
}

/**
 * Merges a publication's mentions into entities (lib/insights/entities/merge.ts): one row per merged name,
 * kept by its key so its id stays the same across runs, mentions pointed at it, counts refreshed; an
 * entity nobody mentions any more is removed.
 */
export async function mergePublicationEntities(sql: Sql, publicationId: number): Promise<number> {
  const usageRows = await sql<{ surface_key: string; surface: string; kind: EntityKindName; n: number }[]>`
    SELECT surface_key, surface, kind::text AS kind, count(*)::int AS n
    FROM entity_mention WHERE publication_id = ${publicationId}
    GROUP BY surface_key, surface, kind`;
  const usages = new Map<string, KeyUsage>();
  for (const r of usageRows) {
    const u = usages.get(r.surface_key) ?? { key: r.surface_key, surfaces: new Map(), kinds: new Map() };
    u.surfaces.set(r.surface, (u.surfaces.get(r.surface) ?? 0) + r.n);
    u.kinds.set(r.kind, (u.kinds.get(r.kind) ?? 0) + r.n);
    usages.set(r.surface_key, u);
  }
  const merged = mergeEntityKeys([...usages.values()]);
  const entities = merged.map((e) => ({ key: e.key, name: e.name, kind: e.kind, aliases: e.aliases }));
  const members = merged.flatMap((e) => e.memberKeys.map((m) => ({ member: m, key: e.key })));
  await sql.begin(async (tx) => {
    await tx`
      INSERT INTO entity (publication_id, key, name, kind, aliases, updated_at)
      SELECT ${publicationId}, e.key, e.name, e.kind::"EntityKind", e.aliases, now()
      FROM jsonb_to_recordset(${tx.json(entities as unknown as JSONValue)}) AS e(key text, name text, kind text, aliases text[])
      ON CONFLICT (publication_id, key) DO UPDATE SET name = excluded.name, kind = excluded.kind,
        aliases = excluded.aliases, updated_at = now()`;
    await tx`
      UPDATE entity_mention m SET entity_id = e.id
      FROM jsonb_to_recordset(${tx.json(members as unknown as JSONValue)}) AS k(member text, key text)
      JOIN entity e ON e.publication_id = ${publicationId} AND e.key = k.key
      WHERE m.publication_id = ${publicationId} AND m.surface_key = k.member AND m.entity_id IS DISTINCT FROM e.id`;
    await tx`
      UPDATE entity e SET mention_count = coalesce((SELECT count(*)::int FROM entity_mention m WHERE m.entity_id = e.id), 0)
      WHERE e.publication_id = ${publicationId}`;
    await tx`DELETE FROM entity WHERE publication_id = ${publicationId} AND mention_count = 0`;
  });
  return merged.length;
}

/**
 * The entity job: posts whose comments changed since their last scan, or scanned by another extractor version,
 * then their publications merged.
 */
export async function refreshDueEntities(
  sql: Sql,
  options: { limit?: number; until?: number } = {},
): Promise<number[]> {
  const due = await sql<{ post_id: number; changed_at: string; publication_id: number }[]>`
    SELECT s.post_id, s.changed_at::text AS changed_at, p.publication_id
    FROM post_insight_state s JOIN post p ON p.id = s.post_id
    WHERE s.entities_at IS NULL OR s.entities_at < s.changed_at OR s.entities_version IS DISTINCT FROM ${ENTITIES_VERSION}
    ORDER BY s.changed_at LIMIT ${options.limit ?? 50}`;
  const publications = new Set<number>();
  const done: number[] = [];
  for (const d of due) {
    // Past the run's time budget the rest stay due for the next run (one post is always done).
    if (options.until !== undefined && done.length > 0 && performance.now() > options.until) break;
    done.push(d.post_id);
    await scanPostEntities(sql, d.post_id);
    publications.add(d.publication_id);
    // Compared as text: a JS Date would drop the microseconds. Changed again meanwhile: stays due.
    await sql`
      UPDATE post_insight_state SET entities_at = changed_at, entities_version = ${ENTITIES_VERSION}
      WHERE post_id = ${d.post_id} AND changed_at::text = ${d.changed_at}`;
  }
  for (const id of publications) await mergePublicationEntities(sql, id);
  return done;
}
