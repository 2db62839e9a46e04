import { describe, expect, test } from "vitest";
import {
  buildDemoPublication,
  DEMO_ACCOUNTS,
  type DemoComment,
  type DemoTone,
  SPAM_TEXT,
  SPAMMER_EXTERNAL_ID,
} from "@/prisma/seed/demo-data";

const demo = buildDemoPublication();
const byId = new Map(demo.comments.map((c) => [c.externalId, c]));
const postById = new Map(demo.posts.map((p) => [p.externalId, p]));
const DAY_MS = 86_400_000;

function depthOf(comment: DemoComment): number {
  let depth = 0;
  let current = comment;
  while (current.parentExternalId) {
    const parent = byId.get(current.parentExternalId);
    if (!parent) throw new Error(`missing parent ${current.parentExternalId}`);
    current = parent;
    depth++;
  }
  return depth;
}

function commentsOf(postExternalId: string): DemoComment[] {
  return demo.comments.filter((c) => c.postExternalId === postExternalId);
}

describe("buildDemoPublication", () => {
  test("is deterministic", () => {
    expect(buildDemoPublication()).toEqual(demo);
  });

  test("one Substack publication with 9–11 posts inside the date range", () => {
    expect(demo.publication.platform).toBe("SUBSTACK");
    expect(demo.publication.baseUrl).toMatch(/^https:\/\/[a-z]+\.substack\.com$/);
    expect(demo.posts.length).toBeGreaterThanOrEqual(9);
    expect(demo.posts.length).toBeLessThanOrEqual(11);
    for (const post of demo.posts) {
      expect(post.publishedAt.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-05-01T00:00:00Z"));
      expect(post.publishedAt.getTime()).toBeLessThan(Date.parse("2026-12-01T00:00:00Z"));
      expect(post.url).toBe(`${demo.publication.baseUrl}/p/${post.slug}`);
      expect(post.title.length).toBeGreaterThan(0);
      expect(post.subtitle.length).toBeGreaterThan(0);
      expect(post.bodyHtml).toMatch(/^<p>/);
      expect(post.bodyHtml.replaceAll(/<\/?p>/g, "")).not.toMatch(/[<>]/);
    }
    expect(demo.posts.some((p) => p.audience === "only_paid")).toBe(true);
  });

  test("every post has 30–150 comments, and the counts vary", () => {
    const counts = demo.posts.map((p) => commentsOf(p.externalId).length);
    for (const n of counts) {
      expect(n).toBeGreaterThanOrEqual(30);
      expect(n).toBeLessThanOrEqual(150);
    }
    expect(new Set(counts).size).toBe(counts.length);
  });

  test("ids are unique and every reference resolves", () => {
    const ids = (items: Array<{ externalId: string }>) => new Set(items.map((i) => i.externalId)).size;
    expect(ids(demo.posts)).toBe(demo.posts.length);
    expect(ids(demo.commenters)).toBe(demo.commenters.length);
    expect(ids(demo.comments)).toBe(demo.comments.length);
    const commenterIds = new Set(demo.commenters.map((c) => c.externalId));
    for (const c of demo.comments) {
      expect(postById.has(c.postExternalId)).toBe(true);
      expect(commenterIds.has(c.commenterExternalId)).toBe(true);
    }
  });

  test("every parent is an earlier comment of the same post", () => {
    for (const c of demo.comments) {
      if (c.parentExternalId === null) continue;
      const parent = byId.get(c.parentExternalId);
      expect(parent, c.externalId).toBeDefined();
      expect(parent?.postExternalId).toBe(c.postExternalId);
      expect(parent!.postedAt.getTime()).toBeLessThan(c.postedAt.getTime());
    }
  });

  test("about a third are replies, and threads go at least 4 levels deep", () => {
    const replies = demo.comments.filter((c) => c.parentExternalId !== null).length / demo.comments.length;
    expect(replies).toBeGreaterThan(0.25);
    expect(replies).toBeLessThan(0.45);
    expect(Math.max(...demo.comments.map(depthOf))).toBeGreaterThanOrEqual(4);
  });

  test("comments fall after publication, mostly in the first 48 hours", () => {
    let early = 0;
    for (const c of demo.comments) {
      const post = postById.get(c.postExternalId)!;
      const age = c.postedAt.getTime() - post.publishedAt.getTime();
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThanOrEqual(21 * DAY_MS);
      if (age <= 2 * DAY_MS) early++;
      if (c.editedAt) expect(c.editedAt.getTime()).toBeGreaterThan(c.postedAt.getTime());
    }
    expect(early / demo.comments.length).toBeGreaterThan(0.6);
  });

  test("every tone has at least a 5% share, and the mix is roughly the intended one", () => {
    const share = (tone: DemoTone) =>
      demo.comments.filter((c) => c.intendedTone === tone).length / demo.comments.length;
    const tones: DemoTone[] = ["analytical", "skeptical", "dismissive", "supportive", "hostile", "neutral"];
    for (const tone of tones) expect(share(tone), tone).toBeGreaterThanOrEqual(0.05);
    expect(share("analytical")).toBeGreaterThan(share("supportive"));
    expect(share("supportive")).toBeGreaterThan(share("hostile"));
    const agree = demo.comments.filter((c) => c.intendedStance === "agree").length;
    const disagree = demo.comments.filter((c) => c.intendedStance === "disagree").length;
    expect(agree).toBeGreaterThan(disagree);
  });

  test("has deleted comments with live replies, moderator removals, automod hides and edits", () => {
    const deleted = demo.comments.filter((c) => c.deleted);
    for (const c of deleted) expect(c.body).toBeNull();
    const withLiveReplies = deleted.filter((d) =>
      demo.comments.some((r) => r.parentExternalId === d.externalId && !r.deleted && r.body !== null),
    );
    expect(withLiveReplies.length).toBeGreaterThanOrEqual(3);
    const removed = demo.comments.filter((c) => c.upstreamStatus === "moderator_removed");
    expect(removed.length).toBeGreaterThanOrEqual(1);
    for (const c of removed) expect(c.body).toBeNull();
    expect(demo.comments.filter((c) => c.automodHidden).length).toBeGreaterThanOrEqual(2);
    expect(demo.comments.filter((c) => c.editedAt !== null).length).toBeGreaterThanOrEqual(3);
    for (const c of demo.comments) {
      if (!c.deleted && c.upstreamStatus === null) expect(c.body, c.externalId).not.toBeNull();
    }
  });

  test("regulars comment on most posts", () => {
    const postsPerCommenter = new Map<string, Set<string>>();
    for (const c of demo.comments) {
      const set = postsPerCommenter.get(c.commenterExternalId) ?? new Set();
      set.add(c.postExternalId);
      postsPerCommenter.set(c.commenterExternalId, set);
    }
    const regulars = [...postsPerCommenter.values()].filter((s) => s.size >= demo.posts.length * 0.8);
    expect(regulars.length).toBeGreaterThanOrEqual(4);
    expect(demo.commenters.length).toBeGreaterThanOrEqual(20);
    expect(demo.commenters.length).toBeLessThanOrEqual(30);
  });

  test("comment texts do not repeat, except the designated spam", () => {
    const counts = new Map<string, number>();
    for (const c of demo.comments) {
      if (c.body === null || c.commenterExternalId === SPAMMER_EXTERNAL_ID) continue;
      counts.set(c.body, (counts.get(c.body) ?? 0) + 1);
    }
    const repeated = [...counts.entries()].filter(([, n]) => n > 1);
    expect(repeated).toEqual([]);
    const spam = demo.comments.filter((c) => c.commenterExternalId === SPAMMER_EXTERNAL_ID);
    expect(spam.length).toBeGreaterThanOrEqual(3);
    for (const c of spam) expect(c.body).toBe(SPAM_TEXT);
    expect(new Set(spam.map((c) => c.postExternalId)).size).toBeGreaterThanOrEqual(2);
  });

  test("includes pasted markup, emoji, a very long comment and skewed reactions", () => {
    const bodies = demo.comments.map((c) => c.body ?? "");
    expect(bodies.some((b) => b.includes("<script>alert(1)</script>"))).toBe(true);
    expect(bodies.some((b) => b.includes("<img src=x onerror=alert(1)>"))).toBe(true);
    expect(bodies.some((b) => /\p{Extended_Pictographic}/u.test(b))).toBe(true);
    expect(Math.max(...bodies.map((b) => b.split(/\s+/).length))).toBeGreaterThanOrEqual(350);
    expect(bodies.some((b) => /https:\/\/[\w.-]*example\.(org|net)\//.test(b))).toBe(true);

    const counts = demo.comments.map((c) => c.reactionCount);
    expect(counts.filter((n) => n <= 3).length / counts.length).toBeGreaterThan(0.8);
    expect(counts.filter((n) => n >= 20).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...counts)).toBeLessThanOrEqual(60);
    for (const c of demo.comments) {
      expect(Object.values(c.reactions).reduce((a, b) => a + b, 0)).toBe(c.reactionCount);
    }
  });

  test("demo accounts cover the three roles", () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role)).toEqual(["AUTHOR", "MODERATOR", "VIEWER"]);
    expect(DEMO_ACCOUNTS.every((a) => a.email.endsWith("@demo.marginalia.local"))).toBe(true);
  });
});
