import { describe, expect, test } from "vitest";
import {
  normalizeCommentsResponse,
  parseArchivePage,
  parseSinglePost,
  SubstackShapeError,
} from "@/lib/ingest/substack/normalize";
import type { IngestIssue } from "@/lib/ingest/types";
import { buildForeignPolicyFixture, fixtureCounts } from "@/tests/fixtures/substack/foreign-policy";

const fixture = buildForeignPolicyFixture();
const post101 = fixture.comments.get("101")!;

function normalize101() {
  const issues: IngestIssue[] = [];
  const comments = normalizeCommentsResponse(structuredClone(post101), "101", (issue) => issues.push(issue));
  const byId = new Map(comments.map((c) => [c.externalId, c]));
  return { comments, issues, byId };
}

describe("normalizeCommentsResponse", () => {
  test("flattens every comment, visible and hidden, with no issues", () => {
    const { comments, issues } = normalize101();
    expect(comments).toHaveLength(13);
    expect(issues).toEqual([]);
  });

  test("puts every parent before its replies", () => {
    const { comments } = normalize101();
    const position = new Map(comments.map((c, i) => [c.externalId, i]));
    for (const comment of comments) {
      for (const ancestor of comment.ancestorExternalIds) {
        expect(position.get(ancestor)).toBeLessThan(position.get(comment.externalId)!);
      }
    }
  });

  test.each([
    ["1001", null, []],
    ["1002", "1001", ["1001"]],
    ["1005", "1004", ["1001", "1002", "1003", "1004"]],
    ["1007", "1006", ["1006"]],
    ["1012", "1011", ["1011"]],
    ["1013", "1010", ["1010"]],
  ])("comment %s has parent %s and ancestors %j", (id, parent, ancestors) => {
    const comment = normalize101().byId.get(id)!;
    expect(comment.parentExternalId).toBe(parent);
    expect(comment.ancestorExternalIds).toEqual(ancestors);
    expect(comment.ancestryComplete).toBe(true);
  });

  test.each([
    ["1006", { deleted: true, body: null, upstreamStatus: null, automodHidden: false }],
    ["1007", { deleted: false, upstreamStatus: null, automodHidden: false }],
    ["1009", { deleted: false, body: null, upstreamStatus: "moderator_removed" }],
    ["1011", { automodHidden: true, deleted: false }],
    ["1012", { automodHidden: true }],
    ["1013", { automodHidden: true }],
    ["1010", { automodHidden: false, reactions: { "❤": 6 }, reactionCount: 6 }],
  ])("comment %s is normalized with %j", (id, expected) => {
    expect(normalize101().byId.get(id)).toMatchObject(expected);
  });

  test("keeps dates, edits and authors", () => {
    const comment = normalize101().byId.get("1005")!;
    expect(comment.postedAt.toISOString()).toBe("2026-10-05T14:02:00.000Z");
    expect(comment.editedAt?.toISOString()).toBe("2026-10-05T14:30:00.000Z");
    expect(comment.author).toEqual({
      externalId: "9002",
      name: "Tomas Lind",
      handle: "tlind",
      photoUrl: "https://substack-post-media.example/avatars/9002.png",
    });
    expect(comment.postExternalId).toBe("101");
    const deleted = normalize101().byId.get("1006")!;
    expect(deleted.author).toMatchObject({ externalId: null, name: "" });
  });

  test("reports an ancestor_path that disagrees with the nesting and keeps the nesting", () => {
    const answer = structuredClone(post101);
    answer.comments[0]!.children[0]!.ancestor_path = "77";
    const issues: IngestIssue[] = [];
    const comments = normalizeCommentsResponse(answer, "101", (issue) => issues.push(issue));
    expect(comments.find((c) => c.externalId === "1002")?.parentExternalId).toBe("1001");
    expect(issues).toEqual([
      {
        location: "comments[0].children[0]",
        message: expect.stringContaining('ancestor_path "77" disagrees'),
      },
    ]);
  });

  test("tolerates unknown fields, missing optional fields and string ids", () => {
    const comments = normalizeCommentsResponse(
      {
        comments: [
          {
            id: "5",
            body: "hi",
            date: "2026-01-01T00:00:00Z",
            name: "A",
            user_id: 1,
            children: [],
            ancestor_path: "",
            brand_new_field: { x: 1 },
          },
        ],
      },
      "9",
    );
    expect(comments).toMatchObject([
      { externalId: "5", postExternalId: "9", reactions: {}, reactionCount: 0, editedAt: null },
    ]);
  });

  test.each([
    [{ comments: "nope" }, "comments: "],
    [
      { comments: [{ id: 1, body: "x", name: "a", user_id: 1, children: [], ancestor_path: "" }] },
      "comments[0].date: ",
    ],
    [
      {
        comments: [
          {
            id: 1,
            body: "x",
            date: "2026-01-01",
            name: "a",
            user_id: 1,
            ancestor_path: "",
            children: [{ id: 2 }],
          },
        ],
      },
      "comments[0].children[0].body: ",
    ],
    [
      {
        comments: [
          { id: 1, body: "x", date: "yesterday", name: "a", user_id: 1, children: [], ancestor_path: "" },
        ],
      },
      "comments[0].date: not a date",
    ],
  ])("rejects %j with a path in the message", (json, messageStart) => {
    expect(() => normalizeCommentsResponse(json, "1")).toThrow(SubstackShapeError);
    expect(() => normalizeCommentsResponse(json, "1")).toThrow(messageStart);
  });

  test("walks a 100k-deep tree without overflowing the stack and reports what it skipped", () => {
    const depth = 100_000;
    const comment = (id: number, children: unknown[]) => ({
      id,
      body: "b",
      date: "2026-01-01T00:00:00Z",
      name: "x",
      user_id: 1,
      // Left empty on purpose: cross-checking is not the point here, and real paths would be 100k ids long.
      ancestor_path: "",
      children,
    });
    let node = comment(depth, []);
    for (let id = depth - 1; id >= 1; id--) node = comment(id, [node]);
    const issues: IngestIssue[] = [];
    const comments = normalizeCommentsResponse({ comments: [node] }, "1", (issue) => issues.push(issue));
    expect(comments.length).toBe(1001);
    expect(issues.at(-1)).toEqual({
      location: "comments",
      message: "replies nested deeper than 1000 levels were skipped (1 branch(es) cut)",
    });
  });

  test("the fixture counts agree with the normalizer", () => {
    const counts = fixtureCounts(fixture);
    const all = [...fixture.comments.entries()].flatMap(([id, answer]) =>
      normalizeCommentsResponse(answer, id),
    );
    expect(all).toHaveLength(counts.comments);
    expect(all.filter((c) => c.automodHidden)).toHaveLength(counts.automodHidden);
    expect(all.filter((c) => c.deleted)).toHaveLength(counts.deleted);
    expect(counts.maxDepth).toBeGreaterThanOrEqual(4);
  });
});

