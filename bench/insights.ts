/**
 * `npm run bench:insights [-- --comments 5000] [--posts 4]`: the insights job at scale. Fills a throw-away
 * embedded PostgreSQL with generated comments spread over a few posts (bench/generate-comments.ts), scores them
 * (which stamps the posts, as in production), then times each step of the job on its own: argument groups,
 * entities (tagger, per-sentence scoring, merging), the surge check and a rerun with nothing changed. Prints
 * comments per second for each step, measured in the same run.
 */
import { parseArgs } from "node:util";
import { installConnections, openConnections } from "@/lib/db/connections";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { refreshDueArguments } from "@/lib/server/insights/arguments";
import { refreshDueEntities } from "@/lib/server/insights/entity-scan";
import { checkSurges } from "@/lib/server/insights/surges";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { generatePool } from "./generate-comments";

const { values } = parseArgs({
  options: { comments: { type: "string", default: "5000" }, posts: { type: "string", default: "4" } },
});
const total = Number(values.comments);
const postCount = Number(values.posts);
if (!Number.isInteger(total) || total < 100)
  throw new Error("--comments must be a whole number of at least 100");
if (!Number.isInteger(postCount) || postCount < 1 || postCount > 1000)
  throw new Error("--posts must be a whole number from 1 to 1000");

const NAMES = [
  "Putin",
  "Zelensky",
  "Merkel",
  "Erdoğan",
  "the Kremlin",
  "Brussels",
  "NATO",
  "the Strait of Hormuz",
];

const server = await startEmbeddedPostgres();
try {
  await migrateDatabase(server.url);
  const connections = installConnections(openConnections({ url: server.url }));
  const { sql } = connections;
  // Names in some comments, so the entity step has mentions to type, score and merge.
  const pool = generatePool(5_000).map((text, i) =>
    i % 3 === 0 ? `${text} ${NAMES[i % NAMES.length]} is the point here.` : text,
  );
  const [publication] = await sql<{ id: number }[]>`
    INSERT INTO publication (platform, name, base_url, updated_at) VALUES ('FILE', 'Bench', 'bench', now()) RETURNING id`;
  await sql`
    INSERT INTO post (publication_id, external_id, title, published_at, updated_at)
    SELECT ${publication!.id}, 'p' || g, 'Post ' || g, now() - g * interval '1 day', now()
    FROM generate_series(1, ${postCount}::int) g`;
  const [first] = await sql<{ id: number }[]>`SELECT min(id)::int AS id FROM post`;
  await sql`
    INSERT INTO comment (publication_id, post_id, external_id, author_name, body, posted_at, updated_at)
    SELECT ${publication!.id}, ${first!.id} + (g % ${postCount}::int), 'c' || g, 'Reader ' || (g % 500),
      (${pool}::text[])[1 + (g % ${pool.length}::int)], now() - g * interval '10 seconds', now()
    FROM generate_series(1, ${total}::int) g`;
  const scoreStarted = performance.now();
  await scoreComments(sql);
  const scoreMs = performance.now() - scoreStarted;

  const rate = (ms: number) => `${Math.round(total / (ms / 1000)).toLocaleString("en")} comments/s`;
  async function step(name: string, run: () => Promise<unknown>) {
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    console.log(
      `${name.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${rate(ms).padStart(20)}  ${JSON.stringify(result)}`,
    );
  }
  console.log(
    `${total.toLocaleString("en")} comments on ${postCount} post(s); fast scorer ${(scoreMs / 1000).toFixed(1)} s (${rate(scoreMs)})`,
  );
  await step("arguments (both sides, all posts)", async () => (await refreshDueArguments(sql)).length);
  await step("entities (scan + merge)", async () => {
    await refreshDueEntities(sql, { limit: postCount });
    const [m] = await sql<{ mentions: number; entities: number }[]>`
      SELECT (SELECT count(*)::int FROM entity_mention) AS mentions, (SELECT count(*)::int FROM entity) AS entities`;
    return m;
  });
  await step("surge check", async () => (await checkSurges(sql)).length);
  await step("rerun, nothing changed", async () => ({
    arguments: (await refreshDueArguments(sql)).length,
    entities: (await refreshDueEntities(sql)).length,
  }));
  await connections.close();
} finally {
  await server.stop();
}
