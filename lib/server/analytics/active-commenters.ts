import "server-only";
import { readSql } from "@/lib/db/sql";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ActiveCommenters } from "@/lib/schemas/post-figures";
import { TONES, type Tone } from "@/lib/scoring/types";
import { commentFilterSql, unfiltered } from "./comment-filter-sql";

interface Row {
  commenter_id: number | null;
  name: string;
  comments: number;
  disagree: number;
  top_tone: string | null;
}

/**
 * The ten commenters with the most comments (with a body) in the thread that match the filters; ties by name.
 * The top tone is the most frequent effective tone (ties go to the first tone in the enum's order).
 */
export async function getActiveCommenters(
  postId: number,
  filters: CommentFilters,
): Promise<ActiveCommenters> {
  const sql = readSql();
  const rows = unfiltered(filters)
    ? await fromRollup(postId)
    : await sql<Row[]>`
    SELECT c.commenter_id, max(c.author_name) AS name, count(*)::int AS comments,
      count(*) FILTER (WHERE coalesce(c.corrected_stance, s.stance) = 'disagree')::int AS disagree,
      (mode() WITHIN GROUP (ORDER BY coalesce(c.corrected_tone, s.tone)))::text AS top_tone
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id
    WHERE c.post_id = ${postId} AND c.body IS NOT NULL ${commentFilterSql(sql, filters)}
    GROUP BY c.commenter_id, CASE WHEN c.commenter_id IS NULL THEN c.author_name END
    ORDER BY comments DESC, name, c.commenter_id
    LIMIT 10`;
  return {
    postId,
    commenters: rows.map((r) => ({
      commenterId: r.commenter_id,
      name: r.name,
      comments: r.comments,
      disagree: r.disagree,
      topTone:
        r.top_tone !== null && (TONES as readonly string[]).includes(r.top_tone)
          ? (r.top_tone as Tone)
          : null,
    })),
  };
}

/**
 * Unfiltered, from the post's commenter rollup (one row per commenter there, not per comment), named as the
 * commenter is now; the top tone is the most frequent (ties to the enum's first).
 */
async function fromRollup(postId: number): Promise<Row[]> {
  const rows = await readSql()<(Omit<Row, "top_tone"> & { tone_counts: number[] | null })[]>`
    SELECT r.commenter_id, m.name, r.comments, coalesce(r.stance_counts[2], 0)::int AS disagree, r.tone_counts
    FROM post_commenter_rollup r JOIN commenter m ON m.id = r.commenter_id
    WHERE r.post_id = ${postId} AND r.comments > 0
    ORDER BY r.comments DESC, m.name, r.commenter_id
    LIMIT 10`;
  return rows.map(({ tone_counts, ...r }) => {
    let best = -1;
    tone_counts?.forEach((n, i) => {
      if (n > 0 && (best < 0 || n > (tone_counts[best] ?? 0))) best = i;
    });
    return { ...r, top_tone: best < 0 ? null : (TONES[best] ?? null) };
  });
}
