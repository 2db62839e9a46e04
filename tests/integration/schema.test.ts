import { readFile } from "node:fs/promises";
import { beforeEach, describe, expect, test } from "vitest";
import { diffMigrationsToSchema, migrateDatabase, SCHEMA_PATH } from "@/lib/db/migrate";
import { resetDatabase, useTestDatabase } from "../support/database";

const { url, db, sql } = useTestDatabase();

describe("schema and migrations", () => {
  test("prisma/migrations produce exactly schema.prisma (empty diff)", async () => {
    expect(await diffMigrationsToSchema(url)).toBe("");
  });

  test("the drift check notices a schema the migrations do not produce", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const drifted = schema.replace("model Verification {", "model Verification {\n  extraColumn String?");
    const script = await diffMigrationsToSchema(url, drifted);
    expect(script).toMatch(/extraColumn/);
  });

  test("migrating again applies nothing", async () => {
    expect(await migrateDatabase(url)).toEqual([]);
  });
});

describe("database rules", () => {
  beforeEach(() => resetDatabase(sql));

  test("the moderation log refuses updates and deletes", async () => {
    const row = await db.moderationAction.create({
      data: { action: "SETTINGS_CHANGED", targetType: "PUBLICATION", targetId: "1", note: "first" },
    });
    await expect(
      db.moderationAction.update({ where: { id: row.id }, data: { note: "rewritten" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.moderationAction.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE moderation_action`).rejects.toThrow(/append-only/);
    const again = await db.moderationAction.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.note).toBe("first");
  });

  test("a flag is on exactly one target", async () => {
    await expect(db.flag.create({ data: { reason: "OTHER" } })).rejects.toThrow(/flag_one_target/);
  });
});
