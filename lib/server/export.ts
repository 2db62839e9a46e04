import "server-only";
import { sql as primarySql, type SqlFragment } from "@/lib/db/sql";
import type { ExportFormat } from "@/lib/schemas/route-params";
import { encodeCsvRows, textStream } from "@/lib/server/csv";

/**
 * One exported comment. The column order of the CSV is EXPORT_COLUMNS. `tone` and `stance` are the effective
 * labels (a person's correction, else the scorer's; null when unscored), `sentiment` the scorer's label,
 * `flag` true when the scorer flagged it or a flag is open, `status` Marginalia's moderation status.
 */
export interface ExportRecord {
  publication: string;
  postExternalId: string;
  postSlug: string | null;
  postTitle: string;
  commentExternalId: string;
  parentExternalId: string | null;
  author: string;
  /** ISO 8601, UTC. */
  postedAt: string;
  editedAt: string | null;
  deleted: boolean;
  automodHidden: boolean;
  /** Plain text; null when deleted or removed upstream. */
  body: string | null;
  tone: string | null;
  stance: string | null;
  sentiment: string | null;
  flag: boolean;
  status: string;
}

export const EXPORT_COLUMNS = [
  "publication",
  "postExternalId",
  "postSlug",
  "postTitle",
  "commentExternalId",
  "parentExternalId",
  "author",
  "postedAt",
  "editedAt",
  "deleted",
  "automodHidden",
  "body",
  "tone",
  "stance",
  "sentiment",
  "flag",
  "status",
] as const satisfies readonly (keyof ExportRecord)[];

interface Row {
  id: number;
  posted_at: Date;
  publication: string;
  post_external_id: string;
  post_slug: string | null;
  post_title: string;
  comment_external_id: string;
  parent_external_id: string | null;
  author: string;
  edited_at: Date | null;
  deleted: boolean;
  automod_hidden: boolean;
  body: string | null;
  tone: string | null;
  stance: string | null;
  sentiment: string | null;
  flag: boolean;
  status: string;
}

export interface ExportScope {
  /** One post; otherwise every post of `publicationId`, otherwise everything. */
  postId?: number;
  publicationId?: number;
  /** Rows per database round trip. */
  batchSize?: number;
}

/**
 * Streams the comments of a post (or a publication, or all) in (posted_at, id) order, keyset-paged so memory
 * stays flat however large the export.
 */
export async function* exportCommentRecords(scope: ExportScope = {}): AsyncGenerator<ExportRecord> {
  const batchSize = scope.batchSize ?? 1000;
  const sql = primarySql();
  const where =
    scope.postId !== undefined
      ? sql`c.post_id = ${scope.postId}`
      : scope.publicationId !== undefined
        ? sql`c.publication_id = ${scope.publicationId}`
        : sql`true`;
  let after: { postedAt: Date; id: number } | null = null;
  for (;;) {
    const keyset: SqlFragment = after
      ? sql`AND (c.posted_at, c.id) > (${after.postedAt}::timestamptz, ${after.id}::int)`
      : sql``;
    const rows: Row[] = await sql<Row[]>`
      SELECT c.id, c.posted_at, pub.name AS publication, p.external_id AS post_external_id, p.slug AS post_slug,
        p.title AS post_title, c.external_id AS comment_external_id, c.parent_external_id, c.author_name AS author,
        c.edited_at, c.deleted, c.automod_hidden, c.body,
        coalesce(c.corrected_tone, s.tone)::text AS tone, coalesce(c.corrected_stance, s.stance)::text AS stance,
        s.sentiment_label::text AS sentiment,
        (coalesce(s.flag, false) OR EXISTS (SELECT 1 FROM flag f WHERE f.comment_id = c.id AND f.status = 'OPEN')) AS flag,
        c.status::text AS status
      FROM comment c
      JOIN post p ON p.id = c.post_id
      JOIN publication pub ON pub.id = c.publication_id
      LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE ${where} ${keyset}
      ORDER BY c.posted_at, c.id
      LIMIT ${batchSize}`;
    for (const r of rows) {
      yield {
        publication: r.publication,
        postExternalId: r.post_external_id,
        postSlug: r.post_slug,
        postTitle: r.post_title,
        commentExternalId: r.comment_external_id,
        parentExternalId: r.parent_external_id,
        author: r.author,
        postedAt: r.posted_at.toISOString(),
        editedAt: r.edited_at?.toISOString() ?? null,
        deleted: r.deleted,
        automodHidden: r.automod_hidden,
        body: r.body,
        tone: r.tone,
        stance: r.stance,
        sentiment: r.sentiment,
        flag: r.flag,
        status: r.status,
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { postedAt: last.posted_at, id: last.id };
  }
}

/** The CSV text of records, chunk by chunk: the header line, then one line per record. */
export async function* encodeCsv(records: AsyncIterable<ExportRecord>): AsyncGenerator<string> {
  async function* rows() {
    for await (const record of records) yield [EXPORT_COLUMNS.map((column) => record[column])];
  }
  yield* encodeCsvRows(EXPORT_COLUMNS, rows());
}

/** A JSON array of records, chunk by chunk (valid JSON when concatenated). */
export async function* encodeJsonArray(records: AsyncIterable<ExportRecord>): AsyncGenerator<string> {
  yield "[";
  let first = true;
  for await (const record of records) {
    yield `${first ? "\n" : ",\n"}${JSON.stringify(record)}`;
    first = false;
  }
  yield "\n]\n";
}

/**
 * The comments of `scope` as a streamed download, `marginalia-<name>-comments.<format>` (`name` reduced to
 * letters, digits and dashes so it is safe in the header).
 */
export function commentExportResponse(scope: ExportScope, name: string, format: ExportFormat): Response {
  const records = exportCommentRecords(scope);
  const file = `marginalia-${name.replace(/[^a-z0-9-]+/gi, "-")}-comments.${format}`;
  return new Response(textStream(format === "csv" ? encodeCsv(records) : encodeJsonArray(records)), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
}
