import "server-only";
import { readSql } from "@/lib/db/sql";
import type { Agreement } from "@/lib/schemas/overview";

/**
 * How often people agree with the scorer, on one publication's comments or (undefined) all; the definition is
 * on agreementSchema (lib/schemas/overview.ts).
 */
export async function getAgreement(publicationId?: number): Promise<Agreement> {
  const sql = readSql();
  const [row] = await sql<Omit<Agreement, "rate">[]>`
    SELECT count(*)::int AS reviewed,
      count(*) FILTER (WHERE coalesce(c.corrected_tone, s.tone) = s.tone
                         AND coalesce(c.corrected_stance, s.stance) = s.stance)::int AS agreed,
      count(*) FILTER (WHERE coalesce(c.corrected_tone, s.tone) <> s.tone)::int AS "toneChanged",
      count(*) FILTER (WHERE coalesce(c.corrected_stance, s.stance) <> s.stance)::int AS "stanceChanged"
    FROM (SELECT DISTINCT comment_id FROM label_correction) reviewed
    JOIN comment c ON c.id = reviewed.comment_id
    JOIN comment_score s ON s.comment_id = c.id
    ${publicationId === undefined ? sql`` : sql`WHERE c.publication_id = ${publicationId}`}`;
  const reviewed = row?.reviewed ?? 0;
  const agreed = row?.agreed ?? 0;
  return {
    reviewed,
    agreed,
    toneChanged: row?.toneChanged ?? 0,
    stanceChanged: row?.stanceChanged ?? 0,
    rate: reviewed === 0 ? null : agreed / reviewed,
  };
}
