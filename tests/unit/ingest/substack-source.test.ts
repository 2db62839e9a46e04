import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  createSubstackSource,
  type SubstackSourceOptions,
  substackCookieHeader,
} from "@/lib/ingest/substack/client";
import { IngestFetchError } from "@/lib/ingest/substack/errors";
import type { NormalizedPost } from "@/lib/ingest/types";
import { type FakeSubstack, startFakeSubstack } from "@/tests/support/fake-substack";

const COOKIE = "s%3Asecret-session-value.abc";
let fake: FakeSubstack;
let sleeps: number[];
/** A clock that only moves when the client sleeps: the pauses do not depend on how busy the machine is. */
let clock: number;

beforeEach(async () => {
  fake = await startFakeSubstack({ sessionCookie: COOKIE });
  sleeps = [];
  clock = 0;
});
afterEach(async () => {
  await fake.close();
});

function source(overrides: Partial<SubstackSourceOptions> = {}) {
  return createSubstackSource({
    baseUrl: fake.url,
    delayMs: 2000,
    timeoutMs: 1000,
    retries: 3,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => 0.5,
    ...overrides,
  });
}

async function allPosts(pages: AsyncGenerator<NormalizedPost[]>): Promise<NormalizedPost[][]> {
  const out: NormalizedPost[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const commentsPath = (id: number) => `/api/v1/post/${id}/comments`;

describe("archivePages", () => {
  test("pages until an empty page, not a short one, pausing between requests", async () => {
    const pages = await allPosts(source().archivePages());
    expect(pages.map((page) => page.map((p) => p.externalId))).toEqual([["103", "102"], ["101"]]);
    expect(fake.requests.all.map((r) => r.search)).toEqual([
      "?sort=new&offset=0&limit=12",
      "?sort=new&offset=2&limit=12",
      "?sort=new&offset=3&limit=12",
    ]);
    expect(sleeps).toEqual([2000, 2000]);
  });

  test("carries titles, dates and comment counts", async () => {
    const [page] = await allPosts(source().archivePages());
    expect(page?.[1]).toMatchObject({
      externalId: "102",
      slug: "taiwan-strait-drills-signal",
      publishedAt: new Date("2026-10-19T06:00:00.000Z"),
      upstreamCommentCount: 3,
      url: `${fake.url}/p/taiwan-strait-drills-signal`,
    });
  });
});

describe("getPost and getComments", () => {
  test("getPost reads the body by slug", async () => {
    const post = await source().getPost("sanctions-fatigue-baltic-corridor");
    expect(post).toMatchObject({
      externalId: "101",
      bodyHtml: expect.stringContaining("erode at the edges"),
    });
  });

  test("getComments returns the whole tree, hidden ones included", async () => {
    const { comments, issues } = await source().getComments("101");
    expect(comments).toHaveLength(13);
    expect(issues).toEqual([]);
    expect(comments.find((c) => c.externalId === "1005")?.ancestorExternalIds).toEqual([
      "1001",
      "1002",
      "1003",
      "1004",
    ]);
    expect(fake.requests.all[0]?.search).toBe("?all_comments=true&sort=oldest_first");
  });

  test.each([
    ["no cookie", undefined, 0],
    ["the bare cookie value", COOKIE, 3],
    ["a substack.sid=… string", `substack.sid=${COOKIE}`, 3],
  ])("a cookie-only post with %s gives %i comments", async (_name, cookie, expected) => {
    fake.state.setCookieOnly(103);
    const { comments } = await source({ cookie }).getComments("103");
    expect(comments).toHaveLength(expected);
  });

  test("sees edits, removals and new comments between imports", async () => {
    fake.state.editComment(2003, "Updated: the sortie chart is wrong.", "2026-10-20T09:00:00.000Z");
    fake.state.removeComment(2002);
    fake.state.addComment({
      postId: 102,
      parentId: 2001,
      body: "Late reply.",
      date: "2026-10-21T09:00:00.000Z",
    });
    const { comments } = await source().getComments("102");
    expect(comments.map((c) => c.externalId)).toEqual(["2001", "3004", "2003"]);
    expect(comments[1]).toMatchObject({ parentExternalId: "2001", body: "Late reply." });
    expect(comments[2]).toMatchObject({
      body: "Updated: the sortie chart is wrong.",
      editedAt: new Date("2026-10-20T09:00:00.000Z"),
    });
  });
});

describe("faults", () => {
  test("429 with Retry-After is honoured and counted", async () => {
    fake.faults.add(commentsPath(101), { kind: "status", status: 429, retryAfter: "4" }, 2);
    const { comments } = await source().getComments("101");
    expect(comments).toHaveLength(13);
    expect(fake.requests.count(commentsPath(101))).toBe(3);
    expect(sleeps).toEqual([4000, 4000]);
  });

  test("503 then success", async () => {
    fake.faults.add("/api/v1/archive", { kind: "status", status: 503 }, 2);
    const pages = await allPosts(source({ delayMs: 0 }).archivePages());
    expect(pages.flat()).toHaveLength(3);
    expect(fake.requests.count("/api/v1/archive")).toBe(5);
  });

  test("a hang longer than the timeout is retried", async () => {
    fake.faults.add(commentsPath(102), { kind: "hang", ms: 2000 });
    const { comments } = await source({ timeoutMs: 100 }).getComments("102");
    expect(comments).toHaveLength(3);
    expect(fake.requests.count(commentsPath(102))).toBe(2);
  });

  test("a reset connection is retried", async () => {
    fake.faults.add(commentsPath(102), { kind: "reset" });
    const { comments } = await source().getComments("102");
    expect(comments).toHaveLength(3);
  });

  test.each([
    ["malformed JSON", { kind: "malformed-json" as const }, /malformed JSON/],
    [
      "the wrong shape",
      { kind: "wrong-shape" as const, body: { comments: { oops: true } } },
      /unexpected response shape: comments: /,
    ],
    [
      "a comment without a date",
      {
        kind: "wrong-shape" as const,
        body: { comments: [{ id: 1, body: "x", name: "n", user_id: 1, children: [], ancestor_path: "" }] },
      },
      /comments\[0\]\.date: /,
    ],
  ])("%s throws IngestFetchError naming the URL, never the cookie", async (_name, fault, message) => {
    fake.faults.add(commentsPath(101), fault);
    const error = await source({ cookie: COOKIE })
      .getComments("101")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFetchError);
    const fetchError = error as IngestFetchError;
    expect(fetchError.message).toMatch(message);
    expect(fetchError.url).toBe(`${fake.url}${commentsPath(101)}?all_comments=true&sort=oldest_first`);
    expect(fetchError.message).toContain(fetchError.url);
    expect(JSON.stringify({ m: fetchError.message, s: fetchError.stack, u: fetchError.url })).not.toContain(
      "secret-session",
    );
    expect(fake.requests.count(commentsPath(101))).toBe(1);
  });

  test("a 404 is not retried and becomes IngestFetchError with the status", async () => {
    const error = await source()
      .getPost("no-such-post")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestFetchError);
    expect(error).toMatchObject({ status: 404, message: expect.stringContaining("HTTP 404") });
    expect(fake.requests.count("/api/v1/posts/no-such-post")).toBe(1);
  });
});

test.each([
  ["abc", "substack.sid=abc"],
  ["substack.sid=abc", "substack.sid=abc"],
  ["  substack.sid=abc ", "substack.sid=abc"],
  ["Cookie: substack.sid=abc", "substack.sid=abc"],
])("cookie %j becomes header %j", (input, header) => {
  expect(substackCookieHeader(input)).toBe(header);
});

test("a cookie that cannot be a header value is refused without quoting it", () => {
  expect(() => source({ cookie: "secret-session\r\nX-Evil: 1" })).toThrow(/cannot be sent in a header/);
  expect(() => source({ cookie: "secret-session\r\nX-Evil: 1" })).not.toThrow(/secret-session/);
});

test("an archive that ignores offset stops with an error instead of paging forever", async () => {
  const fetchImpl = (async () => new Response(JSON.stringify([{ id: 1 }]), { status: 200 })) as typeof fetch;
  const pages = source({ fetchImpl, delayMs: 0 }).archivePages();
  await expect(allPosts(pages)).rejects.toThrow(/archive paging is not advancing/);
});
