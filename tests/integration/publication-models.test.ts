import { beforeEach, describe, expect, test } from "vitest";
import { POST as correct } from "@/app/api/comments/[commentId]/correction/route";
import { POST as activate } from "@/app/api/publications/[publicationId]/models/[modelId]/activate/route";
import { POST as deactivate } from "@/app/api/publications/[publicationId]/models/deactivate/route";
import { POST as refit } from "@/app/api/publications/[publicationId]/models/refit/route";
import { GET as list } from "@/app/api/publications/[publicationId]/models/route";
import type { NormalizedComment } from "@/lib/ingest/types";
import type { PublicationLearning, RefitAnswer, SwitchAnswer } from "@/lib/schemas/publication-models";
import { MIN_CORRECTIONS } from "@/lib/scoring/corrections";
import { splitHeldOut } from "@/lib/scoring/held-out-agreement";
import { SCORER_VERSION, scoreComment } from "@/lib/scoring/shipped-model";
import { upsertComments, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import {
  labelNewCommentsWithPublicationModels,
  publicationsWithStaleModels,
  refitIfDue,
} from "@/lib/server/scoring/publication-model";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import {
  IN_JOKE_COMMENTS,
  IN_JOKE_LABELS,
  ORDINARY_COMMENTS,
  POST_TITLE,
} from "../fixtures/publication-corrections";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

const { db, sql } = useTestDatabase();

/** In-joke comments nobody corrects: the refitted heads must label them too. */
const UNCORRECTED = [
  "Brindlewick as far as the eye can see on the tariff schedule.",
  "The usual brindlewick about the shipping lanes opening by summer.",
];

let author: TestSession;
let moderator: TestSession;
let viewer: TestSession;
let publicationId = 0;
/** Comment ids by text. */
let idOf: Map<string, number>;

function comment(n: number, body: string): NormalizedComment {
  return {
    externalId: `c${n}`,
    postExternalId: "p1",
    parentExternalId: null,
    ancestorExternalIds: [],
    ancestryComplete: true,
    author: { externalId: `u${n % 7}`, name: `Reader ${n % 7}` },
    body,
    postedAt: new Date(Date.UTC(2026, 5, 1, 10, n)),
    editedAt: null,
    deleted: false,
    upstreamStatus: null,
    automodHidden: false,
    reactions: {},
    reactionCount: 0,
  };
}

beforeEach(async () => {
  await resetDatabase(sql);
  // Refits queued by earlier tests (the queue lives beside the app's tables).
  const [queue] = await sql<{ exists: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`;
  if (queue?.exists) await sql`DELETE FROM pgboss.job WHERE name = 'refit-publication-model'`;
  author = await signedIn("AUTHOR");
  moderator = await signedIn("MODERATOR");
  viewer = await signedIn("VIEWER");
  publicationId = await upsertPublication(sql, {
    platform: "file",
    name: "Trade Notes",
    baseUrl: "file://trade",
  });
  const posts = await upsertPosts(sql, publicationId, [
    { externalId: "p1", slug: null, title: POST_TITLE, url: null, publishedAt: null },
  ]);
  const bodies = [...IN_JOKE_COMMENTS, ...ORDINARY_COMMENTS, ...UNCORRECTED];
  await upsertComments(
    sql,
    publicationId,
    posts,
    bodies.map((b, i) => comment(i, b)),
  );
  await scoreComments(sql);
  const rows = await sql<{ id: number; body: string }[]>`SELECT id, body FROM comment ORDER BY id`;
  idOf = new Map(rows.map((r) => [r.body, r.id]));
});

const id = (text: string) => idOf.get(text) as number;
const context = { postTitle: POST_TITLE, isReply: false };

async function post(
  path: string,
  session: TestSession | null,
  params: Record<string, string>,
  body?: unknown,
) {
  const handler = path.endsWith("/refit")
    ? refit
    : path.endsWith("/deactivate")
      ? deactivate
      : path.endsWith("/activate")
        ? activate
        : correct;
  return handler(apiRequest(path, { method: "POST", session, body: body ?? {} }), routeContext(params));
}

async function correctAs(session: TestSession, text: string, labels: { tone?: string; stance?: string }) {
  const commentId = String(id(text));
  const response = await post(`/api/comments/${commentId}/correction`, session, { commentId }, labels);
  expect(response.status, text).toBe(200);
}

const pub = () => ({ publicationId: String(publicationId) });
const modelsPath = () => `/api/publications/${publicationId}/models`;

async function refitAs(session: TestSession) {
  return post(`${modelsPath()}/refit`, session, pub());
}

async function learning(session: TestSession = author): Promise<PublicationLearning> {
  const response = await list(apiRequest(modelsPath(), { session }), routeContext(pub()));
  expect(response.status).toBe(200);
  return (await response.json()) as PublicationLearning;
}

async function shown(text: string) {
  return db.commentScore.findUniqueOrThrow({ where: { commentId: id(text) } });
}

/** Every in-joke comment corrected by a moderator; the first `confirmed` ordinary ones confirmed as scored. */
async function correctInJokeAndConfirm(confirmed: number) {
  for (const text of IN_JOKE_COMMENTS) await correctAs(moderator, text, IN_JOKE_LABELS);
  for (const text of ORDINARY_COMMENTS.slice(0, confirmed)) {
    const s = scoreComment(text, context);
    await correctAs(moderator, text, { tone: s.tone, stance: s.stance });
  }
}

describe("learning from corrections", () => {
  test("with too few corrections a refit says how many there are and stores nothing", async () => {
    for (const text of IN_JOKE_COMMENTS.slice(0, MIN_CORRECTIONS - 1))
      await correctAs(moderator, text, IN_JOKE_LABELS);
    const response = await refitAs(author);
    expect(response.status).toBe(200);
    expect((await response.json()) as RefitAnswer).toEqual({
      status: "too_few",
      publicationId,
      corrections: { total: MIN_CORRECTIONS - 1, tone: MIN_CORRECTIONS - 1, stance: MIN_CORRECTIONS - 1 },
      minCorrections: MIN_CORRECTIONS,
    });
    expect(await db.publicationModel.count()).toBe(0);
    expect((await refitIfDue(publicationId)).refitted).toBe(false);
  });

  test("corrections queue one delayed refit per publication, however many there are", async () => {
    for (const text of IN_JOKE_COMMENTS.slice(0, 12)) await correctAs(moderator, text, IN_JOKE_LABELS);
    const jobs = await sql<{ singleton_key: string; state: string; delay: number }[]>`
      SELECT singleton_key, state::text AS state, extract(epoch FROM start_after - created_on)::float8 AS delay
      FROM pgboss.job WHERE name = 'refit-publication-model' AND singleton_key = ${String(publicationId)}`;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ state: "created" });
    expect(jobs[0]?.delay).toBeGreaterThanOrEqual(55);
  });

  test("a consistent in-joke is learned: held-out agreement rises, the model is switched to and labels the comments", async () => {
    const fastBefore = await shown(UNCORRECTED[0] as string);
    expect(fastBefore.labelSource).toBe("FAST");
    expect(fastBefore.tone).not.toBe(IN_JOKE_LABELS.tone);
    await correctInJokeAndConfirm(10);

    const response = await refitAs(author);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as RefitAnswer;
    if (answer.status !== "refitted") throw new Error(`expected a refit, got ${answer.status}`);
    const { model } = answer;
    expect(model).toMatchObject({ active: true, stale: false, baseVersion: SCORER_VERSION, corrections: 30 });
    const m = model.metrics;
    expect(m).toMatchObject({ heldOut: 6, trainedOn: { tone: 30, stance: 30 }, baseline: "shipped" });
    expect(m?.tone?.measured).toBe(true);
    expect(m?.tone?.after.accuracy).toBeGreaterThan(m?.tone?.before.accuracy ?? 1);
    expect(m?.stance?.after.accuracy).toBeGreaterThanOrEqual(m?.stance?.before.accuracy ?? 1);
    expect(m?.decision).toMatchObject({ activate: true });
    expect(m?.decision.reason).toMatch(/did not drop: tone \d+% → \d+%/u);
    // Every scored comment of the publication was relabelled.
    expect(answer.relabelled).toBe(IN_JOKE_COMMENTS.length + ORDINARY_COMMENTS.length + UNCORRECTED.length);

    // Comments nobody corrected now show the publication model's labels, the fast ones kept aside.
    for (const text of UNCORRECTED) {
      const s = await shown(text);
      expect(s, text).toMatchObject({
        labelSource: "PUBLICATION",
        labelVersion: `publication-model:${model.id}`,
        tone: IN_JOKE_LABELS.tone,
      });
      expect(s.fastLabels).toMatchObject({ tone: scoreComment(text, context).tone });
    }
    const log = await db.moderationAction.findMany({
      where: { publicationId, action: { in: ["PUBLICATION_MODEL_REFITTED", "PUBLICATION_MODEL_ACTIVATED"] } },
      orderBy: { id: "asc" },
    });
    expect(log.map((l) => [l.action, l.actorId])).toEqual([
      ["PUBLICATION_MODEL_REFITTED", author.userId],
      ["PUBLICATION_MODEL_ACTIVATED", author.userId],
    ]);
    expect(log[1]?.after).toEqual({ activeModelId: model.id });

    const listed = await learning(moderator);
    expect(listed).toMatchObject({
      publicationId,
      name: "Trade Notes",
      corrections: { total: 30, tone: 30, stance: 30 },
      activeModelId: model.id,
      due: { due: false },
    });
    expect(listed.models.map((x) => x.id)).toEqual([model.id]);
    // Nothing new since: the job leaves it.
    expect(await refitIfDue(publicationId)).toMatchObject({ refitted: false });

    // Back to the shipped scorer: the labels fall back, the model stays (reversible).
    const back = await post(`${modelsPath()}/deactivate`, author, pub());
    expect(back.status).toBe(200);
    expect((await back.json()) as SwitchAnswer).toMatchObject({ activeModelId: null, changed: true });
    const fallen = await shown(UNCORRECTED[0] as string);
    expect(fallen).toMatchObject({ labelSource: "FAST", tone: fastBefore.tone, fastLabels: null });
    expect((await learning()).activeModelId).toBeNull();
    expect(await db.moderationAction.count({ where: { action: "PUBLICATION_MODEL_DEACTIVATED" } })).toBe(1);
    const again = await post(`${modelsPath()}/deactivate`, author, pub());
    expect((await again.json()) as SwitchAnswer).toMatchObject({ changed: false });

    const on = await post(`${modelsPath()}/${model.id}/activate`, author, {
      ...pub(),
      modelId: String(model.id),
    });
    expect(on.status).toBe(200);
    expect((await shown(UNCORRECTED[0] as string)).labelSource).toBe("PUBLICATION");
  });

  test("a refit that agrees less with the held-out corrections is kept aside, with the reason", async () => {
    // The held-out in-joke comments are confirmed as the shipped scorer reads them, the rest corrected:
    // a refit on the rest must disagree with the held-out ones more than the shipped scorer does.
    const corrected = [...IN_JOKE_COMMENTS].map((text) => ({ id: id(text), text }));
    const { heldOut } = splitHeldOut(corrected);
    const held = new Set(heldOut.map((c) => c.text));
    for (const { text } of corrected) {
      const s = scoreComment(text, context);
      await correctAs(moderator, text, held.has(text) ? { tone: s.tone, stance: s.stance } : IN_JOKE_LABELS);
    }
    const answer = (await (await refitAs(author)).json()) as RefitAnswer;
    if (answer.status !== "refitted") throw new Error(`expected a refit, got ${answer.status}`);
    expect(answer.model.active).toBe(false);
    expect(answer.model.metrics?.decision).toMatchObject({ activate: false });
    expect(answer.model.metrics?.decision.reason).toMatch(/dropped: tone/u);
    expect(answer.relabelled).toBe(0);
    expect((await shown(UNCORRECTED[0] as string)).labelSource).toBe("FAST");
    expect(await db.moderationAction.count({ where: { action: "PUBLICATION_MODEL_ACTIVATED" } })).toBe(0);
  });

  test("a model of an older shipped scorer is stale: it cannot be switched to, and the job refits it", async () => {
    await correctInJokeAndConfirm(10);
    const first = (await (await refitAs(author)).json()) as RefitAnswer;
    if (first.status !== "refitted") throw new Error("expected a refit");
    await db.publicationModel.update({ where: { id: first.model.id }, data: { baseVersion: "1.2.0+old" } });
    await post(`${modelsPath()}/deactivate`, author, pub());
    expect(await publicationsWithStaleModels(sql)).toEqual([publicationId]);
    expect((await learning()).models[0]).toMatchObject({ id: first.model.id, stale: true });

    const refused = await post(`${modelsPath()}/${first.model.id}/activate`, author, {
      ...pub(),
      modelId: String(first.model.id),
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("stale_model");

    const job = await refitIfDue(publicationId);
    expect(job).toMatchObject({ refitted: true, reason: expect.stringMatching(/1\.2\.0\+old/u) });
    const after = await learning();
    expect(after.models).toHaveLength(2);
    expect(after.models[0]).toMatchObject({ stale: false, baseVersion: SCORER_VERSION, active: true });
    expect(await publicationsWithStaleModels(sql)).toEqual([]);
    // The job refitted on its own: the log says the system did it.
    const refits = await db.moderationAction.findMany({
      where: { action: "PUBLICATION_MODEL_REFITTED" },
      orderBy: { id: "asc" },
    });
    expect(refits.map((r) => r.actorId)).toEqual([author.userId, null]);
  });

  test("new comments are labelled by the active model in the background", async () => {
    await correctInJokeAndConfirm(10);
    const answer = (await (await refitAs(author)).json()) as RefitAnswer;
    if (answer.status !== "refitted" || !answer.model.active) throw new Error("expected an active model");
    const posts = new Map([["p1", (await db.post.findFirstOrThrow({ where: { publicationId } })).id]]);
    const text = "Brindlewick with a side of optimism on the freight numbers.";
    await upsertComments(sql, publicationId, posts, [comment(99, text)]);
    await scoreComments(sql);
    idOf.set(text, (await db.comment.findFirstOrThrow({ where: { externalId: "c99" } })).id);
    expect((await shown(text)).labelSource).toBe("FAST");
    expect(await labelNewCommentsWithPublicationModels(sql, 1000)).toBe(1);
    expect(await shown(text)).toMatchObject({ labelSource: "PUBLICATION", tone: IN_JOKE_LABELS.tone });
    expect(await labelNewCommentsWithPublicationModels(sql, 1000)).toBe(0);
  });

  test("who may do what, and bad ids", async () => {
    await correctInJokeAndConfirm(10);
    expect((await list(apiRequest(modelsPath(), { session: viewer }), routeContext(pub()))).status).toBe(403);
    expect((await learning(moderator)).corrections.total).toBe(30);
    expect((await refitAs(moderator)).status).toBe(403);
    expect((await post(`${modelsPath()}/deactivate`, moderator, pub())).status).toBe(403);
    expect((await post(`${modelsPath()}/1/activate`, moderator, { ...pub(), modelId: "1" })).status).toBe(
      403,
    );

    const answer = (await (await refitAs(author)).json()) as RefitAnswer;
    if (answer.status !== "refitted") throw new Error("expected a refit");
    const other = await upsertPublication(sql, { platform: "file", name: "Other", baseUrl: "file://other" });
    const elsewhere = await post(`/api/publications/${other}/models/${answer.model.id}/activate`, author, {
      publicationId: String(other),
      modelId: String(answer.model.id),
    });
    expect(elsewhere.status).toBe(404);
    expect((await refitAs(author)).status).toBe(200);
    const bad = await post(`${modelsPath()}/refit`, author, pub(), { force: true });
    expect(bad.status).toBe(400);
    const limit = await list(
      apiRequest(`${modelsPath()}?limit=1000`, { session: author }),
      routeContext(pub()),
    );
    expect(limit.status).toBe(400);
    expect(
      (await post("/api/publications/999999/models/refit", author, { publicationId: "999999" })).status,
    ).toBe(404);
  });
});
