import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { boss } from "@/lib/server/jobs/queue";
import { resetDatabase, useTestDatabase } from "../support/database";
import {
  concretePath,
  paramNames,
  type RouteHandler,
  routeFiles,
  UNSAFE,
  urlPath,
  verbsOf,
} from "../support/route-files";
import { signedIn, TEST_ORIGIN, type TestSession } from "../support/sessions";
import { report, soakOr } from "../support/soak";
import { buildDashboardFixture } from "./dashboard-fixture";

/**
 * Hostile input to every API route: random path parameters, query strings and bodies (near-valid ones built from
 * the names and values the routes use, and pure noise), sent as the author through the real handlers against
 * a real database. Whatever comes in, the answer is never a 500 (or a hang), and every 4xx is the one error
 * shape with a message a person can act on.
 */
const RUNS_PER_ROUTE = soakOr(30, 400);
const BOUND_MS = 10_000;

const { db, sql } = useTestDatabase();
let author: TestSession;
let other: TestSession;
const valid: Record<string, string[]> = {};

beforeAll(async () => {
  await resetDatabase(sql);
  const fixture = await buildDashboardFixture(sql);
  author = await signedIn("AUTHOR");
  other = await signedIn("MODERATOR");
  const flag = await db.flag.findFirst();
  const run = await db.importRun.create({
    data: { source: "SUBSTACK", publicationId: fixture.publicationId },
  });
  const commenter = await db.commenter.findFirstOrThrow();
  valid.postId = [String(fixture.p1), String(fixture.p2)];
  valid.commentId = Object.values(fixture.ids).map(String);
  valid.commenterId = [String(commenter.id)];
  valid.flagId = flag ? [String(flag.id)] : ["1"];
  valid.runId = [String(run.id)];
  valid.publicationId = [String(fixture.publicationId)];
  // Never the fuzzing author's own account: demoting or disabling it would only make the rest 401/403.
  valid.userId = [other.userId];
});

afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
});

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e3",
    "0x10",
    "NaN",
    "Infinity",
    "1099511627776",
    "9223372036854775808",
    "99999999999999999999999",
    "2026-02-30",
    "0001-01-01",
    "9999-12-31",
    "2026-13-45T99:99:99Z_1",
    "1.2.3.4.5",
    "%00",
    "\u0000",
    "<script>alert(1)</script>",
    "'; DROP TABLE comment; --",
    "../../etc/passwd",
    "a".repeat(5000),
    "true",
    "null",
  ),
);

/** Words the routes read, so the fuzzer reaches past "unknown parameter" into the schemas and the handlers. */
const QUERY_KEYS = [
  "tone",
  "stance",
  "sentiment",
  "status",
  "q",
  "cursor",
  "limit",
  "publicationId",
  "tab",
  "from",
  "to",
  "list",
  "format",
  "posts",
  "actor",
  "action",
  "targetType",
  "targetId",
];
const ENUM_VALUES = [
  "analytical",
  "skeptical",
  "dismissive",
  "supportive",
  "hostile",
  "neutral",
  "agree",
  "disagree",
  "positive",
  "negative",
  "visible",
  "deleted",
  "flagged",
  "rejected",
  "needs_review",
  "reported",
  "all",
  "approved",
  "pushback",
  "csv",
  "json",
  "system",
  "COMMENT",
  "POST",
  "USER",
  "COMMENT_APPROVED",
  "approve",
  "reject",
  "flag",
  "note",
  "SPAM",
  "OTHER",
  "ABUSIVE",
  "HEATED_THREAD",
  "BANNED",
  "WATCHED",
  "ACTIVE",
  "AUTHOR",
  "MODERATOR",
  "VIEWER",
  "2026-01-01",
  "2025-12-31",
];
const BODY_KEYS = [
  "commentIds",
  "action",
  "reason",
  "note",
  "body",
  "status",
  "rejectAll",
  "tone",
  "stance",
  "publicationId",
  "settings",
  "intervalMinutes",
  "url",
  "since",
  "posts",
  "cookieEnv",
  "email",
  "name",
  "role",
];

const numberish = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 40, 2 ** 53, 1.5, Number.MAX_SAFE_INTEGER),
);
const queryValue = fc.oneof(hostileText, fc.constantFrom(...ENUM_VALUES), numberish.map(String));
const query = fc.dictionary(
  fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })),
  fc.oneof(queryValue, fc.array(queryValue, { maxLength: 3 })),
  { maxKeys: 5 },
);

