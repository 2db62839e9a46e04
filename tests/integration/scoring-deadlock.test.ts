import { expect, test } from "vitest";
import { inTransaction } from "@/lib/db/sql";
import { retryOnDeadlock } from "@/lib/server/scoring/score-comments";
import { useTestDatabase } from "../support/database";

const { sql } = useTestDatabase();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a chunk's writes picked as a deadlock's victim are rolled back to their savepoint and run again", async () => {
  await sql`CREATE TABLE IF NOT EXISTS deadlock_probe (id int PRIMARY KEY, n int NOT NULL)`;
  await sql`TRUNCATE deadlock_probe`;
  await sql`INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)`;

  // Another transaction holds row 2, and asks for row 1 once the chunk's write holds it and waits for row 2:
  // a cycle. The chunk's write waited first, so PostgreSQL's deadlock check (deadlock_timeout, 1 s) picks it.
  let otherHasRow2!: () => void;
  const row2Held = new Promise<void>((resolve) => {
    otherHasRow2 = resolve;
  });
  const other = sql.begin(async (tx) => {
    await tx`UPDATE deadlock_probe SET n = n + 10 WHERE id = 2`;
    otherHasRow2();
    await pause(300);
    await tx`UPDATE deadlock_probe SET n = n + 10 WHERE id = 1`;
  });

  await row2Held;
  const attempts: number[] = [];
  await sql.begin(async (transaction) => {
    await retryOnDeadlock(inTransaction(transaction), async (write) => {
      attempts.push(attempts.length + 1);
      await write`UPDATE deadlock_probe SET n = n + 1 WHERE id = 1`;
      await write`UPDATE deadlock_probe SET n = n + 1 WHERE id = 2`;
    });
  });
  await other;

  expect(attempts).toEqual([1, 2]);
  // Both transactions' writes are in, each once: the victim's first attempt left nothing behind.
  expect(await sql`SELECT id, n FROM deadlock_probe ORDER BY id`).toEqual([
    { id: 1, n: 11 },
    { id: 2, n: 11 },
  ]);
  await sql`DROP TABLE deadlock_probe`;
});
