import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { importSubstack } from "@/lib/server/ingest/substack-import";
import { fixtureCounts } from "@/tests/fixtures/substack/foreign-policy";
import { resetDatabase, useTestDatabase } from "../support/database";
import { type FakeSubstack, startFakeSubstack } from "../support/fake-substack";

const { url: databaseUrl, db, sql } = useTestDatabase();
let fake: FakeSubstack;
const fast = { sleep: async () => {}, random: () => 0.5 };
const run = (options: Partial<Parameters<typeof importSubstack>[1]> = {}) =>
  importSubstack(sql, {
    url: fake.url,
    delayMs: 0,
    timeoutMs: 2000,
    retries: 3,
    transport: fast,
    ...options,
  });

beforeEach(async () => {
  await resetDatabase(sql);
  fake = await startFakeSubstack();
});
afterEach(() => fake.close());

describe("Substack import", () => {
  test("stores every post and comment with its reply structure, scores and upstream state", async () => {
    const expected = fixtureCounts(fake.state.fixture);
    const result = await run();
    expect(result.status).toBe("SUCCEEDED");
    expect(result.progress).toMatchObject({
      postsTotal: expected.posts,
      postsDone: expected.posts,
      commentsNew: expected.comments,
    });
    expect(await db.post.count()).toBe(expected.posts);
    expect(await db.comment.count()).toBe(expected.comments);
    expect(await db.comment.count({ where: { deleted: true } })).toBe(expected.deleted);
    expect(await db.comment.count({ where: { upstreamStatus: "moderator_removed" } })).toBe(
      expected.moderatorRemoved,
    );
    expect(await db.comment.count({ where: { automodHidden: true } })).toBe(expected.automodHidden);
    expect(await db.comment.count({ where: { editedAt: { not: null } } })).toBe(expected.edited);
    expect(expected.maxDepth).toBeGreaterThanOrEqual(4);
    expect((await db.comment.aggregate({ _max: { depth: true } }))._max.depth).toBe(expected.maxDepth);
    // Every reply points at a stored parent, and its ancestor path ends with that parent.
    const replies = await db.comment.findMany({ where: { parentExternalId: { not: null } } });
    for (const reply of replies) {
      expect(reply.parentId).not.toBeNull();
      expect(reply.ancestorPath.split(".").at(-1)).toBe(String(reply.parentId));
    }
    // A deleted parent keeps its place, and its live replies stay under it.
    const deletedWithReplies = await db.comment.findFirst({
      where: { deleted: true, replies: { some: { body: { not: null } } } },
    });
    expect(deletedWithReplies).not.toBeNull();
    // Everything with a body is scored; nothing without one is.
    expect(await db.commentScore.count()).toBe(await db.comment.count({ where: { body: { not: null } } }));
    const posts = await db.post.findMany({ where: { bodyHtml: { not: null } } });
    expect(posts).toHaveLength(expected.posts);
  });

  test("importing again creates nothing; an edit updates and rescores, a vanished comment is marked, not deleted", async () => {
    await run();
    const before = await db.comment.count();
    const again = await run();
    expect(again.progress).toMatchObject({ commentsNew: 0, commentsUpdated: 0, commentsVanished: 0 });
    expect(again.progress.commentsUnchanged).toBe(before);
    expect(await db.comment.count()).toBe(before);

    const target = await db.comment.findFirstOrThrow({
      where: { body: { not: null }, deleted: false, replies: { none: {} } },
      orderBy: { id: "asc" },
    });
    const leaf = await db.comment.findFirstOrThrow({
      where: { body: { not: null }, replies: { none: {} }, id: { not: target.id }, automodHidden: false },
      orderBy: { id: "desc" },
    });
    const scoredBefore = await db.commentScore.findUniqueOrThrow({ where: { commentId: target.id } });
    fake.state.editComment(
      Number(target.externalId),
      "Edited: I doubt the corridor will ever carry that much freight.",
      "2026-11-20T10:00:00.000Z",
    );
    fake.state.removeComment(Number(leaf.externalId));
    const third = await run();
    expect(third.progress.commentsUpdated).toBe(1);
    expect(third.progress.commentsVanished).toBe(1);
    expect(await db.comment.count()).toBe(before);
    const edited = await db.comment.findUniqueOrThrow({ where: { id: target.id } });
    expect(edited.body).toMatch(/^Edited:/);
    expect(edited.editedAt?.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    const scoredAfter = await db.commentScore.findUniqueOrThrow({ where: { commentId: target.id } });
    expect(scoredAfter.scoredAt.getTime()).toBeGreaterThan(scoredBefore.scoredAt.getTime());
    expect((await db.comment.findUniqueOrThrow({ where: { id: leaf.id } })).vanishedAt).not.toBeNull();
  });

  test("429 with Retry-After, 503 then success and a timeout are retried; the import succeeds", async () => {
    fake.faults.add("/api/v1/archive", { kind: "status", status: 429, retryAfter: "1" }, 1);
    fake.faults.add("/api/v1/post/102/comments", { kind: "status", status: 503 }, 2);
    fake.faults.add("/api/v1/posts/taiwan-strait-drills-signal", { kind: "hang", ms: 1500 }, 1);
    const sleeps: number[] = [];
    const result = await run({
      timeoutMs: 500,
      transport: { random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) },
    });
    expect(result.status).toBe("SUCCEEDED");
    expect(sleeps).toContain(1000);
    expect(fake.requests.count("/api/v1/post/102/comments")).toBe(3);
    expect(await db.comment.count()).toBe(fixtureCounts(fake.state.fixture).comments);
  });

  test("a post whose comments never parse is an error naming the URL; the other posts go in", async () => {
    fake.faults.add("/api/v1/post/101/comments", { kind: "malformed-json" }, 10);
    const result = await run();
    expect(result.status).toBe("PARTIAL");
    const stored = await db.importRun.findUniqueOrThrow({ where: { id: result.runId } });
    const errors = stored.errors as { location: string; message: string }[];
    expect(errors.some((e) => e.message.includes("/api/v1/post/101/comments"))).toBe(true);
    const post101 = await db.post.findFirstOrThrow({ where: { externalId: "101" } });
    expect(await db.comment.count({ where: { postId: post101.id } })).toBe(0);
    expect(await db.comment.count()).toBeGreaterThan(0);
    // The failed post is not marked done: the next run fetches it.
    fake.faults.clear();
    const next = await run();
    expect(next.status).toBe("SUCCEEDED");
    expect(await db.comment.count()).toBe(fixtureCounts(fake.state.fixture).comments);
  });

  test("a cookie-only publication needs the author's cookie, which is never stored", async () => {
    fake.state.setCookieOnly(103);
    const anonymous = await run();
    expect(anonymous.status).toBe("PARTIAL");
    const errors = (await db.importRun.findUniqueOrThrow({ where: { id: anonymous.runId } })).errors as {
      message: string;
    }[];
    expect(errors.some((e) => /signed-in readers/.test(e.message))).toBe(true);
    const withCookie = await run({ cookie: fake.state.sessionCookie, cookieEnv: "SUBSTACK_SID" });
    expect(withCookie.status).toBe("SUCCEEDED");
    expect(await db.comment.count()).toBe(fixtureCounts(fake.state.fixture).comments);
    const runs = await sql`SELECT params::text AS p, errors::text AS e FROM import_run`;
    for (const r of runs) expect(`${r.p}${r.e}`).not.toContain(fake.state.sessionCookie);
  });

  test("an import killed with SIGKILL mid-way is resumed by the next run: nothing lost, nothing doubled", async () => {
    const child = spawn(
      process.execPath,
      [
        path.resolve("node_modules/tsx/dist/cli.mjs"),
        "--conditions=react-server",
        "lib/cli/bin.ts",
        "import",
        "substack",
        fake.url,
        "--delay-ms",
        "400",
      ],
      // Its own process group: tsx runs the importer in a child process, which must die with it.
      { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "ignore", detached: true },
    );
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [row] = await sql<
        { posts_done: number }[]
      >`SELECT posts_done FROM import_run ORDER BY id DESC LIMIT 1`;
      if (row && row.posts_done >= 1) break;
      if (Date.now() > deadline) throw new Error("the import never finished a post");
      await new Promise((r) => setTimeout(r, 100));
    }
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-(child.pid as number), "SIGKILL");
    await exited;
    const [killed] = await sql<
      { id: number; status: string; posts_done: number }[]
    >`SELECT id, status, posts_done FROM import_run`;
    expect(killed?.status).toBe("RUNNING");
    expect(killed!.posts_done).toBeLessThan(fixtureCounts(fake.state.fixture).posts);
    // The heartbeat is fresh; pretend the crash was a while ago, as a later start would see it.
    await sql`UPDATE import_run SET heartbeat_at = now() - interval '1 hour'`;
    fake.requests.reset();
    const resumed = await run();
    expect(resumed.resumed).toBe(true);
    expect(resumed.runId).toBe(killed!.id);
    expect(resumed.status).toBe("SUCCEEDED");
    const expected = fixtureCounts(fake.state.fixture);
    expect(await db.comment.count()).toBe(expected.comments);
    expect(await db.post.count()).toBe(expected.posts);
    const [done] = await sql<
      { posts_done: number; comments_new: number }[]
    >`SELECT posts_done, comments_new FROM import_run`;
    expect(done).toEqual({ posts_done: expected.posts, comments_new: expected.comments });
    // Posts finished before the kill were not fetched again.
    expect(fake.requests.count("/api/v1/post/103/comments")).toBe(0);
  });
});
