/**
 * `npm run bench:dashboard -- [--comments 1000000] [--posts 1000] [--seconds 20] [--connections 20] [--port 3130]
 *   [--web-processes 1] [--warmup 10]`
 *
 * With the data set of bench:import (and bench:scoring) loaded, the app as `marginalia serve` runs it (a
 * production build, loopback, the app's least-privilege role) answers autocannon at 20 connections for 20 s
 * per API, one API at a time: the overview, the headline figures, the busiest post's summary, tones and first
 * thread page, compare, and the moderation queue. p50/p95/p99 and errors of each; beside them the floor: the
 * very SQL that API's function sends (captured from postgres.js's debug hook, and from Prisma's query log for
 * the model reads still on Prisma), timed alone and one after the other
 * through a plain client. The web process's peak memory is printed too.
 * Bars: post summary p95 <= 50 ms, overview and compare p95 <= 150 ms, queue p95 <= 100 ms, zero errors.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import autocannon from "autocannon";
import postgres from "postgres";
import { type Db, setDb } from "@/lib/db/client";
import { installConnections, openConnections } from "@/lib/db/connections";
import { PrismaClient } from "@/lib/db/generated/client";
import { createSql, setSql } from "@/lib/db/sql";
import { queueQuerySchema } from "@/lib/schemas/moderation-queue";
import { comparePosts } from "@/lib/server/analytics/compare-posts";
import { getHeadline } from "@/lib/server/analytics/headline-figures";
import { getPostHeader } from "@/lib/server/analytics/post-header";
import { listPostSummaryPage } from "@/lib/server/analytics/post-summaries";
import { getThreadPage } from "@/lib/server/analytics/thread-page";
import { getToneDistribution } from "@/lib/server/analytics/tone-distribution";
import { listQueue } from "@/lib/server/moderation/queue";
import { createUser } from "@/lib/server/users";
import { mb, openBenchDatabase, printTable, ROOT, treeRss, writeResult } from "./support";

const { values } = parseArgs({
  options: {
    comments: { type: "string", default: "1000000" },
    posts: { type: "string", default: "1000" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "20" },
    /** Seconds of the same load before each API's measured run, not counted: its figures are the warm server's. */
    warmup: { type: "string", default: "10" },
    port: { type: "string", default: process.env.PORT ?? "3130" },
    /** MARGINALIA_WEB_PROCESSES of the app under test. */
    "web-processes": { type: "string", default: "1" },
  },
});
const comments = Number(values.comments);
const posts = Number(values.posts);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const warmup = Number(values.warmup);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;

const database = await openBenchDatabase(`${posts}-${comments}`);
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
const [busiest] = await sql<{ post_id: number; comments: number }[]>`
  SELECT post_id, comments FROM post_rollup ORDER BY comments DESC LIMIT 1`;
if (!busiest) {
  console.error(
    `no comments stored: run npm run bench:import -- --comments ${comments} --posts ${posts} first`,
  );
  process.exit(1);
}
const compareIds = (
  await sql<{ post_id: number }[]>`
  SELECT post_id FROM post_rollup ORDER BY comments DESC LIMIT 4`
).map((r) => r.post_id);
await sql`ANALYZE`;

// This process's connections as the app's role: the functions timed for the SQL floor run on them.
const appConnections = installConnections(openConnections({ url: database.appUrl }));
// A moderator to sign in as (the password never leaves this process).
const email = "bench-moderator@bench.invalid";
const password = `bench-${Math.random().toString(36).slice(2)}-${Date.now()}`;
await sql`DELETE FROM "user" WHERE email = ${email}`;
await createUser(appConnections.db, { email, role: "MODERATOR", password, name: "Bench" });

interface Target {
  name: string;
  path: string;
  bar: number;
  run: () => Promise<unknown>;
}
const noFilters = {};
const targets: Target[] = [
  {
    name: "overview (GET /api/posts, first page)",
    path: "/api/posts",
    bar: 150,
    run: () => listPostSummaryPage({}),
  },
  {
    name: "headline figures",
    path: "/api/posts/headline?from=2023-01-01&to=2026-12-31",
    bar: 150,
    run: () => getHeadline({ from: "2023-01-01", to: "2026-12-31" }),
  },
  {
    name: `busiest post's summary (${busiest.comments} comments)`,
    path: `/api/posts/${busiest.post_id}`,
    bar: 50,
    run: () => getPostHeader(busiest.post_id),
  },
  {
    name: "busiest post's tones",
    path: `/api/posts/${busiest.post_id}/tones`,
    bar: 50,
    run: () => getToneDistribution(busiest.post_id, noFilters),
  },
  {
    name: "busiest post's first thread page",
    path: `/api/posts/${busiest.post_id}/comments`,
    bar: 50,
    run: () => getThreadPage(busiest.post_id, noFilters),
  },
  {
    name: "compare (4 busiest posts)",
    path: `/api/posts/compare?posts=${compareIds.join(",")}`,
    bar: 150,
    run: () => comparePosts(compareIds),
  },
  {
    name: "moderation queue",
    path: "/api/moderation/queue",
    bar: 100,
    run: () => listQueue(queueQuerySchema.parse({})),
  },
];

/**
 * The SQL a function sends, with its parameters: its raw SQL from postgres.js's debug hook, its model reads
 * (the queue's flags) from Prisma's query log. Then that SQL alone, `times` times: per-call ms.
 */
