import "server-only";
import { readSql } from "@/lib/db/sql";
import { ENTITIES_VERSION } from "@/lib/insights/entities/extract";
import type { EntityKindName } from "@/lib/insights/entities/types";
import type { PostReport } from "@/lib/schemas/post-report";
import { getPostHeader } from "@/lib/server/analytics/post-header";
import { getStanceSplit, getToneDistribution } from "@/lib/server/analytics/tone-distribution";
import { getPostArguments } from "./arguments";

/** Everything the printable report of a post shows; null when there is no such post. */
export async function getPostReport(postId: number): Promise<PostReport | null> {
  const post = await getPostHeader(postId);
  if (!post) return null;
  const [tones, stances, sentimentRows, correctedRows, argumentGroups, entities, scorers] = await Promise.all(
    [
      getToneDistribution(postId, {}),
      getStanceSplit(postId, {}),
      readSql()<{ positive: number; neutral: number; negative: number; mean: number | null }[]>`
      SELECT count(*) FILTER (WHERE s.sentiment_label = 'positive')::int AS positive,
        count(*) FILTER (WHERE s.sentiment_label = 'neutral')::int AS neutral,
        count(*) FILTER (WHERE s.sentiment_label = 'negative')::int AS negative,
        avg(s.sentiment_comparative)::float8 AS mean
      FROM comment c JOIN comment_score s ON s.comment_id = c.id WHERE c.post_id = ${postId}`,
      readSql()<{ n: number }[]>`
      SELECT count(*)::int AS n FROM comment WHERE post_id = ${postId}
        AND (corrected_tone IS NOT NULL OR corrected_stance IS NOT NULL)`,
      getPostArguments(postId),
      readSql()<
        {
          id: number;
          name: string;
          kind: EntityKindName;
          mentions: number;
          positive: number;
          negative: number;
        }[]
      >`
      SELECT e.id, e.name, e.kind::text AS kind, count(*)::int AS mentions,
        count(*) FILTER (WHERE m.sentiment_label = 'positive')::int AS positive,
        count(*) FILTER (WHERE m.sentiment_label = 'negative')::int AS negative
      FROM entity_mention m JOIN entity e ON e.id = m.entity_id
      WHERE m.post_id = ${postId}
      GROUP BY e.id ORDER BY mentions DESC, e.id LIMIT 12`,
      readSql()<{ version: string; source: string; comments: number }[]>`
      -- A score stored without its version row (by hand) is counted, as of no version.
      SELECT coalesce(CASE WHEN s.label_source = 'FAST' THEN v.scorer_version ELSE s.label_version END, 'unknown')
          AS version,
        s.label_source::text AS source, count(*)::int AS comments
      FROM comment c JOIN comment_score s ON s.comment_id = c.id
      LEFT JOIN comment_score_version v ON v.comment_id = c.id
      WHERE c.post_id = ${postId}
      GROUP BY 1, 2 ORDER BY comments DESC`,
    ],
  );
  const sentiment = sentimentRows[0] ?? { positive: 0, neutral: 0, negative: 0, mean: null };
  return {
    post,
    tones,
    stances,
    sentiment,
    corrected: correctedRows[0]?.n ?? 0,
    arguments: argumentGroups,
    entities,
    versions: {
      scorers,
      arguments: argumentGroups.pushback.version ?? argumentGroups.landed.version,
      entities: ENTITIES_VERSION,
    },
    generatedAt: new Date().toISOString(),
  };
}
