import "server-only";
import type { JSONValue } from "postgres";
import { inTransaction, type Sql } from "@/lib/db/sql";
import {
  type CommenterStatus,
  type ModerationScore,
  type ModerationSettings,
  moderateComment,
  parseModerationSettings,
} from "@/lib/moderation";
import { appendLog, type LogEntry } from "@/lib/server/audit-log";

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
 * decision naming the rule and the matched text. Human decisions are never overridden. Set-based: one
 * context query per publication of the batch (the commenter's earlier comments are counted only up to the
 * new-commenter rule's threshold, through the (commenter_id, posted_at) index; identical texts by a join on
 * (commenter_id, body_hash)), and the outcome written in four multi-row statements. Runs in the caller's
 * transaction when given one (the scoring step moderates each chunk with its scores), else in its own.
 */
export async function moderateComments(sql: Sql, commentIds: readonly number[]): Promise<number> {
  if (commentIds.length === 0) return 0;
  const run = async (tx: Sql) => {
    const groups = await tx<{ publication_id: number; settings: unknown; ids: number[] }[]>`
      SELECT c.publication_id, p.moderation_settings AS settings, array_agg(c.id ORDER BY c.id) AS ids
      FROM comment c JOIN publication p ON p.id = c.publication_id
      WHERE c.id = ANY(${commentIds as number[]}::int[]) AND c.body IS NOT NULL AND c.status = 'NONE'
      GROUP BY c.publication_id, p.moderation_settings`;
    let decided = 0;
    for (const group of groups)
      decided += await moderateGroup(
        tx,
        group.publication_id,
        parseModerationSettings(group.settings),
        group.ids,
      );
    return decided;
  };
  return "savepoint" in sql ? run(sql) : sql.begin((tx) => run(inTransaction(tx)));
}

async function moderateGroup(
  sql: Sql,
  publicationId: number,
  settings: ModerationSettings,
  ids: number[],
): Promise<number> {
  // The rule only asks whether fewer than N earlier comments exist: counting past N is wasted work.
  const priorCap = settings.holdFirstComment ? settings.newCommenterCommentCount : 0;
  const rows = await sql<Candidate[]>`
    WITH batch AS (
      SELECT c.id, c.post_id, c.commenter_id, c.body, c.body_hash, c.posted_at
      FROM comment c
      WHERE c.id = ANY(${ids}::int[]) AND c.body IS NOT NULL AND c.status = 'NONE'
    ), identical AS (
      SELECT b.id, count(*)::int AS n
      FROM batch b
      JOIN comment o ON o.commenter_id = b.commenter_id AND o.body_hash = b.body_hash AND o.id <> b.id
        AND o.posted_at <= b.posted_at
        AND o.posted_at > b.posted_at - make_interval(hours => ${settings.repeatTextWindowHours}::int)
      GROUP BY b.id
    )
    SELECT b.id, b.post_id, b.commenter_id, b.body, m.status AS commenter_status,
      coalesce(prior.n, 0) AS prior_count, coalesce(i.n, 0) AS identical_count,
      s.tone::text AS tone, s.hostility, s.insult, s.profanity, s.threat, s.identity_attack, s.flag, s.flag_reasons
    FROM batch b
    LEFT JOIN commenter m ON m.id = b.commenter_id
    LEFT JOIN comment_score s ON s.comment_id = b.id
    LEFT JOIN identical i ON i.id = b.id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM comment o
        WHERE o.commenter_id = b.commenter_id AND o.posted_at < b.posted_at AND o.id <> b.id
          AND o.status <> 'REJECTED'
        LIMIT ${priorCap}
      ) earlier
    ) prior ON true`;
  // A re-run must not raise the same rule's flag twice on a comment still waiting for a person.
  const openSystemFlags = new Set(
    (
      await sql<{ comment_id: number; rule: string | null }[]>`
        SELECT comment_id, rule FROM flag
        WHERE comment_id = ANY(${ids}::int[]) AND status = 'OPEN' AND raised_by_id IS NULL`
    ).map((f) => `${f.comment_id}:${f.rule}`),
  );
  const withheld: number[] = [];
  const rejected: number[] = [];
  const flags: Record<string, JSONValue>[] = [];
  const actions: LogEntry[] = [];
  let decided = 0;
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
      flags.push({
        comment_id: row.id,
        rule_reason: flag.reason,
        rule: flag.rule,
        matched_text: fields.matchedText,
        note: flag.detail,
      });
      actions.push({ ...target, action: "COMMENT_FLAGGED", ...fields });
    }
    // Counted only when something is recorded: a re-run that finds the same flags open decides nothing new.
    if (actions.length > actionsBefore) decided += 1;
  }
  if (actions.length === 0) return 0;
  if (withheld.length > 0)
    await sql`UPDATE comment SET status = 'SYSTEM_WITHHELD', updated_at = now()
              WHERE id = ANY(${withheld}::int[]) AND status = 'NONE'`;
  if (rejected.length > 0)
    await sql`UPDATE comment SET status = 'REJECTED', updated_at = now()
              WHERE id = ANY(${rejected}::int[]) AND status = 'NONE'`;
  if (flags.length > 0)
    await sql`
      INSERT INTO flag (comment_id, rule_reason, rule, matched_text, note)
      SELECT comment_id, rule_reason, rule, matched_text, note
      FROM jsonb_to_recordset(${sql.json(flags)}) AS f(comment_id int, rule_reason "RuleReason", rule text,
                                                      matched_text text, note text)`;
  await appendLog(sql, actions);
  return decided;
}

/**
 * Runs the rules over comments whose shown flag a background refiner just turned on, so a flag the fast
 * scorer missed still reaches the queue (comments a person or a rule already decided keep their status).
 */
export async function moderateRefinedFlags(sql: Sql, commentIds: readonly number[]): Promise<number> {
  return moderateComments(sql, commentIds);
}
