import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import { UNCERTAIN_BELOW } from "@/lib/scoring/confidence";

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** The scorer's flag or an open flag from the moderation side. */
export const FLAGGED_SQL = Prisma.sql`(coalesce(s.flag, false)
  OR EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN'))`;

const STATUS_SQL = {
  visible: Prisma.sql`(c.body IS NOT NULL AND NOT c.automod_hidden AND c.status <> 'REJECTED')`,
  deleted: Prisma.sql`(c.body IS NULL OR c.deleted)`,
  hidden: Prisma.sql`c.automod_hidden`,
  flagged: FLAGGED_SQL,
  rejected: Prisma.sql`c.status = 'REJECTED'`,
  withheld: Prisma.sql`c.status = 'SYSTEM_WITHHELD'`,
  corrected: Prisma.sql`(c.corrected_tone IS DISTINCT FROM NULL AND c.corrected_tone IS DISTINCT FROM s.tone
    OR c.corrected_stance IS DISTINCT FROM NULL AND c.corrected_stance IS DISTINCT FROM s.stance)`,
} as const;

/** The tone label is sure: corrected by a person, or given with a probability of at least UNCERTAIN_BELOW. */
export const CONFIDENT_TONE_SQL = Prisma.sql`(c.corrected_tone IS NOT NULL
  OR coalesce((s.tone_scores->>(s.tone::text))::float8, 0) >= ${UNCERTAIN_BELOW})`;

/**
 * The post page's filters as SQL conditions over `comment c LEFT JOIN comment_score s`, each prefixed with
 * AND (empty when no filter is set). Tone and stance are the effective labels (a person's correction first).
 */
export function commentFilterSql(filters: CommentFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.tone) parts.push(Prisma.sql`coalesce(c.corrected_tone, s.tone)::text = ${filters.tone}`);
  if (filters.stance)
    parts.push(Prisma.sql`coalesce(c.corrected_stance, s.stance)::text = ${filters.stance}`);
  if (filters.sentiment) parts.push(Prisma.sql`s.sentiment_label::text = ${filters.sentiment}`);
  if (filters.status) parts.push(STATUS_SQL[filters.status]);
  if (filters.confidence === "confident") parts.push(CONFIDENT_TONE_SQL);
  if (filters.confidence === "uncertain") parts.push(Prisma.sql`NOT ${CONFIDENT_TONE_SQL}`);
  if (filters.q) {
    const pattern = likePattern(filters.q);
    parts.push(
      Prisma.sql`(c.body ILIKE ${pattern} ESCAPE '\\' OR c.author_name ILIKE ${pattern} ESCAPE '\\')`,
    );
  }
  if (parts.length === 0) return Prisma.empty;
  return Prisma.sql` AND ${Prisma.join(parts, " AND ")}`;
}

/** No filter set: the post's figures are its rollup's (post_rollup), no comment has to be read. */
export function unfiltered(filters: CommentFilters): boolean {
  return commentFilterSql(filters) === Prisma.empty;
}
