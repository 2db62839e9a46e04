import "server-only";
import type { Sql } from "@/lib/db/sql";
import { env } from "@/lib/env";
import {
  type DigestPost,
  digestMessage,
  heldCommentsMessage,
  surgeMessage,
} from "@/lib/insights/notifications";
import { storedArgumentSetSchema } from "@/lib/schemas/arguments";
import type { RaisedSurge } from "@/lib/server/insights/surges";
import { enqueueNotification } from "./deliveries";

/** The app's own address for links in notifications. */
export function appBaseUrl(): string {
  return (env().BETTER_AUTH_URL ?? `http://localhost:${env().PORT}`).replace(/\/$/u, "");
}

export async function notifySurges(
  sql: Sql,
  raised: readonly RaisedSurge[],
  now: Date = new Date(),
): Promise<number> {
  let queued = 0;
  for (const r of raised) {
    const [publication] = await sql<
      { name: string }[]
    >`SELECT name FROM publication WHERE id = ${r.publicationId}`;
    const ids = await enqueueNotification(
      sql,
      r.publicationId,
      surgeMessage({
        publication: publication?.name ?? "",
        postId: r.postId,
        postTitle: r.postTitle,
        kind: r.surge.kind,
        summary: r.surge.summary,
        figures: r.surge.figures,
        flagId: r.flagId,
        baseUrl: appBaseUrl(),
      }),
      now,
    );
    queued += ids.length;
  }
  return queued;
}

/**
 * Comments the automatic rules withheld since the last notice (the moderation log's COMMENT_WITHHELD rows
 * past each publication's watermark): one message per publication per run.
 */
export async function notifyHeldComments(sql: Sql, now: Date = new Date()): Promise<number> {
  const settings = await sql<{ publication_id: number; name: string; held_watermark: string }[]>`
    SELECT s.publication_id, p.name, s.held_watermark::text AS held_watermark
    FROM notification_settings s JOIN publication p ON p.id = s.publication_id`;
  let queued = 0;
  for (const s of settings) {
    const held = await sql<
      { id: string; comment_id: number; rule: string | null; title: string; author_name: string }[]
    >`
      SELECT a.id::text AS id, a.comment_id, a.rule, p.title, c.author_name
      FROM moderation_action a JOIN comment c ON c.id = a.comment_id JOIN post p ON p.id = c.post_id
      WHERE a.action = 'COMMENT_WITHHELD' AND a.publication_id = ${s.publication_id} AND a.id > ${s.held_watermark}::bigint
      ORDER BY a.id`;
    if (held.length === 0) continue;
    const ids = await enqueueNotification(
      sql,
      s.publication_id,
      heldCommentsMessage({
        publication: s.name,
        count: held.length,
        samples: held.slice(0, 10).map((h) => ({
          commentId: h.comment_id,
          postTitle: h.title,
          authorName: h.author_name,
          rule: h.rule,
        })),
        baseUrl: appBaseUrl(),
      }),
      now,
    );
    queued += ids.length;
    await sql`UPDATE notification_settings SET held_watermark = ${held.at(-1)!.id}::bigint WHERE publication_id = ${s.publication_id}`;
  }
  return queued;
}

/** Today's digest time (UTC) for an hour setting: the digest goes once a day, at or after it. */
function digestTime(now: Date, hour: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
}

/** The daily digest of each publication whose digest hour has come and that has not had today's. */
export async function sendDailyDigests(sql: Sql, now: Date = new Date()): Promise<number> {
  const due = await sql<
    { publication_id: number; name: string; digest_hour_utc: number; last_digest_at: Date | null }[]
  >`
    SELECT s.publication_id, p.name, s.digest_hour_utc, s.last_digest_at
    FROM notification_settings s JOIN publication p ON p.id = s.publication_id`;
  let queued = 0;
  for (const d of due) {
    const at = digestTime(now, d.digest_hour_utc);
    if (now < at || (d.last_digest_at && d.last_digest_at >= at)) continue;
    const since = new Date(now.getTime() - 86_400_000);
    const toneRows = await sql<{ post_id: number; title: string; tone: string | null; n: number }[]>`
      SELECT c.post_id, p.title, coalesce(c.corrected_tone, s.tone)::text AS tone, count(*)::int AS n
      FROM comment c JOIN post p ON p.id = c.post_id LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.publication_id = ${d.publication_id} AND c.posted_at > ${since} AND c.posted_at <= ${now}
        AND c.body IS NOT NULL
      GROUP BY c.post_id, p.title, 3`;
    const byPost = new Map<
      number,
      { post_id: number; title: string; comments: number; tones: Record<string, number> }
    >();
    for (const r of toneRows) {
      const post = byPost.get(r.post_id) ?? { post_id: r.post_id, title: r.title, comments: 0, tones: {} };
      post.comments += r.n;
      if (r.tone) post.tones[r.tone] = r.n;
      byPost.set(r.post_id, post);
    }
    const posts = [...byPost.values()]
      .sort((a, b) => b.comments - a.comments || a.post_id - b.post_id)
      .slice(0, 10);
    const sets = await sql<{ post_id: number; side: string; groups: unknown }[]>`
      SELECT post_id, side::text AS side, groups FROM post_argument_set WHERE post_id = ANY(${posts.map((p) => p.post_id)}::int[])`;
    const labels = (postId: number, side: string) => {
      const set = sets.find((s) => s.post_id === postId && s.side === side);
      const parsed = set ? storedArgumentSetSchema.safeParse(set.groups) : null;
      return parsed?.success ? parsed.data.groups.slice(0, 3).map((g) => `${g.label} (${g.size})`) : [];
    };
    const digestPosts: DigestPost[] = posts.map((p) => ({
      postId: p.post_id,
      title: p.title,
      comments: p.comments,
      tones: p.tones,
      pushback: labels(p.post_id, "PUSHBACK"),
      landed: labels(p.post_id, "LANDED"),
    }));
    const [counts] = await sql<{ held: number; open_flags: number }[]>`
      SELECT
        (SELECT count(*)::int FROM comment WHERE publication_id = ${d.publication_id} AND status = 'SYSTEM_WITHHELD') AS held,
        (SELECT count(*)::int FROM flag f LEFT JOIN post p ON p.id = f.post_id LEFT JOIN comment c ON c.id = f.comment_id
          WHERE f.status = 'OPEN' AND coalesce(p.publication_id, c.publication_id) = ${d.publication_id}) AS open_flags`;
    const entities = await sql<{ name: string; mentions: number; positive: number; negative: number }[]>`
      SELECT e.name, count(*)::int AS mentions,
        count(*) FILTER (WHERE m.sentiment_label = 'positive')::int AS positive,
        count(*) FILTER (WHERE m.sentiment_label = 'negative')::int AS negative
      FROM entity_mention m JOIN entity e ON e.id = m.entity_id
      WHERE m.publication_id = ${d.publication_id} AND m.posted_at > ${since} AND m.posted_at <= ${now}
      GROUP BY e.id, e.name ORDER BY mentions DESC, e.id LIMIT 5`;
    const ids = await enqueueNotification(
      sql,
      d.publication_id,
      digestMessage({
        publication: d.name,
        day: now.toISOString().slice(0, 10),
        posts: digestPosts,
        held: counts?.held ?? 0,
        openFlags: counts?.open_flags ?? 0,
        entities,
        baseUrl: appBaseUrl(),
      }),
      now,
    );
    queued += ids.length;
    await sql`UPDATE notification_settings SET last_digest_at = ${now} WHERE publication_id = ${d.publication_id}`;
  }
  return queued;
}
