import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { boss, enqueueDueSyncs, QUEUES } from "@/lib/server/jobs/queue";
import { resetDatabase, useTestDatabase } from "../support/database";

const { db, sql } = useTestDatabase();

beforeEach(async () => {
  await resetDatabase(sql);
  await sql`DELETE FROM pgboss.job WHERE name = ${QUEUES.importSubstack}`.catch(() => {});
});
afterAll(async () => (await boss()).stop({ graceful: false, wait: true }));

async function queuedImports() {
  return sql<{ url: string; cookieEnv: string | null }[]>`
    SELECT data->>'url' AS url, data->>'cookieEnv' AS "cookieEnv" FROM pgboss.job
    WHERE name = ${QUEUES.importSubstack} AND state = 'created' ORDER BY data->>'url'`;
}

/** A scheduled publication whose last import run recorded `cookieEnv`; never synced unless `lastSyncedAt`. */
async function scheduledWithLastRun(
  publication: { name: string; baseUrl: string; syncIntervalMinutes: number },
  cookieEnv: string,
  lastSyncedAt?: Date,
) {
  const created = await db.publication.create({
    data: { platform: "SUBSTACK", ...publication, ...(lastSyncedAt ? { lastSyncedAt } : {}) },
  });
  await db.importRun.create({
    data: {
      publicationId: created.id,
      source: "SUBSTACK",
      params: { url: created.baseUrl, cookieEnv },
      status: "SUCCEEDED",
    },
  });
}

describe("scheduled syncs", () => {
  test("queue an import for each publication whose interval has passed, reusing its SUBSTACK_ cookie variable", async () => {
    await boss();
    await scheduledWithLastRun(
      { name: "Due", baseUrl: "https://due.example", syncIntervalMinutes: 60 },
      "SUBSTACK_DUE",
      new Date(Date.now() - 2 * 3600_000),
    );
    await scheduledWithLastRun(
      { name: "Never", baseUrl: "https://never.example", syncIntervalMinutes: 15 },
      "DATABASE_URL",
    );
    await db.publication.create({
      data: {
        platform: "SUBSTACK",
        name: "Fresh",
        baseUrl: "https://fresh.example",
        syncIntervalMinutes: 60,
        lastSyncedAt: new Date(),
      },
    });
    await db.publication.create({
      data: { platform: "SUBSTACK", name: "Unscheduled", baseUrl: "https://off.example" },
    });

    expect(await enqueueDueSyncs()).toBe(2);
    expect(await queuedImports()).toEqual([
      { url: "https://due.example", cookieEnv: "SUBSTACK_DUE" },
      // A cookie variable outside SUBSTACK_… is never read, whatever an earlier run recorded.
      { url: "https://never.example", cookieEnv: null },
    ]);
    // A second tick while the first jobs wait queues nothing twice.
    await enqueueDueSyncs();
    expect(await queuedImports()).toHaveLength(2);
  });
});
