import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { GET as queueGET } from "@/app/api/moderation/queue/route";
import type { QueuePage } from "@/lib/schemas/moderation-queue";
import { importFile } from "@/lib/server/ingest/file-import";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn } from "../support/sessions";
import { makeComment, makeCommenter, makePublication } from "./moderation-fixtures";

const { db, sql } = useTestDatabase();
beforeAll(() => resetDatabase(sql));

describe("links from imported data are http(s) only", () => {
  test("an export file's javascript: and data: post addresses are not stored; an https one is", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-links-"));
    const file = path.join(dir, "comments.csv");
    await writeFile(
      file,
      [
        "post_id,post_title,post_date,comment_id,parent_id,author,date,body,post_url",
        "p1,One,2026-03-01T08:00:00Z,c1,,Ann,2026-03-02T09:00:00Z,Hello,javascript:alert(document.cookie)",
        'p2,Two,2026-03-01T08:00:00Z,c2,,Ann,2026-03-02T09:00:00Z,Hello,"data:text/html,<script>alert(1)</script>"',
        "p3,Three,2026-03-01T08:00:00Z,c3,,Ann,2026-03-02T09:00:00Z,Hello,https://links.example/p/three",
      ].join("\n"),
    );
    await importFile(sql, { path: file, publication: "Links Weekly" });
    const posts = await db.post.findMany({
      orderBy: { externalId: "asc" },
      select: { externalId: true, url: true },
    });
    expect(posts).toEqual([
      { externalId: "p1", url: null },
      { externalId: "p2", url: null },
      { externalId: "p3", url: "https://links.example/p/three" },
    ]);
  });

  test("a row stored before the check never becomes the queue's 'open upstream' link", async () => {
    const { publication, post } = await makePublication(db, "Old Rows");
    await sql`UPDATE post SET url = 'javascript:alert(1)' WHERE id = ${post.id}`;
    const commenter = await makeCommenter(db, publication.id, "old");
    await makeComment(db, { publicationId: publication.id, postId: post.id, commenterId: commenter.id });
    const moderator = await signedIn("MODERATOR");
    const page = (await (
      await queueGET(apiRequest("/api/moderation/queue?tab=all", { session: moderator }), routeContext())
    ).json()) as QueuePage;
    const item = page.items.find((i) => i.post.id === post.id);
    expect(item).toBeDefined();
    expect(item?.upstreamUrl).toBeNull();
  });
});

describe("text PostgreSQL cannot hold", () => {
  test("NUL characters in an export file become U+FFFD; the rows go in", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-nul-"));
    const file = path.join(dir, "comments.jsonl");
    await writeFile(
      file,
      `${JSON.stringify({ post_id: "n1", post_title: "Ti\u0000tle", post_date: "2026-03-01T08:00:00Z", comment_id: "n\u0000c1", parent_id: "", author: "A\u0000nn", date: "2026-03-02T09:00:00Z", body: "bo\u0000dy" })}\n`,
    );
    const result = await importFile(sql, { path: file, publication: "Nul Weekly" });
    expect(result.progress.commentsNew).toBe(1);
    const comment = await db.comment.findFirstOrThrow({ where: { post: { externalId: "n1" } } });
    expect(comment).toMatchObject({ body: "bo\uFFFDdy", authorName: "A\uFFFDnn", externalId: "n\uFFFDc1" });
    expect((await db.post.findFirstOrThrow({ where: { externalId: "n1" } })).title).toBe("Ti\uFFFDtle");
  });
});
