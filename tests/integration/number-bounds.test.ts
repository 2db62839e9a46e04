import { beforeAll, describe, expect, test } from "vitest";
import { GET as commenterGET } from "@/app/api/commenters/[commenterId]/route";
import { GET as importRunGET } from "@/app/api/imports/[runId]/route";
import { POST as bulkPOST } from "@/app/api/moderation/bulk/route";
import { GET as countsGET } from "@/app/api/moderation/counts/route";
import { GET as logGET } from "@/app/api/moderation/log/route";
import { GET as queueGET } from "@/app/api/moderation/queue/route";
import { GET as commentsGET } from "@/app/api/posts/[postId]/comments/route";
import { GET as headlineGET } from "@/app/api/posts/headline/route";
import { GET as postsGET } from "@/app/api/posts/route";
import { PUT as schedulePUT } from "@/app/api/publications/[publicationId]/schedule/route";
import { POST as rerunPOST } from "@/app/api/settings/moderation/rerun/route";
import { PUT as settingsPUT } from "@/app/api/settings/moderation/route";
import { describeFailure } from "@/lib/server/api";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

const { sql } = useTestDatabase();
let author: TestSession;
beforeAll(async () => {
  await resetDatabase(sql);
  author = await signedIn("AUTHOR");
});

const HUGE = 2 ** 40;
const queueCursor = (i: number) =>
  Buffer.from(JSON.stringify({ a: "2026-11-01T00:00:00.000Z", p: 1, i })).toString("base64url");

type Handler = (request: Request, context: ReturnType<typeof routeContext>) => Promise<Response>;
interface Call {
  path: string;
  params: Record<string, string>;
  method: "GET" | "POST" | "PUT";
  body?: unknown;
}
const get = (path: string, params: Record<string, string> = {}): Call => ({ path, params, method: "GET" });
const send = (
  method: "POST" | "PUT",
  path: string,
  body: unknown,
  params: Record<string, string> = {},
): Call => ({
  path,
  params,
  method,
  body,
});

const cases: [string, Handler, Call][] = [
  [
    "bulk commentIds [2^40]",
    bulkPOST,
    send("POST", "/api/moderation/bulk", { action: "approve", commentIds: [HUGE] }),
  ],
  ["queue publicationId=2^40", queueGET, get(`/api/moderation/queue?publicationId=${HUGE}`)],
  ["queue cursor with a huge id", queueGET, get(`/api/moderation/queue?cursor=${queueCursor(HUGE)}`)],
  ["counts publicationId=2^40", countsGET, get(`/api/moderation/counts?publicationId=${HUGE}`)],
  ["log cursor beyond int8", logGET, get("/api/moderation/log?cursor=9999999999999999999")],
  ["log from an impossible day", logGET, get("/api/moderation/log?from=2026-02-30")],
  ["log to year 0001", logGET, get("/api/moderation/log?to=0001-01-01")],
  [
    "commenter cursor beyond int4",
    commenterGET,
    get("/api/commenters/1?cursor=2026-01-01T00:00:00Z_9999999999", { commenterId: "1" }),
  ],
  [
    "commenter cursor with an impossible time",
    commenterGET,
    get("/api/commenters/1?cursor=2026-13-45T99:99:99Z_1", { commenterId: "1" }),
  ],
  ["commenter id beyond int4", commenterGET, get(`/api/commenters/${HUGE}`, { commenterId: String(HUGE) })],
  [
    "thread cursor beyond int4",
    commentsGET,
    get("/api/posts/1/comments?cursor=1.9999999999", { postId: "1" }),
  ],
  ["posts over 8000 years", postsGET, get("/api/posts?from=0001-01-01&to=9999-12-31")],
  ["headline over 8000 years", headlineGET, get("/api/posts/headline?from=0001-01-01&to=9999-12-31")],
  ["import run id beyond int4", importRunGET, get(`/api/imports/${HUGE}`, { runId: String(HUGE) })],
  [
    "schedule of publication 2^40",
    schedulePUT,
    send(
      "PUT",
      `/api/publications/${HUGE}/schedule`,
      { intervalMinutes: 60 },
      { publicationId: String(HUGE) },
    ),
  ],
  [
    "settings of publication 2^40",
    settingsPUT,
    send("PUT", "/api/settings/moderation", { publicationId: HUGE, settings: {} }),
  ],
  [
    "rules re-run of publication 2^40",
    rerunPOST,
    send("POST", "/api/settings/moderation/rerun", { publicationId: HUGE }),
  ],
];

describe("numbers out of the database's range are a 400, never a 500", () => {
  test.each(cases)("%s", async (_name, handler, call) => {
    const response = await handler(
      apiRequest(call.path, {
        method: call.method,
        session: author,
        ...(call.body !== undefined ? { body: call.body } : {}),
      }),
      routeContext(call.params),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
  });
});

test("an unexpected failure is logged with its error codes first", () => {
  const cause = Object.assign(new Error("value out of range for type integer"), { code: "22003" });
  const error = Object.assign(new Error("Invalid query", { cause }), {
    code: "P2010",
    name: "PrismaClientKnownRequestError",
  });
  expect(describeFailure(error)).toBe("[code P2010/22003] PrismaClientKnownRequestError: Invalid query");
  expect(describeFailure("plain")).toBe("[code none] plain");
});
