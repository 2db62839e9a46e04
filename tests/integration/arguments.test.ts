import { beforeAll, describe, expect, test } from "vitest";
import { GET } from "@/app/api/posts/[postId]/arguments/route";
import { ARGUMENTS_VERSION } from "@/lib/insights/arguments/group";
import type { PostArguments } from "@/lib/schemas/arguments";
import { getPostArguments, refreshDueArguments } from "@/lib/server/insights/arguments";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { type BuiltThread, buildThread, type ThreadComment } from "./insights-fixture";

const { db, sql } = useTestDatabase();

const pushback: ThreadComment[] = [
  {
    key: "e1",
    tone: "skeptical",
    stance: "disagree",
    body: "These sanctions mostly raised energy prices for European households.",
  },
  {
    key: "e2",
    tone: "analytical",
    stance: "disagree",
    body: "Energy prices in Germany doubled; the sanctions hurt us more than them.",
  },
  {
    key: "e3",
    tone: "skeptical",
    stance: "neutral",
    body: "Who pays the higher energy prices? Ordinary families in Europe.",
  },
  {
    key: "h1",
    tone: "analytical",
    stance: "disagree",
    body: "The comparison with 1914 is lazy history: the July Crisis had no nuclear deterrence.",
  },
  {
    key: "h2",
    tone: "skeptical",
    stance: "disagree",
    body: "Your 1914 analogy ignores nuclear deterrence entirely.",
  },
  {
    key: "h3",
    tone: "dismissive",
    stance: "disagree",
    body: "Stop reaching for 1914. Nuclear deterrence changes everything.",
  },
  {
    key: "x1",
    tone: "skeptical",
    stance: "disagree",
    body: "The chart of tanker insurance rates has its axis mislabelled.",
  },
];
const landed: ThreadComment[] = [
  {
    key: "m1",
    tone: "supportive",
    stance: "agree",
    body: "Thanks for the maps, they made the front lines clear.",
  },
  { key: "m2", tone: "supportive", stance: "agree", body: "The maps were the best part, thank you." },
  { key: "n1", tone: "neutral", stance: "neutral", body: "When is the next post out?" },
];

let t: BuiltThread;
let author: TestSession;

beforeAll(async () => {
  await resetDatabase(sql);
  author = await signedIn("VIEWER");
  t = await buildThread(db, {
    posts: [
      { key: "p", title: "Sanctions after the winter" },
      { key: "empty", title: "A quiet post" },
    ],
    comments: [...pushback, ...landed, { key: "q1", post: "empty", body: "First!", tone: "neutral" }],
  });
});

const keyOf = (id: number) => Object.entries(t.comments).find(([, v]) => v === id)?.[0];

describe("argument groups", () => {
  test("scoring stamps the posts; the job groups each side and stores it with a version", async () => {
    const due = await sql<{ post_id: number }[]>`SELECT post_id FROM post_insight_state ORDER BY post_id`;
    expect(due.map((d) => d.post_id)).toEqual([t.posts.p, t.posts.empty]);
    expect((await refreshDueArguments(sql)).sort()).toEqual([t.posts.p, t.posts.empty].sort());

    const result = await getPostArguments(t.posts.p!);
    expect(result.pushback.status).toBe("ready");
    expect(result.pushback.version).toBe(ARGUMENTS_VERSION);
    expect(result.pushback.commentCount).toBe(7);
    expect(result.pushback.groups.map((g) => g.commentIds.map(keyOf))).toEqual([
      ["e1", "e2", "e3"],
      ["h1", "h2", "h3"],
    ]);
    expect(result.pushback.unclustered).toBe(1);
    const energy = result.pushback.groups[0]!;
    expect(energy.label).toContain("energy prices");
    expect(energy.quotes).toHaveLength(2);
    expect(energy.quotes[0]!.segments.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain(
      "energy prices",
    );
    expect(energy.quotes[0]!.href).toMatch(new RegExp(`^/posts/${t.posts.p}\\?comment=\\d+#comment-\\d+$`));
    expect(result.pushback.groups[1]!.toneCounts).toEqual({ analytical: 1, skeptical: 1, dismissive: 1 });
    expect([result.pushback.groups[1]!.substantive, result.pushback.groups[1]!.dismissive]).toEqual([2, 1]);
    // Two supportive comments are too few to group: said, not invented.
    expect(result.landed).toMatchObject({ status: "too_few", commentCount: 2, groups: [] });
  });

  test("nothing changed: nothing due and the stored groups stay; a correction makes the post due again", async () => {
    expect(await refreshDueArguments(sql)).toEqual([]);
    const before = await getPostArguments(t.posts.p!);
    await db.comment.update({
      where: { id: t.comments.x1! },
      data: { correctedTone: "neutral", correctedStance: "neutral" },
    });
    expect(await refreshDueArguments(sql)).toEqual([t.posts.p]);
    const after = await getPostArguments(t.posts.p!);
    expect(after.pushback.commentCount).toBe(6);
    expect(after.pushback.unclustered).toBe(0);
    expect(after.pushback.groups.map((g) => g.commentIds)).toEqual(
      before.pushback.groups.map((g) => g.commentIds),
    );
  });

  test("past its time budget a run stops after the post it is on; the rest stay due", async () => {
    await sql`UPDATE post_insight_state SET changed_at = now()`;
    const first = await refreshDueArguments(sql, { until: 0 });
    expect(first).toHaveLength(1);
    const rest = await refreshDueArguments(sql, { until: 0 });
    expect(rest).toHaveLength(1);
    expect([...first, ...rest].sort()).toEqual([t.posts.p, t.posts.empty].sort());
    expect(await refreshDueArguments(sql)).toEqual([]);
  });

  test("groups an older version made make their post due again", async () => {
    expect(await refreshDueArguments(sql)).toEqual([]);
    await sql`UPDATE post_insight_state SET arguments_version = 'arguments-0' WHERE post_id = ${t.posts.p!}`;
    expect(await refreshDueArguments(sql)).toEqual([t.posts.p]);
    expect(await refreshDueArguments(sql)).toEqual([]);
  });

  test("GET /api/posts/[postId]/arguments answers both sides; an unknown post 404", async () => {
    const ok = await GET(
      apiRequest(`/api/posts/${t.posts.p}/arguments`, { session: author }),
      routeContext({ postId: String(t.posts.p) }),
    );
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as PostArguments;
    expect(body.pushback.groups).toHaveLength(2);
    expect(body.landed.status).toBe("too_few");
    const missing = await GET(
      apiRequest("/api/posts/999999/arguments", { session: author }),
      routeContext({ postId: "999999" }),
    );
    expect(missing.status).toBe(404);
  });
});
