import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { POST as correct } from "@/app/api/comments/[commentId]/correction/route";
import { GET as getPosts } from "@/app/api/posts/route";
import type { PostListResponse } from "@/lib/schemas/posts";
import { SCORER_VERSION, scoreComment } from "@/lib/scoring";
import { STANCES, TONES } from "@/lib/scoring/types";
import { importFile } from "@/lib/server/ingest/file-import";
import { scoreContextOf } from "@/lib/server/scoring/comment-text";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

/**
 * The per-post rollups are kept by triggers on every write path (import, edit, deletion upstream, scoring,
 * correction, flags): after each step they must equal what rollup_rebuild() computes from the comments.
 */
const { sql } = useTestDatabase();
let dir: string;
let moderator: TestSession;

const HEADER = "post_id,post_title,post_date,comment_id,parent_id,author,date,body,author_id,deleted";
const ROWS = [
  'p1,"Grain, again",2026-03-01T08:00:00Z,c1,,Mira Okafor,2026-03-02T09:00:00Z,"Rail capacity is the constraint, because ports are full.",u1,false',
  "p1,,,c3,c2,Tomas Lind,2026-03-02T11:00:00Z,I doubt that. We'll see.,u2,false",
  "p1,,,c2,c1,Ines Baro,2026-03-02T10:00:00Z,Thanks for this piece! Wonderful work.,u3,false",
  "p1,,,c4,,Mira Okafor,2026-03-03T10:00:00Z,What a clown show. Idiots.,u1,false",
  "p2,Second post,2026-03-05T08:00:00Z,c5,,Mira Okafor,2026-03-05T09:30:00Z,Interesting data on tonnage.,u1,false",
];

async function importCsv(rows: string[], name: string) {
  const file = path.join(dir, name);
  await writeFile(file, [HEADER, ...rows].join("\n"));
  return importFile(sql, { path: file, publication: "Grain Watch" });
}

const TABLES = [
  "post_rollup",
  "post_day_rollup",
  "post_commenter_rollup",
  "commenter_day_rollup",
  "commenter_day_bitmap",
  "commenter_month_bitmap",
] as const;

/** Every rollup row, as kept by the triggers, and as rebuilt from scratch (in a rolled-back transaction). */
async function keptAndRebuilt(): Promise<{ kept: unknown[]; rebuilt: unknown[] }> {
  const snapshot = async (q: typeof sql) => {
    const out: unknown[] = [];
    for (const table of TABLES)
      out.push(
        ...(await q.unsafe(`SELECT '${table}' AS t, * FROM ${table} ORDER BY 2, 3, 4`))
          .map(rounded)
          .filter((r) =>
            // A row whose counts all went back to zero is the same as no row.
            Object.entries(r).some(
              ([k, v]) =>
                !["t", "post_id", "publication_id", "commenter_id", "day"].includes(k) && isNonZero(v),
            ),
          ),
      );
    return out;
  };
  const kept = await snapshot(sql);
  let rebuilt: unknown[] = [];
  await sql
    .begin(async (tx) => {
      await tx`SELECT rollup_rebuild(NULL)`;
      rebuilt = await snapshot(tx as unknown as typeof sql);
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  return { kept, rebuilt };
}

function isNonZero(v: unknown): boolean {
  if (Array.isArray(v)) return v.some((x) => x !== 0);
  if (v instanceof Date) return false; // first/last dates follow the counts
  return v !== 0 && v !== null;
}

/**
 * Sums kept step by step and sums rebuilt at once differ in the last bits of a float, and a count vector back
 * at zeros is the same as none (null).
 */
function rounded(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === "number"
        ? Math.round(v * 1e9) / 1e9
        : Array.isArray(v) && v.every((x) => x === 0)
          ? null
          : v,
    ]),
  );
}

async function overviewOf(postExternalId: string) {
  const response = await getPosts(apiRequest("/api/posts", { session: moderator }), routeContext());
  const { posts } = (await response.json()) as PostListResponse;
  const [post] = await sql<{ id: number }[]>`SELECT id FROM post WHERE external_id = ${postExternalId}`;
  return posts.find((p) => p.id === post!.id)!;
}

