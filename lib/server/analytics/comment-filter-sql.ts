import "server-only";
import type { Sql, SqlFragment } from "@/lib/db/sql";
import { COMMENT_FILTER_KEYS, type CommentFilters } from "@/lib/schemas/comment-filters";
import { UNCERTAIN_BELOW } from "@/lib/scoring/confidence";

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** The scorer's flag or an open flag from the moderation side. */
export const FLAGGED_SQL = `(coalesce(s.flag, false)
  OR EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN'))`;

const STATUS_SQL = {
  visible: `(c.body IS NOT NULL AND NOT c.automod_hidden AND c.status <> 'REJECTED')`,
  deleted: `(c.body IS NULL OR c.deleted)`,
  hidden: `c.automod_hidden`,
  flagged: FLAGGED_SQL,
  rejected: `c.status = 'REJECTED'`,
  withheld: `c.status = 'SYSTEM_WITHHELD'`,
  corrected: `(c.corrected_tone IS DISTINCT FROM NULL AND c.corrected_tone IS DISTINCT FROM s.tone
    OR c.corrected_stance IS DISTINCT FROM NULL AND c.corrected_stance IS DISTINCT FROM s.stance)`,
} as const;

/** The tone label is sure: corrected by a person, or given with a probability of at least UNCERTAIN_BELOW. */
const confidentToneSql = (sql: Sql) => sql`(c.corrected_tone IS NOT NULL
  OR coalesce((s.tone_scores->>(s.tone::text))::float8, 0) >= ${UNCERTAIN_BELOW})`;

/**
 * The post page's filters as SQL conditions over `comment c LEFT JOIN comment_score s`, each prefixed with
 * AND (empty when no filter is set). Tone and stance are the effective labels (a person's correction first).
 */
export function commentFilterSql(sql: Sql, filters: CommentFilters): SqlFragment {
  const parts: SqlFragment[] = [];
  if (filters.tone) parts.push(sql` AND coalesce(c.corrected_tone, s.tone)::text = ${filters.tone}`);
  if (filters.stance) parts.push(sql` AND coalesce(c.corrected_stance, s.stance)::text = ${filters.stance}`);
  if (filters.sentiment) parts.push(sql` AND s.sentiment_label::text = ${filters.sentiment}`);
  if (filters.status) parts.push(sql` AND ${sql.unsafe(STATUS_SQL[filters.status])}`);
  if (filters.confidence === "confident") parts.push(sql` AND ${confidentToneSql(sql)}`);
  if (filters.confidence === "uncertain") parts.push(sql` AND NOT ${confidentToneSql(sql)}`);
  if (filters.q) {
    const pattern = likePattern(filters.q);
    parts.push(sql` AND (c.body ILIKE ${pattern} ESCAPE '\\' OR c.author_name ILIKE ${pattern} ESCAPE '\\')`);
  }
  return parts.length === 0 ? sql`` : sql`${parts}`;
}

/** No filter set: the post's figures are its rollup's (post_rollup), no comment has to be read. */
export function unfiltered(filters: CommentFilters): boolean {
  return COMMENT_FILTER_KEYS.every((key) => !filters[key]);
}
