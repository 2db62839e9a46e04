import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { importFile } from "@/lib/server/ingest/file-import";
import { resetDatabase, useTestDatabase } from "../support/database";

const { url: databaseUrl, db, sql } = useTestDatabase();
let dir: string;

beforeEach(async () => {
  await resetDatabase(sql);
  dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-import-"));
});

async function fileWith(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

// A reply (c3) comes before its parent (c2) in the file; line 5 has no date and must be reported.
const CSV = [
  "post_id,post_title,post_date,comment_id,parent_id,author,date,body,author_id",
  'p1,"Grain, again",2026-03-01T08:00:00Z,c1,,Mira Okafor,2026-03-02T09:00:00Z,"Rail capacity is the constraint, because ports are full.",u1',
  "p1,,,c3,c2,Tomas Lind,2026-03-02T11:00:00Z,I doubt that. We'll see.,u2",
  "p1,,,c2,c1,Ines Baro,2026-03-02T10:00:00Z,Thanks for this piece!,u3",
  "p1,,,c4,,Nobody,,A row without a date,u4",
  "p2,Second post,2026-03-05T08:00:00Z,c5,,Mira Okafor,2026-03-05T09:30:00Z,What a clown show.,u1",
].join("\n");

describe("file import", () => {
  test("a CSV file: good rows in, replies linked even when the parent comes later, bad rows reported by line", async () => {
    const file = await fileWith("comments.csv", CSV);
    const result = await importFile(sql, { path: file, publication: "Grain Watch" });
    expect(result.format).toBe("csv");
    expect(result.status).toBe("PARTIAL");
    expect(result.progress.commentsNew).toBe(4);
    const publication = await db.publication.findFirstOrThrow();
    expect(publication).toMatchObject({
      name: "Grain Watch",
      baseUrl: "file://grain-watch",
      platform: "FILE",
    });
    expect(await db.post.count()).toBe(2);
    const c3 = await db.comment.findFirstOrThrow({ where: { externalId: "c3" } });
    const c2 = await db.comment.findFirstOrThrow({ where: { externalId: "c2" } });
    const c1 = await db.comment.findFirstOrThrow({ where: { externalId: "c1" } });
    expect(c3.parentId).toBe(c2.id);
    expect(c3.ancestorPath).toBe(`${c1.id}.${c2.id}`);
    expect(c3.depth).toBe(2);
    expect(await db.commenter.count()).toBe(3);
    const errors = (await db.importRun.findUniqueOrThrow({ where: { id: result.runId } })).errors as {
      location: string;
    }[];
    expect(errors.map((e) => e.location)).toEqual(["line 5"]);
    expect(await db.commentScore.count()).toBe(4);

    const again = await importFile(sql, { path: file, publication: "Grain Watch" });
    expect(again.progress).toMatchObject({ commentsNew: 0, commentsUpdated: 0, commentsUnchanged: 4 });
    expect(await db.comment.count()).toBe(4);
  });

  test("JSON Lines with a malformed line goes on past it", async () => {
    const lines = [
      {
        post_id: "7",
        post_title: "Arctic routes",
        post_date: "2026-04-01T00:00:00Z",
        comment_id: "a",
        parent_id: "",
        author: "Ola",
        date: "2026-04-01T10:00:00Z",
        body: "Great piece, thank you.",
      },
      "{not json",
      {
        post_id: "7",
        post_title: "",
        post_date: "",
        comment_id: "b",
        parent_id: "a",
        author: "Per",
        date: "2026-04-01T11:00:00Z",
        body: "Agreed.",
      },
    ].map((l) => (typeof l === "string" ? l : JSON.stringify(l)));
    const file = await fileWith("comments.jsonl", lines.join("\n"));
    const result = await importFile(sql, { path: file });
    expect(result.format).toBe("jsonl");
    expect(result.progress.commentsNew).toBe(2);
    const errors = (await db.importRun.findUniqueOrThrow({ where: { id: result.runId } })).errors as {
      location: string;
    }[];
    expect(errors.map((e) => e.location)).toEqual(["line 2"]);
    expect((await db.post.findFirstOrThrow()).title).toBe("Arctic routes");
  });

  test("batches: replies across batches, a NUL stored as U+FFFD, a re-import with an edit and a new comment", async () => {
    const row = (id: string, parent: string, body: string, author = "Ola") =>
      JSON.stringify({
        post_id: "9",
        post_title: "Straits",
        post_date: "2026-05-01T00:00:00Z",
        comment_id: id,
        parent_id: parent,
        author,
        date: `2026-05-01T1${id.length}:00:00Z`,
        body,
      });
    const first = [
      row("a", "", "Top level."),
      row("b", "a", "A reply."),
      row("c", "b", "Nul\u0000inside", "Per\u0000Son"),
      row("d", "c", "Deeper."),
      row("e", "", "Another top."),
    ];
    const file = await fileWith("batches.jsonl", first.join("\n"));
    const stored = await importFile(sql, { path: file, batchSize: 2 });
    expect(stored.progress).toMatchObject({ commentsNew: 5, commentsUpdated: 0 });
    const byId = Object.fromEntries((await db.comment.findMany()).map((c) => [c.externalId, c]));
    expect(byId.d?.ancestorPath).toBe(`${byId.a?.id}.${byId.b?.id}.${byId.c?.id}`);
    expect(byId.d?.depth).toBe(3);
    expect(byId.c?.body).toBe("Nul\uFFFDinside");
    expect(byId.c?.authorName).toBe("Per\uFFFDSon");
    expect(await db.commentScore.count()).toBe(5);

    const scoredAt = (await db.commentScore.findUniqueOrThrow({ where: { commentId: byId.a?.id } })).scoredAt;
    await writeFile(
      file,
      [...first.slice(0, 3), row("d", "c", "Deeper, edited."), first[4], row("f", "d", "New.")].join("\n"),
    );
    const again = await importFile(sql, { path: file, batchSize: 2 });
    expect(again.progress).toMatchObject({ commentsNew: 1, commentsUpdated: 1, commentsUnchanged: 4 });
    const d = await db.comment.findFirstOrThrow({ where: { externalId: "d" }, include: { score: true } });
    const f = await db.comment.findFirstOrThrow({ where: { externalId: "f" } });
    expect(d.body).toBe("Deeper, edited.");
    expect(d.id).toBe(byId.d?.id);
    expect(f.parentId).toBe(d.id);
    expect(f.depth).toBe(4);
    expect(d.score?.scoredAt.getTime()).toBeGreaterThan(scoredAt.getTime());
    // The unchanged ones kept their score.
    expect((await db.commentScore.findUniqueOrThrow({ where: { commentId: byId.a?.id } })).scoredAt).toEqual(
      scoredAt,
    );
  });

  test("a Disqus export: threads become posts, deleted and spam comments keep their place", async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="t1"><link>https://blog.example/p/one</link><title>One</title><createdAt>2026-01-01T08:00:00Z</createdAt></thread>
  <post dsq:id="d1"><message><![CDATA[<p>First &amp; foremost</p>]]></message><createdAt>2026-01-01T09:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Ann</name><username>ann</username></author><thread dsq:id="t1"/></post>
  <post dsq:id="d2"><message><![CDATA[]]></message><createdAt>2026-01-01T09:30:00Z</createdAt><isDeleted>true</isDeleted><isSpam>false</isSpam><author><name>Bob</name><username>bob</username></author><thread dsq:id="t1"/><parent dsq:id="d1"/></post>
  <post dsq:id="d3"><message><![CDATA[<p>Buy now</p>]]></message><createdAt>2026-01-01T10:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>true</isSpam><author><name>Spam</name><username>spam</username></author><thread dsq:id="t1"/><parent dsq:id="d2"/></post>
</disqus>`;
    const file = await fileWith("export.xml", xml);
    const result = await importFile(sql, { path: file, publication: "https://blog.example" });
    expect(result.format).toBe("disqus");
    expect(await db.comment.count()).toBe(3);
    const d1 = await db.comment.findFirstOrThrow({ where: { externalId: "d1" } });
    expect(d1.body).toBe("First & foremost");
    const d2 = await db.comment.findFirstOrThrow({ where: { externalId: "d2" } });
    expect(d2.deleted).toBe(true);
    const d3 = await db.comment.findFirstOrThrow({ where: { externalId: "d3" } });
    expect(d3.parentId).toBe(d2.id);
    expect(d3.upstreamStatus).toBe("spam");
    expect((await db.post.findFirstOrThrow()).title).toBe("One");
  });

  test("a file in no known format is refused with the list of known formats", async () => {
    const file = await fileWith("notes.txt", "just some notes\nnothing structured\n");
    await expect(importFile(sql, { path: file })).rejects.toThrow(/Disqus|WordPress|CSV/);
    expect(await db.comment.count()).toBe(0);
  });

  test("`marginalia export` writes one record per comment with the documented fields", async () => {
    const file = await fileWith("comments.csv", CSV);
    await importFile(sql, { path: file, publication: "Grain Watch" });
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          path.resolve("node_modules/tsx/dist/cli.mjs"),
          "--conditions=react-server",
          "lib/cli/bin.ts",
          "export",
          "--publication",
          "Grain Watch",
          "--format",
          "jsonl",
        ],
        { env: { ...process.env, DATABASE_URL: databaseUrl } },
      );
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`export exited ${code}`))));
    });
    const records = output
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(4);
    expect(Object.keys(records[0]!)).toEqual([
      "publication",
      "postExternalId",
      "postSlug",
      "postTitle",
      "commentExternalId",
      "parentExternalId",
      "author",
      "postedAt",
      "editedAt",
      "deleted",
      "automodHidden",
      "body",
      "tone",
      "stance",
      "sentiment",
      "flag",
      "status",
    ]);
    const c3 = records.find((r) => r.commentExternalId === "c3");
    expect(c3).toMatchObject({
      parentExternalId: "c2",
      author: "Tomas Lind",
      postTitle: "Grain, again",
      publication: "Grain Watch",
    });
  });
});
