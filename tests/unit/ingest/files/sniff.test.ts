import { describe, expect, test } from "vitest";
import { ImportFileError } from "@/lib/ingest/files/errors";
import { openImportFile, sniffContent } from "@/lib/ingest/files/index";
import { collect, withTempDir, writeTemp } from "./support";

describe("sniffContent", () => {
  test.each([
    ['<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com">', "disqus"],
    ["\uFEFF  <disqus>", "disqus"],
    ['<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">', "wxr"],
    ['{"comments": [{"id": 1', "substack-comments"],
    ['{\n  "automod_hidden_comments": [],', "substack-comments"],
    ['{"moreComments": false, "comments": [', "substack-comments"],
    ['[{"id": 1, "title": "x"', "substack-archive"],
    ["[]", "substack-archive"],
    ['{"post_id": 1, "comment_id": 2, "body": "x"}\n{"post_id"', "jsonl"],
    ["post_id,post_title,post_date,comment_id,parent_id,author,date,body\np1,", "csv"],
    [
      '"body","date","author","parent_id","comment_id","post_date","post_title","post_id","deleted"\r\n',
      "csv",
    ],
  ])("%j is %s", (head, format) => {
    expect(sniffContent(head)).toBe(format);
  });

  test("a JSON Lines file whose first line is longer than the head is still JSON Lines", () => {
    const head = `{"post_id": 1, "comment_id": 2, "body": "${"x".repeat(20_000)}`.slice(0, 16_384);
    expect(sniffContent(head)).toBe("jsonl");
  });

  test.each([
    ["", /the file is empty/],
    ["<html><body>", /neither a Disqus nor a WordPress export/],
    ['{"hello": "world"}', /neither a comments answer nor a JSON Lines row/],
    ["post_id,body\n", /CSV header without the column\(s\) post_title/],
    ["just some text", /unrecognized content/],
  ])("%j is refused with a message that lists the known formats", (head, reason) => {
    const error = (() => {
      try {
        sniffContent(head);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    const message = (error as Error).message;
    expect(message).toMatch(reason);
    for (const name of [
      "Disqus export XML",
      "WordPress WXR",
      "Substack comments answer",
      "Substack archive answer",
      "folder",
      "JSON Lines",
      "CSV",
    ]) {
      expect(message).toContain(name);
    }
  });
});

describe("openImportFile", () => {
  test("detects by content, not by extension, and streams events", async () => {
    await withTempDir(async (dir) => {
      const file = await writeTemp(
        dir,
        "export.txt",
        '{"post_id": 1, "post_title": "T", "post_date": null, "comment_id": 2, "parent_id": null, "author": "A", "date": "2024-01-01T00:00:00Z", "body": "hi"}\n',
      );
      const opened = await openImportFile(file);
      expect(opened.format).toBe("jsonl");
      const out = await collect(opened.events);
      expect(out.comments.map((c) => c.body)).toEqual(["hi"]);
      expect((await openImportFile(dir)).format).toBe("substack-folder");
    });
  });

  test("an unknown file is refused", async () => {
    await withTempDir(async (dir) => {
      const file = await writeTemp(dir, "comments.csv", "hello world\n");
      await expect(openImportFile(file)).rejects.toThrow(/Known formats/);
    });
  });
});
