import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  test("an empty environment gives the embedded defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ PORT: 3000, MARGINALIA_PG_PORT: 54329, HOST: "127.0.0.1" });
    expect(env.MARGINALIA_SEED_DEMO).toBeUndefined();
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
    [{ MARGINALIA_LLM_URL: "ftp://models.example/v1", MARGINALIA_LLM_MODEL: "m" }, "MARGINALIA_LLM_URL"],
    [
      { MARGINALIA_LLM_URL: "http://me:secret@models.example/v1", MARGINALIA_LLM_MODEL: "m" },
      "MARGINALIA_LLM_URL",
    ],
    [{ MARGINALIA_LLM_URL: "http://127.0.0.1:11434/v1" }, "MARGINALIA_LLM_MODEL"],
    [{ MARGINALIA_LLM_MODEL: "llama3.1:8b" }, "MARGINALIA_LLM_URL"],
    [{ MARGINALIA_LLM_BATCH: "0" }, "MARGINALIA_LLM_BATCH"],
    [{ MARGINALIA_LLM_CONCURRENCY: "two" }, "MARGINALIA_LLM_CONCURRENCY"],
    [{ MARGINALIA_LLM_DAILY_BUDGET: "-1" }, "MARGINALIA_LLM_DAILY_BUDGET"],
    [{ MARGINALIA_LLM_TIMEOUT_SECONDS: "0" }, "MARGINALIA_LLM_TIMEOUT_SECONDS"],
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

  test("the language model is off by default and its limits have defaults", () => {
    const env = parseEnv({});
    expect(env.MARGINALIA_LLM_URL).toBeUndefined();
    expect(env).toMatchObject({
      MARGINALIA_LLM_BATCH: 10,
      MARGINALIA_LLM_CONCURRENCY: 2,
      MARGINALIA_LLM_DAILY_BUDGET: 2000,
      MARGINALIA_LLM_TIMEOUT_SECONDS: 120,
    });
  });

  test("a local endpoint with a model is accepted as given", () => {
    const env = parseEnv({
      MARGINALIA_LLM_URL: "http://127.0.0.1:11434/v1",
      MARGINALIA_LLM_MODEL: "llama3.1:8b",
    });
    expect(env).toMatchObject({
      MARGINALIA_LLM_URL: "http://127.0.0.1:11434/v1",
      MARGINALIA_LLM_MODEL: "llama3.1:8b",
    });
  });
});