/** Import addresses never need DNS here: no dot (the schema refuses them) or an address literal. */
const url = fc.oneof(
  fc.string().filter((s) => !s.includes(".")),
  fc.constantFrom(
    "https://127.0.0.1/",
    "http://example.substack.com",
    "https://[::1]/x",
    "https://10.0.0.1/",
    "javascript:alert(1)",
  ),
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  numberish,
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...ENUM_VALUES),
  fc.array(numberish, { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 2 }),
);
const body = fc.oneof(
  fc.record(
    {
      commentIds: fc.array(numberish, { minLength: 1, maxLength: 4 }),
      action: fc.constantFrom("approve", "reject", "flag", "note"),
      reason: fc.constantFrom("SPAM", "OTHER", "NOPE"),
      note: hostileText,
      body: hostileText,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      url,
      since: hostileText,
      posts: numberish,
      cookieEnv: fc.constantFrom("SUBSTACK_SID", "DATABASE_URL", "x"),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.oneof(fc.constantFrom(...BODY_KEYS), fc.string({ maxLength: 8 })), value, { maxKeys: 6 }),
  fc.jsonValue(),
);
const rawBody = fc.oneof(
  body.map((b) => JSON.stringify(b)),
  fc.string(),
  fc.constantFrom("", "{", "[]", "null", '{"a":', "\u0000", '{"__proto__":{"polluted":1}}'),
);

function pathParams(file: string) {
  const names = paramNames(file);
  return fc.record(
    Object.fromEntries(
      names.map((name) => [name, fc.oneof(fc.constantFrom(...(valid[name] ?? ["1"])), hostileText)]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
}

function searchOf(q: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  const text = params.toString();
  return text ? `?${text}` : "";
}

const statuses = new Map<number, number>();

describe("fuzzing every API route with hostile input", () => {
  test("found the routes", () => expect(routeFiles.length).toBeGreaterThan(10));

  describe.each(routeFiles)("%s", (file) => {
    test(`${RUNS_PER_ROUTE} random requests per verb: never a 500, never a hang, 4xx in the error shape`, {
      timeout: 60_000 + RUNS_PER_ROUTE * 2_000,
    }, async () => {
      for (const [verb, handler] of await verbsOf(file)) {
        await fc.assert(
          fc.asyncProperty(pathParams(file), query, rawBody, async (params, q, payload) => {
            const request = new Request(`${TEST_ORIGIN}${concretePath(file, params)}${searchOf(q)}`, {
              method: verb,
              headers: { ...author.headers, "content-type": "application/json" },
              ...(UNSAFE.has(verb) ? { body: payload } : {}),
            });
            const started = Date.now();
            const response = await Promise.race([
              (handler as RouteHandler)(request, { params: Promise.resolve(params) }),
              new Promise<never>((_, reject) =>
                setTimeout(() => reject(new Error(`no answer within ${BOUND_MS} ms`)), BOUND_MS),
              ),
            ]);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const where = `${verb} ${urlPath(file)} ${JSON.stringify(params)} ${searchOf(q)} ${payload.slice(0, 200)}`;
            expect(response.status, where).toBeLessThan(500);
            expect(Date.now() - started, where).toBeLessThan(BOUND_MS);
            if (response.status >= 400) {
              const answer = (await response.json()) as {
                error?: { code?: string; message?: string; issues?: { message: string }[] };
              };
              expect(typeof answer.error?.code, where).toBe("string");
              expect(answer.error?.message?.length ?? 0, where).toBeGreaterThan(0);
              for (const issue of answer.error?.issues ?? [])
                expect(issue.message.length, where).toBeGreaterThan(0);
            } else {
              await response.body?.cancel();
            }
          }),
          { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.FUZZ_SEED ?? 20261205), endOnFailure: true },
        );
      }
    });
  });

  test("a NUL character in a query, a path or a body is a 400 naming where (PostgreSQL cannot store it)", async () => {
    const { GET: logGET } = await import("@/app/api/moderation/log/route");
    const { POST: disablePOST } = await import("@/app/api/users/[userId]/disable/route");
    const { POST: notePOST } = await import("@/app/api/comments/[commentId]/notes/route");
    const commentId = valid.commentId?.[0] ?? "1";
    const cases: [Promise<Response>, string][] = [
      [
        logGET(new Request(`${TEST_ORIGIN}/api/moderation/log?actor=a%00b`, { headers: author.headers }), {
          params: Promise.resolve({}),
        }),
        "actor",
      ],
      [
        disablePOST(
          new Request(`${TEST_ORIGIN}/api/users/x%00/disable`, {
            method: "POST",
            headers: author.headers,
            body: "{}",
          }),
          { params: Promise.resolve({ userId: "x\u0000" }) },
        ),
        "userId",
      ],
      [
        notePOST(
          new Request(`${TEST_ORIGIN}/api/comments/${commentId}/notes`, {
            method: "POST",
            headers: author.headers,
            body: JSON.stringify({ body: "a\u0000b" }),
          }),
          { params: Promise.resolve({ commentId }) },
        ),
        "body",
      ],
    ];
    for (const [pending, where] of cases) {
      const response = await pending;
      expect(response.status).toBe(400);
      const answer = (await response.json()) as { error: { issues: { path: string; message: string }[] } };
      expect(answer.error.issues).toEqual([
        { path: where, message: "text must not contain NUL (\\u0000) characters" },
      ]);
    }
  });

  test("figures", () => {
    report("fuzz-routes", {
      routes: routeFiles.length,
      runs_per_verb: RUNS_PER_ROUTE,
      ...Object.fromEntries([...statuses].sort(([a], [b]) => a - b).map(([s, n]) => [`status_${s}`, n])),
    });
  });
});
