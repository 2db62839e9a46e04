import { describe, expect, test, vi } from "vitest";
import { db, readDb } from "@/lib/db/client";
import { openConnections } from "@/lib/db/connections";
import { sql as appSql, readSql } from "@/lib/db/sql";
import { boss, QUEUES, stopQueue } from "@/lib/server/jobs/queue";
import { useTestDatabase } from "../support/database";

/**
 * One process's connections (lib/db/README.md): the job queue runs on Prisma's pg pool, so a busy process holds
 * at most the two pools' 10 + 5 connections, and none of pg-boss's own.
 */
const { sql, url } = useTestDatabase();

async function sessions() {
  return sql<{ application_name: string; n: number }[]>`
    SELECT application_name, count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name IN ('marginalia', 'pgboss')
    GROUP BY 1 ORDER BY 1`;
}

describe("the process's connections", () => {
  test("Prisma, postgres.js and the job queue under load: two pools, at most 15 connections", async () => {
    const queue = await boss();
    try {
      await Promise.all([
        ...Array.from({ length: 30 }, () => db().$queryRaw`SELECT pg_sleep(0.05)::text`),
        ...Array.from({ length: 30 }, () => appSql()`SELECT pg_sleep(0.05)::text`),
        ...Array.from({ length: 10 }, (_, i) => queue.send(QUEUES.syncDue, { i })),
      ]);
      const fetched = await queue.fetch(QUEUES.syncDue, { batchSize: 10 });
      expect(fetched.length).toBeGreaterThan(0);
      const open = await sessions();
      expect(open.find((s) => s.application_name === "pgboss")).toBeUndefined();
      const mine = open.find((s) => s.application_name === "marginalia")?.n ?? 0;
      // Both pools were saturated (30 waiting queries each), so this is their ceiling, not an idle count.
      expect(mine).toBe(15);
    } finally {
      await sql`DELETE FROM pgboss.job WHERE name = ${QUEUES.syncDue}`;
      await stopQueue();
    }
  });

  test("without DATABASE_REPLICA_URL the dashboards read the primary's clients", () => {
    expect(readDb()).toBe(db());
    expect(readSql()).toBe(appSql());
  });

  test("a connection the server ends is logged, and the pool opens another", async () => {
    const own = openConnections({ url });
    const written = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const [{ pid }] = (await own.pool.query("SELECT pg_backend_pid() AS pid")).rows as [{ pid: number }];
      await sql`SELECT pg_terminate_backend(${pid})`;
      await vi.waitFor(() =>
        expect(written).toHaveBeenCalledWith(
          expect.stringMatching(/^\[db\] a marginalia connection ended: /),
        ),
      );
      const [{ n }] = (await own.pool.query("SELECT 1 AS n")).rows as [{ n: number }];
      expect(n).toBe(1);
    } finally {
      written.mockRestore();
      await own.close();
    }
  });
});
