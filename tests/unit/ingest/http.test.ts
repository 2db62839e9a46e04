import { describe, expect, test } from "vitest";
import {
  backoffDelayMs,
  createHttpClient,
  type HttpClientOptions,
  HttpError,
  parseRetryAfterMs,
  type RetryInfo,
} from "@/lib/ingest/http";

const URL_ = "https://pub.example/api/v1/archive";
const NOW = Date.parse("2026-11-26T07:00:00Z");

type Step = Response | Error | "hang";

/** A fetch that plays `steps` in order; "hang" waits for the abort signal. */
function scriptedFetch(steps: Step[]) {
  const calls: { url: string; headers: Headers; method: string; body: unknown }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({
      url: String(input),
      headers: new Headers(init?.headers),
      method: init?.method ?? "GET",
      body: init?.body,
    });
    const step = steps.shift() ?? new Response("[]", { status: 200 });
    if (step === "hang") {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    }
    if (step instanceof Error) throw step;
    return step;
  }) as typeof fetch;
  return { fetchImpl, calls };
}

function client(steps: Step[], overrides: Partial<HttpClientOptions> = {}) {
  const { fetchImpl, calls } = scriptedFetch(steps);
  const sleeps: number[] = [];
  const retries: RetryInfo[] = [];
  const http = createHttpClient({
    timeoutMs: 50,
    retries: 3,
    baseBackoffMs: 100,
    maxBackoffMs: 10_000,
    fetchImpl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => NOW,
    onRetry: (info) => retries.push(info),
    ...overrides,
  });
  return { http, calls, sleeps, retries };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers });

describe("retries", () => {
  test.each([
    ["429 with Retry-After seconds", [json({}, 429, { "retry-after": "3" })], [3000]],
    [
      "429 with Retry-After date",
      [json({}, 429, { "retry-after": new Date(NOW + 7000).toUTCString() })],
      [7000],
    ],
    ["429 with a Retry-After past the cap", [json({}, 429, { "retry-after": "86400" })], [120_000]],
    ["429 without Retry-After", [json({}, 429)], [50]],
    ["503 twice then success", [json({}, 503), json({}, 503)], [50, 100]],
    ["a network error", [new TypeError("fetch failed")], [50]],
    ["a timeout", ["hang" as const], [50]],
  ])("%s is retried, then the body comes through", async (_name, failures, expectedSleeps) => {
    const { http, sleeps, calls } = client([...failures, json([1, 2])]);
    await expect(http.getJson(URL_)).resolves.toEqual([1, 2]);
    expect(sleeps).toEqual(expectedSleeps);
    expect(calls).toHaveLength(failures.length + 1);
  });

  test.each([
    [404, 1],
    [400, 1],
    [401, 1],
    [403, 1],
    [500, 4],
    [503, 4],
    [429, 4],
  ])("HTTP %i fails after %i attempt(s) with a typed error", async (status, attempts) => {
    const { http, calls } = client(Array.from({ length: 5 }, () => json({}, status)));
    const error = await http.getJson(URL_).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: "status", status, url: URL_, attempts });
    expect(calls).toHaveLength(attempts);
  });

  test("a request that hangs every time ends with a timeout error", async () => {
    const { http } = client(["hang", "hang", "hang", "hang"]);
    await expect(http.getJson(URL_)).rejects.toMatchObject({ kind: "timeout", status: null, url: URL_ });
  });

  test("a network error every time ends with a network error", async () => {
    const { http } = client([new TypeError("fetch failed"), new TypeError("fetch failed")], { retries: 1 });
    await expect(http.getJson(URL_)).rejects.toMatchObject({ kind: "network", message: /fetch failed/ });
  });

  test("onRetry says what failed and how long we wait", async () => {
    const { http, retries } = client([json({}, 503), json([])]);
    await http.getJson(URL_);
    expect(retries).toEqual([{ url: URL_, attempt: 1, delayMs: 50, reason: "HTTP 503", status: 503 }]);
  });

  test("malformed JSON is an invalid_json error, not retried", async () => {
    const { http, calls } = client([new Response("{nope", { status: 200 })]);
    await expect(http.getJson(URL_)).rejects.toMatchObject({ kind: "invalid_json", url: URL_ });
    expect(calls).toHaveLength(1);
  });

  test("a body over the size limit is refused", async () => {
    const { http } = client([new Response("x".repeat(2000))], { maxResponseBytes: 1000 });
    await expect(http.getJson(URL_)).rejects.toMatchObject({ kind: "too_large" });
  });
});

