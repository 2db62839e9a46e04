/**
 * `npm run bench:search [-- --comments 1000000]`: full-text search at scale. Fills a throw-away embedded
 * PostgreSQL with generated comments (bench/generate-comments.ts, 200 posts), then times the search API's own
 * statement (lib/server/search/search-comments.ts: first page and the next one) for rare and common words,
 * a phrase, a prefix, a filtered and a best-match search, and, in the same run over the same rows, the
 * case-insensitive substring scan the post page's text filter uses, so the ratio says what the index buys.
 * Prints the median of five runs of each, how the matches were found (gathered through the GIN index, or the
 * date index walked for words in many comments) and whether the plan used the GIN index.
 */
import { parseArgs } from "node:util";
import { installConnections, openConnections } from "@/lib/db/connections";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";
import { searchParamsSchema } from "@/lib/schemas/search";
import { chooseSearchStrategy, searchComments, searchStatement } from "@/lib/server/search/search-comments";
import { generatePool } from "./generate-comments";

const { values } = parseArgs({ options: { comments: { type: "string", default: "1000000" } } });
const total = Number(values.comments);
if (!Number.isInteger(total) || total < 1000)
  throw new Error("--comments must be a whole number of at least 1000");

const server = await startEmbeddedPostgres();
try {
  await migrateDatabase(server.url);
  const connections = installConnections(openConnections({ url: server.url }));
  const { sql } = connections;
  const pool = generatePool(20_000);
  // A rare word in one comment of 5,000, so some searches match few rows among many.
  const RARE = "zeitgeistwidget";
  const loadStarted = performance.now();
  const [publication] = await sql<{ id: number }[]>`
    INSERT INTO publication (platform, name, base_url, updated_at) VALUES ('FILE', 'Bench', 'bench', now()) RETURNING id`;
  await sql`
    INSERT INTO post (publication_id, external_id, title, published_at, updated_at)
    SELECT ${publication!.id}, 'p' || g, 'Post ' || g, now() - g * interval '1 day', now() FROM generate_series(1, 200) g`;
  const posts = await sql<{ id: number }[]>`SELECT id FROM post ORDER BY id`;
  const firstPost = posts[0]!.id;
  for (let from = 0; from < total; from += 100_000) {
    const count = Math.min(100_000, total - from);
    await sql`
      INSERT INTO comment (publication_id, post_id, external_id, author_name, body, posted_at, updated_at)
      SELECT ${publication!.id}, ${firstPost} + (g % 200), 'c' || g, 'Reader ' || (g % 5000),
        (${pool}::text[])[1 + (g % ${pool.length}::int)] || CASE WHEN g % 5000 = 0 THEN ' ' || ${RARE} ELSE '' END,
        now() - g * interval '1 minute', now()
      FROM generate_series(${from + 1}::int, ${from + count}::int) g`;
  }
  await sql`VACUUM ANALYZE comment`;
  console.log(
    `loaded ${total.toLocaleString("en")} comments in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`,
  );

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  async function time(run: () => Promise<unknown>): Promise<number> {
    await run();
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    return median(times);
  }
  const cases: [string, Record<string, string>][] = [
    ["rare word", { q: RARE }],
    ["common word", { q: "sanctions" }],
    ["phrase", { q: '"grain deal"' }],
    ["prefix", { q: "ceasef*" }],
    ["word + post filter", { q: "sanctions", post: String(firstPost + 7) }],
    ["rare word, best match", { q: RARE, sort: "relevance" }],
  ];
  console.log("search (median of 5)            first page   next page   matches GIN index");
  for (const [name, raw] of cases) {
    const params = searchParamsSchema.parse(raw);
    const first = await searchComments(params);
    const firstMs = await time(() => searchComments(params));
    const nextMs = first.nextCursor
      ? await time(() => searchComments(searchParamsSchema.parse({ ...raw, cursor: first.nextCursor! })))
      : Number.NaN;
    const strategy = await chooseSearchStrategy(params);
    const plan = (
      await sql<{ "QUERY PLAN": string }[]>`EXPLAIN ${searchStatement(sql, params, strategy).statement}`
    )
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    console.log(
      `${name.padEnd(32)} ${firstMs.toFixed(1).padStart(8)} ms ${Number.isNaN(nextMs) ? "       –" : `${nextMs.toFixed(1).padStart(8)} ms`}   ${strategy.padEnd(7)} ${plan.includes("comment_search_vector_idx") ? "yes" : "no"}`,
    );
  }
  const scanMs = await time(
    () => sql`SELECT id FROM comment WHERE body ILIKE ${`%${RARE}%`} ORDER BY posted_at DESC LIMIT 26`,
  );
  const indexMs = await time(() => searchComments(searchParamsSchema.parse({ q: RARE })));
  console.log(
    `rare word: substring scan ${scanMs.toFixed(1)} ms, full-text search ${indexMs.toFixed(1)} ms (${(scanMs / indexMs).toFixed(0)}x)`,
  );
  await connections.close();
} finally {
  await server.stop();
}
