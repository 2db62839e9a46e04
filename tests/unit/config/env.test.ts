import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  test("an empty environment gives the embedded defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ PORT: 3000, MARGINALIA_PG_PORT: 54329, MARGINALIA_SEED_DEMO: true });
  });

  test("empty strings count as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  test.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ MARGINALIA_PG_PORT: "80" }, "MARGINALIA_PG_PORT"],
    [{ BETTER_AUTH_SECRET: "short" }, "BETTER_AUTH_SECRET"],
    [{ BETTER_AUTH_URL: "not a url" }, "BETTER_AUTH_URL"],
    [{ MARGINALIA_SEED_DEMO: "maybe" }, "MARGINALIA_SEED_DEMO"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("%o is refused with a message naming %s", (source, name) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`${name}:`));
  });

  test.each([
    ["false", false],
    ["0", false],
    ["true", true],
    ["1", true],
  ])("MARGINALIA_SEED_DEMO=%s reads as %s", (value, expected) => {
    expect(parseEnv({ MARGINALIA_SEED_DEMO: value }).MARGINALIA_SEED_DEMO).toBe(expected);
  });
});
