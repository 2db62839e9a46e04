import "server-only";
import type { Sql } from "@/lib/db/sql";

/**
 * The names the publication's readers comment under. Readers address each other by them ("Exactly, Victor"),
 * which says nothing about public figures (entities) or about what a group argues (argument labels).
 */
export async function publicationCommenterNames(sql: Sql, publicationId: number): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    SELECT DISTINCT name FROM commenter WHERE publication_id = ${publicationId}`;
  return rows.map((r) => r.name);
}
