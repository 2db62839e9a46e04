import { beforeEach, describe, expect, test } from "vitest";
import { ENCODER_VERSION } from "@/lib/scoring/shipped-model";
import { getThreadPage } from "@/lib/server/analytics/thread-page";
import { getToneDistribution } from "@/lib/server/analytics/tone-distribution";
import { upsertComments, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import {
  publicationModelVersion,
  type RefinedLabels,
  showBestLabels,
  storeRefinements,
} from "@/lib/server/scoring/labels";
import { refineWithEncoder } from "@/lib/server/scoring/refine-encoder";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { normalizedComment } from "../support/comments";
import { resetDatabase, useTestDatabase } from "../support/database";

const { db, sql } = useTestDatabase();

const comment = (id: string, body: string) => normalizedComment(id, "p1", body);

const BODIES = [
  "Thank you, a superb and careful piece.",
  "I doubt this will ever work. We'll see.",
  "Dead on arrival, a photo op, nothing more.",
  "The grain corridor reopened because insurers cut war-risk premiums after the navy escorts began.",
];

let publicationId = 0;
let ids: number[] = [];

beforeEach(async () => {
  await resetDatabase(sql);
  publicationId = await upsertPublication(sql, {
    platform: "file",
    name: "Refining",
    baseUrl: "file://refining",
  });
  const posts = await upsertPosts(sql, publicationId, [
    { externalId: "p1", slug: null, title: "A corridor through the Black Sea", url: null, publishedAt: null },
  ]);
  await upsertComments(
    sql,
    publicationId,
    posts,
    BODIES.map((b, i) => comment(String(i), b)),
  );
  await scoreComments(sql);
  ids = (await sql<{ id: number }[]>`SELECT id FROM comment ORDER BY id`).map((r) => r.id);
});

/** A refiner's labels that differ from anything the fast scorer gives these comments. */
function hostileLabels(commentId: number): RefinedLabels {
  return {
    commentId,
    tone: "hostile",
    toneScores: { analytical: 0, skeptical: 0, dismissive: 0.1, supportive: 0, hostile: 0.9, neutral: 0 },
    secondaryTone: null,
    stance: "disagree",
    stanceConfidence: 0.8,
    sentimentLabel: "negative",
    sentimentConfidence: 0.9,
    flag: true,
    flagProbability: 0.95,
    flagReasons: ["personal-abuse"],
    evidence: null,
  };
}

async function shown(commentId: number) {
  return db.commentScore.findUniqueOrThrow({ where: { commentId } });
}

describe("the labels a comment shows", () => {
  test("a refiner's labels replace the fast ones, which are kept and come back when it is off", async () => {
    const id = ids[0] as number;
    const fast = await shown(id);
    await storeRefinements(sql, "ENCODER", "enc-test", [hostileLabels(id)], { ENCODER: "enc-test" });
    const refined = await shown(id);
    expect(refined).toMatchObject({
      tone: "hostile",
      stance: "disagree",
      sentimentLabel: "negative",
      flag: true,
      flagProbability: 0.95,
      hostility: 0.9,
      labelSource: "ENCODER",
      labelVersion: "enc-test",
    });
    expect(refined.fastLabels).toMatchObject({ tone: fast.tone, stance: fast.stance, flag: fast.flag });
    // Cues, signals and the sentiment score stay the fast scorer's.
    expect(refined.cues).toEqual(fast.cues);
    expect(refined.sentimentScore).toBe(fast.sentimentScore);

    await showBestLabels(sql, [id], {});
    expect(await shown(id)).toMatchObject({
      tone: fast.tone,
      stance: fast.stance,
      flag: fast.flag,
      labelSource: "FAST",
      fastLabels: null,
    });
  });

  test("an outdated refiner version is not shown", async () => {
    const id = ids[1] as number;
    await storeRefinements(sql, "ENCODER", "enc-old", [hostileLabels(id)], { ENCODER: "enc-new" });
    expect((await shown(id)).labelSource).toBe("FAST");
  });

  test("the user's language model outranks the encoder; the fast rescore keeps the refined labels shown", async () => {
    const id = ids[2] as number;
    const current = { ENCODER: "enc-1", LLM: "llm-1" };
    await storeRefinements(sql, "ENCODER", "enc-1", [{ ...hostileLabels(id), tone: "dismissive" }], current);
    await storeRefinements(sql, "LLM", "llm-1", [{ ...hostileLabels(id), tone: "skeptical" }], current);
    expect(await shown(id)).toMatchObject({ tone: "skeptical", labelSource: "LLM" });
    await showBestLabels(sql, [id], { ENCODER: "enc-1" });
    expect(await shown(id)).toMatchObject({ tone: "dismissive", labelSource: "ENCODER" });
  });

  test("a refiner's flag shows its own grounds, and the fast grounds come back with the fast labels", async () => {
    const id = ids[0] as number;
    const fast = await shown(id);
    expect(fast.flag).toBe(false);
    expect(fast.flagReasons).toEqual([]);
    await storeRefinements(sql, "ENCODER", "enc-g", [{ ...hostileLabels(id), flagReasons: ["threat"] }], {
      ENCODER: "enc-g",
    });
    expect(await shown(id)).toMatchObject({ flag: true, flagReasons: ["threat"] });
    await showBestLabels(sql, [id], {});
    expect(await shown(id)).toMatchObject({ flag: false, flagReasons: [], labelSource: "FAST" });
  });

  test("the thread shows a language model's quoted evidence only while its labels are the ones shown", async () => {
    const [postId] = (await sql<{ id: number }[]>`SELECT id FROM post`).map((r) => r.id) as [number];
    const id = ids[1] as number;
    const current = { LLM: "llm-e" };
    const quoted = {
      ...hostileLabels(id),
      tone: "skeptical" as const,
      evidence: "I doubt this will ever work",
    };
    await storeRefinements(sql, "LLM", "llm-e", [quoted], current);
    const evidenceOf = async () =>
      (await getThreadPage(postId, {})).comments.find((c) => c.id === id)?.labelEvidence;
    expect(await evidenceOf()).toBe("I doubt this will ever work");
    await showBestLabels(sql, [id], {});
    expect(await evidenceOf()).toBeNull();
  });

  test("a publication's refitted heads count only while that model is its active one", async () => {
    const id = ids[3] as number;
    const model = await db.publicationModel.create({
      data: { publicationId, baseVersion: "test", heads: {}, corrections: 12, metrics: {}, active: false },
    });
    const version = publicationModelVersion(model.id);
    await storeRefinements(sql, "PUBLICATION", version, [hostileLabels(id)], {});
    expect((await shown(id)).labelSource).toBe("FAST");
    await db.publicationModel.update({ where: { id: model.id }, data: { active: true } });
    await showBestLabels(sql, [id], {});
    expect(await shown(id)).toMatchObject({
      labelSource: "PUBLICATION",
      labelVersion: version,
      tone: "hostile",
    });
  });
});

describe("the sentence-encoder refiner", () => {
  test("refines every scored comment once per version and shows its labels", async () => {
    const first = await refineWithEncoder(sql);
    expect(first).toMatchObject({ refined: BODIES.length, version: ENCODER_VERSION });
    const rows = await db.commentRefinement.findMany({ where: { refiner: "ENCODER" } });
    expect(rows.map((r) => r.commentId).sort((a, b) => a - b)).toEqual(ids);
    expect(rows.every((r) => r.version === ENCODER_VERSION)).toBe(true);
    const scores = await db.commentScore.findMany();
    expect(scores.every((s) => s.labelSource === "ENCODER" && s.labelVersion === ENCODER_VERSION)).toBe(true);
    // The probabilities a refiner stores are a distribution.
    for (const r of rows) {
      const sum = Object.values(r.toneScores as Record<string, number>).reduce((s, v) => s + v, 0);
      expect(sum).toBeCloseTo(1, 1);
    }
    expect(await refineWithEncoder(sql)).toMatchObject({ refined: 0 });
  });

  test("a limit bounds one run, and the next run carries on where it stopped", async () => {
    expect((await refineWithEncoder(sql, { limit: 3 })).refined).toBe(3);
    expect((await refineWithEncoder(sql)).refined).toBe(BODIES.length - 3);
  });
});

describe("confidence on the post page", () => {
  test("the thread says which scorer labelled each comment and how sure it was; the filter splits by it", async () => {
    const [postId] = (await sql<{ id: number }[]>`SELECT id FROM post`).map((r) => r.id) as [number];
    const sure = ids[0] as number;
    const unsure = ids[1] as number;
    const current = { ENCODER: "enc-conf" };
    await storeRefinements(sql, "ENCODER", "enc-conf", [hostileLabels(sure)], current);
    await storeRefinements(
      sql,
      "ENCODER",
      "enc-conf",
      [
        {
          ...hostileLabels(unsure),
          tone: "skeptical",
          toneScores: {
            analytical: 0.3,
            skeptical: 0.35,
            dismissive: 0.2,
            supportive: 0,
            hostile: 0.15,
            neutral: 0,
          },
        },
      ],
      current,
    );
    const page = await getThreadPage(postId, {});
    const byId = new Map(page.comments.map((c) => [c.id, c]));
    expect(byId.get(sure)).toMatchObject({ labelSource: "ENCODER", confidence: { tone: 0.9, flag: 0.95 } });
    expect(byId.get(unsure)?.confidence?.tone).toBeCloseTo(0.35);

    const uncertain = await getThreadPage(postId, { confidence: "uncertain" });
    expect(uncertain.comments.map((c) => c.id)).toContain(unsure);
    expect(uncertain.comments.map((c) => c.id)).not.toContain(sure);
    const confident = await getToneDistribution(postId, { confidence: "confident" });
    const all = await getToneDistribution(postId, {});
    expect(confident.total).toBe(all.total - uncertain.total);

    // A person's correction is sure whatever the scorer's probability.
    await db.comment.update({ where: { id: unsure }, data: { correctedTone: "analytical" } });
    expect((await getThreadPage(postId, { confidence: "confident" })).comments.map((c) => c.id)).toContain(
      unsure,
    );
  });
});
