import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { useTestDatabase } from "../support/database";

const { ownerUrl, sql } = useTestDatabase();

/** The migration under test: FlagReason's three lists become three enums, each row's reason kept. */
const SPLIT = "20261206110000_split_reason_enums";
const name = `marginalia_split_${randomBytes(4).toString("hex")}`;
let old: postgres.Sql;

async function migration(folder: string): Promise<string> {
  return readFile(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8");
}

beforeAll(async () => {
  await sql.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(ownerUrl);
  url.pathname = `/${name}`;
  old = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && d.name < SPLIT)
    .map((d) => d.name)
    .sort();
  for (const folder of folders) await old.unsafe(await migration(folder));
  // A database as it stood before the split: flags and log rows of every kind under the one FlagReason.
  await old`INSERT INTO publication (id, platform, name, base_url, updated_at)
    VALUES (1, 'FILE', 'Pub', 'file:pub', now())`;
  await old`INSERT INTO post (id, publication_id, external_id, title, updated_at) VALUES (1, 1, 'p1', 'Post', now())`;
  await old`INSERT INTO comment (id, publication_id, post_id, external_id, author_name, posted_at, updated_at)
    VALUES (1, 1, 1, 'c1', 'Reader', now(), now())`;
  await old`INSERT INTO flag (id, comment_id, post_id, reason, rule) VALUES
    (1, 1, NULL, 'SUSPECT_WORD', 'suspect-words'),
    (2, 1, NULL, 'HARASSMENT', NULL),
    (3, NULL, 1, 'HEATED_THREAD', NULL),
    (4, NULL, 1, 'OTHER', NULL),
    (5, 1, NULL, 'HEATED_THREAD', NULL)`;
  await old`INSERT INTO moderation_action (id, action, target_type, target_id, comment_id, post_id, reason) VALUES
    (1, 'COMMENT_REJECTED', 'COMMENT', '1', 1, 1, 'SPAM'),
    (2, 'COMMENT_WITHHELD', 'COMMENT', '1', 1, 1, 'THREAT'),
    (3, 'POST_FLAGGED', 'POST', '1', NULL, 1, 'BRIGADING_SUSPECTED'),
    (4, 'NOTE_ADDED', 'COMMENT', '1', 1, 1, NULL)`;
  await old.unsafe(await migration(SPLIT));
});

afterAll(async () => {
  await old?.end({ timeout: 5 });
  await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe(`migration ${SPLIT}`, () => {
  test("each flag keeps its reason, in the column of its meaning", async () => {
    const flags = await old`
      SELECT id, comment_reason::text, rule_reason::text, post_reason::text FROM flag ORDER BY id`;
    expect(flags.map((f) => [f.id, f.comment_reason, f.rule_reason, f.post_reason])).toEqual([
      [1, null, "SUSPECT_WORD", null],
      [2, "HARASSMENT", null, null],
      [3, null, null, "HEATED_THREAD"],
      [4, null, null, "OTHER"],
      // A post's reason on a comment never came from the app; it becomes the comment's OTHER, not an error.
      [5, "OTHER", null, null],
    ]);
  });

  test("each log row keeps its reason, and the log is append-only again afterwards", async () => {
    const rows = await old`
      SELECT id::int, comment_reason::text, rule_reason::text, post_reason::text FROM moderation_action ORDER BY id`;
    expect(rows.map((r) => [r.id, r.comment_reason, r.rule_reason, r.post_reason])).toEqual([
      [1, "SPAM", null, null],
      [2, null, "THREAT", null],
      [3, null, null, "BRIGADING_SUSPECTED"],
      [4, null, null, null],
    ]);
    await expect(old`UPDATE moderation_action SET note = 'x' WHERE id = 1`).rejects.toThrow();
  });

  test("a flag must say why in exactly the column that fits it", async () => {
    await expect(old`INSERT INTO flag (comment_id) VALUES (1)`).rejects.toThrow(/flag_one_reason/);
    await expect(
      old`INSERT INTO flag (comment_id, comment_reason, rule_reason) VALUES (1, 'SPAM', 'LINKS')`,
    ).rejects.toThrow(/flag_one_reason/);
    await expect(old`INSERT INTO flag (post_id, comment_reason) VALUES (1, 'SPAM')`).rejects.toThrow(
      /flag_one_reason/,
    );
    await expect(
      old`INSERT INTO moderation_action (action, target_type, target_id, post_reason, comment_reason)
        VALUES ('POST_FLAGGED', 'POST', '1', 'OTHER', 'SPAM')`,
    ).rejects.toThrow(/moderation_action_reason_kinds/);
  });
});
