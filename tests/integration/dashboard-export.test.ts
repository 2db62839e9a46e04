import { beforeAll, describe, expect, test } from "vitest";
import { GET as exportPost } from "@/app/api/posts/[postId]/export/route";
import { EXPORT_COLUMNS, type ExportRecord, exportCommentRecords } from "@/lib/server/export";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { A3_BODY, buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

const { sql } = useTestDatabase();
let viewer: TestSession;
let f: DashboardFixture;

beforeAll(async () => {
  await resetDatabase(sql);
  f = await buildDashboardFixture(sql);
  viewer = await signedIn("VIEWER");
});

async function download(format: string, postId: number | string = f.p1) {
  return exportPost(
    apiRequest(`/api/posts/${postId}/export?format=${format}`, { session: viewer }),
    routeContext({ postId: String(postId) }),
  );
}

describe("export", () => {
  test("the record stream pages through every comment of the post in time order", async () => {
    const records: ExportRecord[] = [];
    for await (const r of exportCommentRecords({ postId: f.p1, batchSize: 3 })) records.push(r);
    expect(records.map((r) => r.commentExternalId)).toEqual(["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"]);
    expect(records[0]).toEqual({
      publication: "Fixture Weekly",
      postExternalId: "p1",
      postSlug: "first-post",
      postTitle: "First post",
      commentExternalId: "a1",
      parentExternalId: null,
      author: "Ann",
      postedAt: "2026-01-01T00:30:00.000Z",
      editedAt: null,
      deleted: false,
      automodHidden: false,
      body: "Strong analysis, but the numbers are off.",
      tone: "analytical",
      stance: "disagree",
      sentiment: "positive",
      flag: false,
      status: "NONE",
    });
    expect(records[3]).toMatchObject({ commentExternalId: "a4", flag: true });
    expect(records[4]).toMatchObject({ commentExternalId: "a5", body: null, deleted: true, tone: null });
  });

  test("the whole publication when no post is given", async () => {
    let count = 0;
    for await (const _ of exportCommentRecords({ publicationId: f.publicationId, batchSize: 4 })) count++;
    expect(count).toBe(10);
  });

  test("CSV: header, one line per comment, quoting and the formula guard", async () => {
    const response = await download("csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="marginalia-first-post-comments.csv"',
    );
    const text = await response.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(","));
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(1 + 8 + 1);
    expect(text).toContain(`"${A3_BODY.replaceAll('"', '""')}"`);
    expect(text).toContain(`,"'-1 is the answer, =SUM(A1)",`);
  });

  test("JSON: an array of records", async () => {
    const response = await download("json");
    expect(response.status).toBe(200);
    const body = (await response.json()) as ExportRecord[];
    expect(body).toHaveLength(8);
    expect(body[2]?.body).toBe(A3_BODY);
  });

  test("a bad format answers 400, a missing post 404", async () => {
    expect((await download("xml")).status).toBe(400);
    expect((await download("csv", 999999)).status).toBe(404);
  });
});
