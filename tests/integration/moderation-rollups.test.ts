import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { POST as approvePOST } from "@/app/api/comments/[commentId]/approve/route";
import { POST as rejectPOST } from "@/app/api/comments/[commentId]/reject/route";
import { POST as bulkPOST } from "@/app/api/moderation/bulk/route";
import { POST as undoPOST } from "@/app/api/moderation/undo/route";
import { DEFAULT_MODERATION_SETTINGS } from "@/lib/moderation/settings";
import {
  type CommentActionResult,
  QUEUE_TABS,
  type QueueTab,
  queueQuerySchema,
} from "@/lib/schemas/moderation-queue";
import { getHeadline } from "@/lib/server/analytics/headline-figures";
import { importFile } from "@/lib/server/ingest/file-import";
import { upsertPosts, upsertPublication } from "@/lib/server/ingest/store";
import { setCommenterStatus } from "@/lib/server/moderation/commenter-actions";
import { listQueue, queueCounts } from "@/lib/server/moderation/queue";
import { runRulesRerun } from "@/lib/server/moderation/rules-rerun";
import { saveModerationSettings } from "@/lib/server/moderation/settings";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

/**
 * The moderation queue ranks a comment by its commenter's rejected comments, read from commenter_rollup, and
 * picks its candidates by queue_rank (both kept by triggers). After imports (automatic rejections by banned words), decisions, bulk decisions,
 * undo, bans that reject everything, rule re-runs, comments moved between commenters, comments, commenters
 * and posts deleted, in a seeded random order, both must equal what is computed from scratch.
 */
const { sql } = useTestDatabase();
let dir: string;
let moderator: TestSession;

const HEADER = "post_id,post_title,post_date,comment_id,parent_id,author,date,body,author_id,deleted";
const AUTHORS = ["Mira Okafor", "Tomas Lind", "Ines Baro", "Ravi Menon", "Jo Weller", "Ada Kerr"];
const BODIES = [
  "Rail capacity is the constraint, because the ports are full.",
  "I doubt that the tonnage figures hold up.",
  "Thanks for this piece, it was clear.",
  "What a clown show, the whole widgets business.",
  "The insurers priced the risk months ago.",
  "Widgets again? Nobody believes that.",
];

/** A deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function csvRows(from: number, to: number, post: string): string[] {
  const rows: string[] = [];
  for (let i = from; i < to; i++) {
    const author = i % AUTHORS.length;
    rows.push(
      `${post},Post ${post},2026-03-01T08:00:00Z,c${i},,${AUTHORS[author]},2026-03-0${1 + (i % 9)}T10:00:00Z,"${BODIES[i % BODIES.length]} (${i})",u${author},false`,
    );
  }
  return rows;
}

async function importCsv(rows: string[], name: string) {
  const file = path.join(dir, name);
  await writeFile(file, [HEADER, ...rows].join("\n"));
  const result = await importFile(sql, { path: file, publication: "Grain Watch" });
  expect(result.status).toBe("SUCCEEDED");
}

/** The rollup's non-zero rows, and the same counted from the comments now. */
async function keptAndCounted() {
  const kept = await sql<{ commenter_id: number; rejected: number }[]>`
    SELECT commenter_id, rejected FROM commenter_rollup WHERE rejected <> 0 ORDER BY commenter_id`;
  const counted = await sql<{ commenter_id: number; rejected: number }[]>`
    SELECT commenter_id, count(*)::int AS rejected FROM comment
    WHERE status = 'REJECTED' AND commenter_id IS NOT NULL GROUP BY commenter_id ORDER BY commenter_id`;
  return { kept: [...kept], counted: [...counted] };
}

