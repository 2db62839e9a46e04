import { describe, expect, test } from "vitest";
import { startImportSchema } from "@/lib/schemas/imports";

describe("starting an import from the app", () => {
  test.each([
    ["https://example.substack.com", true],
    ["example.substack.com", true],
    ["not an address", false],
    ["localhost", false],
  ])("the address %s is accepted: %s", (url, ok) => {
    expect(startImportSchema.safeParse({ url }).success).toBe(ok);
  });

  test.each([
    ["SUBSTACK_SID", true],
    ["SUBSTACK_THE_LONG_VIEW", true],
    ["DATABASE_URL", false],
    ["BETTER_AUTH_SECRET", false],
    ["substack_sid", false],
  ])("the cookie variable %s is accepted: %s", (cookieEnv, ok) => {
    expect(startImportSchema.safeParse({ url: "https://example.substack.com", cookieEnv }).success).toBe(ok);
  });

  test("unknown fields are refused", () => {
    expect(
      startImportSchema.safeParse({ url: "https://example.substack.com", cookie: "secret" }).success,
    ).toBe(false);
  });
});