beforeAll(async () => {
  await resetDatabase(sql);
  dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-rollups-"));
  moderator = await signedIn("MODERATOR");
});

describe("rollups follow every write path", () => {
  test("the rollups' label vectors are in the order the app reads them (the enums' order)", async () => {
    const [row] = await sql<{ tones: string[]; stances: string[] }[]>`
      SELECT enum_range(NULL::"Tone")::text[] AS tones, enum_range(NULL::"Stance")::text[] AS stances`;
    expect(row!.tones).toEqual([...TONES]);
    expect(row!.stances).toEqual([...STANCES]);
  });

  test("an import with scoring and the automatic rules", async () => {
    const result = await importCsv(ROWS, "first.csv");
    expect(result.status).toBe("SUCCEEDED");
    const { kept, rebuilt } = await keptAndRebuilt();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(rebuilt);
    const p1 = await overviewOf("p1");
    expect(p1).toMatchObject({ comments: 4, commenters: 3, scored: 4 });
  });

  test("an edit (rescored) and a comment deleted upstream", async () => {
    const edited = ROWS.map((r) =>
      r.includes(",c2,")
        ? r.replace("Thanks for this piece! Wonderful work.", "This is wrong, and dishonest.")
        : r,
    ).map((r) => (r.includes(",c3,") ? r.replace("I doubt that. We'll see.,u2,false", ",u2,true") : r));
    await importCsv(edited, "second.csv");
    const { kept, rebuilt } = await keptAndRebuilt();
    expect(kept).toEqual(rebuilt);
    const p1 = await overviewOf("p1");
    // c3 has no body now: three comments with text, and its author (u2) has none left there.
    expect(p1).toMatchObject({ comments: 3, commenters: 2, scored: 3 });
  });

  test("a correction moves the rollup at once", async () => {
    const [c1] = await sql<{ id: number; tone: string }[]>`
      SELECT c.id, s.tone::text AS tone FROM comment c JOIN comment_score s ON s.comment_id = c.id
      WHERE c.external_id = 'c1'`;
    const target = c1!.tone === "hostile" ? "neutral" : "hostile";
    const before = (await overviewOf("p1")).tones;
    const response = await correct(
      apiRequest(`/api/comments/${c1!.id}/correction`, {
        method: "POST",
        session: moderator,
        body: { tone: target },
      }),
      routeContext({ commentId: String(c1!.id) }),
    );
    expect(response.status).toBe(200);
    const after = (await overviewOf("p1")).tones;
    expect(after[target]).toBe(before[target] + 1);
    expect(after[c1!.tone as keyof typeof after]).toBe(before[c1!.tone as keyof typeof before] - 1);
    const { kept, rebuilt } = await keptAndRebuilt();
    expect(kept).toEqual(rebuilt);
  });

  test("a rescore rewrites only the scores whose output changed; rollups, queue ranks and insight marks move exactly", async () => {
    // Another scorer version wrote every score; it gave c4 other labels and values than today's scorer does.
    await sql`UPDATE comment_score_version SET scorer_version = 'retired-0'`;
    await sql`
      UPDATE comment_score s SET
        tone = CASE WHEN s.tone = 'hostile' THEN 'neutral'::"Tone" ELSE 'hostile'::"Tone" END,
        stance = CASE WHEN s.stance = 'agree' THEN 'disagree'::"Stance" ELSE 'agree'::"Stance" END,
        threat = 0.9, sentiment_comparative = s.sentiment_comparative + 0.5
      FROM comment c WHERE c.id = s.comment_id AND c.external_id = 'c4'`;
    const before = await sql<{ external_id: string; score_digest: string | null; xmin: string }[]>`
      SELECT c.external_id, s.score_digest, s.xmin::text AS xmin FROM comment c
      JOIN comment_score s ON s.comment_id = c.id
      ORDER BY c.external_id`;
    // The hand-written values dropped c4's digest; the others keep theirs.
    expect(before.map((r) => [r.external_id, r.score_digest !== null])).toEqual([
      ["c1", true],
      ["c2", true],
      ["c4", false],
      ["c5", true],
    ]);
    await sql`UPDATE post_insight_state SET changed_at = '2000-01-01'`;

    expect(await scoreComments(sql, { rescore: true })).toMatchObject({ scored: 4 });

    const after = await sql<
      {
        external_id: string;
        body: string;
        is_reply: boolean;
        title: string;
        body_html: string | null;
        scorer_version: string;
        tone: string;
        stance: string;
        threat: number;
        score_digest: string | null;
        xmin: string;
      }[]
    >`
      SELECT c.external_id, c.body, (c.parent_external_id IS NOT NULL) AS is_reply, p.title, p.body_html,
        v.scorer_version, s.tone::text AS tone, s.stance::text AS stance, s.threat, s.score_digest,
        s.xmin::text AS xmin
      FROM comment c JOIN post p ON p.id = c.post_id JOIN comment_score s ON s.comment_id = c.id
      JOIN comment_score_version v ON v.comment_id = c.id
      ORDER BY c.external_id`;
    for (const row of after) {
      const score = scoreComment(row.body, scoreContextOf({ ...row, id: 0 }));
      expect([row.external_id, row.scorer_version, row.tone, row.stance, row.threat]).toEqual([
        row.external_id,
        SCORER_VERSION,
        score.tone,
        score.stance,
        score.signals.threat,
      ]);
    }
    // The unchanged scores were only stamped (same digest); c4's was rewritten and has a digest again.
    expect(after.map((r) => r.score_digest)).toEqual(
      before.map((r) => (r.external_id === "c4" ? expect.any(String) : r.score_digest)),
    );
    // Stamped in comment_score_version alone: the unchanged score rows were not written at all.
    expect(
      after.map((r) => [r.external_id, r.xmin === before.find((b) => b.external_id === r.external_id)?.xmin]),
    ).toEqual([
      ["c1", true],
      ["c2", true],
      ["c4", false],
      ["c5", true],
    ]);

    const { kept, rebuilt } = await keptAndRebuilt();
    expect(kept).toEqual(rebuilt);
    const queueRanks = (q: typeof sql) =>
      q`SELECT comment_id, status, held, reported, round(rank::numeric, 9) AS rank FROM queue_rank ORDER BY 1`;
    const keptRanks = await queueRanks(sql);
    let rebuiltRanks: unknown[] = [];
    await sql
      .begin(async (tx) => {
        await tx`SELECT queue_rank_rebuild()`;
        rebuiltRanks = await queueRanks(tx as unknown as typeof sql);
        throw new Error("rollback");
      })
      .catch((e: Error) => {
        if (e.message !== "rollback") throw e;
      });
    expect(keptRanks).toEqual(rebuiltRanks);
    // Only c4's post is due for its insights again.
    const marked = await sql<{ external_id: string }[]>`
      SELECT p.external_id FROM post_insight_state s JOIN post p ON p.id = s.post_id
      WHERE s.changed_at > '2000-01-01' ORDER BY 1`;
    expect(marked.map((r) => r.external_id)).toEqual(["p1"]);
  });

  test("flags raised and resolved, and a post deleted with its comments", async () => {
    const [c5] = await sql<
      { id: number; post_id: number }[]
    >`SELECT id, post_id FROM comment WHERE external_id = 'c5'`;
    const before = (await overviewOf("p2")).openFlags;
    const [flag] = await sql<{ id: number }[]>`
      INSERT INTO flag (comment_id, comment_reason, note) VALUES (${c5!.id}, 'OTHER', 'check') RETURNING id`;
    expect((await overviewOf("p2")).openFlags).toBe(before + 1);
    await sql`UPDATE flag SET status = 'RESOLVED' WHERE id = ${flag!.id}`;
    expect((await overviewOf("p2")).openFlags).toBe(before);
    let { kept, rebuilt } = await keptAndRebuilt();
    expect(kept).toEqual(rebuilt);
    await sql`DELETE FROM post WHERE id = ${c5!.post_id}`;
    ({ kept, rebuilt } = await keptAndRebuilt());
    expect(kept).toEqual(rebuilt);
  });
});
