import "server-only";
import { inTransaction, type Sql } from "@/lib/db/sql";
import { detectSurges, type Surge, type SurgeCounts } from "@/lib/insights/surge";
import type { PostFlagReason } from "@/lib/moderation/reasons";
import { appendLog, type LogEntry } from "@/lib/server/audit-log";

const HOUR_MS = 3_600_000;
/** The hour's comments are the window when there are at least this many; else the last LAST_N comments. */
const MIN_HOUR_WINDOW = 8;
const LAST_N = 20;
/** After a surge flag (open or closed), the same rule stays quiet on the post this long. */
const COOLDOWN_HOURS = 6;

export const SURGE_RULES = { HOSTILE_SURGE: "surge:hostile", BRIGADING: "surge:brigading" } as const;
const REASONS = {
  HOSTILE_SURGE: "HEATED_THREAD",
  BRIGADING: "BRIGADING_SUSPECTED",
} as const satisfies Record<string, PostFlagReason>;

/** Hostile (effective tone, a person's correction first) or flagged (by the scorer or an open flag). */
const HOSTILE_OR_FLAGGED = `(coalesce(c.corrected_tone, s.tone) = 'hostile' OR coalesce(s.flag, false)
  OR EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN'))`;

export interface RaisedSurge {
  postId: number;
  publicationId: number;
  postTitle: string;
  flagId: number;
  surge: Surge;
}

async function publicationBaseline(sql: Sql, publicationId: number, now: Date) {
  const [row] = await sql<{ comments: number; hostile: number; newcomers: number }[]>`
    SELECT count(*)::int AS comments,
      count(*) FILTER (WHERE ${sql.unsafe(HOSTILE_OR_FLAGGED)})::int AS hostile,
      count(*) FILTER (WHERE m.first_seen_at > c.posted_at - interval '1 day')::int AS newcomers
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id LEFT JOIN commenter m ON m.id = c.commenter_id
    WHERE c.publication_id = ${publicationId} AND c.body IS NOT NULL
      AND c.posted_at > ${new Date(now.getTime() - 30 * 24 * HOUR_MS)} AND c.posted_at <= ${now}`;
  return row ?? { comments: 0, hostile: 0, newcomers: 0 };
}

/** The counts detectSurges reads, for one post at `now`; null when the post had no comment in the last hour. */
export async function surgeCounts(
  sql: Sql,
  postId: number,
  now: Date,
  publication: { comments: number; hostile: number; newcomers: number },
): Promise<SurgeCounts | null> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const recent = await sql<{ posted_at: Date; hostile: boolean; newcomer: boolean }[]>`
    SELECT c.posted_at, ${sql.unsafe(HOSTILE_OR_FLAGGED)} AS hostile,
      coalesce(m.first_seen_at > ${new Date(now.getTime() - 24 * HOUR_MS)}, false) AS newcomer
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id LEFT JOIN commenter m ON m.id = c.commenter_id
    WHERE c.post_id = ${postId} AND c.body IS NOT NULL AND c.posted_at <= ${now}
      AND (c.posted_at > ${hourAgo} OR c.id IN (
        SELECT id FROM comment WHERE post_id = ${postId} AND body IS NOT NULL AND posted_at <= ${now}
        ORDER BY posted_at DESC, id DESC LIMIT ${LAST_N}))
    ORDER BY c.posted_at DESC, c.id DESC`;
  const hour = recent.filter((r) => r.posted_at > hourAgo);
  if (hour.length === 0) return null;
  const window = hour.length >= MIN_HOUR_WINDOW ? hour : recent.slice(0, LAST_N);
  const windowStart = window.at(-1)!.posted_at;
  const [before] = await sql<{ comments: number; hostile: number; first: Date | null }[]>`
    SELECT count(*)::int AS comments, count(*) FILTER (WHERE ${sql.unsafe(HOSTILE_OR_FLAGGED)})::int AS hostile,
      min(c.posted_at) AS first
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
    WHERE c.post_id = ${postId} AND c.body IS NOT NULL AND c.posted_at < ${windowStart}`;
  return {
    windowComments: window.length,
    windowHostile: window.filter((r) => r.hostile).length,
    hourComments: hour.length,
    hourNewcomers: hour.filter((r) => r.newcomer).length,
    postComments: before?.comments ?? 0,
    postHostile: before?.hostile ?? 0,
    postActiveHours: before?.first
      ? Math.max(1, (windowStart.getTime() - before.first.getTime()) / HOUR_MS)
      : 1,
    publicationComments: publication.comments,
    publicationHostile: publication.hostile,
    publicationNewcomers: publication.newcomers,
  };
}

/**
 * The surge job: every post with comments scored in the last hour is checked against its own history and
 * the publication's; a surge raises a system flag on the post (reason HEATED_THREAD or BRIGADING_SUSPECTED,
 * the figures in its note) and a log row, unless the same rule flagged the post in the last hours. People
 * resolve or dismiss it like any post flag.
 */
export async function checkSurges(sql: Sql, now: Date = new Date()): Promise<RaisedSurge[]> {
  const candidates = await sql<{ post_id: number; publication_id: number; title: string }[]>`
    SELECT s.post_id, p.publication_id, p.title FROM post_insight_state s JOIN post p ON p.id = s.post_id
    WHERE s.changed_at > ${new Date(now.getTime() - HOUR_MS)}
    ORDER BY s.post_id`;
  const baselines = new Map<number, Awaited<ReturnType<typeof publicationBaseline>>>();
  const raised: RaisedSurge[] = [];
  for (const post of candidates) {
    let baseline = baselines.get(post.publication_id);
    if (!baseline) {
      baseline = await publicationBaseline(sql, post.publication_id, now);
      baselines.set(post.publication_id, baseline);
    }
    const counts = await surgeCounts(sql, post.post_id, now, baseline);
    if (!counts) continue;
    for (const surge of detectSurges(counts)) {
      const rule = SURGE_RULES[surge.kind];
      const flagId = await sql.begin(async (tx) => {
        // One check-and-raise at a time per post, so two workers never raise the same surge twice.
        await tx`SELECT pg_advisory_xact_lock(hashtext('surge'), ${post.post_id})`;
        const [recent] = await tx<{ id: number }[]>`
          SELECT id FROM flag WHERE post_id = ${post.post_id} AND rule = ${rule} AND raised_by_id IS NULL
            AND (status = 'OPEN' OR created_at > ${new Date(now.getTime() - COOLDOWN_HOURS * HOUR_MS)})
          LIMIT 1`;
        if (recent) return null;
        const [flag] = await tx<{ id: number }[]>`
          INSERT INTO flag (post_id, post_reason, note, rule, status, created_at)
          VALUES (${post.post_id}, ${REASONS[surge.kind]}::"PostFlagReason", ${surge.summary}, ${rule}, 'OPEN', ${now})
          RETURNING id`;
        await appendLog(inTransaction(tx), {
          actorId: null,
          action: "POST_FLAGGED",
          targetType: "POST",
          targetId: String(post.post_id),
          postId: post.post_id,
          publicationId: post.publication_id,
          postReason: REASONS[surge.kind],
          rule,
          note: surge.summary,
          after: { flagId: flag!.id, status: "OPEN", figures: surge.figures } as unknown as LogEntry["after"],
          createdAt: now,
        });
        return flag!.id;
      });
      if (flagId !== null) {
        raised.push({
          postId: post.post_id,
          publicationId: post.publication_id,
          postTitle: post.title,
          flagId,
          surge,
        });
      }
    }
  }
  return raised;
}
