import "server-only";
import { joinSql, type PendingSql, readSql, type Sql, type SqlFragment } from "@/lib/db/sql";
import { commentHref } from "@/lib/insights/comment-href";
import {
  formatSearchQuery,
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  highlightSegments,
  parseSearchQuery,
  type SearchQuery,
  type SearchTerm,
} from "@/lib/insights/search-query";
import { instantRange } from "@/lib/schemas/date-range";
import type { SearchHit, SearchParams, SearchResult } from "@/lib/schemas/search";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";
import { commentFilterSql } from "@/lib/server/analytics/comment-filter-sql";
import { decodeCursor, encodeCursor, ISO_MICROS } from "@/lib/server/keyset-cursor";

export const SEARCH_PAGE_SIZE = 25;

/** The text-search configuration of the generated column `comment.search_vector` (see its migration). */
const CONFIG = "'english'::regconfig";

function termSql(sql: Sql, term: SearchTerm): SqlFragment {
  const config = sql.unsafe(CONFIG);
  const q =
    term.kind === "phrase"
      ? sql`phraseto_tsquery(${config}, ${term.text})`
      : term.kind === "prefix"
        ? sql`to_tsquery(${config}, quote_literal(${term.text}) || ':*')`
        : sql`plainto_tsquery(${config}, ${term.text})`;
  return term.negated ? sql`(!! ${q})` : q;
}

/** The parsed query as one tsquery expression; every word is a bound parameter. */
function tsquerySql(sql: Sql, query: SearchQuery): SqlFragment {
  const clauses = query.clauses.map(
    (c) =>
      sql`(${joinSql(
        sql,
        c.map((term) => termSql(sql, term)),
        "||",
      )})`,
  );
  return sql`(${joinSql(sql, clauses, "&&")})`;
}

interface HitRow {
  id: number;
  post_id: number;
  post_title: string;
  commenter_id: number | null;
  author_name: string;
  posted_at: Date;
  tone: string | null;
  stance: string | null;
  sentiment: string | null;
  status: SearchHit["status"];
  rank: number;
  sort_key: string;
  headline: string;
}

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | null =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : null;

/**
 * Full-text search over comment bodies (the GIN index on the generated `search_vector`), with the post
 * page's filters plus publication, post, commenter and dates; keyset-paged in the chosen order; each hit
 * with ts_headline fragments around the matches. Tone and stance are the effective labels.
 */
export async function searchComments(params: SearchParams): Promise<SearchResult> {
  const sql = readSql();
  const { statement, parsed, limit } = searchStatement(sql, params, await chooseSearchStrategy(params));
  const rows = await statement;
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    query: formatSearchQuery(parsed),
    hits: shown.map((r) => ({
      commentId: r.id,
      postId: r.post_id,
      postTitle: r.post_title,
      commenterId: r.commenter_id,
      authorName: r.author_name,
      postedAt: r.posted_at.toISOString(),
      tone: oneOf(TONES, r.tone),
      stance: oneOf(STANCES, r.stance),
      sentiment: oneOf(SENTIMENT_LABELS, r.sentiment),
      status: r.status,
      highlight: highlightSegments(r.headline),
      rank: r.rank,
      href: commentHref(r.post_id, r.id),
    })),
    nextCursor: more && last ? encodeCursor(last.sort_key, last.id) : null,
  };
}

/** Best match needs every match's rank: gather. By date: walk when the words are in many comments. */
export async function chooseSearchStrategy(params: SearchParams): Promise<SearchStrategy> {
  if (params.sort === "relevance") return "gather";
  const [counted] = await searchStatement(readSql(), params).probe;
  return (counted?.n ?? 0) > WALK_ABOVE ? "walk" : "gather";
}

/** The search as one SQL statement (kept apart from running it so a test can EXPLAIN exactly this). */
/**
 * How the matches are found. `gather`: every match through the GIN index (MATERIALIZED, so the planner cannot
 * instead walk the posted_at index hoping a rare word turns up soon: a scan of every comment), then sorted.
 * `walk`: the date index in order, keeping matches until the page is full: far cheaper when a word is in
 * many comments, which is exactly when gathering them all is costly.
 */
