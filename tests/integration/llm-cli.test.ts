import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { upsertComments, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { runCli } from "../support/cli";
import { normalizedComment } from "../support/comments";
import { resetDatabase, useTestDatabase } from "../support/database";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";

const { url, sql } = useTestDatabase();
const KEY = "sk-cli-SECRET-93b1e0";

/**
 * Our own labelled comments. The fake model's keyword rule gets every tone right, the stance of two
 * (3 and 6) wrong, the sentiment of one (4) wrong and misses the one flag (6).
 */
const LABELLED = [
  {
    body: "I doubt the sanctions bite before the election.",
    tone: "skeptical",
    stance: "neutral",
    sentiment: "negative",
    flag: false,
  },
  {
    body: "Thank you, I agree with every word.",
    tone: "supportive",
    stance: "agree",
    sentiment: "positive",
    flag: false,
  },
  {
    body: "Pure nonsense from start to finish.",
    tone: "dismissive",
    stance: "disagree",
    sentiment: "negative",
    flag: false,
  },
  {
    body: "Because tariffs reach prices with a lag, the dip is temporary.",
    tone: "analytical",
    stance: "neutral",
    sentiment: "neutral",
    flag: false,
  },
  {
    body: "Where can I find the first part?",
    tone: "neutral",
    stance: "neutral",
    sentiment: "neutral",
    flag: false,
  },
  {
    body: "You are an idiot and everyone here knows it.",
    tone: "hostile",
    stance: "disagree",
    sentiment: "negative",
    flag: true,
  },
].map((r, i) => ({ id: `own-${i}`, is_reply: i === 5, post_title: "Sanctions, a year on", ...r }));

let fake: FakeLlm;
let file: string;
beforeAll(async () => {
  fake = await startFakeLlm();
  const dir = await mkdtemp(path.join(tmpdir(), "llm-eval-"));
  file = path.join(dir, "labelled.jsonl");
  await writeFile(file, `${LABELLED.map((r) => JSON.stringify(r)).join("\n")}\n`);
});
afterAll(() => fake.close());
beforeEach(async () => {
  await resetDatabase(sql);
  fake.calls.length = 0;
});

const llmEnv = (extra: Record<string, string> = {}) => ({
  MARGINALIA_LLM_URL: fake.url,
  MARGINALIA_LLM_MODEL: "fake-model",
  MARGINALIA_LLM_API_KEY: KEY,
  ...extra,
});

/** The line of a printed block (e.g. "== tone") that starts with `prefix`. */
function lineOf(output: string, block: string, prefix: string): string | undefined {
  const start = output.indexOf(`== ${block} `);
  return output
    .slice(start)
    .split("\n")
    .find((l) => l.startsWith(prefix));
}

describe("eval --refiner llm", () => {
  test("judges the model's labels like any scorer, through the cache on the second run", async () => {
    const first = await runCli(url, ["eval", file, "--refiner", "llm"], { env: llmEnv() });
    expect(first.stderr).not.toMatch(/error/);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("summary (llm, n=6");
    expect(lineOf(first.stdout, "tone", "macro-F1")).toBe("macro-F1 1.000  accuracy 1.000");
    expect(lineOf(first.stdout, "stance", "macro-F1")).toMatch(/accuracy 0\.667$/);
    expect(lineOf(first.stdout, "sentiment", "macro-F1")).toMatch(/accuracy 0\.833$/);
    expect(lineOf(first.stdout, "flag", "flagged")).toMatch(/^flagged\s+0\.000\s+0\.000/);
    expect(first.stderr).toContain("6 comments, 0 from the cache, 6 sent in 1 requests");
    expect(fake.calls).toHaveLength(1);

    const second = await runCli(url, ["eval", file, "--refiner", "llm"], { env: llmEnv() });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("6 from the cache, 0 sent in 0 requests");
    expect(second.stdout).toBe(first.stdout);
    expect(fake.calls).toHaveLength(1);
    for (const out of [first, second]) expect(out.stdout + out.stderr).not.toContain(KEY);
  });

  test("a budget that runs out is an error saying how far it got", async () => {
    const result = await runCli(url, ["eval", file, "--refiner", "llm"], {
      env: llmEnv({ MARGINALIA_LLM_DAILY_BUDGET: "4", MARGINALIA_LLM_BATCH: "2" }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /daily budget \(MARGINALIA_LLM_DAILY_BUDGET=4\) ran out after 4 of 6 comments/,
    );
    expect(result.stdout).toBe("");
  });

  test("without a configured model it refuses before sending anything", async () => {
    const result = await runCli(url, ["eval", file, "--refiner", "llm"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--refiner llm needs MARGINALIA_LLM_URL and MARGINALIA_LLM_MODEL/);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("refine --llm", () => {
  test("refines the scored comments and reports what it sent", async () => {
    const publicationId = await upsertPublication(sql, {
      platform: "file",
      name: "CLI",
      baseUrl: "file://cli",
    });
    const posts = await upsertPosts(sql, publicationId, [
      { externalId: "p", slug: null, title: "Sanctions, a year on", url: null, publishedAt: null },
    ]);
    await upsertComments(
      sql,
      publicationId,
      posts,
      LABELLED.slice(0, 3).map((r) => normalizedComment(r.id, "p", r.body)),
    );
    await scoreComments(sql);
    const result = await runCli(url, ["refine", "--llm", "--limit", "2"], { env: llmEnv() });
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^refined 2 comments with llm:fake-model:rubric-1\+[0-9a-f]{8} in [\d.]+ s: 0 from the cache, 2 sent in 1 requests, 0 left to the fast labels; --limit reached; today 2 of 2000 comments sent\n$/,
    );
    const shown = await sql`SELECT label_source::text FROM comment_score WHERE label_source = 'LLM'`;
    expect(shown).toHaveLength(2);
  });

  test.each([
    [[], "name one refiner: --llm or --encoder"],
    [["--llm", "--encoder"], "name one refiner: --llm or --encoder"],
    [["--llm", "--limit", "0"], "--limit must be a positive whole number"],
  ])("refine %j is refused: %s", async (args, message) => {
    const result = await runCli(url, ["refine", ...args], { env: llmEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`error: ${message}`);
  });

  test("--llm without a configured model is refused", async () => {
    const result = await runCli(url, ["refine", "--llm"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--llm needs MARGINALIA_LLM_URL/);
  });
});
