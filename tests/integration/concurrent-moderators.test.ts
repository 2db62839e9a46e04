import { beforeAll, describe, expect, test } from "vitest";
import { POST as approvePOST } from "@/app/api/comments/[commentId]/approve/route";
import { POST as flagPOST } from "@/app/api/comments/[commentId]/flag/route";
import { POST as rejectPOST } from "@/app/api/comments/[commentId]/reject/route";
import { POST as bulkPOST } from "@/app/api/moderation/bulk/route";
import { mulberry32 } from "@/lib/random";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { report, soakOr } from "../support/soak";
import { makeComment, makeCommenter, makePublication } from "./moderation-fixtures";

/**
 * Five moderators working one queue at once, through the real route handlers: every decision that answered
 * 200 is in the log exactly once, each comment's log rows chain (every decision saw the one before it: none
 * lost to a concurrent write), and the comment's status is the last decision's.
 */
const MODERATORS = 5;
const COMMENTS = 30;
const ACTIONS_EACH = soakOr(25, 200);

const { db, sql } = useTestDatabase();
let moderators: TestSession[] = [];
let commentIds: number[] = [];

beforeAll(async () => {
  await resetDatabase(sql);
  const { publication, post } = await makePublication(db, "Busy Weekly");
  const commenter = await makeCommenter(db, publication.id, "busy");
  commentIds = [];
  for (let i = 0; i < COMMENTS; i++)
    commentIds.push(
      (await makeComment(db, { publicationId: publication.id, postId: post.id, commenterId: commenter.id }))
        .id,
    );
  moderators = await Promise.all(Array.from({ length: MODERATORS }, () => signedIn("MODERATOR")));
});

type Decision = "APPROVED" | "REJECTED" | "FLAGGED";

describe("five moderators on one queue", () => {
  test(`${MODERATORS} × ${ACTIONS_EACH} concurrent actions: none lost, none applied twice, the log matches`, {
    timeout: 300_000,
  }, async () => {
    const applied = new Map<number, Record<Decision, number>>(
      commentIds.map((id) => [id, { APPROVED: 0, REJECTED: 0, FLAGGED: 0 }]),
    );
    const statuses: number[] = [];
    const started = Date.now();
    await Promise.all(
      moderators.map(async (session, m) => {
        const random = mulberry32(1000 + m);
        const pick = () => commentIds[Math.floor(random() * commentIds.length)] ?? 0;
        for (let i = 0; i < ACTIONS_EACH; i++) {
          const roll = random();
          let response: Response;
          let decision: Decision;
          let ids: number[];
          if (roll < 0.3) {
            ids = [pick()];
            decision = "APPROVED";
            response = await approvePOST(
              apiRequest(`/api/comments/${ids[0]}/approve`, { method: "POST", session, body: {} }),
              routeContext({ commentId: String(ids[0]) }),
            );
          } else if (roll < 0.55) {
            ids = [pick()];
            decision = "REJECTED";
            response = await rejectPOST(
              apiRequest(`/api/comments/${ids[0]}/reject`, {
                method: "POST",
                session,
                body: { reason: "SPAM" },
              }),
              routeContext({ commentId: String(ids[0]) }),
            );
          } else if (roll < 0.7) {
            ids = [pick()];
            decision = "FLAGGED";
            response = await flagPOST(
              apiRequest(`/api/comments/${ids[0]}/flag`, {
                method: "POST",
                session,
                body: { note: "look again" },
              }),
              routeContext({ commentId: String(ids[0]) }),
            );
          } else {
            ids = [...new Set([pick(), pick(), pick(), pick()])];
            decision = random() < 0.5 ? "APPROVED" : "REJECTED";
            response = await bulkPOST(
              apiRequest("/api/moderation/bulk", {
                method: "POST",
                session,
                body:
                  decision === "APPROVED"
                    ? { action: "approve", commentIds: ids }
                    : { action: "reject", commentIds: ids, reason: "OFF_TOPIC" },
              }),
              routeContext(),
            );
          }
          statuses.push(response.status);
          if (response.status === 200)
            for (const id of ids) (applied.get(id) as Record<Decision, number>)[decision] += 1;
        }
      }),
    );
    const elapsed = Date.now() - started;

    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const rows = await db.moderationAction.findMany({
      where: { action: { in: ["COMMENT_APPROVED", "COMMENT_REJECTED", "COMMENT_FLAGGED"] } },
      orderBy: { id: "asc" },
    });
    for (const id of commentIds) {
      const mine = rows.filter((r) => r.commentId === id);
      const decisions = mine.filter((r) => r.action !== "COMMENT_FLAGGED");
      const count = (action: string) => mine.filter((r) => r.action === action).length;
      expect({
        id,
        approved: count("COMMENT_APPROVED"),
        rejected: count("COMMENT_REJECTED"),
        flagged: count("COMMENT_FLAGGED"),
      }).toEqual({
        id,
        approved: applied.get(id)?.APPROVED,
        rejected: applied.get(id)?.REJECTED,
        flagged: applied.get(id)?.FLAGGED,
      });
      let status = "NONE";
      for (const row of decisions) {
        expect((row.before as { status: string }).status, `comment ${id}, log row ${row.id}`).toBe(status);
        status = (row.after as { status: string }).status;
      }
      expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe(status);
    }
    report("concurrent-moderators", {
      moderators: MODERATORS,
      actions: statuses.length,
      log_rows: rows.length,
      elapsed_ms: elapsed,
      actions_per_s: Math.round((statuses.length / elapsed) * 1000),
    });
  });
});
