import { beforeAll, describe, expect, test } from "vitest";
import { POST as authPOST } from "@/app/api/auth/[...all]/route";
import { POST as notePOST } from "@/app/api/comments/[commentId]/notes/route";
import { MAX_BODY_BYTES } from "@/lib/web/body-limit";
import { resetDatabase, useTestDatabase } from "../support/database";
import { routeContext, signedIn, TEST_ORIGIN, type TestSession } from "../support/sessions";

const { sql } = useTestDatabase();
let moderator: TestSession;
beforeAll(async () => {
  await resetDatabase(sql);
  moderator = await signedIn("MODERATOR");
});

const TOO_LARGE = { error: { code: "payload_too_large", message: "the request body is larger than 64 KB" } };

/** A body that streams `total` bytes of a JSON string in 16 KB chunks, counting what was pulled from it. */
function countingBody(total: number) {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"body":"'));
    },
    pull(controller) {
      if (counter.pulled >= total) {
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
        return;
      }
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

function post(
  path: string,
  body: BodyInit,
  headers: Record<string, string> = {},
  session: TestSession | null = moderator,
) {
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: "POST",
    headers: { ...(session?.headers ?? {}), "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("request bodies are bounded before they are parsed", () => {
  test("a 10 MB body without a length is cut off after 64 KB and answered 413 in the error shape", async () => {
    const { stream, counter } = countingBody(10 * 1024 * 1024);
    const response = await notePOST(post("/api/comments/1/notes", stream), routeContext({ commentId: "1" }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
    expect(counter.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * 16 * 1024);
  });

  test("a declared Content-Length over the limit is refused without reading", async () => {
    const response = await notePOST(
      post("/api/comments/1/notes", '{"body":"short"}', { "content-length": String(MAX_BODY_BYTES + 1) }),
      routeContext({ commentId: "1" }),
    );
    expect(response.status).toBe(413);
  });

  test("a body under the limit is parsed and judged by its schema (400 for a note too long, not 413)", async () => {
    const body = JSON.stringify({ body: "x".repeat(60_000) });
    const response = await notePOST(post("/api/comments/1/notes", body), routeContext({ commentId: "1" }));
    expect(response.status).toBe(400);
  });

  test("an anonymous large body is refused with 401 without being read", async () => {
    const { stream, counter } = countingBody(10 * 1024 * 1024);
    const response = await notePOST(
      post("/api/comments/1/notes", stream, {}, null),
      routeContext({ commentId: "1" }),
    );
    expect(response.status).toBe(401);
    expect(counter.pulled).toBeLessThanOrEqual(2 * 16 * 1024);
  });

  test("the sign-in endpoint (Better Auth) gets the same limit: 413 before it parses", async () => {
    const { stream, counter } = countingBody(100 * 1024 * 1024);
    const response = await authPOST(post("/api/auth/sign-in/email", stream, { origin: TEST_ORIGIN }, null));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
    expect(counter.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * 16 * 1024);
  });
});
