import "server-only";
import { z } from "zod";
import { sql as primarySql } from "@/lib/db/sql";
import { graveConcerns } from "@/lib/moderation/grave-concerns";
import { type StoredReasons, shownReason } from "@/lib/moderation/reasons";
import { DEFAULT_MODERATION_SETTINGS, type ModerationSettings } from "@/lib/moderation/settings";
import type { CommenterStatus } from "@/lib/moderation/types";
import { rowId } from "@/lib/schemas/bounds";
import type { QueueCounts, QueueItem, QueuePage, QueueQuery } from "@/lib/schemas/moderation-queue";
import { cursorCodec } from "@/lib/server/keyset-cursor";
import { MAX_ABOVE_RANK, priorityExpression, rankTabCondition } from "./queue-sql";
import { settingsOfPublications } from "./settings";
import { upstreamCommentUrl } from "./upstream-url";

interface Row {
  id: number;
  external_id: string;
  body: string;
  status: QueueItem["status"];
  posted_at: Date;
  reaction_count: number;
  priority: number;
  publication_id: number;
  post_id: number;
  post_title: string;
  post_url: string | null;
  platform: string;
  commenter_id: number | null;
  commenter_name: string | null;
  commenter_status: CommenterStatus | null;
  rejected_count: number;
  author_name: string;
  tone: string | null;
  hostility: number | null;
  threat: number | null;
  insult: number | null;
  identity_attack: number | null;
  scorer_flag_reasons: string[] | null;
}

const queueCursor = cursorCodec(z.object({ a: z.iso.datetime(), p: z.number(), i: rowId }));

/** Candidates ranked per query at first; doubled until the page is certain (usually once). Tests pass fewer. */
const FIRST_CANDIDATES = 400;

/**
 * One page of a queue tab, highest priority first (keyset paging on priority then id; the age term is
 * measured at the first page's time, carried in the cursor, so pages neither skip nor repeat).
 *
 * Exact without ranking the whole tab: the tab's comments come by `queue_rank.rank` from an index (priority is
 * rank plus the age term, at most MAX_ABOVE_RANK), and only the first `n` are ranked. The page is certain when
 * the tab had no more, or when its last row outranks anything outside the candidates (the lowest candidate rank
 * plus MAX_ABOVE_RANK); otherwise `n` doubles.
 */
export async function listQueue(
  query: QueueQuery,
  options: { firstCandidates?: number } = {},
): Promise<QueuePage> {
  const cursor = query.cursor ? queueCursor.decode(query.cursor) : null;
  const asOf = cursor ? new Date(cursor.a) : new Date();
  for (let candidates = options.firstCandidates ?? FIRST_CANDIDATES; ; candidates *= 2) {
    const rows = await rankedCandidates(query, cursor, asOf, candidates);
    const meta = rows[0];
    const page = rows.filter((r) => r.id !== null) as Row[];
    const exhausted = !meta || meta.candidates < candidates;
    const certain =
      exhausted ||
      (page.length > query.limit &&
        (page[query.limit] as Row).priority > (meta.lowest_rank ?? 0) + MAX_ABOVE_RANK);
    if (!certain) continue;
    const shown = page.slice(0, query.limit);
    const [flags, settings] = await Promise.all([
      openFlagsOf(shown.map((r) => r.id)),
      settingsOfPublications(shown.map((r) => r.publication_id)),
    ]);
    const last = shown.at(-1);
    return {
      items: shown.map((r) =>
        toItem(r, flags.get(r.id) ?? [], settings.get(r.publication_id) ?? DEFAULT_MODERATION_SETTINGS),
      ),
      nextCursor:
        page.length > query.limit && last
          ? queueCursor.encode({ a: asOf.toISOString(), p: last.priority, i: last.id })
          : null,
    };
  }
}

/**
 * The tab's first `candidates` comments by rank (after the cursor), ranked, the page's rows of them; every row
 * carries how many candidates there were and the lowest rank among them (one row of nulls when none passed).
 */
function rankedCandidates(
  query: QueueQuery,
  cursor: ReturnType<typeof queueCursor.decode> | null,
  asOf: Date,
  candidates: number,
) {
  // The commenter's rejected comments other than this one, from the per-commenter rollup (kept by triggers).
  const sql = primarySql();
  const rejected = sql`(coalesce(r.rejected, 0) - CASE WHEN c.status = 'REJECTED' THEN 1 ELSE 0 END)`;
  const publication = query.publicationId ? sql`AND q.publication_id = ${query.publicationId}` : sql``;
  // Priority is at least rank: a comment whose rank is above the cursor's priority ranks before it.
  const notBefore = cursor ? sql`AND q.rank <= ${cursor.p}::float8` : sql``;
  const after = cursor
    ? sql`WHERE (k.priority, k.comment_id) < (${cursor.p}::float8, ${cursor.i}::int)`
    : sql``;
  return sql<((Row | { [K in keyof Row]: null }) & { candidates: number; lowest_rank: number | null })[]>`
    WITH candidate AS (
      SELECT q.comment_id, ${priorityExpression(sql, asOf, sql`q.rank`, sql`q.posted_at`)} AS priority,
        q.rank
      FROM queue_rank q
      WHERE ${rankTabCondition(sql, query.tab)} ${publication} ${notBefore}
      ORDER BY q.rank DESC, q.comment_id DESC
      LIMIT ${candidates}
    ), meta AS (
      SELECT count(*)::int AS candidates, min(rank) AS lowest_rank FROM candidate
    ), page AS (
      SELECT k.comment_id, k.priority FROM candidate k ${after}
      ORDER BY k.priority DESC, k.comment_id DESC
      LIMIT ${query.limit + 1}
    )
    -- Only the page's rows are read in full.
    SELECT meta.candidates, meta.lowest_rank, shown.* FROM meta
    LEFT JOIN LATERAL (
      SELECT c.id, c.external_id, c.body, c.status::text AS status, c.posted_at, c.reaction_count, k.priority,
        c.publication_id, p.id AS post_id, p.title AS post_title, p.url AS post_url, pub.platform::text AS platform,
        m.id AS commenter_id, m.name AS commenter_name, m.status::text AS commenter_status,
        GREATEST(${rejected}, 0)::int AS rejected_count, c.author_name,
        s.tone::text AS tone, s.hostility, s.threat, s.insult, s.identity_attack,
        s.flag_reasons AS scorer_flag_reasons
      FROM page k
      JOIN comment c ON c.id = k.comment_id
      JOIN post p ON p.id = c.post_id
      JOIN publication pub ON pub.id = c.publication_id
      LEFT JOIN commenter m ON m.id = c.commenter_id
      LEFT JOIN comment_score s ON s.comment_id = c.id
      LEFT JOIN commenter_rollup r ON r.commenter_id = c.commenter_id
      ORDER BY k.priority DESC, k.comment_id DESC
    ) shown ON true`;
}

