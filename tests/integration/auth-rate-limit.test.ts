import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import {
  accountAddressKey,
  accountKey,
  SIGN_IN_LIMITS,
  signInDelay,
  slowdownMs,
} from "@/lib/server/auth/account-rate-limit";
import { auth } from "@/lib/server/auth/auth";
import { createUser } from "@/lib/server/users";
import { CLIENT_ADDRESS_HEADER } from "@/lib/web/client-address";
import { resetDatabase, useTestDatabase } from "../support/database";
import { TEST_ORIGIN } from "../support/sessions";

const { db, sql } = useTestDatabase();
const PASSWORD = "correct horse battery staple";
let nextAddress = 0;
/** Every address a test made up: a fresh one is never limited by another test's attempts. */
const freshAddress = () => {
  nextAddress += 1;
  return `10.1.${Math.floor(nextAddress / 250)}.${nextAddress % 250}`;
};

const waited: number[] = [];
const realWait = signInDelay.wait;
beforeAll(() => resetDatabase(sql));
beforeEach(() => {
  waited.length = 0;
  signInDelay.wait = async (ms) => {
    waited.push(ms);
  };
});
afterEach(() => {
  signInDelay.wait = realWait;
});

async function account(): Promise<string> {
  const email = `limit-${randomBytes(4).toString("hex")}@test.local`;
  await createUser(db, { email, role: "VIEWER", password: PASSWORD });
  return email;
}

/**
 * A sign-in through Better Auth's HTTP handler as our web server hands it over: the client address header
 * set by the server, and whatever X-Forwarded-For the client chose to send.
 */
async function signIn(
  email: string,
  password: string,
  address: string,
  forwardedFor?: string,
): Promise<number> {
  const response = await auth().handler(
    new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: TEST_ORIGIN,
        [CLIENT_ADDRESS_HEADER]: address,
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
      body: JSON.stringify({ email, password }),
    }),
  );
  return response.status;
}

/**
 * Better Auth's own per-address limit (10 a minute) would also refuse the 11th attempt from one address: a test
 * of the per-account limits lets that minute pass by removing the address's Better Auth counter.
 */
async function letTheMinutePass(address: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: `${address}|/sign-in/email` } });
}

describe("per address", () => {
  test("X-Forwarded-For chosen by the client does not reset the per-address limit", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push(await signIn(`nobody-${i}@test.local`, "wrong password!", address, `203.0.113.${i}`));
    }
    expect(statuses.slice(0, 10).every((s) => s === 401 || s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe("per account", () => {
  const max = SIGN_IN_LIMITS.perAccountAndAddress;

  test("wrong passwords from many addresses slow the account down but never lock its owner out", async () => {
    const email = await account();
    for (let i = 0; i < max + 1; i += 1)
      expect(await signIn(email, "wrong password!", freshAddress())).toBe(401);
    expect(waited.length).toBeGreaterThan(0);
    expect(waited).toEqual([...waited].sort((a, b) => a - b));
    expect(Math.max(...waited)).toBe(SIGN_IN_LIMITS.maxDelayMs);
    expect(await signIn(email, PASSWORD, freshAddress())).toBe(200);
  });

  test(`after ${max} attempts from one address, that address is refused for that account with 429`, async () => {
    const email = await account();
    const address = freshAddress();
    for (let i = 0; i < max; i += 1) expect(await signIn(email, "wrong password!", address)).toBe(401);
    await letTheMinutePass(address);
    expect(await signIn(email, PASSWORD, address)).toBe(429);
    // The owner from elsewhere, and another account from that address, are not affected.
    expect(await signIn(email, PASSWORD, freshAddress())).toBe(200);
    expect(await signIn(await account(), PASSWORD, address)).toBe(200);
  });

  test("counts the same account whatever the case and spaces of the email", async () => {
    const email = await account();
    const address = freshAddress();
    for (let i = 0; i < max; i += 1) {
      const spelling = i % 2 === 0 ? email.toUpperCase() : ` ${email} `;
      expect([400, 401]).toContain(await signIn(spelling, "wrong password!", address));
    }
    await letTheMinutePass(address);
    expect(await signIn(email, PASSWORD, address)).toBe(429);
  });

  test("a successful sign-in clears the counts", async () => {
    const email = await account();
    const address = freshAddress();
    for (let i = 0; i < max - 1; i += 1) expect(await signIn(email, "wrong password!", address)).toBe(401);
    expect(await signIn(email, PASSWORD, address)).toBe(200);
    expect(
      await db.rateLimit.count({
        where: { key: { in: [accountKey(email), accountAddressKey(email, address)] } },
      }),
    ).toBe(0);
    await letTheMinutePass(address);
    for (let i = 0; i < max - 1; i += 1) expect(await signIn(email, "wrong password!", address)).toBe(401);
    expect(await signIn(email, PASSWORD, address)).toBe(200);
  });

  test("the window ends: an old count no longer refuses", async () => {
    const email = await account();
    const address = freshAddress();
    for (let i = 0; i < max; i += 1) await signIn(email, "wrong password!", address);
    await letTheMinutePass(address);
    expect(await signIn(email, PASSWORD, address)).toBe(429);
    const expired = BigInt(Date.now() - SIGN_IN_LIMITS.windowSeconds * 1000 - 1000);
    await db.rateLimit.update({
      where: { key: accountAddressKey(email, address) },
      data: { lastRequest: expired },
    });
    expect(await signIn(email, PASSWORD, address)).toBe(200);
  });
});

test.each([
  [1, 0],
  [SIGN_IN_LIMITS.freeAttempts, 0],
  [SIGN_IN_LIMITS.freeAttempts + 1, SIGN_IN_LIMITS.firstDelayMs],
  [SIGN_IN_LIMITS.freeAttempts + 2, SIGN_IN_LIMITS.firstDelayMs * 2],
  [SIGN_IN_LIMITS.freeAttempts + 50, SIGN_IN_LIMITS.maxDelayMs],
])("attempt %i of the window waits %i ms", (attempts, ms) => {
  expect(slowdownMs(attempts)).toBe(ms);
});
