import type { Sql } from "@/lib/db/sql";
import type { NormalizedComment } from "@/lib/ingest/types";
import { linkReplies, upsertComments, upsertPosts, upsertPublication } from "@/lib/server/ingest/store";

/**
 * A small thread whose figures are computed by hand in the dashboard tests. Post "p1" (published
 * 2026-01-01T00:00Z) has eight comments; "p2" (published 2025-12-31) has two. Scores are written directly,
 * so every tone, stance and sentiment below is known:
 *
 *   key  parent  posted (h after p1)  author  tone        stance    comparative  notes
 *   a1   -        0.5                 Ann     analytical  disagree   0.1         3 reactions; tone scores an .6 sk .2; cue "Strong"
 *   a2   a1       1.5                 Ben     skeptical   disagree  -0.3         1 reaction; an .1 sk .7
 *   a3   a2       2.2                 Ann     hostile     disagree  -0.8         hostility .9, scorer flag; body with <script>, quotes, comma
 *   a4   -        3.0                 Cat     supportive  agree      0.5         open OFF_TOPIC flag
 *   a5   -        3.5                 (deleted, no body, unscored)
 *   a6   a5       5.0                 Ben     dismissive  neutral   -0.2         dismissive .8
 *   a7   -       26.0                 Dan     analytical  agree      0.0         analytical .9
 *   a8   a1      30.0                 Eve     neutral     neutral    0.0         body starts with "-" (formula guard)
 *   b1   (p2) 2025-12-31T10:00Z       Ann     skeptical   disagree  -0.1
 *   b2   (p2) 2025-12-31T11:00Z       Fay     neutral     neutral    0.2
 *
 * p1 also has an open HEATED_THREAD flag on the post itself.
 */
export interface DashboardFixture {
  publicationId: number;
  p1: number;
  p2: number;
  ids: Record<string, number>;
}

const P1_AT = Date.parse("2026-01-01T00:00:00Z");
const hoursAfterP1 = (h: number) => new Date(P1_AT + h * 3_600_000);

interface Spec {
  key: string;
  post: "p1" | "p2";
  parent: string | null;
  at: Date;
  author: string | null;
  body: string | null;
  reactions?: number;
  score?: {
    tone: string;
    stance: string;
    comparative: number;
    toneScores?: Record<string, number>;
    hostility?: number;
    flag?: boolean;
    cues?: { start: number; end: number; text: string; signal: string }[];
  };
}

export const A3_BODY = 'He said "no", and <script>alert(1)</script> <img src=x onerror=alert(1)>';

const SPECS: Spec[] = [
  {
    key: "a1",
    post: "p1",
    parent: null,
    at: hoursAfterP1(0.5),
    author: "Ann",
    body: "Strong analysis, but the numbers are off.",
    reactions: 3,
    score: {
      tone: "analytical",
      stance: "disagree",
      comparative: 0.1,
      toneScores: { analytical: 0.6, skeptical: 0.2 },
      cues: [{ start: 0, end: 6, text: "Strong", signal: "praise" }],
    },
  },
  {
    key: "a2",
    post: "p1",
    parent: "a1",
    at: hoursAfterP1(1.5),
    author: "Ben",
    body: "I doubt the source holds up.",
    reactions: 1,
    score: {
      tone: "skeptical",
      stance: "disagree",
      comparative: -0.3,
      toneScores: { analytical: 0.1, skeptical: 0.7 },
    },
  },
  {
    key: "a3",
    post: "p1",
    parent: "a2",
    at: hoursAfterP1(2.2),
    author: "Ann",
    body: A3_BODY,
    score: { tone: "hostile", stance: "disagree", comparative: -0.8, hostility: 0.9, flag: true },
  },
  {
    key: "a4",
    post: "p1",
    parent: null,
    at: hoursAfterP1(3),
    author: "Cat",
    body: "Lovely piece.",
    score: { tone: "supportive", stance: "agree", comparative: 0.5 },
  },
  { key: "a5", post: "p1", parent: null, at: hoursAfterP1(3.5), author: null, body: null },
  {
    key: "a6",
    post: "p1",
    parent: "a5",
    at: hoursAfterP1(5),
    author: "Ben",
    body: "Whatever, nobody cares.",
    score: { tone: "dismissive", stance: "neutral", comparative: -0.2, toneScores: { dismissive: 0.8 } },
  },
  {
    key: "a7",
    post: "p1",
    parent: null,
    at: hoursAfterP1(26),
    author: "Dan",
    body: "The 1923 figures match the archive.",
    score: { tone: "analytical", stance: "agree", comparative: 0, toneScores: { analytical: 0.9 } },
  },
  {
    key: "a8",
    post: "p1",
    parent: "a1",
    at: hoursAfterP1(30),
    author: "Eve",
    body: "-1 is the answer, =SUM(A1)",
    score: { tone: "neutral", stance: "neutral", comparative: 0 },
  },
  {
    key: "b1",
    post: "p2",
    parent: null,
    at: new Date("2025-12-31T10:00:00Z"),
    author: "Ann",
    body: "Not convinced.",
    score: { tone: "skeptical", stance: "disagree", comparative: -0.1 },
  },
  {
    key: "b2",
    post: "p2",
    parent: null,
    at: new Date("2025-12-31T11:00:00Z"),
    author: "Fay",
    body: "Noted.",
    score: { tone: "neutral", stance: "neutral", comparative: 0.2 },
  },
];

