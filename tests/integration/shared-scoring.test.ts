import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { boss, QUEUES, runScoringJob } from "@/lib/server/jobs/queue";
import { resetDatabase, useTestDatabase } from "../support/database";

/**
 * Scoring shared by several processes on one database (workers on several machines do the same): each claims
 * chunks of unscored comments with FOR NO KEY UPDATE SKIP LOCKED and checks again after the lock, so no
 * comment is scored twice and none is missed; a process killed mid-chunk leaves that chunk to the next one.
 */
const { url, sql } = useTestDatabase();
const COMMENTS = 50_000;
const WORDS = [
  "grain",
  "sanctions",
  "ports",
  "doubt",
  "thanks",
  "clown",
  "evidence",
  "treaty",
  "winter",
  "rail",
];

beforeEach(async () => {
  await resetDatabase(sql);
  const publicationId = await upsertPublication(sql, {
    platform: "file",
    name: "Shared",
    baseUrl: "file://shared",
  });
  const posts = await upsertPosts(sql, publicationId, [
    {
      externalId: "p1",
      slug: null,
      title: "Sanctions",
      url: null,
      publishedAt: new Date("2026-01-01T00:00:00Z"),
    },
  ]);
  await sql`
    INSERT INTO comment (publication_id, post_id, external_id, author_name, body, posted_at, updated_at)
    SELECT ${publicationId}, ${posts.get("p1")!}::int, 'c' || g, 'Reader ' || (g % 300),
      'Comment ' || g || ': ' || (${WORDS}::text[])[1 + g % 10] || ' and ' || (${WORDS}::text[])[1 + (g / 10) % 10],
      '2026-01-01'::timestamptz + g * interval '1 second', now()
    FROM generate_series(1, ${COMMENTS}) g`;
}, 120_000);

function score(): { child: ChildProcess; done: Promise<{ code: number | null; scored: number }> } {
  // Its own process group: tsx runs the command in a child process, which must die with it.
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "lib/cli/bin.ts", "score"],
    { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "ignore"], detached: true },
  );
  let stdout = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  const done = new Promise<{ code: number | null; scored: number }>((resolve) =>
    child.once("exit", (code) =>
      resolve({ code, scored: Number(/scored (\d+) comments/.exec(stdout)?.[1] ?? -1) }),
    ),
  );
  return { child, done };
}

async function counts() {
  const [row] = await sql<{ scored: number; unscored: number }[]>`
    SELECT count(s.comment_id)::int AS scored, count(*) FILTER (WHERE s.comment_id IS NULL)::int AS unscored
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id`;
  return row!;
}

describe("scoring shared by several processes", () => {
  test("two at once over 50,000 unscored comments: every comment scored by exactly one of them", async () => {
    const [a, b] = [score(), score()];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code).toBe(0);
    expect(rb.code).toBe(0);
    // Each counts what it wrote: a comment scored by both would count twice.
    expect(ra.scored + rb.scored).toBe(COMMENTS);
    // Both took a share (each claims 2,000 at a time; the second starts within a second of the first).
    expect(Math.min(ra.scored, rb.scored)).toBeGreaterThan(0);
    expect(await counts()).toEqual({ scored: COMMENTS, unscored: 0 });
    // The rules ran once per comment too: no comment has two rule decisions of the same kind.
    const [doubled] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT comment_id, action, rule FROM moderation_action WHERE comment_id IS NOT NULL
        GROUP BY 1, 2, 3 HAVING count(*) > 1) d`;
    expect(doubled!.n).toBe(0);
  }, 300_000);

  test("a process killed mid-way: the next run scores exactly what it left", async () => {
    const first = score();
    const deadline = Date.now() + 120_000;
    while ((await counts()).scored < 2_000) {
      if (Date.now() > deadline) throw new Error("the first run never committed a chunk");
      await new Promise((r) => setTimeout(r, 100));
    }
    process.kill(-(first.child.pid as number), "SIGKILL");
    await first.done;
    const left = await counts();
    expect(left.unscored).toBeGreaterThan(0);
    const second = await score().done;
    expect(second.code).toBe(0);
    expect(second.scored).toBe(left.unscored);
    expect(await counts()).toEqual({ scored: COMMENTS, unscored: 0 });
  }, 300_000);

  test("scoring jobs: two at once take different chunks, a full chunk queues the next until none is left", async () => {
    const queue = await boss();
    // Jobs other tests left behind are not this test's.
    while ((await queue.fetch(QUEUES.scorePending)).length > 0);
    const first = await Promise.all([runScoringJob({}), runScoringJob({})]);
    // Each job scores one chunk (20,000); together two chunks, no comment in both.
    expect(first).toEqual([20_000, 20_000]);
    expect((await counts()).scored).toBe(40_000);
    let total = 40_000;
    for (;;) {
      const [job] = await queue.fetch(QUEUES.scorePending);
      if (!job) break;
      total += await runScoringJob(job.data);
      await queue.complete(QUEUES.scorePending, job.id);
    }
    expect(total).toBe(COMMENTS);
    expect(await counts()).toEqual({ scored: COMMENTS, unscored: 0 });
  }, 300_000);
});
