import { beforeAll, describe, expect, test } from "vitest";
import { GET as countsGET } from "@/app/api/moderation/counts/route";
import { GET as queueGET } from "@/app/api/moderation/queue/route";
import { queuePriority } from "@/lib/moderation/priority";
import { QUEUE_TABS, queueTabIncludes } from "@/lib/moderation/queue-tabs";
import type { QueueCounts, QueuePage } from "@/lib/schemas/moderation-queue";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { makeComment, makeCommenter, makePublication } from "./moderation-fixtures";

const { db, sql } = useTestDatabase();
let moderator: TestSession;
const ids: Record<string, number> = {};

// Fixed, old post times: every comment's age term is saturated (72 h cap → exactly 1 point).
const OLD = new Date("2025-01-01T00:00:00Z");

beforeAll(async () => {
  await resetDatabase(sql);
  moderator = await signedIn("MODERATOR");
  const { publication, post } = await makePublication(db);
  const calm = await makeCommenter(db, publication.id, "calm");
  const repeat = await makeCommenter(db, publication.id, "repeat", "WATCHED");
  const f = (commenterId: number) => ({ publicationId: publication.id, postId: post.id, commenterId });
  // threat 0.5 → 40·0.5 = 20, +1 age = 21
  ids.threat = (
    await makeComment(db, f(calm.id), { status: "SYSTEM_WITHHELD", postedAt: OLD, score: { threat: 0.5 } })
  ).id;
  // hostility 0.4 → 10, watched +4, two prior rejections +4, +1 age = 19
  ids.hostile = (
    await makeComment(db, f(repeat.id), {
      status: "SYSTEM_WITHHELD",
      postedAt: OLD,
      score: { hostility: 0.4 },
    })
  ).id;
  await makeComment(db, f(repeat.id), { status: "REJECTED", postedAt: OLD });
  await makeComment(db, f(repeat.id), { status: "REJECTED", postedAt: OLD });
  // system flag (+10) and 60 reactions → 3·min(ln 61, 4) = 12 (capped), +1 age = 23
  ids.flagged = (await makeComment(db, f(calm.id), { postedAt: OLD, reactionCount: 60 })).id;
  await db.flag.create({
    data: { commentId: ids.flagged, ruleReason: "SUSPECT_WORD", rule: "suspect-words", matchedText: "x" },
  });
  // reported by a person: +10 flag, +1 age = 11
  ids.reported = (await makeComment(db, f(calm.id), { postedAt: OLD })).id;
  await db.flag.create({
    data: { commentId: ids.reported, commentReason: "OTHER", note: "look", raisedById: moderator.userId },
  });
  ids.approved = (await makeComment(db, f(calm.id), { status: "APPROVED", postedAt: OLD })).id;
  // deleted upstream: never in the queue
  await makeComment(db, f(calm.id), { body: null, status: "SYSTEM_WITHHELD", postedAt: OLD });
});

