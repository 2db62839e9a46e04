import { beforeEach, describe, expect, test } from "vitest";
import { sql as appSql } from "@/lib/db/sql";
import { appendLog } from "@/lib/server/audit-log";
import { resetDatabase, useTestDatabase } from "../support/database";
import { signedIn, type TestSession } from "../support/sessions";

const { db, sql } = useTestDatabase();
let moderator: TestSession;

beforeEach(async () => {
  await resetDatabase(sql);
  moderator = await signedIn("MODERATOR");
});

describe("appendLog", () => {
  test("the postgres client writes the same rows as Prisma's transaction (JSON, reasons, actor details)", async () => {
    const entry = {
      actorId: moderator.userId,
      action: "POST_FLAGGED" as const,
      targetType: "POST" as const,
      targetId: "7",
      postReason: "HEATED_THREAD" as const,
      note: "=cmd",
      after: { flagId: 3, nested: { list: [1, "two"] } },
    };
    const [viaSql] = await appendLog(appSql(), entry);
    const [viaPrisma] = await db.$transaction((tx) => appendLog(tx, entry));
    expect(viaSql?.action).toBe("POST_FLAGGED");
    const pick = ({ id: _id, createdAt: _at, ...rest }: Record<string, unknown>) => rest;
    const written = await db.moderationAction.findMany({
      where: { action: "POST_FLAGGED" },
      orderBy: { id: "asc" },
    });
    expect(written.map((r) => r.id)).toEqual([viaSql?.id, viaPrisma?.id]);
    expect(pick(written[0] ?? {})).toEqual(pick(written[1] ?? {}));
    const user = await db.user.findUniqueOrThrow({ where: { id: moderator.userId } });
    expect(written[0]).toMatchObject({
      actorName: user.name,
      actorRole: "MODERATOR",
      after: entry.after,
      before: null,
    });
  });

  test("a field the postgres path has no column for is refused, not dropped", async () => {
    await expect(
      appendLog(appSql(), {
        action: "NOTE_ADDED",
        targetType: "COMMENT",
        targetId: "1",
        unexpected: true,
      } as never),
    ).rejects.toThrow(/no column for unexpected/);
  });
});