export async function buildDashboardFixture(sql: Sql): Promise<DashboardFixture> {
  const publicationId = await upsertPublication(sql, {
    platform: "file",
    name: "Fixture Weekly",
    baseUrl: "file:fixture-weekly",
  });
  const postIds = await upsertPosts(sql, publicationId, [
    {
      externalId: "p1",
      slug: "first-post",
      title: "First post",
      url: "https://fixture.example/p/first-post",
      publishedAt: new Date(P1_AT),
    },
    {
      externalId: "p2",
      slug: "older-post",
      title: "Older post",
      url: null,
      publishedAt: new Date("2025-12-31T00:00:00Z"),
    },
  ]);
  const comments: NormalizedComment[] = SPECS.map((s) => ({
    externalId: s.key,
    postExternalId: s.post,
    parentExternalId: s.parent,
    ancestorExternalIds: s.parent ? [s.parent] : [],
    ancestryComplete: false,
    author: { externalId: s.author ? `u-${s.author}` : null, name: s.author ?? "" },
    body: s.body,
    postedAt: s.at,
    editedAt: null,
    deleted: s.body === null,
    upstreamStatus: null,
    automodHidden: false,
    reactions: {},
    reactionCount: s.reactions ?? 0,
  }));
  await upsertComments(sql, publicationId, postIds, comments);
  await linkReplies(sql, [...postIds.values()]);
  const rows = await sql<{ id: number; external_id: string }[]>`SELECT id, external_id FROM comment`;
  const ids = Object.fromEntries(rows.map((r) => [r.external_id, r.id])) as Record<string, number>;
  for (const s of SPECS) {
    if (!s.score) continue;
    const sc = s.score;
    const label = sc.comparative > 0 ? "positive" : sc.comparative < 0 ? "negative" : "neutral";
    await sql`
      INSERT INTO comment_score (comment_id, tone, tone_scores, stance, stance_confidence,
        sentiment_score, sentiment_comparative, sentiment_label, hostility, flag, flag_reasons, cues)
      VALUES (${ids[s.key]!}, ${sc.tone}::"Tone", ${sql.json(sc.toneScores ?? {})}, ${sc.stance}::"Stance", 0.8,
        ${sc.comparative * 5}, ${sc.comparative}, ${label}::"SentimentLabel", ${sc.hostility ?? 0}, ${sc.flag ?? false},
        ${sc.flag ? ["threat"] : []}, ${sql.json(sc.cues ?? [])})`;
    await sql`INSERT INTO comment_score_version (comment_id, scorer_version) VALUES (${ids[s.key]!}, 'fixture-1')`;
  }
  const p1 = postIds.get("p1")!;
  await sql`INSERT INTO flag (comment_id, comment_reason, status) VALUES (${ids.a4!}, 'OFF_TOPIC', 'OPEN')`;
  await sql`INSERT INTO flag (post_id, post_reason, status) VALUES (${p1}, 'HEATED_THREAD', 'OPEN')`;
  return { publicationId, p1, p2: postIds.get("p2")!, ids };
}
