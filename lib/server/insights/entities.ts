import "server-only";
import { joinSql, readSql, type Sql, type SqlFragment } from "@/lib/db/sql";
import { commentHref } from "@/lib/insights/comment-href";
import type { EntityKindName } from "@/lib/insights/entities/types";
import { markedSegments } from "@/lib/insights/segments";
import { instantRange } from "@/lib/schemas/date-range";
import type {
  EntityDetail,
  EntityDetailParams,
  EntityList,
  EntityListParams,
  EntitySummary,
} from "@/lib/schemas/entities";
import { type SentimentLabel, TONES, type Tone } from "@/lib/scoring/types";
import { commentFilterSql } from "@/lib/server/analytics/comment-filter-sql";
import { decodeCursor, encodeCursor, ISO_MICROS } from "@/lib/server/keyset-cursor";

const TREND_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

/** Monday 00:00 UTC of the week holding `date`, as YYYY-MM-DD (PostgreSQL's date_trunc('week') in UTC). */
function mondayOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const offset = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

interface SummaryRow {
  id: number;
  publication_id: number;
  name: string;
  kind: EntityKindName;
  aliases: string[];
  mentions: number;
  comments: number;
  posts: number;
  positive: number;
  negative: number;
  neutral: number;
  mean: number | null;
}

function summaryOf(r: SummaryRow, tones: Partial<Record<Tone, number>>): Omit<EntitySummary, "trend"> {
  return {
    id: r.id,
    publicationId: r.publication_id,
    name: r.name,
    kind: r.kind,
    aliases: r.aliases,
    mentions: r.mentions,
    comments: r.comments,
    posts: r.posts,
    sentiment: { positive: r.positive, negative: r.negative, neutral: r.neutral, mean: r.mean },
    tones,
  };
}

/** Plain text (no parameters), over `entity_mention m`. */
const AGGREGATES = `count(*)::int AS mentions, count(DISTINCT m.comment_id)::int AS comments,
  count(DISTINCT m.post_id)::int AS posts,
  count(*) FILTER (WHERE m.sentiment_label = 'positive')::int AS positive,
  count(*) FILTER (WHERE m.sentiment_label = 'negative')::int AS negative,
  count(*) FILTER (WHERE m.sentiment_label = 'neutral')::int AS neutral,
  avg(m.sentiment_score)::float8 AS mean`;

async function toneCounts(
  sql: Sql,
  entityIds: number[],
  where: SqlFragment,
): Promise<Map<number, Partial<Record<Tone, number>>>> {
  const rows = await sql<{ entity_id: number; tone: Tone; n: number }[]>`
    SELECT m.entity_id, m.tone::text AS tone, count(*)::int AS n FROM entity_mention m
    WHERE m.entity_id = ANY(${entityIds}::int[]) ${where}
    GROUP BY m.entity_id, m.tone`;
  const out = new Map<number, Partial<Record<Tone, number>>>();
  for (const r of rows) {
    const record = out.get(r.entity_id) ?? {};
    record[r.tone] = r.n;
    out.set(r.entity_id, record);
  }
  return out;
}

/**
 * The most mentioned entities (in the date range, of one publication or all, of one kind or all), with the
 * sentiment and tone of the sentences that mention them and a weekly trend over the range's last 12 weeks.
 */
export async function listEntities(params: EntityListParams): Promise<EntityList> {
  const range = instantRange({ from: params.from, to: params.to });
  const sql = readSql();
  const parts: SqlFragment[] = [];
  if (range.start) parts.push(sql`m.posted_at >= ${range.start}`);
  if (range.end) parts.push(sql`m.posted_at < ${range.end}`);
  if (params.publication !== undefined) parts.push(sql`m.publication_id = ${params.publication}`);
  const mentionWhere = parts.length > 0 ? sql` AND ${joinSql(sql, parts, "AND")}` : sql``;
  const kind = params.kind ? sql` AND e.kind::text = ${params.kind}` : sql``;
  const rows = await sql<SummaryRow[]>`
    SELECT e.id, e.publication_id, e.name, e.kind::text AS kind, e.aliases, ${sql.unsafe(AGGREGATES)}
    FROM entity_mention m JOIN entity e ON e.id = m.entity_id
    WHERE true ${mentionWhere} ${kind}
    GROUP BY e.id
    ORDER BY mentions DESC, e.id
    LIMIT ${params.limit ?? 30}`;
  const ids = rows.map((r) => r.id);
  const [latest] = await sql<{ at: Date | null }[]>`
    SELECT max(m.posted_at) AS at FROM entity_mention m WHERE m.entity_id = ANY(${ids}::int[]) ${mentionWhere}`;
  const end = range.end ? new Date(range.end.getTime() - 1) : (latest?.at ?? new Date());
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) =>
    mondayOf(new Date(end.getTime() - (TREND_WEEKS - 1 - i) * WEEK_MS)),
  );
  const trendRows = await sql<{ entity_id: number; week: string; n: number }[]>`
    SELECT m.entity_id, to_char(date_trunc('week', m.posted_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
      count(*)::int AS n
    FROM entity_mention m
    WHERE m.entity_id = ANY(${ids}::int[]) ${mentionWhere}
      AND m.posted_at >= ${new Date(`${weeks[0]}T00:00:00Z`)}
    GROUP BY m.entity_id, week`;
  const trend = new Map<string, number>(trendRows.map((r) => [`${r.entity_id}:${r.week}`, r.n]));
  const tones = await toneCounts(sql, ids, mentionWhere);
  return {
    weeks,
    entities: rows.map((r) => ({
      ...summaryOf(r, tones.get(r.id) ?? {}),
      trend: weeks.map((w) => trend.get(`${r.id}:${w}`) ?? 0),
    })),
  };
}