async function sqlFloor(run: () => Promise<unknown>, times: number): Promise<number[]> {
  const captured: { query: string; params: readonly unknown[] }[] = [];
  let capturing = false;
  const rawLogging = createSql(database.appUrl, {
    max: 1,
    onQuery: (query, params) => {
      if (capturing) captured.push({ query, params });
    },
  });
  // Connected first: a new connection's own type look-up is not the function's SQL.
  await rawLogging`SELECT 1`;
  const modelLogging = new PrismaClient({
    adapter: new PrismaPg({ connectionString: database.appUrl, max: 2 }),
    log: [{ emit: "event", level: "query" }],
  }) as unknown as Db & { $on(event: "query", cb: (e: { query: string; params: string }) => void): void };
  modelLogging.$on("query", (e) => {
    if (capturing) captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  setDb(modelLogging);
  setSql(rawLogging);
  capturing = true;
  try {
    await run();
  } finally {
    capturing = false;
    setDb(appConnections.db);
    setSql(appConnections.sql);
    await Promise.all([rawLogging.end({ timeout: 5 }), modelLogging.$disconnect()]);
  }
  if (captured.length === 0) throw new Error("the function sent no SQL: nothing to time as its floor");
  const timings: number[] = [];
  // At most `times` runs, and no more than 30 s of them (a slow query's floor is clear after a few).
  const until = performance.now() + 30_000;
  for (let i = 0; i < times && (i < 3 || performance.now() < until); i++) {
    const started = performance.now();
    for (const { query, params } of captured) await sql.unsafe(query, params as never[]);
    timings.push(performance.now() - started);
  }
  return timings;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: not within ${ms / 1000} s`);
}

let server: ChildProcess | undefined;
let peakRss = 0;
const sampler = setInterval(() => {
  if (server?.pid) void treeRss(server.pid).then((r) => (peakRss = Math.max(peakRss, r)));
}, 250);
const rows: Record<string, string | number>[] = [];
const measured: unknown[] = [];
try {
  console.log(`starting the app on ${base} (a production build first if the sources changed) ...`);
  server = spawn(
    process.execPath,
    [`${ROOT}/node_modules/tsx/dist/cli.mjs`, "--conditions=react-server", "lib/cli/bin.ts", "serve"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: database.appUrl,
        DATABASE_OWNER_URL: database.url,
        BETTER_AUTH_URL: base,
        MARGINALIA_DATA_DIR: `${ROOT}/bench/.data/web`,
        MARGINALIA_WEB_PROCESSES: values["web-processes"],
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  await until("the app answering", 900_000, async () => (await fetch(`${base}/sign-in`)).status === 200);
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

  for (const target of targets) {
    const warm = await fetch(`${base}${target.path}`, { headers: { cookie } });
    if (warm.status !== 200) throw new Error(`${target.path} answered ${warm.status}`);
    // A freshly started server is slow for its first seconds under load (V8 compiles the hot paths and sizes
    // its heap: the overview's p95 was 140-170 ms in its first 20 s, then about 100): the figures are the warm
    // server's, and the warm-up's responses are not counted.
    if (warmup > 0)
      await autocannon({
        url: `${base}${target.path}`,
        connections,
        duration: warmup,
        timeout: 10,
        headers: { cookie },
      });
    console.log(`${target.name}: ${connections} connections for ${seconds} s ...`);
    // Without a callback autocannon returns its tracker (an EventEmitter) that is also the result's promise.
    const run = autocannon({
      url: `${base}${target.path}`,
      connections,
      duration: seconds,
      timeout: 10,
      headers: { cookie },
    }) as unknown as Promise<autocannon.Result> & NodeJS.EventEmitter;
    // Every response's time, for exact percentiles (autocannon's summary has no p95).
    const latencies: number[] = [];
    run.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
    const result = await run;
    latencies.sort((a, b) => a - b);
    const floor = (await sqlFloor(target.run, 50)).sort((a, b) => a - b);
    const errors = result.errors + result.timeouts + result.non2xx;
    const figures = {
      api: target.name,
      path: target.path,
      requests: result.requests.total,
      p50Ms: Number(percentile(latencies, 50).toFixed(1)),
      p95Ms: Number(percentile(latencies, 95).toFixed(1)),
      p99Ms: Number(percentile(latencies, 99).toFixed(1)),
      errors,
      sqlFloorP50Ms: Number(percentile(floor, 50).toFixed(1)),
      sqlFloorP95Ms: Number(percentile(floor, 95).toFixed(1)),
      barP95Ms: target.bar,
    };
    measured.push(figures);
    rows.push({
      api: target.name,
      requests: figures.requests,
      "p50 ms": figures.p50Ms,
      "p95 ms": figures.p95Ms,
      "p99 ms": figures.p99Ms,
      errors,
      "SQL alone p50/p95 ms": `${figures.sqlFloorP50Ms}/${figures.sqlFloorP95Ms}`,
      "bar p95 ms": target.bar,
    });
  }
} finally {
  clearInterval(sampler);
  if (server && server.exitCode === null) {
    server.kill("SIGINT");
    await new Promise((r) => server?.once("exit", r));
  }
}

printTable(
  `dashboard APIs over ${comments} comments, ${connections} connections x ${seconds} s each (autocannon, loopback), ${values["web-processes"]} web process(es)`,
  rows,
);
console.log(`web server peak RSS (its process tree; the database server apart): ${mb(peakRss)} MB`);
console.log(
  `written ${await writeResult(`dashboard-${comments}`, { comments, posts, connections, seconds, warmupSeconds: warmup, webProcesses: Number(values["web-processes"]), webPeakRssMb: mb(peakRss), apis: measured })}`,
);
await sql.end();
await appConnections.close();
await database.stop();
process.exit(0);
