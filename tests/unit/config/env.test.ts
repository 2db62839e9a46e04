import { afterEach, describe, expect, test } from "vitest";
import {
  childEnvironment,
  databaseUrl,
  EnvError,
  env,
  namedSecret,
  parseEnv,
  setDatabaseUrl,
} from "@/lib/env";

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
    [{ DATABASE_URL: "postgres://a@db/m", DATABASE_REPLICA_URL: "http://x" }, "DATABASE_REPLICA_URL"],
    // A replica of the embedded server cannot be: it names the primary it follows.
    [{ DATABASE_REPLICA_URL: "postgres://a@replica/m" }, "DATABASE_REPLICA_URL"],
  ])("%o is refused with a message naming %s", (source, name) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`${name}:`));
  });

  test("a replica beside its primary is accepted", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://a@db/m",
      DATABASE_REPLICA_URL: "postgresql://a@replica/m",
    });
    expect(env.DATABASE_REPLICA_URL).toBe("postgresql://a@replica/m");
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

describe("values read live", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test("databaseUrl follows setDatabaseUrl after env() was read, and refuses a non-PostgreSQL address", () => {
    setDatabaseUrl("postgres://app@127.0.0.1:5/one");
    expect(env().DATABASE_URL).toBe("postgres://app@127.0.0.1:5/one");
    setDatabaseUrl("postgres://app@127.0.0.1:5/two");
    expect(databaseUrl()).toBe("postgres://app@127.0.0.1:5/two");
    expect(env().DATABASE_URL).toBe("postgres://app@127.0.0.1:5/two");
    process.env.DATABASE_URL = "mysql://x";
    expect(() => databaseUrl()).toThrow(/DATABASE_URL/);
  });

  test("namedSecret reads the variable named, empty counting as unset", () => {
    process.env.MARGINALIA_TEST_COOKIE = "sid-value";
    expect(namedSecret("MARGINALIA_TEST_COOKIE")).toBe("sid-value");
    process.env.MARGINALIA_TEST_COOKIE = "";
    expect(namedSecret("MARGINALIA_TEST_COOKIE")).toBeUndefined();
  });

  test("childEnvironment leaves out what is named and adds the overrides", () => {
    process.env.DATABASE_OWNER_URL = "postgres://owner@127.0.0.1:5/db";
    const child = childEnvironment(["DATABASE_OWNER_URL"], { PORT: "3999" });
    expect(child.DATABASE_OWNER_URL).toBeUndefined();
    expect(child.PORT).toBe("3999");
    expect(process.env.DATABASE_OWNER_URL).toBe("postgres://owner@127.0.0.1:5/db");
  });
});
