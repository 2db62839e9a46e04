import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import PgBoss from "pg-boss";
import { beforeEach, describe, expect, test } from "vitest";
import { JOB_SCHEMA } from "@/lib/jobs/queues";
import { upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { boss, QUEUES, runScoringJob } from "@/lib/server/jobs/queue";
import { resetDatabase, useTestDatabase } from "../support/database";

/**
 * Scoring shared by several processes on one database (workers on several machines do the same): each claims
 * chunks of unscored comments with FOR NO KEY UPDATE SKIP LOCKED and checks again after the lock, so no
 * comment is scored twice and none is missed; a process killed mid-chunk leaves that chunk to the next one.
 */
const { url, ownerUrl, sql } = useTestDatabase();
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

/** An empty database with `count` unscored comments on one post. */
async function seedComments(count: number): Promise<void> {
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
    FROM generate_series(1, ${count}::int) g`;
}

function score(): { child: ChildProcess; done: Promise<{ code: number | null; scored: number }> } {
  // Its own process group: tsx runs the command in a child process, which must die with it.
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "lib/cli/bin.ts", "score"],
    { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const done = new Promise<{ code: number | null; scored: number }>((resolve) =>
    child.once("exit", (code) => {
      // A failed run says why in the test's output.
      if (code !== 0) console.error(`marginalia score exited ${code}:\n${stderr.slice(-4000)}`);
      resolve({ code, scored: Number(/scored (\d+) comments/.exec(stdout)?.[1] ?? -1) });
    }),
  );
  return { child, done };
}

interface Worker {
  child: ChildProcess;
  /** Comments each of its scoring jobs reported, in order. */
  scored: number[];
  exited: Promise<number | null>;
}

/** A `marginalia worker` process (its own process group, so a kill takes tsx's child with it). */
function worker(): Worker {
  const child = spawn(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "lib/cli/bin.ts", "worker"],
    {
      env: { ...process.env, DATABASE_URL: url, DATABASE_OWNER_URL: ownerUrl, MARGINALIA_ENCODER: "off" },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    },
  );
  const w: Worker = {
    child,
    scored: [],
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
  };
  let buffered = "";
  child.stderr?.on("data", (d) => {
    buffered += d;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const m = /^scored (\d+) comments$/.exec(line);
      if (m) w.scored.push(Number(m[1]));
    }
  });
  return w;
}

const total = (w: Worker) => w.scored.reduce((a, b) => a + b, 0);

/** The queue's scoring jobs by state (created, retry, active, completed, failed...). */
async function scoringJobs(): Promise<Record<string, number>> {
  const rows = await sql<{ state: string; n: number }[]>`
    SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = ${QUEUES.scorePending} GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 240_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function counts() {
  const [row] = await sql<{ scored: number; unscored: number }[]>`
    SELECT count(s.comment_id)::int AS scored, count(*) FILTER (WHERE s.comment_id IS NULL)::int AS unscored
    FROM comment c LEFT JOIN comment_score s ON s.comment_id = c.id`;
  return row!;
}

describe("scoring shared by several processes", () => {
  beforeEach(() => seedComments(COMMENTS), 120_000);

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

  test("two worker processes share the scoring jobs: every one of 50,000 comments scored by exactly one", async () => {
    // Jobs other tests left behind are not this test's.
    await sql`DELETE FROM pgboss.job WHERE name = ${QUEUES.scorePending}`;
    const workers = [worker(), worker()];
    try {
      // Two jobs, as the schedule and an import's end would queue them; each full chunk queues the next.
      const queue = await boss();
      await queue.send(QUEUES.scorePending, {});
      await queue.send(QUEUES.scorePending, {});
      await waitFor("the backlog to be scored", async () => {
        const jobs = await scoringJobs();
        return (await counts()).unscored === 0 && !jobs.created && !jobs.active && !jobs.retry;
      });
    } finally {
      // To tsx only, which hands it to the worker: a graceful stop.
      for (const w of workers) process.kill(w.child.pid as number, "SIGTERM");
    }
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    // Each job reports what it wrote: a comment scored twice would count twice.
    expect(total(workers[0]!) + total(workers[1]!)).toBe(COMMENTS);
    expect(Math.min(total(workers[0]!), total(workers[1]!))).toBeGreaterThan(0);
    expect(await counts()).toEqual({ scored: COMMENTS, unscored: 0 });
    expect((await scoringJobs()).failed ?? 0).toBe(0);
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

describe("a worker killed mid-job", () => {
  // Fewer than one job's chunk: one job does them all unless its worker dies.
  const KILL_TEST_COMMENTS = 12_000;
  beforeEach(() => seedComments(KILL_TEST_COMMENTS), 120_000);

  test("a worker killed mid-job: pg-boss hands the job to another worker when it expires, and it completes", async () => {
    await sql`DELETE FROM pgboss.job WHERE name = ${QUEUES.scorePending}`;
    // Expiry is pg-boss's maintenance, run by whichever of its clients on the database gets to it first; this
    // one checks every second (a worker's default is every two minutes).
    const maintenance = new PgBoss({
      connectionString: url,
      schema: JOB_SCHEMA,
      maintenanceIntervalSeconds: 1,
      schedule: false,
      max: 1,
    });
    maintenance.on("error", () => {});
    await maintenance.start();
    const first = worker();
    let second: Worker | undefined;
    try {
      // The job's own expiry, short, so the test need not wait for the queue's half-hour default.
      const jobId = await (await boss()).send(QUEUES.scorePending, {}, { expireInSeconds: 10 });
      await waitFor("the first worker to commit a chunk", async () => (await counts()).scored >= 2_000);
      process.kill(-(first.child.pid as number), "SIGKILL");
      await first.exited;
      const left = await counts();
      expect(left.unscored).toBeGreaterThan(0);
      expect(first.scored).toEqual([]); // it never finished its job
      second = worker();
      await waitFor("the job to complete", async () => {
        const [job] = await sql<{ state: string }[]>`
          SELECT state::text FROM pgboss.job WHERE id = ${jobId!}
          UNION ALL SELECT state::text FROM pgboss.archive WHERE id = ${jobId!}`;
        return job?.state === "completed";
      });
      const [job] = await sql<{ retry_count: number }[]>`
        SELECT retry_count FROM pgboss.job WHERE id = ${jobId!}
        UNION ALL SELECT retry_count FROM pgboss.archive WHERE id = ${jobId!}`;
      expect(job!.retry_count).toBeGreaterThanOrEqual(1);
      // The retry scored exactly what the killed run left.
      expect(total(second)).toBe(left.unscored);
      expect(await counts()).toEqual({ scored: KILL_TEST_COMMENTS, unscored: 0 });
    } finally {
      await maintenance.stop({ graceful: false, wait: true });
      if (second) {
        process.kill(second.child.pid as number, "SIGTERM");
        expect(await second.exited).toBe(0);
      }
    }
  }, 300_000);
});
