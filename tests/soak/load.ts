/**
 * The load soak (`npm run test:soak` runs it last): the whole app as `npm start` runs it (embedded PostgreSQL,
 * its own data folder, loopback only), an import of a large stand-in publication running in the background,
 * and 200 requests a second of mixed dashboard and queue reads for 60 s from autocannon. Prints the figures;
 * exits 1 on any error, timeout or non-2xx answer.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { findFreePort } from "@/lib/db/embedded";
import { buildForeignPolicyFixture, scaledFixture } from "@/tests/fixtures/substack/foreign-policy";
import { startFakeSubstack } from "@/tests/support/fake-substack";
import { report } from "@/tests/support/soak";

const RATE = Number(process.env.SOAK_RATE ?? 200);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const ROOT = path.resolve(import.meta.dirname, "../..");

function note(line: string) {
  process.stderr.write(`load: ${line}\n`);
}

async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: not within ${ms / 1000} s`);
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function main(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "marginalia-load-"));
  chmodSync(dir, 0o755);
  const port = await findFreePort();
  const base = `http://localhost:${port}`;
  const fake = await startFakeSubstack({ pageSize: 12 });
  const big = scaledFixture(buildForeignPolicyFixture(fake.url), 40);
  fake.state.fixture.posts.splice(0, fake.state.fixture.posts.length, ...big.posts);
  fake.state.fixture.comments.clear();
  for (const [id, answer] of big.comments) fake.state.fixture.comments.set(id, answer);

  let server: ChildProcess | undefined;
  try {
    note(`starting the app on ${base} (a build first if the sources changed)`);
    server = spawn(
      process.execPath,
      [
        path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        "--conditions=react-server",
        "lib/cli/bin.ts",
        "serve",
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          MARGINALIA_DATA_DIR: path.join(dir, "postgres"),
          MARGINALIA_PG_PORT: String(await findFreePort()),
          BETTER_AUTH_URL: base,
          DATABASE_URL: "",
          MARGINALIA_IMPORT_ALLOW_HOSTS: "127.0.0.1",
        },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    await until("the app answering", 900_000, async () => (await fetch(`${base}/sign-in`)).status === 200);
    const { accounts } = JSON.parse(readFileSync(path.join(dir, "demo-accounts.json"), "utf8")) as {
      accounts: { email: string; role: string; password: string }[];
    };
    const password = (role: string) => accounts.find((a) => a.role === role)?.password ?? "";
    const author = await signIn(base, "author@demo.marginalia.local", password("AUTHOR"));
    const moderator = await signIn(base, "moderator@demo.marginalia.local", password("MODERATOR"));

    const started = await fetch(`${base}/api/imports`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie: author },
      body: JSON.stringify({ url: fake.url }),
    });
    if (started.status !== 200) throw new Error(`starting the import answered ${started.status}`);
    const importState = async () => {
      const answer = (await (await fetch(`${base}/api/imports`, { headers: { cookie: author } })).json()) as {
        runs: {
          publicationName: string | null;
          status: string;
          postsDone: number;
          postsTotal: number | null;
        }[];
      };
      return answer.runs.find((r) => r.publicationName === new URL(fake.url).hostname);
    };
    await until("the import running", 120_000, async () => (await importState())?.status === "RUNNING");

    const posts = (await (await fetch(`${base}/api/posts`, { headers: { cookie: moderator } })).json()) as {
      posts: { id: number }[];
    };
    const postId = posts.posts[0]?.id ?? 1;
    const paths = [
      "/api/posts",
      "/api/posts/headline?from=2026-01-01&to=2026-12-31",
      `/api/posts/${postId}`,
      `/api/posts/${postId}/tones`,
      `/api/posts/${postId}/comments?limit=50`,
      `/api/posts/${postId}/timeline`,
      "/api/moderation/queue",
      "/api/moderation/queue?tab=reported",
      "/api/moderation/counts",
      "/api/flags",
    ];
    note(`${RATE} requests/s for ${SECONDS} s over ${paths.length} reads, with the import running`);
    const result = await autocannon({
      url: base,
      connections: Number(process.env.SOAK_CONNECTIONS ?? 60),
      overallRate: RATE,
      duration: SECONDS,
      timeout: 10,
      headers: { cookie: moderator },
      requests: paths.map((p) => ({ method: "GET" as const, path: p })),
    });
    const during = await importState();
    const figures = {
      target_rate_per_s: RATE,
      requests: result.requests.total,
      rate_per_s: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      max_ms: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      import_status_after: during?.status ?? "none",
      import_posts: `${during?.postsDone ?? 0}/${during?.postsTotal ?? "?"}`,
    };
    report("load", figures);
    const failed = result.errors > 0 || result.timeouts > 0 || result.non2xx > 0;
    if (failed) note("FAILED: errors, timeouts or non-2xx answers under load");
    if (during?.status !== "RUNNING") note("note: the import was no longer running at the end of the window");
    if (result.requests.average < RATE * 0.9)
      note(
        `note: the server kept up ${Math.round(result.requests.average)} requests/s of the ${RATE} asked (latencies include the wait)`,
      );
    return failed ? 1 : 0;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGINT");
      await new Promise((r) => server?.once("exit", r));
    }
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
