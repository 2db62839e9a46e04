import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { POST as approvePOST } from "@/app/api/comments/[commentId]/approve/route";
import { demoAccountsFile, prepareDemo, readDemoAccounts } from "@/lib/cli/demo-startup";
import { auth } from "@/lib/server/auth/auth";
import { unseedDemo } from "@/lib/server/demo/unseed";
import { createUser } from "@/lib/server/users";
import { DEMO_ACCOUNTS, DEMO_BASE_URL } from "@/prisma/seed/demo-data";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, TEST_ORIGIN } from "../support/sessions";
import { makeComment, makeCommenter, makePublication } from "./moderation-fixtures";

const { db, sql } = useTestDatabase();
/** The password every demo account had before they were random; it is in old READMEs and must never work. */
const FORMER_PUBLIC_PASSWORD = "demo-password-not-secret";

function dataDir(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), "marginalia-demo-")), "postgres");
}

async function signInStatus(email: string, password: string): Promise<number> {
  const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  return response.status;
}

beforeEach(() => resetDatabase(sql));

describe("the demo is loaded only where it belongs", () => {
  test("an empty DATABASE_URL database gets no demo and no accounts", async () => {
    const lines = await prepareDemo({
      requested: undefined,
      embedded: false,
      nodeEnv: "development",
      dataDir: dataDir(),
    });
    expect(lines).toEqual([]);
    expect(await db.user.count()).toBe(0);
    expect(await db.publication.count()).toBe(0);
  });

  test("NODE_ENV=production gets no demo even on the embedded database", async () => {
    await prepareDemo({ requested: undefined, embedded: true, nodeEnv: "production", dataDir: dataDir() });
    expect(await db.user.count()).toBe(0);
  });

  test("the embedded default gets the demo with random passwords, kept in a 0600 file and printed once", async () => {
    const dir = dataDir();
    const lines = await prepareDemo({
      requested: undefined,
      embedded: true,
      nodeEnv: "development",
      dataDir: dir,
    });
    const file = demoAccountsFile(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const accounts = readDemoAccounts(file) ?? [];
    expect(accounts.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
    const passwords = new Set(accounts.map((a) => a.password));
    expect(passwords.size).toBe(3);
    for (const account of accounts) {
      expect(account.password.length).toBeGreaterThanOrEqual(20);
      expect(lines.join("\n")).toContain(account.password);
      expect(await signInStatus(account.email, account.password)).toBe(200);
      expect(await signInStatus(account.email, FORMER_PUBLIC_PASSWORD)).toBe(401);
    }
    // The next start does not print them again: it says where they are.
    const again = await prepareDemo({
      requested: undefined,
      embedded: true,
      nodeEnv: "development",
      dataDir: dir,
    });
    expect(again.join("\n")).not.toContain(accounts[0]?.password);
    expect(again.join("\n")).toContain(file);
  });

  test("demo accounts made with the former public password get random ones at the next start", async () => {
    for (const account of DEMO_ACCOUNTS)
      await createUser(db, { ...account, password: FORMER_PUBLIC_PASSWORD });
    await db.publication.create({
      data: { platform: "SUBSTACK", name: "The Long View", baseUrl: DEMO_BASE_URL },
    });
    const dir = dataDir();
    await prepareDemo({ requested: undefined, embedded: true, nodeEnv: "development", dataDir: dir });
    for (const account of readDemoAccounts(demoAccountsFile(dir)) ?? []) {
      expect(await signInStatus(account.email, FORMER_PUBLIC_PASSWORD)).toBe(401);
      expect(await signInStatus(account.email, account.password)).toBe(200);
    }
  });

  test("a DATABASE_URL database that holds demo accounts is reported at start", async () => {
    await createUser(db, { ...DEMO_ACCOUNTS[0], password: "some long password" });
    const lines = await prepareDemo({
      requested: undefined,
      embedded: false,
      nodeEnv: "production",
      dataDir: dataDir(),
    });
    expect(lines.join("\n")).toMatch(/demo account.*unseed-demo/s);
  });
});

describe("db unseed-demo", () => {
  test("removes the demo publication, its log rows and the demo accounts, and leaves the rest", async () => {
    const dir = dataDir();
    await prepareDemo({ requested: true, embedded: true, nodeEnv: "development", dataDir: dir });
    const credentials = readDemoAccounts(demoAccountsFile(dir)) ?? [];
    const moderator = credentials.find((a) => a.role === "MODERATOR");
    if (!moderator) throw new Error("no demo moderator");
    const signIn = await auth().api.signInEmail({
      body: { email: moderator.email, password: moderator.password },
      asResponse: true,
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const demoComment = await db.comment.findFirstOrThrow({ where: { body: { not: null } } });
    const approved = await approvePOST(
      apiRequest(`/api/comments/${demoComment.id}/approve`, {
        method: "POST",
        body: {},
        headers: { cookie, origin: TEST_ORIGIN },
      }),
      routeContext({ commentId: String(demoComment.id) }),
    );
    expect(approved.status).toBe(200);

    // A real publication with its own history must survive.
    const { publication, post } = await makePublication(db, "Real Weekly");
    const commenter = await makeCommenter(db, publication.id, "rita");
    const realComment = await makeComment(db, {
      publicationId: publication.id,
      postId: post.id,
      commenterId: commenter.id,
    });
    await db.moderationAction.create({
      data: {
        action: "COMMENT_WITHHELD",
        targetType: "COMMENT",
        targetId: String(realComment.id),
        commentId: realComment.id,
      },
    });

    const result = await unseedDemo(sql);
    expect(result.publicationRemoved).toBe(true);
    expect(result.accountsRemoved.sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(await db.publication.findMany({ select: { name: true } })).toEqual([{ name: "Real Weekly" }]);
    expect(await db.user.count({ where: { email: { endsWith: "@demo.marginalia.local" } } })).toBe(0);
    expect(await db.moderationAction.count({ where: { commentId: demoComment.id } })).toBe(0);
    expect(await db.moderationAction.count({ where: { commentId: realComment.id } })).toBe(1);
    // The log is append-only again afterwards.
    await expect(sql`DELETE FROM moderation_action`).rejects.toThrow(/append-only/);
  });
});
