import { beforeAll, describe, expect, test } from "vitest";
import { createAuth } from "@/lib/server/auth/auth";
import { createUser } from "@/lib/server/users";
import { resetDatabase, useTestDatabase } from "../support/database";

const { db, sql } = useTestDatabase();
const PASSWORD = "correct horse battery staple";

beforeAll(async () => {
  await resetDatabase(sql);
  await createUser(db, { email: "cookie@test.local", role: "VIEWER", password: PASSWORD });
});

async function sessionCookie(baseURL: string): Promise<string> {
  const response = await createAuth({ baseURL }).api.signInEmail({
    body: { email: "cookie@test.local", password: PASSWORD },
    asResponse: true,
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().find((c) => c.includes("session_token")) ?? "";
}

describe("session cookies", () => {
  test("are Secure (and __Secure- prefixed) when the app's address is https", async () => {
    const cookie = await sessionCookie("https://marginalia.example");
    expect(cookie).toMatch(/^__Secure-/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  test("are not marked Secure on a plain-http address (local use), still HttpOnly", async () => {
    const cookie = await sessionCookie("http://localhost:3000");
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });
});
