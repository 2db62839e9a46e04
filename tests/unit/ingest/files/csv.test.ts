import { describe, expect, test } from "vitest";
import { parseCsv } from "@/lib/ingest/files/csv";
import { ImportFileError } from "@/lib/ingest/files/errors";
import { collect, INVALID_UTF8, streamOf } from "./support";

const HEADER = "post_id,post_title,post_date,comment_id,parent_id,author,date,body";

describe("parseCsv", () => {
  test("emits each post once, then its comments, with optional columns in any order", async () => {
    const csv = [
      "deleted,post_id,post_title,post_date,comment_id,parent_id,author,date,body,post_url,author_id,edited_at",
      'false,p1,"Sanctions, again",2024-01-01T00:00:00Z,c1,,Mira,2024-01-02T00:00:00Z,"She said ""no"".",https://x.example/p1,u1,',
      'no,p1,"Sanctions, again",2024-01-01T00:00:00Z,c2,c1,Tomas,2024-01-02T01:00:00Z,"line one',
      'line two",,u2,2024-01-03T00:00:00Z',
      "true,p2,Drills,,c3,,Anneke,2024-01-04T00:00:00Z,ignored because deleted,,,",
    ].join("\r\n");
    const out = await collect(parseCsv(streamOf(csv)));
    expect(out.issues).toEqual([]);
    expect(out.order).toEqual(["post", "comment", "comment", "post", "comment"]);
    expect(out.posts).toEqual([
      {
        externalId: "p1",
        slug: null,
        title: "Sanctions, again",
        url: "https://x.example/p1",
        publishedAt: new Date("2024-01-01T00:00:00Z"),
      },
      { externalId: "p2", slug: null, title: "Drills", url: null, publishedAt: null },
    ]);
    expect(out.comments[0]).toMatchObject({
      externalId: "c1",
      parentExternalId: null,
      body: 'She said "no".',
      author: { externalId: "u1", name: "Mira" },
    });
    expect(out.comments[1]).toMatchObject({
      parentExternalId: "c1",
      ancestorExternalIds: ["c1"],
      ancestryComplete: false,
      body: "line one\nline two",
      editedAt: new Date("2024-01-03T00:00:00Z"),
    });
    expect(out.comments[2]).toMatchObject({ deleted: true, body: null });
  });

  test("reports bad rows with their line numbers while good rows come through", async () => {
    const csv = [
      HEADER,
      "p1,T,,c1,,A,2024-01-01T00:00:00Z,good",
      "p1,T,,c2,,A,not a date,bad date",
      "p1,T,,,,A,2024-01-01T00:00:00Z,no comment id",
      "p1,T,,c4,,A,2024-01-01T00:00:00Z,too,many,fields",
      'p1,T,,c5,,A,2024-01-01T00:00:00Z,"bad "quote" here"',
      "p1,T,,c6,,A,2024-01-01T00:00:00Z,good again",
    ].join("\n");
    const out = await collect(parseCsv(streamOf(csv)));
    expect(out.comments.map((c) => c.externalId)).toEqual(["c1", "c6"]);
    expect(out.issues.map((i) => i.location)).toEqual(["line 3", "line 4", "line 5", "line 6"]);
    expect(out.issues[0]?.message).toMatch(/^date: not an ISO 8601 time/);
    expect(out.issues[1]?.message).toMatch(/^comment_id: must not be empty/);
    expect(out.issues[2]?.message).toMatch(/record skipped$/);
  });

  test("a header without the required columns is refused", async () => {
    const error = await collect(parseCsv(streamOf("post_id,body\np1,hi\n"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(
      /lacks the column\(s\) post_title, post_date, comment_id, parent_id, author, date/,
    );
  });

  test("invalid UTF-8 is replaced and reported with its line", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\np1,T,,c1,,A,2024-01-01T00:00:00Z,bad `),
      INVALID_UTF8,
      Buffer.from(" bytes\np1,T,,c2,,A,2024-01-01T00:00:00Z,fine\n"),
    ]);
    const out = await collect(parseCsv(streamOf(bytes)));
    expect(out.comments.map((c) => c.body)).toEqual([expect.stringMatching(/^bad \uFFFD+ bytes$/), "fine"]);
    expect(out.issues).toEqual([{ location: "line 2", message: "invalid UTF-8 replaced with U+FFFD" }]);
  });

  test("a 10 MB body comes through", async () => {
    const body = "x".repeat(10 * 1024 * 1024);
    const out = await collect(
      parseCsv(streamOf(`${HEADER}\np1,T,,c1,,A,2024-01-01T00:00:00Z,"${body}"\n`, 1 << 16)),
    );
    expect(out.comments[0]?.body?.length).toBe(body.length);
  });

  test("stopping early does not hang", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `p1,T,,c${i},,A,2024-01-01T00:00:00Z,body ${i}`);
    for await (const event of parseCsv(streamOf([HEADER, ...rows].join("\n"), 1024))) {
      if (event.type === "comment") break;
    }
  });
});