describe("backoff", () => {
  test.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [10, 10_000],
  ])("the ceiling after attempt %i is %i ms", (attempt, ceiling) => {
    expect(backoffDelayMs(attempt, () => 0.999_999, 100, 10_000)).toBe(ceiling - 1);
    expect(backoffDelayMs(attempt, () => 0, 100, 10_000)).toBe(0);
  });

  test("jitter stays within [0, ceiling) for many random draws", () => {
    for (let i = 0; i < 1000; i++) {
      const delay = backoffDelayMs(3, Math.random, 100, 10_000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(400);
    }
  });

  test("waits grow with each failed attempt", async () => {
    const { http, sleeps } = client([json({}, 503), json({}, 503), json({}, 503), json([])], {
      random: () => 0.99,
    });
    await http.getJson(URL_);
    expect(sleeps).toEqual([99, 198, 396]);
  });
});

describe("Retry-After parsing", () => {
  test.each([
    ["5", 5000],
    ["0", 0],
    [new Date(NOW + 30_000).toUTCString(), 30_000],
    [new Date(NOW - 30_000).toUTCString(), 0],
    ["soon", null],
    [null, null],
  ])("%s -> %s ms", (header, expected) => {
    expect(parseRetryAfterMs(header, NOW)).toBe(expected);
  });
});

describe("politeness", () => {
  test("pauses minDelayMs between consecutive requests, not before the first", async () => {
    const { http, sleeps } = client([json([]), json([]), json([])], { minDelayMs: 2000 });
    await http.getJson(URL_);
    await http.getJson(URL_);
    await http.getJson(URL_);
    expect(sleeps).toEqual([2000, 2000]);
  });

  test("a retry waits the longer of its backoff and the polite delay", async () => {
    const { http, sleeps } = client([json({}, 503), json([])], { minDelayMs: 2000 });
    await http.getJson(URL_);
    expect(sleeps).toEqual([2000]);
  });

  test("sends the configured headers", async () => {
    const { http, calls } = client([json([])], { headers: { cookie: "substack.sid=abc" } });
    await http.getJson(URL_);
    expect(calls[0]?.headers.get("cookie")).toBe("substack.sid=abc");
  });
});

describe("redirects", () => {
  const redirect = (location: string) => new Response(null, { status: 301, headers: { location } });

  test("follows a redirect within the same origin", async () => {
    const { http, calls } = client([redirect("/api/v1/archive?page=2"), json([7])]);
    await expect(http.getJson(URL_)).resolves.toEqual([7]);
    expect(calls.map((c) => c.url)).toEqual([URL_, "https://pub.example/api/v1/archive?page=2"]);
  });

  test("refuses to carry headers to another host", async () => {
    const { http, calls } = client([redirect("https://elsewhere.example/x")], {
      headers: { cookie: "substack.sid=secret" },
    });
    const error = await http.getJson(URL_).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "status", status: 301, url: URL_ });
    expect((error as Error).message).toMatch(/redirected to another host \(https:\/\/elsewhere.example\/x\)/);
    expect(calls).toHaveLength(1);
  });

  test("stops a redirect loop", async () => {
    const { http } = client(Array.from({ length: 10 }, () => redirect("/loop")));
    await expect(http.getJson(URL_)).rejects.toThrow(/more than 5 redirects/);
  });
});

describe("POST", () => {
  test("sends the body as JSON, is retried like a GET, and parses the answer", async () => {
    const { http, calls, sleeps } = client([json({}, 503), json({ ok: true })], {
      headers: { authorization: "Bearer k" },
    });
    await expect(http.postJson(URL_, { question: 1 })).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([50]);
    expect(calls.map((c) => [c.method, c.body])).toEqual([
      ["POST", '{"question":1}'],
      ["POST", '{"question":1}'],
    ]);
    expect(calls[0]?.headers.get("content-type")).toBe("application/json");
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer k");
  });

  test("an error answer keeps the start of its body apart from the message", async () => {
    const { http } = client([json({ error: { message: "unknown model" } }, 400)]);
    const error = (await http.postJson(URL_, {}).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.responseExcerpt).toContain("unknown model");
    expect(error.message).not.toContain("unknown model");
  });
});
