import { describe, expect, test } from "vitest";
import { ImportFileError } from "@/lib/ingest/files/errors";
import { parseWxr } from "@/lib/ingest/files/wxr";
import { collect, streamOf } from "./support";

interface CommentSpec {
  id: number;
  parent?: number;
  approved?: string;
  type?: string;
  content?: string;
  date?: string;
  userId?: number;
}

const wpComment = (c: CommentSpec) => `
      <wp:comment>
        <wp:comment_id>${c.id}</wp:comment_id>
        <wp:comment_author><![CDATA[Reader ${c.id}]]></wp:comment_author>
        <wp:comment_author_email><![CDATA[r${c.id}@example.com]]></wp:comment_author_email>
        <wp:comment_author_url>https://example.com</wp:comment_author_url>
        <wp:comment_author_IP><![CDATA[127.0.0.1]]></wp:comment_author_IP>
        <wp:comment_date><![CDATA[2024-05-02 10:00:00]]></wp:comment_date>
        <wp:comment_date_gmt><![CDATA[${c.date ?? "2024-05-02 08:00:00"}]]></wp:comment_date_gmt>
        <wp:comment_content><![CDATA[${c.content ?? `Comment ${c.id}`}]]></wp:comment_content>
        <wp:comment_approved><![CDATA[${c.approved ?? "1"}]]></wp:comment_approved>
        <wp:comment_type><![CDATA[${c.type ?? "comment"}]]></wp:comment_type>
        <wp:comment_parent>${c.parent ?? 0}</wp:comment_parent>
        <wp:comment_user_id>${c.userId ?? 0}</wp:comment_user_id>
        <wp:commentmeta><wp:meta_key><![CDATA[akismet_result]]></wp:meta_key><wp:meta_value><![CDATA[false]]></wp:meta_value></wp:commentmeta>
      </wp:comment>`;

const item = (id: number | null, title: string, comments: CommentSpec[], postType = "post") => `
    <item>
      <title>${title}</title>
      <link>https://blog.example/${id}</link>
      <pubDate>Thu, 02 May 2024 07:00:00 +0000</pubDate>
      <dc:creator><![CDATA[helena]]></dc:creator>
      <content:encoded><![CDATA[<p>Body of ${id}</p>]]></content:encoded>
      ${id === null ? "" : `<wp:post_id>${id}</wp:post_id>`}
      <wp:post_date_gmt><![CDATA[2024-05-02 07:00:00]]></wp:post_date_gmt>
      <wp:comment_status><![CDATA[open]]></wp:comment_status>
      <wp:post_name><![CDATA[post-${id}]]></wp:post_name>
      <wp:post_type><![CDATA[${postType}]]></wp:post_type>
      <wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
      ${comments.map(wpComment).join("")}
    </item>`;

const wxr = (items: string) => `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
  <channel>
    <title>Foreign Notes</title>
    <link>https://blog.example</link>
    <wp:wxr_version>1.2</wp:wxr_version>
    ${items}
  </channel>
</rss>`;

describe("parseWxr", () => {
  test("items become posts before their comments, with statuses and ancestry", async () => {
    const xml = wxr(
      item(10, "Alliances &amp; their discontents", [
        { id: 1, userId: 3, content: "<p>First &amp; best</p>" },
        { id: 2, parent: 1 },
        { id: 3, parent: 2, approved: "0" },
        { id: 4, approved: "spam" },
        { id: 5, approved: "trash" },
        { id: 6, type: "pingback" },
        { id: 7, parent: 99 },
      ]) +
        item(11, "Second", [{ id: 8 }]) +
        item(12, "An image", [], "attachment"),
    );
    const out = await collect(parseWxr(streamOf(xml, 100)));
    expect(out.issues).toEqual([]);
    expect(out.publications).toEqual([
      { platform: "wordpress", name: "Foreign Notes", baseUrl: "https://blog.example" },
    ]);
    expect(out.order.slice(0, 3)).toEqual(["publication", "post", "comment"]);
    expect(out.posts).toEqual([
      {
        externalId: "10",
        slug: "post-10",
        title: "Alliances & their discontents",
        url: "https://blog.example/10",
        publishedAt: new Date("2024-05-02T07:00:00Z"),
        bodyHtml: "<p>Body of 10</p>",
        commentsOpen: true,
      },
      expect.objectContaining({ externalId: "11" }),
    ]);
    const byId = new Map(out.comments.map((c) => [c.externalId, c]));
    expect([...byId.keys()]).toEqual(["1", "2", "3", "4", "5", "7", "8"]);
    expect(byId.get("1")).toMatchObject({
      postExternalId: "10",
      body: "First & best",
      author: { externalId: "3", name: "Reader 1" },
      postedAt: new Date("2024-05-02T08:00:00Z"),
      upstreamStatus: null,
    });
    expect(byId.get("3")).toMatchObject({
      parentExternalId: "2",
      ancestorExternalIds: ["1", "2"],
      ancestryComplete: true,
      upstreamStatus: "pending",
    });
    expect(byId.get("4")?.upstreamStatus).toBe("spam");
    expect(byId.get("5")?.upstreamStatus).toBe("trash");
    expect(byId.get("7")).toMatchObject({ ancestorExternalIds: ["99"], ancestryComplete: false });
    expect(byId.get("8")?.postExternalId).toBe("11");
  });

  test("reports an item without a post id and a comment without a date, and goes on", async () => {
    const xml = wxr(
      item(null, "No id", [{ id: 1 }]) + item(20, "Ok", [{ id: 2, date: "0000-00-00 00:00:00" }, { id: 3 }]),
    );
    const out = await collect(parseWxr(streamOf(xml)));
    expect(out.comments.map((c) => c.externalId)).toEqual(["2", "3"]);
    expect(out.comments[0]?.postedAt).toEqual(new Date("2024-05-02T10:00:00Z"));
    expect(out.issues).toEqual([
      { location: "<item> #1", message: "item without <wp:post_id> skipped, with its comments" },
    ]);
  });

  test("a DOCTYPE is refused", async () => {
    const xml = wxr(item(1, "x", [])).replace("<rss", '<!DOCTYPE rss [<!ENTITY a "b">]>\n<rss');
    await expect(collect(parseWxr(streamOf(xml)))).rejects.toThrow(ImportFileError);
  });
});
