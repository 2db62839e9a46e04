import { describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { shouldLoadDemo } from "@/lib/server/demo/seed";

describe("where the demo is loaded", () => {
  test.each([
    // requested, embedded, NODE_ENV, loaded
    [undefined, true, "development", true],
    [undefined, true, "production", false],
    [undefined, false, "development", false],
    [undefined, false, "production", false],
    [true, false, "production", true],
    [false, true, "development", false],
  ] as const)(
    "MARGINALIA_SEED_DEMO=%s, embedded=%s, NODE_ENV=%s: %s",
    (requested, embedded, nodeEnv, loaded) => {
      expect(shouldLoadDemo({ requested, embedded, nodeEnv })).toBe(loaded);
    },
  );

  test("MARGINALIA_SEED_DEMO is unset (automatic) unless given", () => {
    expect(parseEnv({}).MARGINALIA_SEED_DEMO).toBeUndefined();
    expect(parseEnv({ MARGINALIA_SEED_DEMO: "true" }).MARGINALIA_SEED_DEMO).toBe(true);
  });
});

describe("HOST", () => {
  test("the web server listens on loopback unless told otherwise", () => {
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
    expect(parseEnv({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(() => parseEnv({ HOST: "bad host!" })).toThrow(/HOST:/);
  });
});
