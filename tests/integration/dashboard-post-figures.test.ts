import { beforeAll, describe, expect, test } from "vitest";
import { GET as getCommenters } from "@/app/api/posts/[postId]/commenters/route";
import { GET as getComments } from "@/app/api/posts/[postId]/comments/route";
import { GET as getDepth } from "@/app/api/posts/[postId]/depth/route";
import { GET as getReadingList } from "@/app/api/posts/[postId]/reading-list/route";
import { GET as getPost } from "@/app/api/posts/[postId]/route";
import { GET as getSentiment } from "@/app/api/posts/[postId]/sentiment/route";
import { GET as getStances } from "@/app/api/posts/[postId]/stances/route";
import { GET as getTimeline } from "@/app/api/posts/[postId]/timeline/route";
import { GET as getTones } from "@/app/api/posts/[postId]/tones/route";
import type {
  ActiveCommenters,
  ReadingList,
  SentimentHistogram,
  Timeline,
  ToneByDepth,
} from "@/lib/schemas/post-figures";
import type { ThreadPage } from "@/lib/schemas/thread";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { A3_BODY, buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

const { sql } = useTestDatabase();
let viewer: TestSession;
let f: DashboardFixture;

beforeAll(async () => {
  await resetDatabase(sql);
  f = await buildDashboardFixture(sql);
  viewer = await signedIn("VIEWER");
});

type Handler = (request: Request, context: { params?: Promise<unknown> }) => Promise<Response>;

async function call<T>(handler: Handler, path: string, postId: number | string = f.p1): Promise<T> {
  const response = await handler(
    apiRequest(path, { session: viewer }),
    routeContext({ postId: String(postId) }),
  );
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

describe("post header", () => {
  test("counts comments, deleted ones, scored ones, commenters and open flags", async () => {
    const body = await call<Record<string, unknown>>(getPost, `/api/posts/${f.p1}`);
    expect(body).toMatchObject({
      id: f.p1,
      title: "First post",
      publicationName: "Fixture Weekly",
      comments: 7,
      deleted: 1,
      scored: 7,
      commenters: 5,
      // the OFF_TOPIC flag on a4 and the HEATED_THREAD flag on the post
      openFlags: 2,
      publishedAt: "2026-01-01T00:00:00.000Z",
    });
  });
});

describe("tone and stance", () => {
  test("tone distribution of the whole thread", async () => {
    const body = await call(getTones, `/api/posts/${f.p1}/tones`);
    expect(body).toEqual({
      postId: f.p1,
      total: 7,
      tones: tones({ analytical: 2, skeptical: 1, dismissive: 1, supportive: 1, hostile: 1, neutral: 1 }),
    });
  });

  test("stance split of the whole thread", async () => {
    const body = await call(getStances, `/api/posts/${f.p1}/stances`);
    expect(body).toEqual({ postId: f.p1, total: 7, stances: { agree: 2, disagree: 3, neutral: 2 } });
  });

  test.each([
    ["tone=analytical", 2, tones({ analytical: 2 })],
    ["stance=disagree", 3, tones({ analytical: 1, skeptical: 1, hostile: 1 })],
    ["sentiment=negative", 3, tones({ skeptical: 1, hostile: 1, dismissive: 1 })],
    ["status=flagged", 2, tones({ hostile: 1, supportive: 1 })],
    ["q=SCRIPT", 1, tones({ hostile: 1 })],
    ["q=Ben", 2, tones({ skeptical: 1, dismissive: 1 })],
    ["tone=analytical&stance=agree", 1, tones({ analytical: 1 })],
  ])("filtered by %s", async (query, total, expected) => {
    const body = await call(getTones, `/api/posts/${f.p1}/tones?${query}`);
    expect(body).toEqual({ postId: f.p1, total, tones: expected });
  });
});

describe("sentiment histogram", () => {
  test("bins of width 0.25 between -1 and 1, with the mean", async () => {
    const body = await call<SentimentHistogram>(getSentiment, `/api/posts/${f.p1}/sentiment`);
    expect(body.total).toBe(7);
    // (0.1 - 0.3 - 0.8 + 0.5 - 0.2 + 0 + 0) / 7
    expect(body.mean).toBeCloseTo(-0.1, 10);
    expect(body.bins).toHaveLength(10);
    // -0.8 in [-1,-0.75); -0.3 in [-0.5,-0.25); -0.2 in [-0.25,0); 0, 0, 0.1 in [0,0.25); 0.5 in [0.5,0.75)
    expect(body.bins.map((b) => b.count)).toEqual([0, 1, 0, 1, 1, 3, 0, 1, 0, 0]);
    expect(body.bins[1]).toEqual({ from: -1, to: -0.75, count: 1 });
    expect(body.bins[0]).toMatchObject({ from: null, to: -1 });
  });
});

describe("comments over time", () => {
  test("hour buckets since publication, by tone (the thread spans 30 hours)", async () => {
    const body = await call<Timeline>(getTimeline, `/api/posts/${f.p1}/timeline`);
    expect(body.start).toBe("2026-01-01T00:00:00.000Z");
    expect(body.bucket).toBe("hour");
    expect(body.buckets).toEqual([
      { index: 0, tones: tones({ analytical: 1 }) },
      { index: 1, tones: tones({ skeptical: 1 }) },
      { index: 2, tones: tones({ hostile: 1 }) },
      { index: 3, tones: tones({ supportive: 1 }) },
      { index: 5, tones: tones({ dismissive: 1 }) },
      { index: 26, tones: tones({ analytical: 1 }) },
      { index: 30, tones: tones({ neutral: 1 }) },
    ]);
  });

  test("filters keep the time axis of the whole thread", async () => {
    const body = await call<Timeline>(getTimeline, `/api/posts/${f.p1}/timeline?tone=analytical`);
    expect(body.start).toBe("2026-01-01T00:00:00.000Z");
    expect(body.buckets.map((b) => b.index)).toEqual([0, 26]);
  });
});

describe("tone by depth", () => {
  test("top-level comments against replies", async () => {
    const body = await call<ToneByDepth>(getDepth, `/api/posts/${f.p1}/depth`);
    expect(body.topLevel).toEqual({ total: 3, tones: tones({ analytical: 2, supportive: 1 }) });
    expect(body.replies).toEqual({
      total: 4,
      tones: tones({ skeptical: 1, hostile: 1, dismissive: 1, neutral: 1 }),
    });
  });
});

describe("most active commenters", () => {
  test("by comments, then name; deleted comments do not count", async () => {
    const body = await call<ActiveCommenters>(getCommenters, `/api/posts/${f.p1}/commenters`);
    expect(body.commenters.map((c) => [c.name, c.comments, c.disagree])).toEqual([
      ["Ann", 2, 2],
      ["Ben", 2, 1],
      ["Cat", 1, 0],
      ["Dan", 1, 0],
      ["Eve", 1, 0],
    ]);
    expect(body.commenters.find((c) => c.name === "Cat")?.topTone).toBe("supportive");
    expect(body.commenters.find((c) => c.name === "Dan")?.topTone).toBe("analytical");
  });
});

describe("reading lists", () => {
  test.each([
    // a1 (.6+.2, 3 reactions) ties a2 (.1+.7, 1 reaction) on score: reactions decide. a3 is hostile, a7 agrees.
    ["pushback", ["a1", "a2"]],
    ["dismissive", ["a6"]],
    // newest first: a4 (open flag, 3.0 h) then a3 (scorer flag, 2.2 h)
    ["flagged", ["a4", "a3"]],
  ])("%s", async (list, keys) => {
    const body = await call<ReadingList>(getReadingList, `/api/posts/${f.p1}/reading-list?list=${list}`);
    expect(body.total).toBe(keys.length);
    expect(body.comments.map((c) => c.id)).toEqual(keys.map((k) => f.ids[k]));
  });

  test("the list honours the filters", async () => {
    const body = await call<ReadingList>(
      getReadingList,
      `/api/posts/${f.p1}/reading-list?list=pushback&tone=skeptical`,
    );
    expect(body.comments.map((c) => c.id)).toEqual([f.ids.a2]);
  });
});

describe("thread", () => {
  test("tree order keeps replies under their parents, pages by cursor", async () => {
    const order: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: ThreadPage = await call<ThreadPage>(
        getComments,
        `/api/posts/${f.p1}/comments?limit=3${query}`,
      );
      expect(page.total).toBe(8);
      order.push(...page.comments.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // a8 replies to a1 but was posted last: it sits under a1's subtree, before a4.
    expect(order).toEqual(["a1", "a2", "a3", "a8", "a4", "a5", "a6", "a7"].map((k) => f.ids[k]));
  });

  test("a comment carries its labels, depth, flags and cues; a deleted one keeps its place without a body", async () => {
    const page = await call<ThreadPage>(getComments, `/api/posts/${f.p1}/comments`);
    const byId = new Map(page.comments.map((c) => [c.id, c]));
    expect(byId.get(f.ids.a1!)).toMatchObject({
      depth: 0,
      tone: "analytical",
      stance: "disagree",
      corrected: false,
      sentiment: { comparative: 0.1, label: "positive" },
      cues: [{ start: 0, end: 6, text: "Strong", signal: "praise" }],
    });
    expect(byId.get(f.ids.a3!)).toMatchObject({
      depth: 2,
      body: A3_BODY,
      scorerFlag: true,
      flagReasons: ["threat"],
    });
    expect(byId.get(f.ids.a4!)).toMatchObject({ openFlags: 1, flagReasons: ["OFF_TOPIC"] });
    expect(byId.get(f.ids.a5!)).toMatchObject({ body: null, deleted: true, tone: null, sentiment: null });
    expect(byId.get(f.ids.a6!)).toMatchObject({ depth: 1, parentId: f.ids.a5 });
  });

  test.each([
    ["status=deleted", ["a5"]],
    ["tone=analytical", ["a1", "a7"]],
    ["q=50%25", []],
    ["q=archive", ["a7"]],
  ])("filtered by %s", async (query, keys) => {
    const page = await call<ThreadPage>(getComments, `/api/posts/${f.p1}/comments?${query}`);
    expect(page.comments.map((c) => c.id)).toEqual(keys.map((k) => f.ids[k]));
    expect(page.total).toBe(keys.length);
  });
});

describe("bad requests", () => {
  test.each([
    ["an unknown parameter", getTones, "/tones?bogus=1"],
    ["an unknown tone", getTones, "/tones?tone=angry"],
    ["a malformed cursor", getComments, "/comments?cursor=abc"],
    ["a limit out of range", getComments, "/comments?limit=500"],
    ["a missing list name", getReadingList, "/reading-list"],
  ])("%s answers 400 with a message", async (_name, handler, suffix) => {
    const response = await (handler as Handler)(
      apiRequest(`/api/posts/${f.p1}${suffix}`, { session: viewer }),
      routeContext({ postId: String(f.p1) }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBeTruthy();
  });

  test("a malformed post id answers 400, a missing post 404", async () => {
    const bad = await getTones(
      apiRequest("/api/posts/abc/tones", { session: viewer }),
      routeContext({ postId: "abc" }),
    );
    expect(bad.status).toBe(400);
    for (const handler of [getPost, getTones, getComments, getTimeline] as Handler[]) {
      const missing = await handler(
        apiRequest("/api/posts/999999/x", { session: viewer }),
        routeContext({ postId: "999999" }),
      );
      expect(missing.status).toBe(404);
    }
  });

  test("anonymous callers get 401", async () => {
    const response = await getTones(
      apiRequest(`/api/posts/${f.p1}/tones`),
      routeContext({ postId: String(f.p1) }),
    );
    expect(response.status).toBe(401);
  });
});
