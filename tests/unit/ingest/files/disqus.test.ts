import { describe, expect, test } from "vitest";
import { parseDisqus } from "@/lib/ingest/files/disqus";
import { ImportFileError } from "@/lib/ingest/files/errors";
import { collect, INVALID_UTF8, streamOf } from "./support";

const thread = (id: string, title: string, extra = "") => `
  <thread dsq:id="${id}">
    <id>ident-${id}</id>
    <forum>longtelegram</forum>
    <category dsq:id="1"/>
    <link>https://longtelegram.example/p/${id}</link>
    <title>${title}</title>
    <message/>
    <createdAt>2024-03-01T08:00:00Z</createdAt>
    <author><name>Helena Marsh</name><isAnonymous>false</isAnonymous><username>helena</username></author>
    <isClosed>false</isClosed>
    <isDeleted>false</isDeleted>${extra}
  </thread>`;

const post = (
  id: string,
  threadId: string,
  options: {
    parent?: string;
    message?: string;
    createdAt?: string;
    deleted?: boolean;
    spam?: boolean;
    anonymous?: boolean;
  } = {},
) => `
  <post dsq:id="${id}">
    <id/>
    <message><![CDATA[${options.message ?? `<p>Comment ${id}</p>`}]]></message>
    <createdAt>${options.createdAt ?? "2024-03-01T09:00:00Z"}</createdAt>
    <isDeleted>${options.deleted ?? false}</isDeleted>
    <isSpam>${options.spam ?? false}</isSpam>
    <author>
      <email>reader${id}@example.com</email>
      <name>Reader ${id}</name>
      <isAnonymous>${options.anonymous ?? false}</isAnonymous>
      ${options.anonymous ? "" : `<username>reader${id}</username>`}
    </author>
    <ipAddress>127.0.0.1</ipAddress>
    <thread dsq:id="${threadId}"/>
    ${options.parent ? `<parent dsq:id="${options.parent}"/>` : ""}
  </post>`;

const disqus = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <category dsq:id="1"><forum>longtelegram</forum><title>General</title><isDefault>true</isDefault></category>
${body}
</disqus>`;

describe("parseDisqus", () => {
  test("threads become posts and posts become comments, parents as given", async () => {
    const xml = disqus(
      thread("t1", "Sanctions &amp; the Baltic") +
        post("p2", "t1", {
          parent: "p1",
          message: "<p>Reply &amp; more</p><p>Second&nbsp;para &lt;b&gt;</p>",
        }) +
        post("p1", "t1") +
        post("p3", "t1", { deleted: true }) +
        post("p4", "t1", { spam: true, anonymous: true }),
    );
    const out = await collect(parseDisqus(streamOf(xml)));
    expect(out.issues).toEqual([]);
    expect(out.publications).toEqual([
      { platform: "disqus", name: "longtelegram", externalId: "longtelegram" },
    ]);
    expect(out.posts).toEqual([
      {
        externalId: "t1",
        slug: null,
        title: "Sanctions & the Baltic",
        url: "https://longtelegram.example/p/t1",
        publishedAt: new Date("2024-03-01T08:00:00Z"),
        commentsOpen: true,
      },
    ]);
    expect(out.comments.map((c) => [c.externalId, c.parentExternalId])).toEqual([
      ["p2", "p1"],
      ["p1", null],
      ["p3", null],
      ["p4", null],
    ]);
    expect(out.comments[0]).toMatchObject({
      postExternalId: "t1",
      body: "Reply & more\n\nSecond\u00a0para <b>",
      ancestorExternalIds: ["p1"],
      ancestryComplete: false,
      author: { externalId: "readerp2", name: "Reader p2", handle: "readerp2" },
      postedAt: new Date("2024-03-01T09:00:00Z"),
    });
    expect(out.comments[2]).toMatchObject({ deleted: true, body: null });
    expect(out.comments[3]).toMatchObject({
      upstreamStatus: "spam",
      author: { externalId: null, name: "Reader p4" },
    });
  });

  test("reports bad posts with their element number and goes on", async () => {
    const xml = disqus(
      thread("t1", "One") +
        post("p1", "t1") +
        post("p2", "t1", { createdAt: "last week" }) +
        post("p3", "t9") +
        post("p4", "t1"),
    );
    const out = await collect(parseDisqus(streamOf(xml, 64)));
    expect(out.comments.map((c) => c.externalId)).toEqual(["p1", "p3", "p4"]);
    expect(out.issues).toEqual([
      { location: "<post> #2", message: "comment p2 has no valid <createdAt>; skipped" },
      { location: "<post> #3", message: "thread t9 is referenced by comments but not defined in the file" },
    ]);
  });

  test("a thread after its comments still counts as defined", async () => {
    const out = await collect(parseDisqus(streamOf(disqus(post("p1", "t1") + thread("t1", "Late")))));
    expect(out.issues).toEqual([]);
    expect(out.order).toEqual(["comment", "publication", "post"]);
  });

  test.each([
    [
      "billion laughs",
      `<?xml version="1.0"?>
<!DOCTYPE disqus [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<disqus>${post("p1", "t1", { message: "&lol9;" }).replace("<![CDATA[&lol9;]]>", "&lol9;")}</disqus>`,
    ],
    [
      "an external entity",
      `<?xml version="1.0"?>
<!DOCTYPE disqus [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<disqus><post dsq:id="p1"><message>&xxe;</message></post></disqus>`,
    ],
    [
      "an undeclared entity without a DOCTYPE",
      `<disqus><post dsq:id="p1"><message>&xxe;</message></post></disqus>`,
    ],
    ["truncated XML", `<disqus><post dsq:id="p1"><message>hi</message>`],
  ])("%s is refused with an ImportFileError, not expanded", async (_name, xml) => {
    const started = Date.now();
    const error = await collect(parseDisqus(streamOf(xml, 4096))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(
      /line \d+, column \d+: (DOCTYPE declarations are refused|invalid XML)/,
    );
    expect((error as Error).message).not.toContain("root:");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("invalid UTF-8 is replaced and reported, and parsing goes on", async () => {
    const [head, tail] = disqus(thread("t1", "One") + post("p1", "t1", { message: "before|after" })).split(
      "|",
    );
    const bytes = Buffer.concat([Buffer.from(head ?? ""), INVALID_UTF8, Buffer.from(tail ?? "")]);
    const out = await collect(parseDisqus(streamOf(bytes, 1 << 16)));
    expect(out.comments[0]?.body).toMatch(/^before\uFFFD+after$/);
    expect(out.issues).toEqual([
      { location: "byte 0", message: expect.stringMatching(/invalid UTF-8 sequence\(s\).*U\+FFFD/) },
    ]);
  });

  test("a 10 MB message comes through whole", async () => {
    const message = `<p>${"word ".repeat(2_000_000)}</p>`;
    const out = await collect(
      parseDisqus(streamOf(disqus(thread("t1", "Big") + post("p1", "t1", { message })), 1 << 16)),
    );
    expect(out.comments[0]?.body?.length).toBe(10_000_000 - 1);
  });
});
