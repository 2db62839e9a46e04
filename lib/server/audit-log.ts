import "server-only";
import type { JSONValue } from "postgres";
import type { Prisma } from "@/lib/db/generated/client";
import type { Sql } from "@/lib/db/sql";

/** A client that can write inside a transaction (Prisma's interactive transaction client). */
export type Tx = Prisma.TransactionClient;

/** One row of the moderation log. `actorId` null means the system decided. */
export type LogEntry = Prisma.ModerationActionCreateManyInput;

/** What appendLog returns of each row it wrote: enough to find a decision's row again (to undo it). */
export interface LoggedRow {
  id: bigint;
  action: LogEntry["action"];
  commentId: number | null;
}

/** The log's columns as the `postgres` client writes them (its rows arrive as LogEntry, like Prisma's). */
const COLUMNS = {
  actorId: "actor_id",
  action: "action",
  targetType: "target_type",
  targetId: "target_id",
  commentId: "comment_id",
  postId: "post_id",
  commenterId: "commenter_id",
  publicationId: "publication_id",
  commentReason: "comment_reason",
  ruleReason: "rule_reason",
  postReason: "post_reason",
  rule: "rule",
  matchedText: "matched_text",
  note: "note",
  before: "before",
  after: "after",
  createdAt: "created_at",
  undoesId: "undoes_id",
} as const satisfies Partial<Record<keyof LogEntry, string>>;

function isSql(client: Tx | Sql): client is Sql {
  return typeof client === "function";
}

async function appendWithSql(sql: Sql, rows: LogEntry[]): Promise<LoggedRow[]> {
  const unknown = rows.flatMap((row) => Object.keys(row).filter((key) => !(key in COLUMNS)));
  if (unknown.length > 0) throw new Error(`appendLog: no column for ${[...new Set(unknown)].join(", ")}`);
  // Only the columns some row sets, so the rest keep their defaults (created_at: now()).
  const keys = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((key) =>
    rows.some((row) => row[key] !== undefined),
  );
  const records = rows.map((row) =>
    Object.fromEntries(
      keys.map((key) => {
        const value = row[key] ?? (key === "createdAt" ? new Date() : null);
        const json = (key === "before" || key === "after") && value !== null;
        return [COLUMNS[key], json ? sql.json(value as JSONValue) : value];
      }),
    ),
  );
  const written = await sql<{ id: bigint; action: LogEntry["action"]; comment_id: number | null }[]>`
    INSERT INTO moderation_action ${sql(
      records as never,
      keys.map((key) => COLUMNS[key]),
    )}
    RETURNING id, action, comment_id`;
  return written.map((r) => ({ id: BigInt(r.id), action: r.action, commentId: r.comment_id }));
}

/**
 * Appends rows to the moderation log. Called with the transaction that makes the change it records, so a
 * decision and its row commit or fail together; a row that records a request spanning several
 * transactions (a rules re-run) is written after they commit. The table is append-only (a trigger refuses the rest).
 * Takes Prisma's transaction or the `postgres` client (the import pipeline's), so every row is written here.
 */
export async function appendLog(tx: Tx | Sql, entries: LogEntry | LogEntry[]): Promise<LoggedRow[]> {
  const rows = Array.isArray(entries) ? entries : [entries];
  if (rows.length === 0) return [];
  if (isSql(tx)) return appendWithSql(tx, rows);
  return tx.moderationAction.createManyAndReturn({
    data: rows,
    select: { id: true, action: true, commentId: true },
  });
}
