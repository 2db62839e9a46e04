import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { importFile } from "@/lib/server/ingest/file-import";
import { resetDatabase, useTestDatabase } from "../support/database";

/**
 * The commenter bitmaps (the headline's distinct commenters) are kept incrementally: an import sets the bits
 * of each batch's commenters in its days' and months' bitmaps, widening a bitmap when a commenter's id is past
 * its end; a commenter's last comment of a day losing its text rebuilds that day and its month. Whatever the
 * batches, every bitmap must hold exactly the commenters of its day or month, counted from the comments, at
 * the width a rebuild gives it (a multiple of 65,536 bits past the highest id), and equal a rebuild.
 */
const { sql } = useTestDatabase();
let dir: string;

const HEADER = "post_id,post_title,post_date,comment_id,parent_id,author,date,body,author_id,deleted";

/**
 * `n` comments by commenters `authors` (cycled), spread over January to April 2026 out of date order, so
 * that every small batch touches several days and months.
 */
function rows(prefix: string, n: number, authors: string[], deleted: (i: number) => boolean = () => false) {
  return Array.from({ length: n }, (_, i) => {
    const day = (i * 37) % 110;
    const at = new Date(Date.UTC(2026, 0, 1 + day, 8 + (i % 12)));
    const author = authors[i % authors.length] as string;
    const post = `p${i % 3}`;
    return `${post},Post ${post},2025-12-30T08:00:00Z,${prefix}${i},,Reader ${author},${at.toISOString()},Comment ${prefix}${i} on ${post}.,${author},${deleted(i)}`;
  });
}

async function importCsv(name: string, lines: string[]) {
  const file = path.join(dir, name);
  await writeFile(file, [HEADER, ...lines].join("\n"));
  const result = await importFile(sql, {
    path: file,
    publication: "Bitmap Batches",
    batchSize: 4,
    scoring: "none",
  });
  expect(result.status).toBe("SUCCEEDED");
}

interface BitmapRow {
  publication_id: number;
  period: string;
  width: number;
  bits: number[];
}

/** Each stored bitmap as its width and the positions of its set bits. */
async function stored(table: "commenter_day_bitmap" | "commenter_month_bitmap"): Promise<BitmapRow[]> {
  const period = table === "commenter_day_bitmap" ? "day" : "month";
  const rows = await sql.unsafe<{ publication_id: number; period: string; commenters: string }[]>(`
    SELECT publication_id, ${period}::text AS period, commenters::text AS commenters FROM ${table} ORDER BY 1, 2`);
  return rows.map((r) => ({
    publication_id: r.publication_id,
    period: r.period,
    width: r.commenters.length,
    bits: [...r.commenters.matchAll(/1/g)].map((m) => m.index),
  }));
}

/** The same, counted from the comments with text: the ids of their commenters, the width past the highest. */
async function counted(period: "day" | "month"): Promise<BitmapRow[]> {
  const key =
    period === "day"
      ? "(posted_at AT TIME ZONE 'UTC')::date"
      : "date_trunc('month', posted_at AT TIME ZONE 'UTC')::date";
  return sql.unsafe<BitmapRow[]>(`
    SELECT publication_id, ${key}::text AS period, (max(commenter_id) / 65536 + 1) * 65536 AS width,
      array_agg(DISTINCT commenter_id ORDER BY commenter_id) AS bits
    FROM comment WHERE body IS NOT NULL AND commenter_id IS NOT NULL
    GROUP BY 1, 2 ORDER BY 1, 2`);
}

/** The bitmaps as the triggers keep them, and as commenter_bitmap_refresh rebuilds them (rolled back). */
async function expectBitmapsExact() {
  const days = await stored("commenter_day_bitmap");
  const months = await stored("commenter_month_bitmap");
  expect(days).toEqual(await counted("day"));
  expect(months).toEqual(await counted("month"));
  let rebuilt: BitmapRow[][] = [];
  await sql
    .begin(async (tx) => {
      await tx`DELETE FROM commenter_day_bitmap`;
      await tx`DELETE FROM commenter_month_bitmap`;
      await tx`
        SELECT commenter_bitmap_refresh(array_agg(publication_id), array_agg(day))
        FROM (SELECT DISTINCT publication_id, day FROM commenter_day_rollup) d`;
      rebuilt = [
        await tx.unsafe<BitmapRow[]>(`SELECT publication_id, day::text AS period, commenters::text AS bits
          FROM commenter_day_bitmap ORDER BY 1, 2`),
        await tx.unsafe<BitmapRow[]>(`SELECT publication_id, month::text AS period, commenters::text AS bits
          FROM commenter_month_bitmap ORDER BY 1, 2`),
      ];
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  expect(
    await sql`SELECT publication_id, day::text AS period, commenters::text AS bits FROM commenter_day_bitmap ORDER BY 1, 2`,
  ).toEqual(rebuilt[0]);
  expect(
    await sql`SELECT publication_id, month::text AS period, commenters::text AS bits FROM commenter_month_bitmap ORDER BY 1, 2`,
  ).toEqual(rebuilt[1]);
  return { days, months };
}

beforeAll(async () => {
  await resetDatabase(sql);
  dir = await mkdtemp(path.join(os.tmpdir(), "marginalia-bitmaps-"));
});

describe("commenter bitmaps after imports in many batches", () => {
  const narrow = ["u1", "u2", "u3", "u4", "u5", "u6", "u7"];
  const wide = ["w1", "w2", "w3"];

  test("a first import, four comments a batch, commenters across months", async () => {
    await importCsv("first.csv", rows("a", 60, narrow));
    const { months } = await expectBitmapsExact();
    expect(months.map((m) => m.period)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]);
    expect(months.every((m) => m.width === 65_536 && m.bits.length > 1)).toBe(true);
  });

  test("commenters with ids past the bitmaps' end widen them; narrower ones OR into wider ones", async () => {
    // The next commenters get ids past 65,536 and 131,072: wider bitmaps in the same days and months.
    await sql`SELECT setval(pg_get_serial_sequence('commenter', 'id'), 140000)`;
    await importCsv("wide.csv", rows("b", 24, wide));
    // Narrow commenters again, into days and months whose bitmaps are wide now.
    await importCsv("narrow-again.csv", rows("c", 30, ["u1", "u8"]));
    const { months } = await expectBitmapsExact();
    // January to March have wide commenters (ids past 131,072); April only the first import's narrow ones.
    expect(months.map((m) => m.width)).toEqual([196_608, 196_608, 196_608, 65_536]);
    expect(Math.max(...months.flatMap((m) => m.bits))).toBeGreaterThan(140_000);
  });

  test("comments losing their text upstream take their commenters out where they had no other", async () => {
    // The first file again, a third of its comments now deleted upstream (their text is gone).
    await importCsv(
      "first.csv",
      rows("a", 60, narrow, (i) => i % 3 === 0),
    );
    const before = await counted("day");
    await expectBitmapsExact();
    // Some day lost a commenter: the removal path ran, not only the additions.
    const [gone] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM commenter_day_rollup WHERE comments = 0`;
    expect(gone!.n).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
  });
});
