import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { scoreComment } from "@/lib/scoring";
import { RUBRIC_VERSION } from "@/lib/scoring/llm";
import { upsertComments, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { boss, QUEUES, workLlmRefiner } from "@/lib/server/jobs/queue";
import { reshowChangedLabels, showBestLabels } from "@/lib/server/scoring/labels";
import { createChatClient, type LlmConfig, LlmError } from "@/lib/server/scoring/llm-client";
import { LLM_RUN_LOCK, type LlmRunner, refineWithLlm } from "@/lib/server/scoring/llm-refiner";
import { currentRefinerVersions } from "@/lib/server/scoring/refiners";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { normalizedComment } from "../support/comments";
import { resetDatabase, useTestDatabase } from "../support/database";
import { type FakeLlm, goodAnswer, labelsFor, startFakeLlm } from "../support/fake-llm";

const { sql } = useTestDatabase();
const VERSION = `llm:fake-model:${RUBRIC_VERSION}`;

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
  // For the queued job, which reads its configuration from the environment (parsed on first use).
  process.env.MARGINALIA_LLM_URL = fake.url;
  process.env.MARGINALIA_LLM_MODEL = "fake-model";
  process.env.MARGINALIA_ENCODER = "off";
});
afterAll(async () => {
  await (await boss()).stop({ graceful: false, wait: true });
  await fake.close();
  delete process.env.MARGINALIA_LLM_URL;
  delete process.env.MARGINALIA_LLM_MODEL;
  delete process.env.MARGINALIA_ENCODER;
});

const POSTS = { older: "Grain deal, first look", newer: "Why the ceasefire will hold" };
/** Texts whose fast labels and fake-model labels are known apart; one the fake model flags. */
const COMMENTS: [id: string, post: keyof typeof POSTS, body: string | null][] = [
  ["o1", "older", "Thank you, a careful summary of the grain routes."],
  ["o2", "older", "Pure nonsense, the deal was dead before the ink dried."],
  ["n1", "newer", "I doubt it holds past the spring, given the last three truces."],
  ["n2", "newer", "Because the front has not moved in a year, both sides need the pause."],
  ["n3", "newer", "Please look at this reply [flag] before it spreads."],
  ["n4", "newer", null],
];

const comment = (id: string, post: string, body: string | null) =>
  normalizedComment(
    id,
    post,
    body,
    id === "n3" ? { parentExternalId: "n1", ancestorExternalIds: ["n1"] } : {},
  );

beforeEach(async () => {
  await resetDatabase(sql);
  fake.calls.length = 0;
  fake.handle((call) => goodAnswer(call));
  const publicationId = await upsertPublication(sql, {
    platform: "file",
    name: "LLM",
    baseUrl: "file://llm",
  });
  const posts = await upsertPosts(sql, publicationId, [
    {
      externalId: "older",
      slug: null,
      title: POSTS.older,
      url: null,
      publishedAt: new Date("2026-01-10T00:00:00Z"),
    },
    {
      externalId: "newer",
      slug: null,
      title: POSTS.newer,
      url: null,
      publishedAt: new Date("2026-05-20T00:00:00Z"),
    },
  ]);
  await upsertComments(
    sql,
    publicationId,
    posts,
    COMMENTS.map(([id, post, body]) => comment(id, post, body)),
  );
  await scoreComments(sql);
});

function runnerOn(overrides: Partial<LlmConfig> = {}): LlmRunner {
  const config: LlmConfig = {
    url: fake.url,
    model: "fake-model",
    apiKey: undefined,
    batchSize: 2,
    concurrency: 1,
    dailyBudget: 1000,
    timeoutMs: 5000,
    ...overrides,
  };
  return {
    config,
    chat: createChatClient(config, { sleep: async () => {}, random: () => 0.5 }),
    log: () => {},
  };
}