interface MentionRow {
  id: number;
  comment_id: number;
  post_id: number;
  post_title: string;
  author_name: string;
  posted_at: Date;
  body: string;
  start: number;
  end: number;
  sentence_start: number;
  sentence_end: number;
  tone: Tone;
  sentiment_label: SentimentLabel;
  comment_tone: string | null;
  sort_key: string;
}

export const ENTITY_MENTIONS_PAGE = 25;

/** One entity: its figures, weekly mentions by sentiment, posts, and the mentions matching the filters. */
export async function getEntity(entityId: number, params: EntityDetailParams): Promise<EntityDetail | null> {
  const sql = readSql();
  const [row] = await sql<SummaryRow[]>`
    SELECT e.id, e.publication_id, e.name, e.kind::text AS kind, e.aliases, ${sql.unsafe(AGGREGATES)}
    FROM entity e LEFT JOIN entity_mention m ON m.entity_id = e.id
    WHERE e.id = ${entityId} GROUP BY e.id`;
  if (!row) return null;
  const tones = await toneCounts(sql, [entityId], sql``);
  const [timeline, perPost] = await Promise.all([
    sql<EntityDetail["timeline"]>`
      SELECT to_char(date_trunc('week', m.posted_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
        count(*)::int AS mentions,
        count(*) FILTER (WHERE m.sentiment_label = 'positive')::int AS positive,
        count(*) FILTER (WHERE m.sentiment_label = 'negative')::int AS negative,
        count(*) FILTER (WHERE m.sentiment_label = 'neutral')::int AS neutral
      FROM entity_mention m WHERE m.entity_id = ${entityId}
      GROUP BY week ORDER BY week`,
    sql<{ postId: number; title: string; mentions: number; mean: number }[]>`
      SELECT m.post_id AS "postId", p.title, count(*)::int AS mentions, avg(m.sentiment_score)::float8 AS mean
      FROM entity_mention m JOIN post p ON p.id = m.post_id
      WHERE m.entity_id = ${entityId}
      GROUP BY m.post_id, p.title ORDER BY mentions DESC, m.post_id LIMIT 20`,
  ]);

  const filters = sql`${commentFilterSql(sql, {
    tone: params.tone,
    stance: params.stance,
    sentiment: params.sentiment,
    status: params.status,
    q: params.q,
  })}${params.aspect ? sql` AND m.sentiment_label::text = ${params.aspect}` : sql``}${
    params.post !== undefined ? sql` AND m.post_id = ${params.post}` : sql``
  }`;
  let after = sql``;
  if (params.cursor) {
    const decoded = decodeCursor(params.cursor, "timestamp");
    after = sql` AND (m.posted_at, m.id) < (${decoded[0]}::timestamptz, ${decoded[1]})`;
  }
  const limit = params.limit ?? ENTITY_MENTIONS_PAGE;
  const [rows, counted] = await Promise.all([
    sql<MentionRow[]>`
      SELECT m.id, m.comment_id, m.post_id, p.title AS post_title, c.author_name, m.posted_at, c.body, m.start,
        m."end", m.sentence_start, m.sentence_end, m.tone::text AS tone, m.sentiment_label::text AS sentiment_label,
        coalesce(c.corrected_tone, s.tone)::text AS comment_tone,
        to_char(m.posted_at AT TIME ZONE 'UTC', ${ISO_MICROS}) AS sort_key
      FROM entity_mention m
      JOIN comment c ON c.id = m.comment_id
      JOIN post p ON p.id = m.post_id
      LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE m.entity_id = ${entityId} AND c.body IS NOT NULL ${filters} ${after}
      ORDER BY m.posted_at DESC, m.id DESC
      LIMIT ${limit + 1}`,
    sql<{ total: number }[]>`
      SELECT count(*)::int AS total
      FROM entity_mention m JOIN comment c ON c.id = m.comment_id LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE m.entity_id = ${entityId} AND c.body IS NOT NULL ${filters}`,
  ]);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    entity: summaryOf(row, tones.get(entityId) ?? {}),
    timeline,
    perPost,
    total: counted[0]?.total ?? 0,
    nextCursor: more && last ? encodeCursor(last.sort_key, last.id) : null,
    mentions: shown.map((m) => ({
      mentionId: m.id,
      commentId: m.comment_id,
      postId: m.post_id,
      postTitle: m.post_title,
      authorName: m.author_name,
      postedAt: m.posted_at.toISOString(),
      sentence: markedSegments(m.body, [{ start: m.start, end: m.end }], {
        start: m.sentence_start,
        end: m.sentence_end,
      }),
      sentenceTone: m.tone,
      sentenceSentiment: m.sentiment_label,
      commentTone: (TONES as readonly string[]).includes(m.comment_tone ?? "")
        ? (m.comment_tone as Tone)
        : null,
      href: commentHref(m.post_id, m.comment_id),
    })),
  };
}
