import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { LlmComment } from "@/lib/scoring/llm";
import { createChatClient, type LlmConfig, LlmError } from "@/lib/server/scoring/llm-client";
import { type LlmRunner, labelWithLlm, usageToday } from "@/lib/server/scoring/llm-refiner";
import { resetDatabase, useTestDatabase } from "../support/database";
import { chatReply, type FakeLlm, goodAnswer, labelsFor, startFakeLlm } from "../support/fake-llm";

const { sql } = useTestDatabase();
const KEY = "sk-test-SECRET-4f9c2d7e1a";

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(async () => {
  await resetDatabase(sql);
  fake.calls.length = 0;
  fake.handle((call) => goodAnswer(call));
});

/** A runner on the fake with instant, recorded backoff; `logs` collects every line it logs. */
function runnerOn(overrides: Partial<LlmConfig> = {}) {
  const config: LlmConfig = {
    url: fake.url,
    model: "fake-model",
    apiKey: KEY,
    batchSize: 10,
    concurrency: 2,
    dailyBudget: 1000,
    timeoutMs: 5000,
    ...overrides,
  };
  const logs: string[] = [];
  const sleeps: number[] = [];
  const log = (line: string) => logs.push(line);
  const chat = createChatClient(config, {
    log,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
  const runner: LlmRunner = { config, chat, log };
  return { runner, logs, sleeps };
}

const KINDS = [
  "I doubt the plan survives",
  "Thank you for this",
  "Only an idiot",
  "Pure nonsense",
  "Because of the grain routes",
];
/** `n` distinct comments whose labels the fake model's rule decides. */
function comments(n: number, title = "A ceasefire in spring"): LlmComment[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `k${i}`,
    text: `${KINDS[i % KINDS.length]} (comment ${i}).`,
    postTitle: title,
    isReply: i % 2 === 1,
  }));
}

function expectLabelled(answers: Map<string, { tone: string; stance: string }>, items: LlmComment[]) {
  for (const c of items) expect(answers.get(c.id)?.tone, c.text).toBe(labelsFor(c.text).tone);
}

