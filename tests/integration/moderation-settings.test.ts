import { beforeAll, describe, expect, test } from "vitest";
import { POST as rerunPOST } from "@/app/api/settings/moderation/rerun/route";
import { GET as settingsGET, PUT as settingsPUT } from "@/app/api/settings/moderation/route";
import { DEFAULT_MODERATION_SETTINGS } from "@/lib/moderation/settings";
import type { SettingsList } from "@/lib/schemas/moderation-settings";
import { boss, QUEUES, runRulesRerunJob } from "@/lib/server/jobs/queue";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { makeComment, makeCommenter, makePublication } from "./moderation-fixtures";

const { db, sql } = useTestDatabase();
let author: TestSession;
let moderator: TestSession;
let publicationId: number;
let ids: { spam: number; clean: number; approved: number; suspect: number };

beforeAll(async () => {
  await resetDatabase(sql);
  [author, moderator] = await Promise.all([signedIn("AUTHOR"), signedIn("MODERATOR")]);
  const { publication, post } = await makePublication(db);
  publicationId = publication.id;
  const commenter = await makeCommenter(db, publication.id, "fay");
  const f = { publicationId: publication.id, postId: post.id, commenterId: commenter.id };
  ids = {
    spam: (await makeComment(db, f, { body: "Buy cheap widgets at my shop today" })).id,
    clean: (await makeComment(db, f, { body: "A careful point about the treaty" })).id,
    approved: (
      await makeComment(db, f, { body: "widgets again, but a moderator approved this", status: "APPROVED" })
    ).id,
    suspect: (await makeComment(db, f, { body: "That sounds like propaganda to me" })).id,
  };
});

function put(body: unknown, session = author) {
  return settingsPUT(
    apiRequest("/api/settings/moderation", { method: "PUT", session, body }),
    routeContext(),
  );
}

describe("moderation settings", () => {
  test("lists the defaults for a publication that never saved settings", async () => {
    const response = await settingsGET(
      apiRequest("/api/settings/moderation", { session: author }),
      routeContext(),
    );
    const body = (await response.json()) as SettingsList;
    expect(body.publications).toEqual([
      {
        id: publicationId,
        name: "Fixture Weekly",
        settings: DEFAULT_MODERATION_SETTINGS,
        invalidStored: false,
      },
    ]);
  });

  test("refuses invalid settings (threshold above 1, unknown rule) without writing", async () => {
    for (const settings of [{ hostilityHoldThreshold: 1.5 }, { disabledRules: ["no-such-rule"] }]) {
      expect((await put({ publicationId, settings })).status).toBe(400);
    }
    expect(await db.moderationAction.count({ where: { action: "SETTINGS_CHANGED" } })).toBe(0);
  });

  test("a moderator may not change settings", async () => {
    expect((await put({ publicationId, settings: {} }, moderator)).status).toBe(403);
  });

  test("saving logs SETTINGS_CHANGED with before and after; saving the same again logs nothing", async () => {
    const settings = { bannedWords: ["widgets", " widgets ", ""], suspectWords: ["propaganda"] };
    const response = await put({ publicationId, settings });
    expect(response.status).toBe(200);
    const stored = await db.publication.findUniqueOrThrow({ where: { id: publicationId } });
    expect(stored.moderationSettings).toMatchObject({
      bannedWords: ["widgets"],
      suspectWords: ["propaganda"],
    });
    const rows = await db.moderationAction.findMany({ where: { action: "SETTINGS_CHANGED" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: author.userId,
      targetType: "PUBLICATION",
      targetId: String(publicationId),
      before: {},
    });
    expect(rows[0]?.after).toMatchObject({ bannedWords: ["widgets"], suspectWords: ["propaganda"] });
    const again = await put({
      publicationId,
      settings: { bannedWords: ["widgets"], suspectWords: ["propaganda"] },
    });
    expect(await again.json()).toMatchObject({ changed: false });
    expect(await db.moderationAction.count({ where: { action: "SETTINGS_CHANGED" } })).toBe(1);
  });

  test("re-running the rules is a job: it applies the new lists to undecided comments only, and twice raises no second flag", async () => {
    const run = () =>
      rerunPOST(
        apiRequest("/api/settings/moderation/rerun", {
          method: "POST",
          session: author,
          body: { publicationId },
        }),
        routeContext(),
      );
    /** What a worker does: take the queued job, run it, mark it done. */
    const work = async () => {
      const queue = await boss();
      const [job] = await queue.fetch(QUEUES.rerunRules);
      expect(job).toBeDefined();
      const outcome = await runRulesRerunJob(job!.data);
      await queue.complete(QUEUES.rerunRules, job!.id);
      return outcome;
    };
    const response = await run();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ publicationId, queued: true });
    // The request changed nothing itself; asking again while one waits queues no second job.
    expect((await db.comment.findUniqueOrThrow({ where: { id: ids.spam } })).status).toBe("NONE");
    expect(await (await run()).json()).toEqual({ publicationId, queued: false });
    // NONE comments: spam, clean, suspect (3). Spam is rejected (banned word), suspect is flagged.
    expect(await work()).toEqual({ publicationId, checked: 3, decided: 2 });
    const status = async (id: number) => (await db.comment.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(ids.spam)).toBe("REJECTED");
    expect(await status(ids.clean)).toBe("NONE");
    expect(await status(ids.approved)).toBe("APPROVED");
    expect(await status(ids.suspect)).toBe("NONE");
    const suspectFlags = await db.flag.findMany({ where: { commentId: ids.suspect } });
    expect(suspectFlags.map((f) => [f.ruleReason, f.matchedText, f.raisedById])).toEqual([
      ["SUSPECT_WORD", "propaganda", null],
    ]);
    const rejection = await db.moderationAction.findFirstOrThrow({ where: { commentId: ids.spam } });
    expect(rejection).toMatchObject({
      actorId: null,
      action: "COMMENT_REJECTED",
      rule: "banned-words",
      matchedText: "widgets",
    });

    expect(await (await run()).json()).toEqual({ publicationId, queued: true });
    expect(await work()).toEqual({ publicationId, checked: 2, decided: 0 });
    expect(await db.flag.count({ where: { commentId: ids.suspect } })).toBe(1);

    // Who asked is on record: one RULES_RERUN row per run, by the author, with what came of it.
    const reruns = await db.moderationAction.findMany({
      where: { action: "RULES_RERUN" },
      orderBy: { id: "asc" },
    });
    expect(reruns.map((r) => [r.actorId, r.targetType, r.targetId, r.after])).toEqual([
      [author.userId, "PUBLICATION", String(publicationId), { checked: 3, decided: 2 }],
      [author.userId, "PUBLICATION", String(publicationId), { checked: 2, decided: 0 }],
    ]);
  });
});
