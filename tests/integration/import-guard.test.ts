import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { POST as importsPOST } from "@/app/api/imports/route";
import { parseHostAllowances } from "@/lib/ingest/address-policy";
import { checkPublicAddress, createGuardedFetch } from "@/lib/server/ingest/guarded-fetch";
import { runSubstackImportJob } from "@/lib/server/jobs/queue";
import { fixtureCounts } from "@/tests/fixtures/substack/foreign-policy";
import { resetDatabase, useTestDatabase } from "../support/database";
import { type FakeSubstack, startFakeSubstack } from "../support/fake-substack";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

const { db, sql } = useTestDatabase();
const fast = { sleep: async () => {}, random: () => 0.5 };

/** An "internal" service on loopback that must never be reached on a web user's behalf. */
let internal: http.Server;
let internalUrl = "";
let internalHits = 0;
beforeAll(async () => {
  internal = http.createServer((_req, res) => {
    internalHits += 1;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("SECRET-INTERNAL-ADMIN-PAGE");
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => internal.close(() => resolve())));

let author: TestSession;
let fake: FakeSubstack;
beforeEach(async () => {
  await resetDatabase(sql);
  author = await signedIn("AUTHOR");
  fake = await startFakeSubstack();
  internalHits = 0;
});
afterEach(() => fake.close());

async function startImport(url: string) {
  const response = await importsPOST(
    apiRequest("/api/imports", { method: "POST", session: author, body: { url } }),
    routeContext(),
  );
  return {
    status: response.status,
    body: (await response.json()) as { error?: { code: string; message: string } },
  };
}

async function runErrors(runId: number): Promise<string> {
  const run = await db.importRun.findUniqueOrThrow({ where: { id: runId } });
  return JSON.stringify(run.errors);
}

describe("imports started in the app fetch public https addresses only", () => {
  test.each([
    ["loopback over http, with a path", () => `${internalUrl}/internal/admin`],
    ["loopback over https", () => internalUrl.replace("http:", "https:")],
    ["link-local (cloud metadata)", () => "https://169.254.169.254/latest/meta-data"],
    ["a private network address", () => "https://10.1.2.3/"],
    ["a public host over plain http", () => "http://example.substack.com"],
  ])("POST /api/imports refuses %s with 400 and a generic message", async (_what, url) => {
    const { status, body } = await startImport(url());
    expect(status).toBe(400);
    expect(body.error?.code).toBe("address_refused");
    expect(body.error?.message).toBe("Marginalia imports only from public https addresses");
    expect(internalHits).toBe(0);
  });

  test("a name that resolves to a private address is refused before anything is queued", async () => {
    const toPrivate = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    const refusal = await checkPublicAddress(new URL("https://mixed.example"), {
      allowances: [],
      resolve: toPrivate,
    });
    expect(refusal?.reason).toBe("not_public");
    const fine = await checkPublicAddress(new URL("https://public.example"), {
      allowances: [],
      resolve: async () => [{ address: "93.184.215.14", family: 4 }],
    });
    expect(fine).toBeNull();
  });

  test("a queued job aimed at an internal address fetches nothing and records a generic problem", async () => {
    const result = await runSubstackImportJob(
      { url: `${internalUrl}/internal/admin`, startedById: null },
      { allowances: [] },
      fast,
    );
    expect(result.status).toBe("FAILED");
    expect(internalHits).toBe(0);
    const errors = await runErrors(result.runId);
    expect(errors).toContain("refused: not a public https address");
    expect(errors).not.toContain(String(new URL(internalUrl).port));
    expect(errors).not.toContain("SECRET");
  });

  test("a name resolving to a private address is refused at connection, and the socket uses the checked address", async () => {
    const port = new URL(fake.url).port;
    const toLoopback = async () => [{ address: "127.0.0.1", family: 4 }];
    const guarded = createGuardedFetch({ allowances: [], resolve: toLoopback });
    await expect(guarded(`https://innocent.example:${port}/api/v1/archive`)).rejects.toMatchObject({
      name: "FetchRefusedError",
      reason: "not_public",
    });
    await expect(guarded(`https://[::ffff:127.0.0.1]:${port}/api/v1/archive`)).rejects.toMatchObject({
      reason: "not_public",
    });
    await expect(guarded(`http://93.184.215.14:${port}/`)).rejects.toMatchObject({ reason: "not_https" });
    expect(fake.requests.all).toHaveLength(0);
    // An allowed stand-in name is connected to the address the resolver gave: what was resolved is what is used.
    const exempt = createGuardedFetch({ allowances: parseHostAllowances("fake.test"), resolve: toLoopback });
    const answer = await exempt(`http://fake.test:${port}/api/v1/archive`);
    expect(answer.status).toBe(200);
    expect(fake.requests.count("/api/v1/archive")).toBe(1);
  });

  test("an allowed stand-in imports by its origin; the cookie is withheld over http; problems are generic", async () => {
    fake.state.setCookieOnly(103);
    process.env.SUBSTACK_GUARD_TEST = fake.state.sessionCookie;
    fake.faults.add("/api/v1/post/102/comments", { kind: "malformed-json" }, 10);
    const result = await runSubstackImportJob(
      { url: `${fake.url}/some/author/path`, cookieEnv: "SUBSTACK_GUARD_TEST", startedById: null },
      { allowances: parseHostAllowances(new URL(fake.url).host) },
      fast,
    );
    expect(result.status).toBe("PARTIAL");
    expect((await db.publication.findFirstOrThrow()).baseUrl).toBe(fake.url);
    expect(fake.requests.all.every((r) => !r.hadSessionCookie)).toBe(true);
    const errors = await runErrors(result.runId);
    expect(errors).toContain("sent over https only");
    expect(errors).toContain("the answer was not JSON");
    expect(errors).not.toContain("unterminated");
    expect(errors).not.toContain(fake.state.sessionCookie);
    expect(await db.comment.count()).toBeGreaterThan(0);
    expect(await db.comment.count()).toBeLessThan(fixtureCounts(fake.state.fixture).comments);
  });
});