describe("archive and single post", () => {
  test("normalizes an archive page and ignores unknown fields", () => {
    const [first] = parseArchivePage([{ ...fixture.posts[0], mystery: true }]);
    expect(first).toEqual({
      externalId: "103",
      slug: "case-against-new-congress-of-vienna",
      title: "The case against a new Congress of Vienna",
      subtitle: "Great-power concerts need a shared fear",
      url: "https://longtelegram.example/p/case-against-new-congress-of-vienna",
      publishedAt: new Date("2026-11-02T06:00:00.000Z"),
      upstreamCommentCount: 3,
      audience: "everyone",
      commentsOpen: true,
    });
  });

  test("accepts a minimal entry with only the id", () => {
    expect(parseArchivePage([{ id: 7 }])).toEqual([
      {
        externalId: "7",
        slug: null,
        title: "",
        subtitle: null,
        url: null,
        publishedAt: null,
        upstreamCommentCount: null,
        audience: null,
      },
    ]);
  });

  test.each([
    [{ posts: [] }, "(root): "],
    [[{ title: "no id" }], "[0].id: "],
  ])("rejects archive %j", (json, message) => {
    expect(() => parseArchivePage(json)).toThrow(message);
  });

  test("reads body_html from the single-post answer and closed comments", () => {
    const post = parseSinglePost({ ...fixture.posts[1], write_comment_permissions: "none" });
    expect(post.bodyHtml).toBe("<p>The drills were larger than last year's but shorter.</p>");
    expect(post.commentsOpen).toBe(false);
  });
});
