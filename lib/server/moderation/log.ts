import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { shownReason } from "@/lib/moderation/reasons";
import type { LogFilters, LogPage, LogQuery, LogRow } from "@/lib/schemas/moderation-log";
import { encodeCsvRows, textStream } from "@/lib/server/csv";

const DAY_MS = 24 * 60 * 60 * 1000;

function whereOf(filters: LogFilters): Prisma.ModerationActionWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) createdAt.lt = new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS);
  return {
    ...(filters.actor ? { actorId: filters.actor === "system" ? null : filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.targetType ? { targetType: filters.targetType } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
    // One publication's log keeps the rows of no publication: account actions (a role changed, an account
    // disabled) hold for every publication.
    ...(filters.publicationId !== undefined
      ? { OR: [{ publicationId: filters.publicationId }, { publicationId: null }] }
      : {}),
    ...(filters.from || filters.to ? { createdAt } : {}),
  };
}

type Row = Prisma.ModerationActionGetPayload<true>;

/** The actor is shown as stored in the row when it was written, never by their name today. */
function toRow(r: Row): LogRow {
  return {
    id: r.id.toString(),
    createdAt: r.createdAt.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    actorEmail: r.actorEmail,
    actorRole: r.actorRole,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    commentId: r.commentId,
    postId: r.postId,
    commenterId: r.commenterId,
    publicationId: r.publicationId,
    reason: shownReason(r),
    rule: r.rule,
    matchedText: r.matchedText,
    note: r.note,
    before: r.before,
    after: r.after,
  };
}

async function fetchRows(filters: LogFilters, before: bigint | null, take: number): Promise<Row[]> {
  return db().moderationAction.findMany({
    where: { ...whereOf(filters), ...(before !== null ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take,
  });
}

/** One page of the log, newest first (keyset on the row id, which only grows). */
export async function listModerationLog(query: LogQuery): Promise<LogPage> {
  const rows = await fetchRows(query, query.cursor ? BigInt(query.cursor) : null, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page.map(toRow), nextCursor: rows.length > query.limit && last ? last.id.toString() : null };
}

export const LOG_CSV_COLUMNS = [
  "id",
  "created_at",
  "actor_id",
  "actor_name",
  "actor_email",
  "actor_role",
  "action",
  "target_type",
  "target_id",
  "comment_id",
  "post_id",
  "commenter_id",
  "publication_id",
  "reason",
  "rule",
  "matched_text",
  "note",
  "before",
  "after",
] as const;

function csvValues(r: LogRow): (string | number | null)[] {
  return [
    r.id,
    r.createdAt,
    r.actorId,
    r.actorId === null ? "system" : r.actorName,
    r.actorEmail,
    r.actorRole,
    r.action,
    r.targetType,
    r.targetId,
    r.commentId,
    r.postId,
    r.commenterId,
    r.publicationId,
    r.reason,
    r.rule,
    r.matchedText,
    r.note,
    r.before === null ? null : JSON.stringify(r.before),
    r.after === null ? null : JSON.stringify(r.after),
  ];
}

const CSV_BATCH = 1000;

/** The filtered log as CSV, streamed in batches so a long history never sits in memory at once. */
export function streamModerationLogCsv(filters: LogFilters): ReadableStream<Uint8Array> {
  async function* batches() {
    let before: bigint | null = null;
    for (;;) {
      const rows = await fetchRows(filters, before, CSV_BATCH);
      yield rows.map((r) => csvValues(toRow(r)));
      if (rows.length < CSV_BATCH) return;
      before = rows.at(-1)?.id ?? null;
    }
  }
  return textStream(encodeCsvRows(LOG_CSV_COLUMNS, batches()));
}
