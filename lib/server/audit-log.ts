import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

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

/**
 * Appends rows to the moderation log. Called with the transaction that makes the change it records, so a
 * decision and its row commit or fail together; a row that records a request spanning several
 * transactions (a rules re-run) is written after they commit. The table is append-only (a trigger refuses the rest).
 */
export async function appendLog(tx: Tx, entries: LogEntry | LogEntry[]): Promise<LoggedRow[]> {
  const rows = Array.isArray(entries) ? entries : [entries];
  if (rows.length === 0) return [];
  return tx.moderationAction.createManyAndReturn({
    data: rows,
    select: { id: true, action: true, commentId: true },
  });
}