async function openFlagsOf(commentIds: number[]): Promise<Map<number, QueueItem["flags"]>> {
  const byComment = new Map<number, QueueItem["flags"]>();
  if (commentIds.length === 0) return byComment;
  // postgres.js, not a Prisma model read: on every queue page that read cost about 0.6 ms of CPU, this ~0.1.
  const flags = await primarySql()<
    {
      id: number;
      comment_id: number;
      commentReason: StoredReasons["commentReason"];
      ruleReason: StoredReasons["ruleReason"];
      postReason: StoredReasons["postReason"];
      note: string | null;
      rule: string | null;
      matched_text: string | null;
      raised_by_id: string | null;
      raised_by_name: string | null;
      created_at: Date;
    }[]
  >`
    SELECT f.id, f.comment_id, f.comment_reason::text AS "commentReason",
      f.rule_reason::text AS "ruleReason", f.post_reason::text AS "postReason", f.note, f.rule, f.matched_text, f.raised_by_id,
      u.name AS raised_by_name, f.created_at
    FROM flag f LEFT JOIN "user" u ON u.id = f.raised_by_id
    WHERE f.comment_id = ANY(${commentIds}::int[]) AND f.status = 'OPEN'
    ORDER BY f.created_at, f.id`;
  for (const f of flags) {
    const list = byComment.get(f.comment_id) ?? [];
    list.push({
      id: f.id,
      reason: shownReason(f) ?? "OTHER",
      note: f.note,
      rule: f.rule,
      matchedText: f.matched_text,
      raisedBy: f.raised_by_id === null ? null : (f.raised_by_name ?? "a former user"),
      createdAt: f.created_at.toISOString(),
    });
    byComment.set(f.comment_id, list);
  }
  return byComment;
}

function toItem(r: Row, flags: QueueItem["flags"], settings: ModerationSettings): QueueItem {
  return {
    id: r.id,
    externalId: r.external_id,
    body: r.body,
    status: r.status,
    postedAt: r.posted_at.toISOString(),
    reactionCount: r.reaction_count,
    priority: r.priority,
    upstreamUrl: upstreamCommentUrl(r.platform, r.post_url, r.external_id),
    post: { id: r.post_id, title: r.post_title, url: r.post_url },
    commenter:
      r.commenter_id === null
        ? null
        : {
            id: r.commenter_id,
            name: r.commenter_name ?? r.author_name,
            status: r.commenter_status ?? "ACTIVE",
            rejectedCount: r.rejected_count,
          },
    authorName: r.author_name,
    scores:
      r.tone === null
        ? null
        : {
            tone: r.tone,
            hostility: r.hostility ?? 0,
            threat: r.threat ?? 0,
            insult: r.insult ?? 0,
            identityAttack: r.identity_attack ?? 0,
          },
    flags,
    concerns: graveConcerns({
      held: r.status === "SYSTEM_WITHHELD" || flags.length > 0,
      openFlagReasons: flags.map((f) => f.reason),
      scorerFlagReasons: r.scorer_flag_reasons ?? [],
      signals: r.tone === null ? null : { threat: r.threat ?? 0, identityAttack: r.identity_attack ?? 0 },
      settings,
    }),
  };
}

/**
 * How many comments each tab holds, from queue_rank's tab indexes (needs review, reported, a status) and the
 * posts' rollups (every comment with text), not a pass over the comments.
 */
export async function queueCounts(publicationId?: number): Promise<QueueCounts> {
  const sql = primarySql();
  const publication = publicationId ? sql`AND q.publication_id = ${publicationId}` : sql``;
  const [row] = await sql<QueueCounts[]>`
    SELECT
      (SELECT count(*) FROM queue_rank q WHERE q.held ${publication})::int AS needs_review,
      (SELECT count(*) FROM queue_rank q WHERE q.reported ${publication})::int AS reported,
      (SELECT coalesce(sum(q.comments), 0) FROM post_rollup q WHERE true ${publication})::int AS "all",
      (SELECT count(*) FROM queue_rank q WHERE q.status = 'APPROVED' ${publication})::int AS approved,
      (SELECT count(*) FROM queue_rank q WHERE q.status = 'REJECTED' ${publication})::int AS rejected`;
  return row ?? { needs_review: 0, reported: 0, all: 0, approved: 0, rejected: 0 };
}