/** Every queue_rank row as the triggers keep it, and as queue_rank_rebuild() computes it (rolled back). */
async function ranksKeptAndRebuilt() {
  const snapshot = (q: typeof sql) =>
    q`SELECT comment_id, publication_id, status::text, held, reported, round(rank::numeric, 9) AS rank
      FROM queue_rank ORDER BY comment_id`;
  const kept = [...(await snapshot(sql))];
  let rebuilt: unknown[] = [];
  await sql
    .begin(async (tx) => {
      await tx`SELECT queue_rank_rebuild()`;
      rebuilt = [...(await snapshot(tx as unknown as typeof sql))];
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  return { kept, rebuilt };
}

async function expectExact(step: string) {
  const { kept, counted } = await keptAndCounted();
  expect(kept, step).toEqual(counted);
  const ranks = await ranksKeptAndRebuilt();
  expect(ranks.kept, step).toEqual(ranks.rebuilt);
}

/** Every page of a tab, as ids. */
async function pagesOf(tab: QueueTab, limit: number, firstCandidates?: number): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listQueue(queueQuerySchema.parse({ tab, limit: String(limit), cursor }), {
      firstCandidates,
    });
    pages.push(page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

const post = (p: string, body: unknown) => apiRequest(p, { method: "POST", session: moderator, body });

async function decide(verb: "approve" | "reject", commentId: number): Promise<CommentActionResult> {
  const handler = verb === "approve" ? approvePOST : rejectPOST;
  const response = await handler(
    post(`/api/comments/${commentId}/${verb}`, verb === "reject" ? { reason: "SPAM" } : {}),
    routeContext({ commentId: String(commentId) }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as CommentActionResult;
}

beforeAll(async () => {
  await resetDatabase(sql);
  dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-commenter-rollup-"));
  moderator = await signedIn("MODERATOR");
});

describe("the queue's rollups follow every write path", () => {
  test("imports, automatic rejections, decisions, undo, bans, re-runs and deletions in random order", async () => {
    await importCsv(csvRows(0, 30, "p1"), "first.csv");
    await expectExact("first import");
    const [publication] = await sql<{ id: number }[]>`SELECT id FROM publication`;
    const publicationId = publication!.id;
    // Banned words reject new comments on import, and undecided old ones on a re-run.
    await saveModerationSettings({ id: moderator.userId }, publicationId, {
      ...DEFAULT_MODERATION_SETTINGS,
      bannedWords: ["widgets"],
    });
    await importCsv(csvRows(30, 60, "p2"), "second.csv");
    const autoRejected = await sql`SELECT 1 FROM comment WHERE status = 'REJECTED'`;
    expect(autoRejected.length).toBeGreaterThan(0);
    await expectExact("an import with automatic rejections");

    const next = random(12);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const decisions: string[] = [];
    let imports = 2;
    const done = new Set<string>();
    for (let step = 0; step < 60; step++) {
      const comments = await sql<{ id: number }[]>`SELECT id FROM comment WHERE body IS NOT NULL ORDER BY id`;
      const commenters = await sql<{ id: number }[]>`SELECT id FROM commenter ORDER BY id`;
      const ids = comments.map((c) => c.id);
      const op = pick([
        "reject",
        "reject",
        "approve",
        "bulk reject",
        "bulk approve",
        "bulk flag",
        "undo",
        "undo",
        "import",
        "ban",
        "rerun",
        "move",
        "delete comment",
        "delete commenter",
      ] as const);
      if (ids.length === 0) break;
      switch (op) {
        case "reject":
        case "approve":
          decisions.push((await decide(op, pick(ids))).decisionId);
          break;
        case "bulk flag": {
          const response = await bulkPOST(
            post("/api/moderation/bulk", {
              action: "flag",
              commentIds: [pick(ids)],
              reason: "OFF_TOPIC",
              note: "a look, please",
            }),
            routeContext(),
          );
          expect(response.status).toBe(200);
          break;
        }
        case "bulk reject":
        case "bulk approve": {
          const chosen = [...new Set([pick(ids), pick(ids), pick(ids)])];
          const response = await bulkPOST(
            post("/api/moderation/bulk", {
              action: op === "bulk reject" ? "reject" : "approve",
              commentIds: chosen,
              ...(op === "bulk reject" ? { reason: "ABUSIVE" } : {}),
            }),
            routeContext(),
          );
          expect(response.status).toBe(200);
          const { results } = (await response.json()) as { results: CommentActionResult[] };
          decisions.push(...results.map((r) => r.decisionId));
          break;
        }
        case "undo": {
          const last = decisions.pop();
          if (!last) continue;
          const response = await undoPOST(
            post("/api/moderation/undo", { decisionIds: [last] }),
            routeContext(),
          );
          // A decision overtaken by a later change to its comment is refused: nothing moves then.
          expect([200, 409]).toContain(response.status);
          break;
        }
        case "import": {
          imports++;
          // New comments (some with the banned word) and edits of old ones.
          const from = 60 + imports * 5;
          await importCsv(
            [...csvRows(from, from + 8, "p3"), ...csvRows(0, 4, "p1").map((r) => r.replace("(", "(edited "))],
            `import-${imports}.csv`,
          );
          break;
        }
        case "ban": {
          const commenterId = pick(commenters).id;
          await setCommenterStatus({ id: moderator.userId }, commenterId, {
            status: "BANNED",
            rejectAll: true,
          });
          break;
        }
        case "rerun":
          await runRulesRerun(publicationId, null);
          break;
        case "move": {
          const [from, to] = [pick(ids), pick(commenters).id];
          await sql`UPDATE comment SET commenter_id = ${to} WHERE id = ${from}`;
          break;
        }
        case "delete comment": {
          // Only a comment no log row points at can go (the log keeps its targets); its replies keep their
          // rows, parent_id set to null by the foreign key: an UPDATE inside the DELETE.
          const [free] = await sql<{ id: number }[]>`
            SELECT id FROM comment c WHERE NOT EXISTS (SELECT 1 FROM moderation_action a WHERE a.comment_id = c.id)
            ORDER BY md5(id::text || ${step}) LIMIT 1`;
          if (!free) continue;
          await sql`DELETE FROM comment WHERE id = ${free.id}`;
          break;
        }
        case "delete commenter": {
          const [free] = await sql<{ id: number }[]>`
            SELECT id FROM commenter m WHERE NOT EXISTS (SELECT 1 FROM moderation_action a WHERE a.commenter_id = m.id)
            ORDER BY md5(id::text || ${step}) LIMIT 1`;
          if (!free) continue;
          await sql`DELETE FROM commenter WHERE id = ${free.id}`;
          break;
        }
      }
      done.add(op);
      await expectExact(`step ${step}: ${op}`);
    }
    // Ranking a few candidates at a time (doubling until certain) pages exactly as ranking the whole tab.
    const counts = await queueCounts();
    for (const tab of QUEUE_TABS) {
      const whole = await pagesOf(tab, 4);
      // The tab counts (from queue_rank and the posts' rollups) are the tabs' sizes.
      expect(counts[tab], tab).toBe(whole.flat().length);
      if (tab !== "approved") expect(whole.flat().length, tab).toBeGreaterThan(0);
      expect(await pagesOf(tab, 4, 1), tab).toEqual(whole);
      expect(await pagesOf(tab, 4, 3), tab).toEqual(whole);
    }
    // The walk exercised the decisions and the undo, not only the cheap paths.
    expect([...done]).toEqual(expect.arrayContaining(["reject", "undo", "import", "ban", "bulk flag"]));
    const { kept } = await keptAndCounted();
    expect(kept.length).toBeGreaterThan(0);
  });

  test("a post deleted with its comments takes their rejections away", async () => {
    const [m] = await sql<{ id: number; publication_id: number }[]>`
      SELECT id, publication_id FROM commenter ORDER BY id LIMIT 1`;
    const [p] = await sql<{ id: number }[]>`
      INSERT INTO post (publication_id, external_id, title, updated_at)
      VALUES (${m!.publication_id}, 'gone', 'Gone', now()) RETURNING id`;
    await sql`
      INSERT INTO comment (publication_id, post_id, external_id, commenter_id, author_name, body, posted_at, status,
                           updated_at)
      SELECT ${m!.publication_id}, ${p!.id}, 'gone-' || g, ${m!.id}, 'x', 'text', now(),
        (CASE WHEN g % 2 = 0 THEN 'REJECTED' ELSE 'NONE' END)::"CommentStatus", now()
      FROM generate_series(1, 6) g`;
    await expectExact("rejected comments inserted");
    await sql`DELETE FROM post WHERE id = ${p!.id}`;
    await expectExact("post deleted");
  });

  test("commenter_rollup_rebuild() recomputes what the triggers keep", async () => {
    const before = await keptAndCounted();
    await sql`UPDATE commenter_rollup SET rejected = rejected + 7`;
    await sql`SELECT commenter_rollup_rebuild()`;
    expect(await keptAndCounted()).toEqual(before);
  });
});

describe("distinct commenters over any range (the headline's commenter bitmaps)", () => {
  /** Every range [from, to) of the list, as the headline counts it and as a count over the comments. */
  async function expectExactRanges(bounds: (string | undefined)[]) {
    for (const from of bounds)
      for (const to of bounds) {
        if (from && to && from > to) continue;
        const headline = await getHeadline({ from, to });
        const [counted] = await sql<{ n: number }[]>`
          SELECT count(DISTINCT commenter_id)::int AS n FROM comment
          WHERE body IS NOT NULL AND commenter_id IS NOT NULL
            AND (${from ?? null}::date IS NULL OR posted_at >= ${from ?? null}::date)
            -- The headline's "to" is the range's last day, included.
            AND (${to ?? null}::date IS NULL OR posted_at < ${to ?? null}::date + 1)`;
        expect(headline.current.commenters, `${from} .. ${to}`).toBe(counted!.n);
      }
  }

  test("whole months, days at either end, open ends; after comments come, go and lose their text", async () => {
    await resetDatabase(sql);
    const publicationId = await upsertPublication(sql, {
      platform: "file",
      name: "Months",
      baseUrl: "file:m",
    });
    const posts = await upsertPosts(sql, publicationId, [
      { externalId: "a", slug: "a", title: "A", url: null, publishedAt: new Date("2026-01-01T00:00:00Z") },
    ]);
    const postId = posts.get("a")!;
    await sql`
      INSERT INTO commenter (publication_id, external_id, name, first_seen_at, updated_at)
      SELECT ${publicationId}, 'u' || g, 'U' || g, '2026-01-01', now() FROM generate_series(1, 40) g`;
    const next = random(7);
    const rows = Array.from({ length: 300 }, (_, i) => ({
      n: i,
      commenter: 1 + Math.floor(next() * next() * 40),
      // Mostly January to April 2026, a few far out.
      day: Math.floor(next() * 120) + (i % 50 === 0 ? 300 : 0),
    }));
    await sql`
      INSERT INTO comment (publication_id, post_id, external_id, commenter_id, author_name, body, posted_at, updated_at)
      SELECT ${publicationId}, ${postId}, 'c' || r.n, (SELECT id FROM commenter WHERE external_id = 'u' || r.commenter),
        'x', 'text', '2026-01-01'::timestamptz + r.day * interval '1 day' + interval '13 hours', now()
      FROM jsonb_to_recordset(${sql.json(rows)}) AS r(n int, commenter int, day int)`;
    const bounds = [
      undefined,
      "2025-12-31",
      "2026-01-01",
      "2026-01-17",
      "2026-02-01",
      "2026-02-28",
      "2026-03-01",
      "2026-04-15",
      "2026-05-01",
      "2027-01-01",
    ];
    await expectExactRanges(bounds);
    // Take some away (a commenter's last comment on a day, or in a month), and some lose their text.
    await sql`DELETE FROM comment WHERE external_id IN (SELECT 'c' || g FROM generate_series(0, 299, 3) g)`;
    await sql`UPDATE comment SET body = NULL WHERE external_id IN (SELECT 'c' || g FROM generate_series(1, 299, 7) g)`;
    await expectExactRanges(bounds);
  });
});
