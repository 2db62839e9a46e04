import { beforeAll, describe, expect, test } from "vitest";
import { GET as getCommenter } from "@/app/api/commenters/[commenterId]/route";
import { GET as getCompare } from "@/app/api/posts/compare/route";
import type { CommenterPage } from "@/lib/schemas/commenter-profile";
import type { Comparison } from "@/lib/schemas/compare";
import { getCommenterComments } from "@/lib/server/analytics/commenter-profile";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

const { sql } = useTestDatabase();
let viewer: TestSession;
let moderator: TestSession;
let f: DashboardFixture;
let ann: number;

beforeAll(async () => {
  await resetDatabase(sql);
  f = await buildDashboardFixture(sql);
  viewer = await signedIn("VIEWER");
  moderator = await signedIn("MODERATOR");
  const [row] = await sql<{ id: number }[]>`SELECT id FROM commenter WHERE external_id = 'u-Ann'`;
  ann = row!.id;
  await sql`INSERT INTO moderator_note (commenter_id, author_id, body) VALUES (${ann}, ${moderator.userId}, 'Argues in good faith.')`;
});

const tones = (partial: Record<string, number>) => ({
  analytical: 0,
  skeptical: 0,
  dismissive: 0,
  supportive: 0,
  hostile: 0,
  neutral: 0,
  ...partial,
});

async function commenterAs(session: TestSession, id: number | string = ann, query = "") {
  return getCommenter(
    apiRequest(`/api/commenters/${id}${query}`, { session }),
    routeContext({ commenterId: String(id) }),
  );
}

describe("commenter page", () => {
  test("profile: counts, first seen, tone profile against the publication, stance", async () => {
    const response = await commenterAs(viewer);
    expect(response.status).toBe(200);
    const body = (await response.json()) as CommenterPage;
    expect(body.commenter).toMatchObject({
      name: "Ann",
      status: "ACTIVE",
      firstSeenAt: "2025-12-31T10:00:00.000Z",
      publicationName: "Fixture Weekly",
      comments: 3,
      posts: 2,
      tones: tones({ analytical: 1, hostile: 1, skeptical: 1 }),
      // every scored comment of the fixture: a1 a7 analytical, a2 b1 skeptical, a6, a4, a3, a8 b2 neutral
      publicationTones: tones({
        analytical: 2,
        skeptical: 2,
        dismissive: 1,
        supportive: 1,
        hostile: 1,
        neutral: 2,
      }),
      stances: { agree: 0, disagree: 3, neutral: 0 },
    });
    // newest first across posts
    expect(body.comments.map((c) => c.id)).toEqual([f.ids.a3, f.ids.a1, f.ids.b1]);
    expect(body.comments[2]?.postTitle).toBe("Older post");
    expect(body.nextCursor).toBeNull();
  });

  test("moderator notes are shown to moderators only", async () => {
    const asViewer = (await (await commenterAs(viewer)).json()) as CommenterPage;
    expect(asViewer.commenter.notes).toEqual([]);
    const asModerator = (await (await commenterAs(moderator)).json()) as CommenterPage;
    expect(asModerator.commenter.notes).toMatchObject([{ body: "Argues in good faith." }]);
  });

  test("comments page by cursor", async () => {
    const first = await getCommenterComments(ann, undefined, 2);
    expect(first.comments.map((c) => c.id)).toEqual([f.ids.a3, f.ids.a1]);
    expect(first.nextCursor).toMatch(/^2026-01-01T00:30:00\.000Z_\d+$/);
    const response = await commenterAs(viewer, ann, `?cursor=${encodeURIComponent(first.nextCursor ?? "")}`);
    const second = (await response.json()) as CommenterPage;
    expect(second.comments.map((c) => c.id)).toEqual([f.ids.b1]);
  });

  test("a missing commenter answers 404, a malformed id or cursor 400", async () => {
    expect((await commenterAs(viewer, 999999)).status).toBe(404);
    expect((await commenterAs(viewer, "ann")).status).toBe(400);
    expect((await commenterAs(viewer, ann, "?cursor=yesterday")).status).toBe(400);
  });
});

describe("compare", () => {
  async function compare(query: string) {
    return getCompare(apiRequest(`/api/posts/compare?${query}`, { session: viewer }), routeContext());
  }

  test("two posts side by side, in the order asked", async () => {
    const response = await compare(`posts=${f.p2},${f.p1}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Comparison;
    expect(body.posts.map((p) => p.id)).toEqual([f.p2, f.p1]);
    const [p2, p1] = body.posts;
    expect(p2).toMatchObject({
      comments: 2,
      scored: 2,
      tones: tones({ skeptical: 1, neutral: 1 }),
      stances: { agree: 0, disagree: 1, neutral: 1 },
    });
    expect(p2?.meanSentiment).toBeCloseTo(0.05, 10);
    // -0.1 in [-0.25, 0), 0.2 in [0, 0.25)
    expect(p2?.sentimentBins.map((b) => b.count)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0]);
    expect(p1).toMatchObject({ comments: 7, scored: 7, stances: { agree: 2, disagree: 3, neutral: 2 } });
    expect(p1?.sentimentBins.map((b) => b.count)).toEqual([0, 1, 0, 1, 1, 3, 0, 1, 0, 0]);
  });

  test.each([["posts=1"], ["posts=a,b"], [""], ["posts=1,2&x=1"], ["posts=1,1"]])(
    "%s answers 400",
    async (query) => {
      expect((await compare(query)).status).toBe(400);
    },
  );

  test("an unknown post answers 404", async () => {
    expect((await compare(`posts=${f.p1},999999`)).status).toBe(404);
  });
});
