import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getCommenter } from "@/app/api/commenters/[commenterId]/route";
import { POST as correct } from "@/app/api/comments/[commentId]/correction/route";
import { POST as reject } from "@/app/api/comments/[commentId]/reject/route";
import { GET as getQueue } from "@/app/api/moderation/queue/route";
import { GET as getTones } from "@/app/api/posts/[postId]/tones/route";
import { GET as getPosts } from "@/app/api/posts/route";
import { type Connections, installConnections, openConnections, type Sql } from "@/lib/db/connections";
import { prepareDatabase } from "@/lib/db/database";
import { type EmbeddedServer, startEmbeddedPostgres } from "@/lib/db/embedded";
import { createSql, readSql } from "@/lib/db/sql";
import type { CommenterPage } from "@/lib/schemas/commenter-profile";
import type { QueuePage } from "@/lib/schemas/moderation-queue";
import type { ToneDistribution } from "@/lib/schemas/post-figures";
import type { PostListResponse } from "@/lib/schemas/posts";
import { OWN_WRITES_COOKIE } from "@/lib/server/own-writes";
import { resetDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

/**
 * The dashboards on a read replica (DATABASE_REPLICA_URL). Two PostgreSQL servers of the file's own: the primary
 * (wal_level=logical) publishes the app's tables, the replica subscribes to them, as a managed provider's
 * replica follows its primary. The app's routes run against both: the figures must come from the replica (a
 * correction made while the replica is paused is not in them; after it catches up, it is), while the writes
 * and the reads that follow them (the correction's answer, the moderation queue, sign-in) use the primary.
 */

const PUBLICATION = "marginalia_dashboards";
const SUBSCRIPTION = "marginalia_replica";

let primary: EmbeddedServer;
let replica: EmbeddedServer;
let primaryOwner: Sql;
let replicaOwner: Sql;
let connections: Connections;
let f: DashboardFixture;
let moderator: TestSession;
let viewer: TestSession;
let ben: number;

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until the replica has applied everything the primary has written so far: the subscription's
 * confirmed position (flush_lsn, reported once a transaction is applied and flushed) passes the primary's
 * current WAL position.
 */
async function replicaCaughtUp(): Promise<void> {
  const [now] = await primaryOwner<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  await until("the replica to catch up", async () => {
    const [row] = await primaryOwner<{ done: boolean }[]>`
      SELECT flush_lsn >= ${now!.lsn}::pg_lsn AS done FROM pg_stat_replication
      WHERE application_name = ${SUBSCRIPTION}`;
    return row?.done === true;
  });
}

/** Stops applying on the replica and waits until its apply worker is gone, so nothing more arrives. */
async function pauseReplica(): Promise<void> {
  await replicaOwner.unsafe(`ALTER SUBSCRIPTION ${SUBSCRIPTION} DISABLE`);
  await until("the apply worker to stop", async () => {
    const [row] = await replicaOwner<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_subscription WHERE subname = ${SUBSCRIPTION} AND pid IS NOT NULL`;
    return row!.n === 0;
  });
}

async function resumeReplica(): Promise<void> {
  await replicaOwner.unsafe(`ALTER SUBSCRIPTION ${SUBSCRIPTION} ENABLE`);
  await replicaCaughtUp();
}

beforeAll(async () => {
  [primary, replica] = await Promise.all([
    startEmbeddedPostgres({ settings: { wal_level: "logical" } }),
    startEmbeddedPostgres(),
  ]);
  // Both prepared as `npm start` prepares a database: the schema (DDL is not replicated), the app's role.
  await prepareDatabase({ url: primary.appUrl, ownerUrl: primary.url });
  await prepareDatabase({ url: replica.appUrl, ownerUrl: replica.url });
  primaryOwner = createSql(primary.url);
  replicaOwner = createSql(replica.url);
  connections = installConnections(openConnections({ url: primary.appUrl, replicaUrl: replica.appUrl }));

  // The app's tables, less the migrations' own log (each side has its own rows there). A table without a
  // primary key would need REPLICA IDENTITY FULL to publish its updates; the schema has none.
  const tables = await primaryOwner<{ name: string }[]>`
    SELECT quote_ident(tablename) AS name FROM pg_tables
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`;
  const withoutKey = await primaryOwner<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)`;
  expect(withoutKey.map((t) => t.name)).toEqual([]);
  await primaryOwner.unsafe(
    `CREATE PUBLICATION ${PUBLICATION} FOR TABLE ${tables.map((t) => t.name).join(", ")}`,
  );
  // Whatever the migrations inserted comes over with the initial copy.
  await resetDatabase(replicaOwner);
  await replicaOwner.unsafe(
    `CREATE SUBSCRIPTION ${SUBSCRIPTION} CONNECTION '${primary.url}' PUBLICATION ${PUBLICATION}`,
  );

  f = await buildDashboardFixture(primaryOwner);
  const [commenter] = await primaryOwner<{ id: number }[]>`SELECT id FROM commenter WHERE name = 'Ben'`;
  ben = commenter!.id;
  moderator = await signedIn("MODERATOR");
  viewer = await signedIn("VIEWER");
  await until("the initial copy", async () => {
    const [row] = await replicaOwner<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_subscription_rel WHERE srsubstate <> 'r'`;
    return row!.n === 0;
  });
  await replicaCaughtUp();
}, 180_000);

afterAll(async () => {
  await replicaOwner?.unsafe(`DROP SUBSCRIPTION IF EXISTS ${SUBSCRIPTION}`);
  await connections?.close();
  await primaryOwner?.end({ timeout: 5 });
  await replicaOwner?.end({ timeout: 5 });
  await Promise.all([primary?.stop(), replica?.stop()]);
});

async function json<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

const tones = async () =>
  (
    await json<ToneDistribution>(
      await getTones(
        apiRequest(`/api/posts/${f.p1}/tones`, { session: viewer }),
        routeContext({ postId: String(f.p1) }),
      ),
    )
  ).tones;

const overviewTones = async () => {
  const { posts } = await json<PostListResponse>(
    await getPosts(apiRequest("/api/posts", { session: viewer }), routeContext()),
  );
  return posts.find((p) => p.id === f.p1)!.tones;
};

const commenterTones = async () =>
  (
    await json<CommenterPage>(
      await getCommenter(
        apiRequest(`/api/commenters/${ben}`, { session: viewer }),
        routeContext({ commenterId: String(ben) }),
      ),
    )
  ).commenter.tones;

describe("dashboards on a read replica", () => {
  test("the dashboards answer from the replica; a correction shows there once the replica has caught up", async () => {
    expect(await tones()).toMatchObject({ skeptical: 1, analytical: 2 });
    await pauseReplica();

    // Written to the primary while the replica is paused; the correction's own answer reads the primary.
    const corrected = await correct(
      apiRequest(`/api/comments/${f.ids.a2}/correction`, {
        method: "POST",
        session: moderator,
        body: { tone: "analytical" },
      }),
      routeContext({ commentId: String(f.ids.a2) }),
    );
    expect(await json(corrected)).toMatchObject({ tone: "analytical", corrected: true });
    const [onPrimary] = await primaryOwner<{ tones: number[] }[]>`
      SELECT tone_counts AS tones FROM post_rollup WHERE post_id = ${f.p1}`;
    const [onReplica] = await replicaOwner<{ tones: number[] }[]>`
      SELECT tone_counts AS tones FROM post_rollup WHERE post_id = ${f.p1}`;
    expect(onPrimary!.tones).not.toEqual(onReplica!.tones);

    // The post's figures, the overview and the commenter's profile still show the replica's (old) labels.
    expect(await tones()).toMatchObject({ skeptical: 1, analytical: 2 });
    expect(await overviewTones()).toMatchObject({ skeptical: 1, analytical: 2 });
    expect(await commenterTones()).toMatchObject({ skeptical: 1 });

    await resumeReplica();
    expect(await tones()).toMatchObject({ skeptical: 0, analytical: 3 });
    expect(await overviewTones()).toMatchObject({ skeptical: 0, analytical: 3 });
    expect(await commenterTones()).toMatchObject({ skeptical: 0, analytical: 1 });
  });

  test("the person who made a change reads the primary for a few seconds after; everyone else the replica", async () => {
    const before = await tones();
    await pauseReplica();
    try {
      const corrected = await correct(
        apiRequest(`/api/comments/${f.ids.a2}/correction`, {
          method: "POST",
          session: moderator,
          body: { tone: "hostile" },
        }),
        routeContext({ commentId: String(f.ids.a2) }),
      );
      expect(corrected.status, await corrected.clone().text()).toBe(200);
      const mark = corrected.headers.getSetCookie().find((c) => c.startsWith(`${OWN_WRITES_COOKIE}=`));
      expect(mark).toMatch(/HttpOnly/);
      const tonesWith = async (cookie: string | null) =>
        (
          await json<ToneDistribution>(
            await getTones(
              apiRequest(`/api/posts/${f.p1}/tones`, {
                session: moderator,
                headers: cookie ? { cookie: `${moderator.headers.cookie}; ${cookie}` } : {},
              }),
              routeContext({ postId: String(f.p1) }),
            ),
          )
        ).tones;
      const moved = { ...before, analytical: before.analytical - 1, hostile: before.hostile + 1 };
      // The moderator's next read carries the mark: the primary, with the correction.
      expect(await tonesWith(mark!.split(";")[0]!)).toEqual(moved);
      // The viewer, the moderator without the mark, a forged or an expired mark: the replica, without it.
      expect(await tones()).toEqual(before);
      expect(await tonesWith(null)).toEqual(before);
      expect(await tonesWith(`${OWN_WRITES_COOKIE}=soon`)).toEqual(before);
      expect(await tonesWith(`${OWN_WRITES_COOKIE}=${Date.now() - 1000}`)).toEqual(before);
      expect(await tonesWith(`${OWN_WRITES_COOKIE}=${Date.now() + 3_600_000}`)).toEqual(before);
    } finally {
      await resumeReplica();
    }
  });

  test("a moderation decision is in the queue at once, whatever the replica's delay", async () => {
    await pauseReplica();
    try {
      const rejected = await reject(
        apiRequest(`/api/comments/${f.ids.a4}/reject`, {
          method: "POST",
          session: moderator,
          body: { reason: "OFF_TOPIC" },
        }),
        routeContext({ commentId: String(f.ids.a4) }),
      );
      expect(rejected.status, await rejected.clone().text()).toBe(200);
      const queue = await json<QueuePage>(
        await getQueue(
          apiRequest("/api/moderation/queue?tab=rejected", { session: moderator }),
          routeContext(),
        ),
      );
      expect(queue.items.map((i) => i.id)).toContain(f.ids.a4);
      const [there] = await replicaOwner<
        { status: string }[]
      >`SELECT status FROM comment WHERE id = ${f.ids.a4!}`;
      expect(there!.status).not.toBe("REJECTED");
    } finally {
      await resumeReplica();
    }
  });

  test("the replica's sessions are the dashboards' and are read-only", async () => {
    await tones();
    const [mine] = await replicaOwner<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'marginalia-replica-reads'`;
    expect(mine!.n).toBeGreaterThan(0);
    const [theirs] = await primaryOwner<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'marginalia-replica-reads'`;
    expect(theirs!.n).toBe(0);
    // A write sent there by mistake fails instead of diverging from the primary (a subscriber is writable).
    await expect(readSql()`UPDATE publication SET name = 'x'`).rejects.toMatchObject({ code: "25006" });
  });
});
