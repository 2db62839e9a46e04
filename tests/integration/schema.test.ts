import { readFile } from "node:fs/promises";
import { beforeEach, describe, expect, test } from "vitest";
import { jobQueueSchemaReady } from "@/lib/db/job-queue-schema";
import { diffMigrationsToSchema, migrateDatabase, migrationsUpToDate, SCHEMA_PATH } from "@/lib/db/migrate";
import { sql as appSql } from "@/lib/db/sql";
import { resetDatabase, useTestDatabase } from "../support/database";

const { ownerUrl, db, sql } = useTestDatabase();

describe("schema and migrations", () => {
  test("prisma/migrations produce exactly schema.prisma (empty diff)", async () => {
    expect(await diffMigrationsToSchema(ownerUrl)).toBe("");
  });

  test("the drift check notices a schema the migrations do not produce", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const drifted = schema.replace("model Verification {", "model Verification {\n  extraColumn String?");
    const script = await diffMigrationsToSchema(ownerUrl, drifted);
    expect(script).toMatch(/extraColumn/);
  });

  test("migrating again applies nothing, and the quick check (no engine) agrees nothing is left", async () => {
    expect(await migrateDatabase(ownerUrl)).toEqual([]);
    expect(await migrationsUpToDate(ownerUrl)).toBe(true);
    expect(await jobQueueSchemaReady(ownerUrl)).toBe(true);
  });
});

describe("database rules", () => {
  beforeEach(() => resetDatabase(sql));

  test("the moderation log refuses updates and deletes, even from the tables' owner (trigger)", async () => {
    const row = await db.moderationAction.create({
      data: { action: "SETTINGS_CHANGED", targetType: "PUBLICATION", targetId: "1", note: "first" },
    });
    await expect(sql`UPDATE moderation_action SET note = 'rewritten'`).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM moderation_action`).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE moderation_action`).rejects.toThrow(/append-only/);
    const again = await db.moderationAction.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.note).toBe("first");
  });

  test("the app's role may only read and append the log: no update, delete, truncate or trigger switch", async () => {
    const row = await db.moderationAction.create({
      data: { action: "SETTINGS_CHANGED", targetType: "PUBLICATION", targetId: "1", note: "first" },
    });
    await expect(
      db.moderationAction.update({ where: { id: row.id }, data: { note: "rewritten" } }),
    ).rejects.toThrow(/denied/);
    await expect(db.moderationAction.delete({ where: { id: row.id } })).rejects.toThrow(/denied/);
    const app = appSql();
    await expect(app.unsafe('ALTER TABLE "moderation_action" DISABLE TRIGGER USER')).rejects.toThrow(
      /must be (the )?owner/,
    );
    await expect(
      app.begin(async (tx) => {
        await tx.unsafe("SET session_replication_role = replica");
      }),
    ).rejects.toThrow(/denied/);
    await expect(app`DELETE FROM moderation_action`).rejects.toThrow(/denied/);
    await expect(app`TRUNCATE moderation_action`).rejects.toThrow(/denied/);
    await expect(
      app`DROP TRIGGER "moderation_action_no_update_or_delete" ON moderation_action`,
    ).rejects.toThrow(/must be (the )?owner/);
    await expect(app`SELECT * FROM "_prisma_migrations"`).rejects.toThrow(/denied/);
    await expect(app`CREATE TABLE public.sneaky (x int)`).rejects.toThrow(/denied/);
    expect((await db.moderationAction.findUniqueOrThrow({ where: { id: row.id } })).note).toBe("first");
  });

  test("a flag is on exactly one target", async () => {
    await expect(db.flag.create({ data: { commentReason: "OTHER" } })).rejects.toThrow(/flag_one_target/);
  });
});
