import { describe, expect, test } from "vitest";
import { parseJsonLines } from "@/lib/ingest/files/jsonl";
import { collect, INVALID_UTF8, streamOf } from "./support";

const row = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    post_id: 1,
    post_title: "Sanctions",
    post_date: "2024-01-01T00:00:00Z",
    comment_id: 10,
    parent_id: null,
    author: "Mira",
    date: "2024-01-02T00:00:00Z",
    body: "Hello",
    ...fields,
  });

describe("parseJsonLines", () => {
  test("reads rows with numeric ids and optional fields; posts once", async () => {
    const text = [
      row(),
      "",
      row({ comment_id: 11, parent_id: 10, edited_at: "2024-01-03T00:00:00Z", author_id: 7 }),
      row({ post_id: "2", comment_id: "12", deleted: true }),
    ].join("\n");
    const out = await collect(parseJsonLines(streamOf(text)));
    expect(out.issues).toEqual([]);
    expect(out.order).toEqual(["post", "comment", "comment", "post", "comment"]);
    expect(out.comments[1]).toMatchObject({
      externalId: "11",
      postExternalId: "1",
      parentExternalId: "10",
      editedAt: new Date("2024-01-03T00:00:00Z"),
      author: { externalId: "7", name: "Mira" },
    });
    expect(out.comments[2]).toMatchObject({ deleted: true, body: null, postExternalId: "2" });
  });

  test("reports bad lines with their numbers while the good rows come through", async () => {
    const text = [
      row({ comment_id: 1 }),
      "{not json",
      "[1, 2]",
      row({ comment_id: 4, date: "never" }),
      row({ comment_id: 5, body: { nested: true } }),
      row({ comment_id: 6, deleted: "maybe" }),
      row({ comment_id: 7 }),
    ].join("\n");
    const out = await collect(parseJsonLines(streamOf(text)));
    expect(out.comments.map((c) => c.externalId)).toEqual(["1", "7"]);
    expect(out.issues.map((i) => [i.location, i.message.split(/[(:;]/)[0]])).toEqual([
      ["line 2", "invalid JSON "],
      ["line 3", "not a JSON object"],
      ["line 4", "date"],
      ["line 5", "body"],
      ["line 6", "deleted"],
    ]);
  });

  test.each([
    ["100k nested arrays", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "not a JSON object; line skipped"],
    [
      "100k nested arrays in a field",
      row({ body: "§" }).replace('"§"', `${"[".repeat(100_000)}${"]".repeat(100_000)}`),
      /^body: /,
    ],
    ["100k unclosed arrays", "[".repeat(100_000), /^invalid JSON/],
  ])("%s is an issue, not a crash", async (_name, line, message) => {
    const out = await collect(parseJsonLines(streamOf(`${line}\n${row()}\n`, 1 << 16)));
    expect(out.issues).toEqual([{ location: "line 1", message: expect.stringMatching(message) }]);
    expect(out.comments).toHaveLength(1);
  });

  test("invalid UTF-8 is replaced and reported with its line", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${row()}\n${row({ comment_id: 2, body: "a|b" })}\n`.split("|")[0] ?? ""),
      INVALID_UTF8,
      Buffer.from('b"}\n'),
    ]);
    const out = await collect(parseJsonLines(streamOf(bytes)));
    expect(out.issues).toEqual([{ location: "line 2", message: "invalid UTF-8 replaced with U+FFFD" }]);
    expect(out.comments[1]?.body).toMatch(/^a\uFFFD+b$/);
  });

  test("a 10 MB body comes through; a line over the limit is skipped with an issue", async () => {
    const body = "é".repeat(5 * 1024 * 1024);
    const big = await collect(parseJsonLines(streamOf(`${row({ body })}\n`, 1 << 16)));
    expect(big.comments[0]?.body).toBe(body);
    const capped = await collect(
      parseJsonLines(streamOf(`${row({ body })}\n${row({ comment_id: 2 })}`, 1 << 16), 1024 * 1024),
    );
    expect(capped.issues).toEqual([{ location: "line 1", message: "line longer than the limit; skipped" }]);
    expect(capped.comments.map((c) => c.externalId)).toEqual(["2"]);
  });
});
