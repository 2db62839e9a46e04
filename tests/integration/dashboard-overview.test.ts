import { beforeAll, describe, expect, test } from "vitest";
import { GET as getAgreement } from "@/app/api/posts/agreement/route";
import { GET as getHeadline } from "@/app/api/posts/headline/route";
import { GET as getPosts } from "@/app/api/posts/route";
import type { Headline } from "@/lib/schemas/overview";
import type { PostListResponse } from "@/lib/schemas/posts";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

const { sql } = useTestDatabase();
let viewer: TestSession;
let f: DashboardFixture;

beforeAll(async () => {
  await resetDatabase(sql);
  f = await buildDashboardFixture(sql);
  viewer = await signedIn("VIEWER");
});

type Handler = (request: Request, context: { params?: Promise<unknown> }) => Promise<Response>;

async function call<T>(handler: Handler, path: string): Promise<T> {
  const response = await handler(apiRequest(path, { session: viewer }), routeContext());
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

const tones = (partial: Record<string, number>) => ({
  analytical: 0,
  skeptical: 0,
  dismissive: 0,
  supportive: 0,
  hostile: 0,
  neutral: 0,
  ...partial,
});

describe("post summaries", () => {
  test("every post, newest first, with the hand-computed figures of p1", async () => {
    const { posts } = await call<PostListResponse>(getPosts, "/api/posts");
    expect(posts.map((p) => p.id)).toEqual([f.p1, f.p2]);
    const p1 = posts[0]!;
    expect(p1).toMatchObject({
      comments: 7,
      commenters: 5,
      scored: 7,
      openFlags: 2,
      openPostFlags: 1,
      postFlagReasons: ["HEATED_THREAD"],
      tones: tones({ analytical: 2, skeptical: 1, dismissive: 1, supportive: 1, hostile: 1, neutral: 1 }),
      stances: { agree: 2, disagree: 3, neutral: 2 },
    });
    expect(p1.meanSentiment).toBeCloseTo(-0.1, 10);
    // sorted: -0.8 -0.3 -0.2 0 0 0.1 0.5; p25 at position 1.5 -> -0.25, p75 at 4.5 -> 0.05. The overview reads
    // the rollup's histogram of 0.01-wide bins (a value at its bin's middle): exact to within one bin.
    expect(Math.abs((p1.sentimentQuartiles?.p25 ?? 99) - -0.25)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((p1.sentimentQuartiles?.p75 ?? 99) - 0.05)).toBeLessThanOrEqual(0.01);
  });

  test.each([
    ["from=2026-01-01", ["p1"]],
    ["to=2025-12-31", ["p2"]],
    ["from=2025-12-31&to=2025-12-31", ["p2"]],
    ["from=2024-01-01&to=2024-12-31", []],
  ])("a date range %s keeps the posts published within it", async (query, keys) => {
    const { posts } = await call<PostListResponse>(getPosts, `/api/posts?${query}`);
    expect(posts.map((p) => p.id)).toEqual(keys.map((k) => (k === "p1" ? f.p1 : f.p2)));
  });

  test.each([["from=2026-13-01"], ["from=2026-01-02&to=2026-01-01"], ["page=2"]])(
    "%s answers 400",
    async (query) => {
      const response = await getPosts(apiRequest(`/api/posts?${query}`, { session: viewer }), routeContext());
      expect(response.status).toBe(400);
    },
  );
});

describe("headline figures", () => {
  test("comments posted in the range against the day before", async () => {
    const body = await call<Headline>(getHeadline, "/api/posts/headline?from=2026-01-01&to=2026-01-01");
    // On 2026-01-01: a1 a2 a3 a4 a6 (a5 has no body; a7 and a8 are on the 2nd), by Ann, Ben and Cat.
    expect(body.current).toEqual({
      comments: 5,
      commenters: 3,
      scored: 5,
      tones: tones({ analytical: 1, skeptical: 1, hostile: 1, supportive: 1, dismissive: 1 }),
    });
    expect(body.previous).toEqual({
      from: "2025-12-31",
      to: "2025-12-31",
      figures: { comments: 2, commenters: 2, scored: 2, tones: tones({ skeptical: 1, neutral: 1 }) },
    });
  });

  test("an open range has no previous range", async () => {
    const body = await call<Headline>(getHeadline, "/api/posts/headline");
    expect(body.current.comments).toBe(9);
    // Ann, Ben, Cat, Dan, Eve, Fay
    expect(body.current.commenters).toBe(6);
    expect(body.previous).toBeNull();
  });
});

describe("agreement", () => {
  test("nothing reviewed yet", async () => {
    const body = await call(getAgreement, "/api/posts/agreement");
    expect(body).toEqual({ reviewed: 0, agreed: 0, toneChanged: 0, stanceChanged: 0, rate: null });
  });
});