describe("labelling through an OpenAI-compatible endpoint", () => {
  test("good answers: every comment labelled, in batches, with the schema, the model and the key", async () => {
    const { runner } = runnerOn();
    const items = comments(25);
    const result = await labelWithLlm(sql, runner, items);
    expect(result.error).toBeNull();
    expect(result.failed).toEqual([]);
    expect(result.answers.size).toBe(25);
    expectLabelled(result.answers, items);
    expect(result.stats).toEqual({ cached: 0, sent: 25, requests: 3, failed: 0 });
    expect(fake.calls.map((c) => c.comments.length).sort()).toEqual([10, 10, 5]);
    const first = fake.calls[0]!;
    expect(first.authorization).toBe(`Bearer ${KEY}`);
    expect(first.body.model).toBe("fake-model");
    expect(first.body.temperature).toBe(0);
    expect(first.body.response_format?.type).toBe("json_schema");
    // The model sees batch-local handles, the post title and whether each comment is a reply.
    expect(first.comments[0]).toMatchObject({ id: "c1", post_title: "A ceasefire in spring" });
    expect(new Set(fake.calls.flatMap((c) => c.comments.map((x) => x.is_reply)))).toEqual(
      new Set([true, false]),
    );
    expect(await usageToday(sql)).toEqual({ comments: 25, requests: 3, failed: 0 });
  });

  test("the cache: a second run asks nothing; another model or post title asks again", async () => {
    const items = comments(12);
    await labelWithLlm(sql, runnerOn().runner, items);
    const asked = fake.calls.length;
    const again = await labelWithLlm(sql, runnerOn().runner, items);
    expect(fake.calls.length).toBe(asked);
    expect(again.stats).toEqual({ cached: 12, sent: 0, requests: 0, failed: 0 });
    expectLabelled(again.answers, items);

    await labelWithLlm(sql, runnerOn({ model: "another-model" }).runner, items.slice(0, 3));
    await labelWithLlm(sql, runnerOn().runner, comments(3, "Another post"));
    expect(fake.calls.length).toBe(asked + 2);
  });

  test("malformed JSON for a batch: each comment is asked again alone, once", async () => {
    fake.handle((call) =>
      call.comments.length > 1 ? chatReply('{"comments": [{"id": "c1", "tone":') : goodAnswer(call),
    );
    const { runner, logs } = runnerOn({ batchSize: 4, concurrency: 1 });
    const items = comments(4);
    const result = await labelWithLlm(sql, runner, items);
    expect(result.failed).toEqual([]);
    expectLabelled(result.answers, items);
    expect(fake.calls.map((c) => c.comments.length)).toEqual([4, 1, 1, 1, 1]);
    expect(result.stats).toMatchObject({ sent: 8, requests: 5 });
    expect(logs).toContain("llm: 4 of 4 answers unusable (no JSON in the answer), asking each alone");
  });

  test("an answer that stays unusable leaves the comment to the fast labels, counted", async () => {
    fake.handle((call) =>
      chatReply(
        JSON.stringify({
          comments: call.comments.map((c) => ({
            ...labelsFor(c.text),
            id: c.id,
            tone: c.text.includes("idiot") ? "rude" : labelsFor(c.text).tone,
          })),
        }),
      ),
    );
    const items = comments(5);
    const result = await labelWithLlm(sql, runnerOn().runner, items);
    const rude = items.find((c) => c.text.includes("idiot"))!;
    expect(result.failed).toEqual([rude.id]);
    expect(result.answers.has(rude.id)).toBe(false);
    expect(result.answers.size).toBe(4);
    expect(result.stats.failed).toBe(1);
    expect((await usageToday(sql)).failed).toBe(1);
    // The unusable answer is not cached: the next run asks again.
    fake.handle((call) => goodAnswer(call));
    const next = await labelWithLlm(sql, runnerOn().runner, items);
    expect(next.stats).toMatchObject({ cached: 4, sent: 1 });
  });

  test("missing ids are asked about again alone", async () => {
    fake.handle((call) => (call.comments.length > 1 ? goodAnswer(call, ["c2", "c3"]) : goodAnswer(call)));
    const items = comments(4);
    const result = await labelWithLlm(sql, runnerOn().runner, items);
    expectLabelled(result.answers, items);
    expect(fake.calls.map((c) => c.comments.map((x) => x.text))).toEqual([
      items.map((c) => c.text),
      [items[1]!.text],
      [items[2]!.text],
    ]);
  });

  test("429 with Retry-After waits as told, then succeeds", async () => {
    fake.handle((call, i) =>
      i === 0 ? { status: 429, headers: { "retry-after": "7" }, json: {} } : goodAnswer(call),
    );
    const { runner, sleeps, logs } = runnerOn();
    const result = await labelWithLlm(sql, runner, comments(3));
    expect(result.answers.size).toBe(3);
    expect(sleeps).toEqual([7000]);
    expect(logs.some((l) => /HTTP 429, retrying in 7.0 s/.test(l))).toBe(true);
  });

  test("500 then success is retried with backoff", async () => {
    fake.handle((call, i) => (i < 2 ? { status: 500, json: { error: "overloaded" } } : goodAnswer(call)));
    const { runner, sleeps } = runnerOn();
    const result = await labelWithLlm(sql, runner, comments(3));
    expect(result.answers.size).toBe(3);
    expect(sleeps).toEqual([500, 1000]); // full jitter at 0.5 of 1 s, then of 2 s
    expect(fake.calls).toHaveLength(3);
  });

  test("a request that hangs times out and is retried", async () => {
    fake.handle((call, i) => (i === 0 ? { hang: true } : goodAnswer(call)));
    const { runner, logs } = runnerOn({ timeoutMs: 300 });
    const result = await labelWithLlm(sql, runner, comments(2));
    expect(result.answers.size).toBe(2);
    expect(fake.calls).toHaveLength(2);
    expect(logs.some((l) => l.includes("timeout after 300 ms"))).toBe(true);
  });

  test("a server refusing json_schema with 400 is asked for json_object, then plainly", async () => {
    fake.handle((call) => {
      const type = call.body.response_format?.type;
      if (type === "json_schema")
        return { status: 400, json: { error: { message: "response_format not supported" } } };
      return goodAnswer(call);
    });
    const { runner, logs } = runnerOn({ concurrency: 1 });
    const result = await labelWithLlm(sql, runner, comments(15));
    expect(result.answers.size).toBe(15);
    expect(runner.chat.shape()).toBe("json_object");
    // Once stepped down, the client stays down: the second batch goes straight to json_object.
    expect(
      fake.calls.map((c) => [c.body.response_format?.type ?? "plain", c.body.temperature ?? null]),
    ).toEqual([
      ["json_schema", 0],
      ["json_schema", null],
      ["json_object", null],
      ["json_object", null],
    ]);
    expect(logs.filter((l) => l.includes("refused"))).toHaveLength(2);

    fake.handle((call) => (call.body.response_format ? { status: 400, json: {} } : goodAnswer(call)));
    const plain = runnerOn();
    await labelWithLlm(sql, plain.runner, comments(2, "Plain"));
    expect(plain.runner.chat.shape()).toBe("plain");
  });

  test("a server refusing temperature keeps json_schema without it", async () => {
    fake.handle((call) =>
      call.body.temperature !== undefined ? { status: 400, json: {} } : goodAnswer(call),
    );
    const { runner } = runnerOn();
    await labelWithLlm(sql, runner, comments(2));
    expect(runner.chat.shape()).toBe("json_schema without temperature");
    expect(fake.calls.at(-1)?.body.response_format?.type).toBe("json_schema");
  });

  test("the daily budget stops the run, is shared through the database, and cached answers cost nothing", async () => {
    const items = comments(25);
    const first = await labelWithLlm(sql, runnerOn({ dailyBudget: 15, concurrency: 1 }).runner, items);
    expect(first.budgetExhausted).toBe(true);
    expect(first.answers.size).toBe(15);
    expect(fake.calls.map((c) => c.comments.length)).toEqual([10, 5]);
    expect(await usageToday(sql)).toMatchObject({ comments: 15 });

    // Another worker (another runner) the same day: the 15 come from the cache, nothing more is sent.
    const second = await labelWithLlm(sql, runnerOn({ dailyBudget: 15 }).runner, items);
    expect(second.stats).toMatchObject({ cached: 15, sent: 0 });
    expect(second.budgetExhausted).toBe(true);
    expect(fake.calls).toHaveLength(2);

    // A larger budget lets the rest through.
    const third = await labelWithLlm(sql, runnerOn({ dailyBudget: 100 }).runner, items);
    expect(third.stats).toMatchObject({ cached: 15, sent: 10 });
    expect(third.budgetExhausted).toBe(false);
  });

  test("a budget of 0 sends nothing at all", async () => {
    const result = await labelWithLlm(sql, runnerOn({ dailyBudget: 0 }).runner, comments(3));
    expect(result).toMatchObject({ budgetExhausted: true, failed: [] });
    expect(result.answers.size).toBe(0);
    expect(fake.calls).toHaveLength(0);
  });

  test("a request failing for good ends the run with an error; what came before stays", async () => {
    fake.handle((call, i) => (i === 0 ? goodAnswer(call) : { status: 503, json: {} }));
    const { runner } = runnerOn({ concurrency: 1, batchSize: 2 });
    const result = await labelWithLlm(sql, runner, comments(6));
    expect(result.error).toBeInstanceOf(LlmError);
    expect(result.error?.message).toMatch(/HTTP 503/);
    expect(result.answers.size).toBe(2);
    expect(fake.calls).toHaveLength(1 + 4); // the failed batch: its first attempt and 3 retries; then stop
  });

  test("the API key never reaches an error or a log line, even when the server echoes it", async () => {
    fake.handle((call, i) =>
      i === 0
        ? { status: 429, json: { error: `slow down, ${call.authorization}` } }
        : { status: 401, json: { error: { message: `Incorrect API key provided: ${call.authorization}` } } },
    );
    const { runner, logs } = runnerOn();
    const result = await labelWithLlm(sql, runner, comments(2));
    expect(result.error?.message).toMatch(/HTTP 401/);
    expect(result.error?.message).toContain("Incorrect API key provided: Bearer [api key]");
    expect(result.error?.message).not.toContain(KEY);
    expect(String(result.error?.stack)).not.toContain(KEY);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toContain(KEY);
    expect(fake.calls[0]?.authorization).toBe(`Bearer ${KEY}`);
  });

  test("without a key no Authorization header is sent", async () => {
    await labelWithLlm(sql, runnerOn({ apiKey: undefined }).runner, comments(1));
    expect(fake.calls[0]?.authorization).toBeUndefined();
  });
});