export type SearchStrategy = "gather" | "walk";

/** Matches above this many (counted through the index, stopping there) make a date-ordered search walk. */
const WALK_ABOVE = 2000;

export function searchStatement(
  sql: Sql,
  params: SearchParams,
  strategy: SearchStrategy = "gather",
): {
  statement: PendingSql<HitRow>;
  probe: PendingSql<{ n: number }>;
  parsed: SearchQuery;
  limit: number;
} {
  // Throws SearchQueryError for a query with nothing to search (the route answers 400).
  const parsed = parseSearchQuery(params.q);
  const tsquery = tsquerySql(sql, parsed);
  const limit = params.limit ?? SEARCH_PAGE_SIZE;
  const range = instantRange({ from: params.from, to: params.to });
  const where: SqlFragment[] = [sql`c.search_vector @@ ${tsquery}`];
  if (params.publication !== undefined) where.push(sql`c.publication_id = ${params.publication}`);
  if (params.post !== undefined) where.push(sql`c.post_id = ${params.post}`);
  if (params.commenter !== undefined) where.push(sql`c.commenter_id = ${params.commenter}`);
  if (range.start) where.push(sql`c.posted_at >= ${range.start}`);
  if (range.end) where.push(sql`c.posted_at < ${range.end}`);

  const relevance = params.sort === "relevance";
  const descending = params.sort !== "oldest";
  const sortKey = relevance ? sql`ts_rank_cd(c.search_vector, ${tsquery})` : sql`c.posted_at`;
  let after = sql``;
  if (params.cursor) {
    const [key, id] = decodeCursor(params.cursor, relevance ? "number" : "timestamp");
    const typed = relevance ? sql`${key}::real` : sql`${key}::timestamptz`;
    after = descending
      ? sql` AND (${sortKey}, c.id) < (${typed}, ${id})`
      : sql` AND (${sortKey}, c.id) > (${typed}, ${id})`;
  }
  const direction = descending ? sql`DESC` : sql`ASC`;

  const matching = sql`
      FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE ${joinSql(sql, where, "AND")}
        ${commentFilterSql(sql, { tone: params.tone, stance: params.stance, sentiment: params.sentiment, status: params.status })}
        ${after}`;
  const pageSql =
    strategy === "gather"
      ? sql`
    WITH matches AS MATERIALIZED (SELECT c.id, ${sortKey} AS sort_value ${matching}),
    page AS (
      SELECT id, sort_value FROM matches ORDER BY sort_value ${direction}, id ${direction} LIMIT ${limit + 1}
    )`
      : sql`
    WITH page AS (
      SELECT c.id, ${sortKey} AS sort_value ${matching}
      ORDER BY ${sortKey} ${direction}, c.id ${direction} LIMIT ${limit + 1}
    )`;
  const probe = sql<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM (SELECT 1 ${matching} LIMIT ${WALK_ABOVE + 1}) m`;
  const statement = sql<HitRow[]>`
    ${pageSql}
    SELECT c.id, c.post_id, p.title AS post_title, c.commenter_id, c.author_name, c.posted_at,
      c.status::text AS status,
      coalesce(c.corrected_tone, s.tone)::text AS tone, coalesce(c.corrected_stance, s.stance)::text AS stance,
      s.sentiment_label::text AS sentiment,
      ts_rank_cd(c.search_vector, ${tsquery}) AS rank,
      ${relevance ? sql`page.sort_value::text` : sql`to_char(page.sort_value AT TIME ZONE 'UTC', ${ISO_MICROS})`} AS sort_key,
      ts_headline(${sql.unsafe(CONFIG)}, translate(c.body, ${HIGHLIGHT_START + HIGHLIGHT_STOP}, ''), ${tsquery},
        ${`StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`}
      ) AS headline
    FROM page
    JOIN comment c ON c.id = page.id
    JOIN post p ON p.id = c.post_id
    LEFT JOIN comment_score s ON s.comment_id = c.id
    ORDER BY page.sort_value ${direction}, page.id ${direction}`;
  return { statement, probe, parsed, limit };
}
