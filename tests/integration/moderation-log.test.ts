import { beforeAll, describe, expect, test } from "vitest";
import { GET as csvGET } from "@/app/api/moderation/log/csv/route";
import { GET as logGET } from "@/app/api/moderation/log/route";
import type { LogPage } from "@/lib/schemas/moderation-log";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";

const { db, sql } = useTestDatabase();
let moderator: TestSession;

beforeAll(async () => {
  await resetDatabase(sql);
  moderator = await signedIn("MODERATOR");
  const base = { targetType: "COMMENT" as const };
  await db.moderationAction.createMany({
    data: [
      {
        ...base,
        action: "COMMENT_WITHHELD",
        targetId: "1",
        actorId: null,
        rule: "threat",
        createdAt: new Date("2026-11-01T10:00:00Z"),
      },
      {
        ...base,
        action: "COMMENT_APPROVED",
        targetId: "1",
        actorId: moderator.userId,
        createdAt: new Date("2026-11-02T09:00:00Z"),
      },
      {
        ...base,
        action: "COMMENT_REJECTED",
        targetId: "2",
        actorId: moderator.userId,
        commentReason: "SPAM",
        note: '=HYPERLINK("http://evil"), with "quotes"\nand a line',
        createdAt: new Date("2026-11-03T23:59:00Z"),
      },
      {
        targetType: "POST",
        action: "POST_FLAGGED",
        targetId: "7",
        actorId: moderator.userId,
        postReason: "HEATED_THREAD",
        createdAt: new Date("2026-11-04T00:00:00Z"),
      },
    ],
  });
});

async function log(query: string): Promise<LogPage> {
  const response = await logGET(
    apiRequest(`/api/moderation/log?${query}`, { session: moderator }),
    routeContext(),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as LogPage;
}

const actions = (page: LogPage) => page.rows.map((r) => r.action);

describe("moderation log", () => {
  test("newest first, with the actor's name; the system is null", async () => {
    const page = await log("targetType=COMMENT");
    expect(actions(page)).toEqual(["COMMENT_REJECTED", "COMMENT_APPROVED", "COMMENT_WITHHELD"]);
    expect(page.rows[0]?.actorName).not.toBeNull();
    expect(page.rows[2]).toMatchObject({ actorId: null, actorName: null, rule: "threat" });
  });

  test.each([
    ["actor=system&targetType=COMMENT", ["COMMENT_WITHHELD"]],
    ["action=POST_FLAGGED", ["POST_FLAGGED"]],
    ["targetType=COMMENT&targetId=1", ["COMMENT_APPROVED", "COMMENT_WITHHELD"]],
    ["from=2026-11-02&to=2026-11-03", ["COMMENT_REJECTED", "COMMENT_APPROVED"]],
    ["to=2026-11-01", ["COMMENT_WITHHELD"]],
  ])("filters: %s", async (query, expected) => {
    expect(actions(await log(query))).toEqual(expected);
  });

  test("filters by person", async () => {
    const page = await log(`actor=${moderator.userId}&targetType=COMMENT`);
    expect(actions(page)).toEqual(["COMMENT_REJECTED", "COMMENT_APPROVED"]);
  });

  test("pages by cursor", async () => {
    const first = await log("limit=2&targetType=COMMENT");
    expect(actions(first)).toEqual(["COMMENT_REJECTED", "COMMENT_APPROVED"]);
    const second = await log(`limit=2&targetType=COMMENT&cursor=${first.nextCursor}`);
    expect(actions(second)).toEqual(["COMMENT_WITHHELD"]);
    expect(second.nextCursor).toBeNull();
  });

  test("refuses unknown parameters and malformed dates", async () => {
    for (const query of ["who=me", "from=yesterday", "action=DELETED"]) {
      const response = await logGET(
        apiRequest(`/api/moderation/log?${query}`, { session: moderator }),
        routeContext(),
      );
      expect(response.status).toBe(400);
    }
  });

  test("CSV export: the filtered rows, quoted, with formulas defused", async () => {
    const response = await csvGET(
      apiRequest("/api/moderation/log/csv?targetType=COMMENT&targetId=2", { session: moderator }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="marginalia-moderation-log-/u,
    );
    const text = await response.text();
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "id,created_at,actor_id,actor_name,actor_email,actor_role,action,target_type,target_id,comment_id,post_id,commenter_id,publication_id,reason,rule,matched_text,note,before,after",
    );
    expect(text).toContain(`,${moderator.role},COMMENT_REJECTED,COMMENT,2,`);
    expect(text).toContain(
      `,COMMENT_REJECTED,COMMENT,2,,,,,SPAM,,,"'=HYPERLINK(""http://evil""), with ""quotes""\nand a line",,\r\n`,
    );
    expect(text.endsWith("\r\n")).toBe(true);
  });
});
