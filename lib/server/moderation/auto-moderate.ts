import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Sql } from "@/lib/db/sql";
import {
  type CommenterStatus,
  type ModerationScore,
  moderateComment,
  parseModerationSettings,
} from "@/lib/moderation";
import { appendLog } from "@/lib/server/audit-log";

interface Candidate {
  id: number;
  post_id: number;
  commenter_id: number | null;
  body: string;
  commenter_status: CommenterStatus | null;
  prior_count: number;
  identical_count: number;
  tone: ModerationScore["tone"] | null;
  hostility: number | null;
  insult: number | null;
  profanity: number | null;
  threat: number | null;
  identity_attack: number | null;
  flag: boolean | null;
  flag_reasons: string[] | null;
}

/**
 * Runs the automatic moderation rules over the given comments and records what they decide: a status for
 * comments nobody has decided on yet (status NONE), a system flag per flagging rule, and one log row per
 * decision naming the rule and the matched text. Human decisions are never overridden.
 */
export async function moderateNewComments(
  db: Db,
  publicationId: number,
  commentIds: number[],
): Promise<number> {
  if (commentIds.length === 0) return 0;
  const publication = await db.publication.findUniqueOrThrow({ where: { id: publicationId } });
  const settings = parseModerationSettings(publication.moderationSettings);
  const windowHours = settings.repeatTextWindowHours;
  let decided = 0;
  for (let i = 0; i < commentIds.length; i += 1000) {
    const batch = commentIds.slice(i, i + 1000);
    const rows = await db.$queryRaw<Candidate[]>`
      SELECT c.id, c.post_id, c.commenter_id, c.body, m.status AS commenter_status,
        (SELECT count(*)::int FROM comment o WHERE o.commenter_id = c.commenter_id AND o.id <> c.id
           AND o.posted_at < c.posted_at AND o.status <> 'REJECTED') AS prior_count,
        (SELECT count(*)::int FROM comment o WHERE o.commenter_id = c.commenter_id AND o.id <> c.id
           AND o.body_hash = c.body_hash AND o.posted_at <= c.posted_at
           AND o.posted_at > c.posted_at - make_interval(hours => ${windowHours}::int)) AS identical_count,
        s.tone::text AS tone, s.hostility, s.insult, s.profanity, s.threat, s.identity_attack, s.flag, s.flag_reasons
      FROM comment c
      LEFT JOIN commenter m ON m.id = c.commenter_id
      LEFT JOIN comment_score s ON s.comment_id = c.id
      WHERE c.id = ANY(${batch}::int[]) AND c.body IS NOT NULL AND c.status = 'NONE'`;
    // A re-run must not raise the same rule's flag twice on a comment still waiting for a person.
    const openSystemFlags = new Set(
      (
        await db.flag.findMany({
          where: { commentId: { in: batch }, status: "OPEN", raisedById: null },
          select: { commentId: true, rule: true },
        })
      ).map((f) => `${f.commentId}:${f.rule}`),
    );
    // One transaction per batch: statuses grouped by outcome, flags and log rows in bulk.
    const withheld: number[] = [];
    const rejected: number[] = [];
    const flags: Prisma.FlagCreateManyInput[] = [];
    const actions: Prisma.ModerationActionCreateManyInput[] = [];
    for (const row of rows) {
      const score: ModerationScore | null =
        row.tone === null
          ? null
          : {
              tone: row.tone,
              toneScores: { hostile: row.hostility ?? 0 },
              signals: {
                insult: row.insult ?? 0,
                profanity: row.profanity ?? 0,
                threat: row.threat ?? 0,
                identityAttack: row.identity_attack ?? 0,
              },
              flag: row.flag ?? false,
              flagReasons: row.flag_reasons ?? [],
            };
      const decision = moderateComment(
        {
          text: row.body,
          commenter: {
            status: row.commenter_status ?? "ACTIVE",
            priorCommentCount: row.prior_count,
          },
          score,
          recentIdenticalCount: row.identical_count,
        },
        settings,
      );
      if (decision.fired.length === 0) continue;
      const actionsBefore = actions.length;
      const target = {
        targetType: "COMMENT" as const,
        targetId: String(row.id),
        commentId: row.id,
        postId: row.post_id,
        commenterId: row.commenter_id,
        publicationId,
      };
      if (decision.status !== "NONE" && decision.decidedBy) {
        (decision.status === "REJECTED" ? rejected : withheld).push(row.id);
        actions.push({
          ...target,
          action: decision.status === "REJECTED" ? "COMMENT_REJECTED" : "COMMENT_WITHHELD",
          commentReason: decision.rejectReason,
          ruleReason: decision.decidedBy.reason,
          rule: decision.decidedBy.rule,
          matchedText: decision.decidedBy.matchedText ?? null,
          note: decision.decidedBy.detail,
          before: { status: "NONE" },
          after: { status: decision.status, fired: decision.fired.map((f) => f.rule) },
        });
      }
      for (const flag of decision.flags) {
        if (openSystemFlags.has(`${row.id}:${flag.rule}`)) continue;
        const fields = {
          ruleReason: flag.reason,
          rule: flag.rule,
          matchedText: flag.matchedText ?? null,
          note: flag.detail,
        };
        flags.push({ commentId: row.id, ...fields });
        actions.push({ ...target, action: "COMMENT_FLAGGED", ...fields });
      }
      // Counted only when something is recorded: a re-run that finds the same flags open decides nothing new.
      if (actions.length > actionsBefore) decided += 1;
    }
    if (actions.length === 0) continue;
    await db.$transaction(
      async (tx) => {
        await tx.comment.updateMany({
          where: { id: { in: withheld }, status: "NONE" },
          data: { status: "SYSTEM_WITHHELD" },
        });
        await tx.comment.updateMany({
          where: { id: { in: rejected }, status: "NONE" },
          data: { status: "REJECTED" },
        });
        await tx.flag.createMany({ data: flags });
        await appendLog(tx, actions);
      },
      // A batch is up to a thousand comments' rows: it may take longer than Prisma's default 5 s when busy.
      { timeout: 60_000 },
    );
  }
  return decided;
}

/**
 * Runs the rules over comments whose shown flag a background refiner just turned on, per publication, so a
 * flag the fast scorer missed still reaches the queue (comments a person or a rule already decided keep
 * their status; see moderateNewComments).
 */
export async function moderateRefinedFlags(db: Db, sql: Sql, commentIds: readonly number[]): Promise<number> {
  if (commentIds.length === 0) return 0;
  const rows = await sql<{ publication_id: number; ids: number[] }[]>`
    SELECT publication_id, array_agg(id ORDER BY id) AS ids FROM comment
    WHERE id = ANY(${commentIds as number[]}::int[]) GROUP BY publication_id`;
  let decided = 0;
  for (const row of rows) decided += await moderateNewComments(db, row.publication_id, row.ids);
  return decided;
}