interface Shown {
  external_id: string;
  body: string;
  title: string;
  is_reply: boolean;
  tone: string;
  stance: string;
  flag: boolean;
  label_source: string;
  label_version: string | null;
  hostile: number;
  fast_tone: string | null;
}
async function shown(): Promise<Shown[]> {
  return sql<Shown[]>`
    SELECT c.external_id, c.body, p.title, (c.parent_external_id IS NOT NULL) AS is_reply, s.tone::text,
      s.stance::text, s.flag, s.label_source::text, s.label_version, s.hostility AS hostile,
      s.fast_labels->>'tone' AS fast_tone
    FROM comment_score s JOIN comment c ON c.id = s.comment_id JOIN post p ON p.id = c.post_id
    ORDER BY c.external_id`;
}
const fastTone = (r: Shown) => scoreComment(r.body, { postTitle: r.title, isReply: r.is_reply }).tone;

describe("the LLM refinement job", () => {
  test("labels every scored comment, newest posts first, and the dashboards show its labels", async () => {
    const result = await refineWithLlm(sql, { runner: runnerOn() });
    expect(result).toMatchObject({ refined: 5, version: VERSION, stoppedBy: "done" });
    expect(fake.calls[0]?.comments.map((c) => c.post_title)).toEqual([POSTS.newer, POSTS.newer]);
    expect(fake.calls.at(-1)?.comments.map((c) => c.post_title)).toEqual([POSTS.older]);

    const refinements = await sql<{ refiner: string; version: string }[]>`
      SELECT refiner::text, version FROM comment_refinement`;
    expect(refinements).toHaveLength(5);
    expect(new Set(refinements.map((r) => `${r.refiner} ${r.version}`))).toEqual(new Set([`LLM ${VERSION}`]));

    const rows = await shown();
    for (const row of rows) {
      const expected = labelsFor(row.body);
      expect(row, row.external_id).toMatchObject({
        tone: expected.tone,
        stance: expected.stance,
        label_source: "LLM",
        label_version: VERSION,
      });
      expect(row.fast_tone).toBe(fastTone(row));
    }
    // The switch is visible: the model disagrees with the fast scorer somewhere.
    expect(rows.some((r) => r.tone !== fastTone(r))).toBe(true);
    // The comment the model flags and the fast scorer did not is reported for the moderation rules.
    const flagged = rows.find((r) => r.external_id === "n3")!;
    expect(flagged.flag).toBe(true);
    expect(result.newlyFlagged).toHaveLength(1);
    // It carries the model's grounds, and every refinement its quoted evidence (the fake quotes the first
    // 20 characters, which the comment holds, so the check keeps them).
    const grounds = await sql<{ flag_reasons: string[]; evidence: string | null; body: string }[]>`
      SELECT s.flag_reasons, r.evidence, c.body FROM comment_score s
      JOIN comment_refinement r USING (comment_id) JOIN comment c ON c.id = s.comment_id
      WHERE c.external_id = 'n3'`;
    expect(grounds[0]?.flag_reasons).toEqual(["personal-abuse"]);
    expect(grounds[0]?.evidence).toBe(grounds[0]?.body.slice(0, 20).trim());

    const again = await refineWithLlm(sql, { runner: runnerOn() });
    expect(again).toMatchObject({ refined: 0, stoppedBy: "done" });
    expect(fake.calls).toHaveLength(3);
  });

  test("switched off, the fast labels come back; switched on again, the LLM's return without a request", async () => {
    await refineWithLlm(sql, { runner: runnerOn() });
    const ids = (await sql<{ comment_id: number }[]>`SELECT comment_id FROM comment_score`).map(
      (r) => r.comment_id,
    );

    await showBestLabels(sql, ids, {});
    for (const row of await shown())
      expect(row, row.external_id).toMatchObject({
        label_source: "FAST",
        tone: fastTone(row),
        fast_tone: null,
      });

    await showBestLabels(sql, ids, { LLM: VERSION });
    expect(new Set((await shown()).map((r) => r.label_source))).toEqual(new Set(["LLM"]));

    // At start, after the configuration changed: only what no longer matches it is recomputed.
    expect(await reshowChangedLabels(sql, {})).toBe(5);
    expect(new Set((await shown()).map((r) => r.label_source))).toEqual(new Set(["FAST"]));
    expect(await reshowChangedLabels(sql, {})).toBe(0);
    expect(await reshowChangedLabels(sql, { LLM: VERSION })).toBe(5);
    for (const row of await shown()) expect(row.tone).toBe(labelsFor(row.body).tone);
    expect(await reshowChangedLabels(sql, { LLM: VERSION })).toBe(0);
    // Another model is another version: the old answers are not shown for it.
    expect(await reshowChangedLabels(sql, { LLM: `llm:other:${RUBRIC_VERSION}` })).toBe(5);
    expect(new Set((await shown()).map((r) => r.label_source))).toEqual(new Set(["FAST"]));
    expect(fake.calls).toHaveLength(3);
  });

  test("another model refines again and replaces the older model's labels", async () => {
    await refineWithLlm(sql, { runner: runnerOn() });
    const result = await refineWithLlm(sql, { runner: runnerOn({ model: "fake-model-2" }) });
    expect(result).toMatchObject({ refined: 5, version: `llm:fake-model-2:${RUBRIC_VERSION}` });
    const versions = await sql<{ version: string }[]>`SELECT DISTINCT version FROM comment_refinement`;
    expect(versions.map((v) => v.version)).toEqual([`llm:fake-model-2:${RUBRIC_VERSION}`]);
  });

  test("--limit stops early; the budget stops the run; the rest is left for later", async () => {
    expect(await refineWithLlm(sql, { runner: runnerOn(), limit: 2 })).toMatchObject({
      refined: 2,
      stoppedBy: "limit",
    });
    expect(await refineWithLlm(sql, { runner: runnerOn({ dailyBudget: 3 }) })).toMatchObject({
      refined: 1,
      stoppedBy: "budget",
    });
    expect(await refineWithLlm(sql, { runner: runnerOn({ dailyBudget: 10 }) })).toMatchObject({
      refined: 2,
      stoppedBy: "done",
    });
  });

  test("one run at a time: a second one returns at once", async () => {
    const holder = await sql.reserve();
    try {
      await holder`SELECT pg_advisory_lock(${LLM_RUN_LOCK}::bigint)`;
      expect(await refineWithLlm(sql, { runner: runnerOn() })).toMatchObject({
        refined: 0,
        stoppedBy: "busy",
      });
      expect(fake.calls).toHaveLength(0);
    } finally {
      await holder`SELECT pg_advisory_unlock_all()`;
      holder.release();
    }
    expect(await refineWithLlm(sql, { runner: runnerOn() })).toMatchObject({ refined: 5 });
  });

  test("an endpoint failing for good ends the run with its error, after storing the pages before it", async () => {
    // Pages of batch x concurrency x 4 = 4 comments: the first page is answered, the second fails.
    fake.handle((call, i) => (i < 4 ? goodAnswer(call) : { status: 502, json: {} }));
    const result = await refineWithLlm(sql, { runner: runnerOn({ batchSize: 1 }) });
    expect(result).toMatchObject({ refined: 4, stoppedBy: "error" });
    expect(result.error).toBeInstanceOf(LlmError);
    expect(result.error?.message).toMatch(/HTTP 502/);
    const [{ n }] = (await sql`SELECT count(*)::int AS n FROM comment_refinement WHERE refiner = 'LLM'`) as [
      { n: number },
    ];
    expect(n).toBe(4);
  });

  test("the queued job runs it with the environment's model, and is scheduled", async () => {
    expect(currentRefinerVersions().LLM).toBe(VERSION);
    // This job's worker alone: the other queues may hold other tests' jobs.
    const queue = await boss();
    await workLlmRefiner(queue, () => {});
    const schedules = await queue.getSchedules();
    expect(schedules.map((s) => s.name)).toContain(QUEUES.refineLlm);
    await queue.send(QUEUES.refineLlm, {});
    const deadline = Date.now() + 25_000;
    let labelled = 0;
    while (labelled < 5 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      [{ labelled }] = (await sql`
        SELECT count(*)::int AS labelled FROM comment_score WHERE label_source = 'LLM'`) as [
        { labelled: number },
      ];
    }
    expect(labelled).toBe(5);
    for (const row of await shown()) expect(row.tone).toBe(labelsFor(row.body).tone);
  });
});
