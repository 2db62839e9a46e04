import { beforeAll, describe, expect, test } from "vitest";
import { getHeadline } from "@/lib/server/analytics/headline-figures";
import { resetDatabase, useTestDatabase } from "../support/database";

/**
 * The headline's distinct commenters come from per-month and per-day commenter bitmaps whose lengths follow
 * the highest commenter id they hold (multiples of 65,536 bits). Commenters with ids far apart put bitmaps of
 * different lengths in one range; whatever the range, the figure must equal counting the comments.
 */
const { sql } = useTestDatabase();

/** Commenter ids in three bitmap widths (65,536 / 131,072 / 262,144 bits and more). */
const COMMENTERS = [7, 12, 70_000, 140_000, 200_123];

/** [commenter id, posted at]: months with only narrow bitmaps, only wide ones, and both. */
const COMMENTS: [number, string][] = [
  [7, "2026-01-05T10:00:00Z"],
  [12, "2026-01-20T10:00:00Z"],
  [140_000, "2026-01-31T23:30:00Z"],
  [70_000, "2026-02-03T08:00:00Z"],
  [7, "2026-02-14T08:00:00Z"],
  [200_123, "2026-02-28T12:00:00Z"],
  [12, "2026-03-01T00:10:00Z"],
  [70_000, "2026-03-15T09:00:00Z"],
  [7, "2026-04-02T09:00:00Z"],
];

beforeAll(async () => {
  await resetDatabase(sql);
  const [pub] = await sql<{ id: number }[]>`
    INSERT INTO publication (platform, name, base_url, updated_at)
    VALUES ('SUBSTACK', 'Bitmap Watch', 'https://bitmap-watch.example', now()) RETURNING id`;
  const [post] = await sql<{ id: number }[]>`
    INSERT INTO post (publication_id, external_id, title, published_at, updated_at)
    VALUES (${pub!.id}, 'p1', 'Widths', '2026-01-01T00:00:00Z', now()) RETURNING id`;
  for (const id of COMMENTERS)
    await sql`
      INSERT INTO commenter (id, publication_id, external_id, name, first_seen_at, updated_at)
      VALUES (${id}, ${pub!.id}, ${`u${id}`}, ${`Reader ${id}`}, '2026-01-01T00:00:00Z', now())`;
  for (const [i, [commenter, at]] of COMMENTS.entries())
    await sql`
      INSERT INTO comment (publication_id, post_id, external_id, commenter_id, author_name, body, posted_at, updated_at)
      VALUES (${pub!.id}, ${post!.id}, ${`c${i}`}, ${commenter}, ${`Reader ${commenter}`},
        ${`Comment ${i} on the widths.`}, ${at}, now())`;
});

/** Distinct commenters of the comments posted within [from, to] (whole UTC days), counted. */
async function counted(from?: string, to?: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    SELECT count(DISTINCT commenter_id)::int AS n FROM comment
    WHERE body IS NOT NULL
      AND (${from ?? null}::date IS NULL OR posted_at >= ${from ?? null}::date::timestamptz)
      AND (${to ?? null}::date IS NULL OR posted_at < (${to ?? null}::date + 1)::timestamptz)`;
  return row!.n;
}

describe("the headline's distinct commenters over bitmaps of different widths", () => {
  test.each([
    ["every comment", undefined, undefined, 5],
    ["whole months of different widths", "2026-01-01", "2026-03-31", 5],
    ["one whole month with a wide and a narrow bitmap", "2026-02-01", "2026-02-28", 3],
    ["edge days only, across a month's end", "2026-01-31", "2026-02-03", 2],
    ["a whole month and edge days of other widths", "2026-01-20", "2026-03-01", 5],
    ["a single day", "2026-03-15", "2026-03-15", 1],
    ["a range without comments", "2025-06-01", "2025-06-30", 0],
  ])("%s", async (_name, from, to, expected) => {
    // The expected figure is written down and checked against counting the comments.
    expect(await counted(from, to)).toBe(expected);
    const headline = await getHeadline({ from, to });
    expect(headline.current.commenters).toBe(expected);
  });

  test("the range before (the previous figures) counts its own commenters", async () => {
    const headline = await getHeadline({ from: "2026-02-01", to: "2026-02-28" });
    // The 28 days before February: 4-31 January.
    expect(headline.previous?.figures.commenters).toBe(await counted("2026-01-04", "2026-01-31"));
    expect(headline.previous?.figures.commenters).toBe(3);
  });
});
