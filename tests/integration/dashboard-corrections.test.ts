import { beforeAll, describe, expect, test } from "vitest";
import { POST as correct } from "@/app/api/comments/[commentId]/correction/route";
import { GET as getTones } from "@/app/api/posts/[postId]/tones/route";
import { GET as getAgreement } from "@/app/api/posts/agreement/route";
import type { ToneDistribution } from "@/lib/schemas/post-figures";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

const { db, sql } = useTestDatabase();
let moderator: TestSession;
let author: TestSession;
let viewer: TestSession;
let f: DashboardFixture;

beforeAll(async () => {
  await resetDatabase(sql);
  f = await buildDashboardFixture(sql);
  moderator = await signedIn("MODERATOR");
  author = await signedIn("AUTHOR");
  viewer = await signedIn("VIEWER");
});

function post(commentId: number | string, body: unknown, session: TestSession | null = moderator) {
  return correct(
    apiRequest(`/api/comments/${commentId}/correction`, { method: "POST", session, body }),
    routeContext({ commentId: String(commentId) }),
  );
}

async function toneCounts() {
  const response = await getTones(
    apiRequest(`/api/posts/${f.p1}/tones`, { session: viewer }),
    routeContext({ postId: String(f.p1) }),
  );
  return ((await response.json()) as ToneDistribution).tones;
}

describe("label corrections", () => {
  test("a viewer may not correct (403); anonymous 401", async () => {
    expect((await post(f.ids.a2!, { tone: "analytical" }, viewer)).status).toBe(403);
    expect((await post(f.ids.a2!, { tone: "analytical" }, null)).status).toBe(401);
  });

  test.each([
    ["an empty body", {}],
    ["an unknown tone", { tone: "angry" }],
    ["an unknown field", { tone: "analytical", note: "x" }],
  ])("%s answers 400", async (_name, body) => {
    expect((await post(f.ids.a2!, body)).status).toBe(400);
  });

  test("a missing comment answers 404, a deleted one 409", async () => {
    expect((await post(999999, { tone: "neutral" })).status).toBe(404);
    expect((await post(f.ids.a5!, { tone: "neutral" })).status).toBe(409);
  });

  test("a moderator's tone correction is stored, logged and used by the charts", async () => {
    const before = await toneCounts();
    expect(before.skeptical).toBe(1);
    expect(before.analytical).toBe(2);
    const response = await post(f.ids.a2!, { tone: "analytical" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      commentId: f.ids.a2,
      tone: "analytical",
      stance: "disagree",
      scoredTone: "skeptical",
      corrected: true,
    });
    const after = await toneCounts();
    expect(after.skeptical).toBe(0);
    expect(after.analytical).toBe(3);

    const corrections = await db.labelCorrection.findMany({ where: { commentId: f.ids.a2! } });
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      userId: moderator.userId,
      oldTone: "skeptical",
      newTone: "analytical",
      oldStance: "disagree",
      newStance: null,
      scorerVersion: "fixture-1",
    });
    const comment = await db.comment.findUniqueOrThrow({ where: { id: f.ids.a2! } });
    expect(comment.correctedTone).toBe("analytical");
    const log = await db.moderationAction.findMany({
      where: { commentId: f.ids.a2!, action: "LABEL_CORRECTED" },
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actorId: moderator.userId,
      targetType: "COMMENT",
      targetId: String(f.ids.a2),
    });
    expect(log[0]?.before).toEqual({ tone: "skeptical", stance: "disagree" });
  });

  test("the agreement figure counts confirmations as agreement and corrections as disagreement", async () => {
    // a2 corrected above (disagrees); the author confirms a1's labels (agrees) and corrects a7's stance.
    expect((await post(f.ids.a1!, { tone: "analytical", stance: "disagree" }, author)).status).toBe(200);
    expect((await post(f.ids.a7!, { stance: "neutral" }, author)).status).toBe(200);
    const response = await getAgreement(
      apiRequest("/api/posts/agreement", { session: viewer }),
      routeContext(),
    );
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ reviewed: 3, agreed: 1, toneChanged: 1, stanceChanged: 1, rate: 1 / 3 });
  });

  test("a cross-site POST is refused", async () => {
    const response = await correct(
      apiRequest(`/api/comments/${f.ids.a4}/correction`, {
        method: "POST",
        session: moderator,
        body: { tone: "neutral" },
        headers: { origin: "https://evil.example" },
      }),
      routeContext({ commentId: String(f.ids.a4) }),
    );
    expect(response.status).toBe(403);
  });
});
