import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSql, type Sql } from "@/lib/db/sql";
import { mulberry32 } from "@/lib/random";
import {
  buildForeignPolicyFixture,
  flattenComments,
  scaledFixture,
} from "@/tests/fixtures/substack/foreign-policy";
import { resetDatabase } from "../support/database";
import { type FakeSubstack, startFakeSubstack } from "../support/fake-substack";
import { useOwnPostgres } from "../support/own-postgres";
import { report, soakOr } from "../support/soak";

/**
 * Faults during an import, from the command line's importer against a PostgreSQL of this file's own: the
 * importer SIGKILLed at random points, PostgreSQL stopped and restarted mid-import, the source resetting
 * connections at random. Runs are resumed until one finishes; then exactly the source's comments must be
 * stored, each once, and the run history must say how often the run was taken up again.
 */
const TRIALS = soakOr(3, 20);
const COPIES = 3;

const pg = useOwnPostgres();
let owner: Sql;

beforeAll(() => {
  owner = createSql(pg.server.url);
});

afterAll(() => owner.end({ timeout: 5 }));

function startImporter(url: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      path.resolve("node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "lib/cli/bin.ts",
      "import",
      "substack",
      url,
      "--delay-ms",
      "60",
    ],
    {
      env: { ...process.env, DATABASE_URL: pg.server.appUrl, DATABASE_OWNER_URL: pg.server.url },
      stdio: "ignore",
    },
  );
}

function exited(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the importer did not exit within ${ms} ms`)), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/**
 * Waits until this importer's run (fresh heartbeat: an interrupted one was aged by the test) has stored at
 * least `posts` posts, or the importer exited first.
 */
async function untilPostsDone(child: ChildProcess, posts: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (child.exitCode === null && Date.now() < deadline) {
    const rows = await owner<{ done: number | null }[]>`
      SELECT max(posts_done)::int AS done FROM import_run
      WHERE status = 'RUNNING' AND heartbeat_at > now() - interval '1 minute'`.catch(() => []);
    const done = rows[0]?.done;
    if (done !== null && done !== undefined && done >= posts) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function untilNoAppSessions(): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const [row] = await owner<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = ${new URL(pg.server.appUrl).username}`;
    if ((row?.n ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the killed importer's sessions did not end");
}

type Fault = "sigkill" | "postgres-restart";

describe("faults during an import", () => {
  test(`${TRIALS} trials of random faults: every comment stored exactly once, the history tells the interruptions`, {
    timeout: 60_000 + TRIALS * 120_000,
  }, async () => {
    const figures = { trials: 0, sigkills: 0, restarts: 0, resets: 0, runs: 0 };
    for (let trial = 1; trial <= TRIALS; trial++) {
      const random = mulberry32(trial * 7919);
      await resetDatabase(owner);
      const fake: FakeSubstack = await startFakeSubstack({
        pageSize: 4,
        fixture: buildForeignPolicyFixture(),
      });
      try {
        fake.state.fixture.posts.length = 0;
        const scaled = scaledFixture(buildForeignPolicyFixture(fake.url), COPIES);
        fake.state.fixture.posts.push(...scaled.posts);
        fake.state.fixture.comments.clear();
        for (const [id, answer] of scaled.comments) fake.state.fixture.comments.set(id, answer);
        // The source drops connections: most within the client's retries, some beyond them (that post fails
        // this run and is fetched again by the next).
        for (const post of scaled.posts) {
          if (random() < 0.35) {
            const times = random() < 0.25 ? 6 : 1 + Math.floor(random() * 2);
            fake.faults.add(`/api/v1/post/${post.id}/comments`, { kind: "reset" }, times);
            figures.resets += times;
          }
        }
        // Both kinds in every trial, in a random order, each at a random point.
        const faults: Fault[] =
          random() < 0.5 ? ["sigkill", "postgres-restart"] : ["postgres-restart", "sigkill"];
        let interrupted = 0;
        let finished = false;
        for (let attempt = 0; attempt < 10 && !finished; attempt++) {
          figures.runs += 1;
          const child = startImporter(fake.url);
          const fault = faults[attempt];
          if (fault) {
            await untilPostsDone(child, Math.floor(random() * (scaled.posts.length - 1)));
            await new Promise((r) => setTimeout(r, Math.floor(random() * 300)));
            if (child.exitCode === null) {
              if (fault === "sigkill") {
                figures.sigkills += 1;
                child.kill("SIGKILL");
                await exited(child, 30_000);
                // Its server sessions may still commit what it sent before it died: wait until they are gone.
                await untilNoAppSessions();
              } else {
                figures.restarts += 1;
                await pg.stop();
                await exited(child, 60_000);
                await new Promise((r) => setTimeout(r, Math.floor(random() * 1000)));
                await pg.start();
              }
              // A later start sees the killed run's heartbeat as old, as it would after a while. A fault that
              // came as the run was finishing interrupted nothing and is not counted.
              const aged = await owner`
                UPDATE import_run SET heartbeat_at = now() - interval '1 hour' WHERE status = 'RUNNING' RETURNING id`;
              interrupted += aged.length;
              if (aged.length > 0) continue;
            }
          }
          const code = await exited(child, 120_000);
          const [last] = await owner<
            { status: string }[]
          >`SELECT status::text FROM import_run ORDER BY id DESC LIMIT 1`;
          finished = code === 0 && last?.status === "SUCCEEDED";
        }
        expect(finished, `trial ${trial}: no run finished cleanly`).toBe(true);

        const expected = [...scaled.comments.values()]
          .flatMap(flattenComments)
          .map((c) => String(c.id))
          .sort();
        const stored = await owner<
          { external_id: string }[]
        >`SELECT external_id FROM comment ORDER BY external_id`;
        expect(stored.map((r) => r.external_id).sort(), `trial ${trial}`).toEqual(expected);
        const [{ posts } = { posts: 0 }] = await owner<
          { posts: number }[]
        >`SELECT count(*)::int AS posts FROM post`;
        expect(posts).toBe(scaled.posts.length);
        expect(await owner`SELECT id FROM import_run WHERE status = 'RUNNING'`).toHaveLength(0);
        const [history] = await owner<{ resumes: number; logged: number }[]>`
          SELECT coalesce(sum((cursor->>'resumes')::int), 0)::int AS resumes,
                 (SELECT count(*)::int FROM moderation_action WHERE action = 'IMPORT_RESUMED') AS logged
          FROM import_run`;
        expect(history?.resumes, `trial ${trial}: resumes`).toBe(interrupted);
        expect(history?.logged, `trial ${trial}: IMPORT_RESUMED rows`).toBe(interrupted);
        figures.trials += 1;
      } finally {
        await fake.close();
      }
    }
    report("import-faults", figures);
  });
});