async function page(query: string): Promise<QueuePage> {
  const response = await queueGET(
    apiRequest(`/api/moderation/queue?${query}`, { session: moderator }),
    routeContext(),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as QueuePage;
}

describe("moderation queue", () => {
  test("counts each tab (deleted comments excluded)", async () => {
    const response = await countsGET(
      apiRequest("/api/moderation/counts", { session: moderator }),
      routeContext(),
    );
    expect((await response.json()) as QueueCounts).toEqual({
      needs_review: 3,
      reported: 1,
      all: 7,
      approved: 1,
      rejected: 2,
    });
  });

  test("needs review: held or system-flagged, by priority computed by hand", async () => {
    const { items, nextCursor } = await page("tab=needs_review");
    expect(items.map((i) => i.id)).toEqual([ids.flagged, ids.threat, ids.hostile]);
    expect(items.map((i) => Math.round(i.priority * 1000) / 1000)).toEqual([23, 21, 19]);
    expect(nextCursor).toBeNull();
    const hostile = items[2];
    expect(hostile?.commenter).toMatchObject({ status: "WATCHED", rejectedCount: 2 });
    expect(items[0]?.flags).toEqual([
      expect.objectContaining({ reason: "SUSPECT_WORD", raisedBy: null, matchedText: "x" }),
    ]);
  });

  test("reported holds the person-flagged comment; the Substack link points at the comment", async () => {
    const { items } = await page("tab=reported");
    expect(items.map((i) => i.id)).toEqual([ids.reported]);
    const item = items[0];
    expect(item?.upstreamUrl).toBe(`${item?.post.url}/comment/${item?.externalId}`);
    const reporter = await db.user.findUniqueOrThrow({ where: { id: moderator.userId } });
    expect(item?.flags).toEqual([
      expect.objectContaining({ reason: "OTHER", note: "look", raisedBy: reporter.name, rule: null }),
    ]);
  });

  test("pages with a cursor without skipping or repeating", async () => {
    const first = await page("tab=all&limit=3");
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await page(`tab=all&limit=3&cursor=${first.nextCursor}`);
    const third = second.nextCursor
      ? await page(`tab=all&limit=3&cursor=${second.nextCursor}`)
      : { items: [] };
    const seen = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 3)).toEqual([ids.flagged, ids.threat, ids.hostile]);
  });

  test("the SQL priority equals queuePriority() for every comment (the formula is mirrored, not approximated)", async () => {
    const { items } = await page("tab=all&limit=100");
    expect(items).toHaveLength(7);
    for (const item of items) {
      const expected = queuePriority({
        hostile: item.scores?.hostility ?? 0,
        threat: item.scores?.threat ?? 0,
        insult: item.scores?.insult ?? 0,
        identityAttack: item.scores?.identityAttack ?? 0,
        // No fixture comment has the scorer's own flag set, so only open flags count here.
        scorerFlag: item.flags.length > 0,
        reactionCount: item.reactionCount,
        commenterRejectedCount: item.commenter?.rejectedCount ?? 0,
        commenterStatus: item.commenter?.status ?? "ACTIVE",
        ageHours: (Date.now() - Date.parse(item.postedAt)) / 3_600_000,
      });
      expect(item.priority).toBeCloseTo(expected, 9);
    }
  });

  test.each(QUEUE_TABS)(
    "tab %s lists exactly the comments queueTabIncludes() puts in it (SQL and client agree)",
    async (tab) => {
      const all = (await page("tab=all&limit=100")).items;
      expect(all.length).toBeGreaterThan(0);
      const expected = all
        .filter((item) =>
          queueTabIncludes(tab, {
            status: item.status,
            hasOpenSystemFlag: item.flags.some((f) => f.raisedBy === null),
            hasOpenPersonFlag: item.flags.some((f) => f.raisedBy !== null),
          }),
        )
        .map((item) => item.id)
        .sort((a, b) => a - b);
      const listed = (await page(`tab=${tab}&limit=100`)).items.map((item) => item.id).sort((a, b) => a - b);
      expect(listed).toEqual(expected);
    },
  );

  test("what approving would wave through: a held threat (at the publication's threshold) asks to confirm", async () => {
    const all = (await page("tab=all&limit=100")).items;
    const concerns = Object.fromEntries(all.map((item) => [item.id, item.concerns]));
    // threat 0.5 reaches the default threshold (0.5) and the comment is held.
    expect(concerns[ids.threat as number]).toEqual(["threat"]);
    expect(concerns[ids.hostile as number]).toEqual([]);
    expect(concerns[ids.reported as number]).toEqual([]);
    expect(concerns[ids.approved as number]).toEqual([]);
  });

  test("rejects an unknown parameter and a forged cursor", async () => {
    const unknown = await queueGET(
      apiRequest("/api/moderation/queue?sort=new", { session: moderator }),
      routeContext(),
    );
    expect(unknown.status).toBe(400);
    const forged = await queueGET(
      apiRequest("/api/moderation/queue?cursor=abc", { session: moderator }),
      routeContext(),
    );
    expect(forged.status).toBe(400);
  });
});
