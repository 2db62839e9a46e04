import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { ACCOUNT_SIGN_IN_LIMIT, accountKey } from "@/lib/server/auth/account-rate-limit";
import { auth } from "@/lib/server/auth/auth";
import { createUser } from "@/lib/server/auth/users";
import { resetDatabase, useTestDatabase } from "../support/database";
import { TEST_ORIGIN } from "../support/sessions";

const { db, sql } = useTestDatabase();
const PASSWORD = "correct horse battery staple";
let address = 0;

beforeAll(async () => {
  await resetDatabase(sql);
});

async function account(): Promise<string> {
  const email = `limit-${randomBytes(4).toString("hex")}@test.local`;
  await createUser(db, { email, role: "VIEWER", password: PASSWORD });
  return email;
}

/** A sign-in through Better Auth's HTTP handler, each from a new address so only the per-account limit applies. */
async function signIn(email: string, password: string): Promise<number> {
  address += 1;
  const response = await auth().handler(
    new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: TEST_ORIGIN,
        "x-forwarded-for": `10.1.${Math.floor(address / 250)}.${address % 250}`,
      },
      body: JSON.stringify({ email, password }),
    }),
  );
  return response.status;
}

describe("sign-in rate limit per account", { timeout: 90_000 }, () => {
  const max = ACCOUNT_SIGN_IN_LIMIT.max;

  test(`refuses the attempt after ${max} in a window with 429, even with the right password from a new address`, async () => {
    const email = await account();
    for (let i = 0; i < max; i += 1) expect(await signIn(email, "wrong password!")).toBe(401);
    expect(await signIn(email, PASSWORD)).toBe(429);
    // Another account is not affected.
    expect(await signIn(await account(), PASSWORD)).toBe(200);
  });

  test("counts the same account whatever the case and spaces of the email", async () => {
    const email = await account();
    for (let i = 0; i < max; i += 1) {
      const spelling = i % 2 === 0 ? email.toUpperCase() : ` ${email} `;
      expect([400, 401]).toContain(await signIn(spelling, "wrong password!"));
    }
    expect(await signIn(email, PASSWORD)).toBe(429);
  });

  test("a successful sign-in clears the count", async () => {
    const email = await account();
    for (let i = 0; i < max - 1; i += 1) expect(await signIn(email, "wrong password!")).toBe(401);
    expect(await signIn(email, PASSWORD)).toBe(200);
    for (let i = 0; i < max - 1; i += 1) expect(await signIn(email, "wrong password!")).toBe(401);
    expect(await signIn(email, PASSWORD)).toBe(200);
  });

  test("the window ends: an old count no longer refuses", async () => {
    const email = await account();
    for (let i = 0; i < max; i += 1) await signIn(email, "wrong password!");
    expect(await signIn(email, PASSWORD)).toBe(429);
    const expired = BigInt(Date.now() - ACCOUNT_SIGN_IN_LIMIT.windowSeconds * 1000 - 1000);
    await db.rateLimit.update({ where: { key: accountKey(email) }, data: { lastRequest: expired } });
    expect(await signIn(email, PASSWORD)).toBe(200);
  });
});
