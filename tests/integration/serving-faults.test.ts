import { beforeAll, describe, expect, test } from "vitest";
import { POST as authPOST } from "@/app/api/auth/[...all]/route";
import { GET as countsGET } from "@/app/api/moderation/counts/route";
import { GET as queueGET } from "@/app/api/moderation/queue/route";
import { GET as headlineGET } from "@/app/api/posts/headline/route";
import { GET as postsGET } from "@/app/api/posts/route";
import { installConnections, openConnections } from "@/lib/db/connections";
import { makeComment, makeCommenter, makePublication } from "../integration/moderation-fixtures";
import { useOwnPostgres } from "../support/own-postgres";
import { apiRequest, routeContext, signedIn, TEST_ORIGIN, type TestSession } from "../support/sessions";
import { report, soakOr } from "../support/soak";

/**
 * PostgreSQL restarted under load. The app's own code (route wrapper, Better Auth, Prisma's pool, postgres.js)
 * runs in this process against a server of its own that the test stops and starts: requests during the outage
 * must answer 503 in the one error shape within their bound, and the same clients must serve again afterwards.
 */
const OUTAGES = soakOr(1, 5);
const WORKERS = 6;
const BOUND_MS = 10_000;

const pg = useOwnPostgres();
let moderator: TestSession;

beforeAll(async () => {
  const { db } = installConnections(openConnections({ url: pg.server.appUrl }));
  const { publication, post } = await makePublication(db, "Outage Weekly");
  const commenter = await makeCommenter(db, publication.id, "olga");
  for (let i = 0; i < 20; i++)
    await makeComment(db, { publicationId: publication.id, postId: post.id, commenterId: commenter.id });
  moderator = await signedIn("MODERATOR");
}, 120_000);

const READS = [
  () => postsGET(apiRequest("/api/posts", { session: moderator }), routeContext()),
  () =>
    headlineGET(
      apiRequest("/api/posts/headline?from=2026-01-01&to=2026-12-31", { session: moderator }),
      routeContext(),
    ),
  () => queueGET(apiRequest("/api/moderation/queue?tab=all", { session: moderator }), routeContext()),
  () => countsGET(apiRequest("/api/moderation/counts", { session: moderator }), routeContext()),
];

interface Outcome {
  status: number;
  ms: number;
  phase: "before" | "outage" | "after";
  body: unknown;
  retryAfter: string | null;
}

describe("PostgreSQL restarted under load", () => {
  test(`${OUTAGES} outage(s): 503 in the error shape within ${BOUND_MS} ms, then served again without a restart`, {
    timeout: 600_000,
  }, async () => {
    const outcomes: Outcome[] = [];
    let phase: Outcome["phase"] = "before";
    let running = true;
    const worker = async (n: number) => {
      for (let i = n; running; i++) {
        const started = Date.now();
        const call = READS[i % READS.length];
        if (!call) continue;
        const response = await call();
        const body = await response.json().catch(() => null);
        outcomes.push({
          status: response.status,
          ms: Date.now() - started,
          phase,
          body,
          retryAfter: response.headers.get("retry-after"),
        });
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, n) => worker(n));
    const recoveries: number[] = [];
    let signInDuringOutage = 0;
    for (let outage = 0; outage < OUTAGES; outage++) {
      phase = "before";
      await new Promise((r) => setTimeout(r, 1000));
      phase = "outage";
      await pg.stop();
      await new Promise((r) => setTimeout(r, 1500));
      const signIn = await authPOST(
        new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: TEST_ORIGIN },
          body: JSON.stringify({ email: "nobody@test.local", password: "whatever password" }),
        }),
      );
      signInDuringOutage = signIn.status;
      await pg.start();
      const restartedAt = Date.now();
      phase = "after";
      for (;;) {
        const last = outcomes.at(-1);
        if (last && last.phase === "after" && last.status === 200) break;
        if (Date.now() - restartedAt > 30_000)
          throw new Error("the app did not recover within 30 s of the restart");
        await new Promise((r) => setTimeout(r, 50));
      }
      recoveries.push(Date.now() - restartedAt);
      await new Promise((r) => setTimeout(r, 1000));
    }
    running = false;
    await Promise.all(workers);

    const during = outcomes.filter((o) => o.phase === "outage");
    const unavailable = outcomes.filter((o) => o.status === 503);
    report("serving-faults", {
      outages: OUTAGES,
      requests: outcomes.length,
      during_outage: during.length,
      answered_503: unavailable.length,
      max_ms_during_outage: Math.max(0, ...during.map((o) => o.ms)),
      recovery_ms_max: Math.max(...recoveries),
    });
    expect(outcomes.filter((o) => o.status !== 200 && o.status !== 503).map((o) => o.status)).toEqual([]);
    expect(outcomes.filter((o) => o.ms > BOUND_MS)).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const o of unavailable) {
      expect(o.body).toEqual({
        error: {
          code: "unavailable",
          message: "the database cannot be reached right now; try again in a moment",
        },
      });
      expect(o.retryAfter).toBe("5");
    }
    expect(signInDuringOutage).toBe(503);
    // Once recovered, everything after is served.
    const lastRecovery = outcomes.findLastIndex((o) => o.status === 503);
    const settled = outcomes.slice(lastRecovery + 1 + WORKERS);
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.every((o) => o.status === 200)).toBe(true);
  });
});
