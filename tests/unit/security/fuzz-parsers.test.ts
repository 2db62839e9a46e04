import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { classifyLines } from "@/lib/cli/commands/classify";
import { ImportFileError } from "@/lib/ingest/files/errors";
import type { ImportFormat } from "@/lib/ingest/files/events";
import { parseImport } from "@/lib/ingest/files/index";
import { sniffContent } from "@/lib/ingest/files/sniff";
import { report, soakOr } from "../../support/soak";
import { collect, streamOf } from "../ingest/files/support";

/**
 * Hostile input to every file parser, the format sniffer and the classify input (fast-check): near-valid files
 * built from each format's own vocabulary with hostile values, broken structure and raw bytes. Whatever comes
 * in: no crash other than the documented ImportFileError for a file that cannot be read at all, no hang past a
 * bound, every per-item problem reported with where it is, and every item that goes out well-formed.
 */
const RUNS = soakOr(60, 1500);
const BOUND_MS = 5_000;

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uFFFD",
    "\uD800",
    "2024-02-30T25:61:00Z",
    "0000-00-00",
    "9999-12-31T23:59:59Z",
    "-1",
    "1e308",
    "NaN",
    "null",
    "<b>",
    "]]>",
    "&amp;",
    "&bogus;",
    '"',
    "'",
    ",",
    "\r\n",
    "a".repeat(20_000),
  ),
);
const isoDate = fc
  .date({ min: new Date("1990-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
  .map((d) => d.toISOString());
const field = fc.oneof(
  hostile,
  isoDate,
  fc.integer().map(String),
  fc.constantFrom("p1", "p2", "c1", "c2", "c3", "true", "false"),
);

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}
const CSV_COLUMNS = [
  "post_id",
  "post_title",
  "post_date",
  "comment_id",
  "parent_id",
  "author",
  "date",
  "body",
  "post_url",
  "author_id",
  "edited_at",
  "deleted",
];
const csv = fc
  .tuple(
    fc.shuffledSubarray(CSV_COLUMNS, { minLength: 6 }),
    fc.array(fc.array(field, { maxLength: 14 }), { maxLength: 12 }),
    fc.boolean(),
  )
  .map(([columns, rows, quoteAll]) =>
    [
      columns.join(","),
      ...rows.map((r) => r.map((v) => (quoteAll ? `"${v.replaceAll('"', '""')}"` : csvCell(v))).join(",")),
    ].join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0] ?? "\n"),
  );

const jsonlRecord = fc.dictionary(
  fc.constantFrom(...CSV_COLUMNS, "x"),
  fc.oneof(field, fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
  { maxKeys: 12 },
);
const jsonl = fc
  .array(
    fc.oneof(
      jsonlRecord.map((r) => JSON.stringify(r)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      hostile,
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((lines) => lines.join("\n"));

const xmlText = fc.oneof(
  hostile,
  hostile.map((t) => t.replaceAll("&", "&amp;").replaceAll("<", "&lt;")),
  hostile.map((t) => `<![CDATA[${t}]]>`),
);
const disqusPost = fc
  .record({
    id: field,
    thread: field,
    parent: fc.option(field),
    message: xmlText,
    createdAt: fc.oneof(isoDate, hostile),
    deleted: fc.constantFrom("true", "false", "maybe"),
    spam: fc.constantFrom("true", "false"),
    name: xmlText,
  })
  .map(
    (p) =>
      `<post dsq:id="${p.id.replaceAll('"', "")}"><message>${p.message}</message><createdAt>${p.createdAt}</createdAt><isDeleted>${p.deleted}</isDeleted><isSpam>${p.spam}</isSpam><author><name>${p.name}</name></author><thread dsq:id="${p.thread.replaceAll('"', "")}"/>${p.parent === null ? "" : `<parent dsq:id="${p.parent.replaceAll('"', "")}"/>`}</post>`,
  );
const disqusThread = fc
  .record({
    id: field,
    title: xmlText,
    link: fc.oneof(fc.webUrl(), hostile),
    createdAt: fc.oneof(isoDate, hostile),
  })
  .map(
    (t) =>
      `<thread dsq:id="${t.id.replaceAll('"', "")}"><link>${t.link}</link><title>${t.title}</title><createdAt>${t.createdAt}</createdAt></thread>`,
  );
const disqus = fc
  .array(fc.oneof(disqusThread, disqusPost, xmlText), { maxLength: 10 })
  .map(
    (parts) =>
      `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"><category dsq:id="1"><forum>f</forum></category>${parts.join("")}</disqus>`,
  );

const wxrComment = fc
  .record({
    id: field,
    parent: field,
    content: xmlText,
    date: fc.oneof(fc.constant("2024-05-02 08:00:00"), hostile),
    approved: fc.constantFrom("1", "0", "spam", "trash", "x"),
    type: fc.constantFrom("comment", "pingback", ""),
  })
  .map(
    (c) =>
      `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${c.content}</wp:comment_author><wp:comment_date_gmt>${c.date}</wp:comment_date_gmt><wp:comment_content>${c.content}</wp:comment_content><wp:comment_approved>${c.approved}</wp:comment_approved><wp:comment_type>${c.type}</wp:comment_type><wp:comment_parent>${c.parent}</wp:comment_parent></wp:comment>`,
  );
const wxrItem = fc
  .record({
    id: field,
    title: xmlText,
    link: fc.oneof(fc.webUrl(), hostile),
    type: fc.constantFrom("post", "page", "attachment"),
    comments: fc.array(wxrComment, { maxLength: 5 }),
  })
  .map(
    (i) =>
      `<item><title>${i.title}</title><link>${i.link}</link><wp:post_id>${i.id}</wp:post_id><wp:post_type>${i.type}</wp:post_type><wp:post_date_gmt>2024-05-01 08:00:00</wp:post_date_gmt>${i.comments.join("")}</item>`,
  );
const wxr = fc
  .array(fc.oneof(wxrItem, xmlText), { maxLength: 6 })
  .map(
    (items) =>
      `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Site</title><link>https://site.example</link>${items.join("")}</channel></rss>`,
  );

const substackComment: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  comment: fc.record(
    {
      id: fc.oneof(fc.integer(), field),
      body: fc.oneof(hostile, fc.constant(null)),
      date: fc.oneof(isoDate, hostile),
      name: fc.oneof(hostile, fc.constant(null)),
      user_id: fc.oneof(fc.integer(), fc.constant(null), hostile),
      ancestor_path: fc.oneof(
        fc.constant(""),
        hostile,
        fc.array(fc.integer(), { maxLength: 4 }).map((a) => a.join(".")),
      ),
      deleted: fc.oneof(fc.boolean(), hostile),
      children: fc.oneof(fc.array(tie("comment"), { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
      post_id: fc.oneof(fc.integer(), hostile),
      reactions: fc.oneof(fc.dictionary(fc.string(), fc.integer()), fc.jsonValue({ maxDepth: 1 })),
    },
    { requiredKeys: [] },
  ),
})).comment;
const substackComments = fc
  .record(
    {
      comments: fc.oneof(fc.array(substackComment, { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })),
      automod_hidden_comments: fc.array(substackComment, { maxLength: 2 }),
    },
    { requiredKeys: ["comments"] },
  )
  .map((o) => JSON.stringify(o));
const substackArchive = fc
  .array(
    fc.oneof(
      fc.record(
        {
          id: fc.oneof(fc.integer(), field),
          title: hostile,
          slug: hostile,
          post_date: fc.oneof(isoDate, hostile),
          canonical_url: fc.oneof(fc.webUrl(), hostile),
          comment_count: fc.oneof(fc.integer(), hostile),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    { maxLength: 6 },
  )
  .map((a) => JSON.stringify(a));

const GENERATORS: [ImportFormat, fc.Arbitrary<string>][] = [
  ["csv", csv],
  ["jsonl", jsonl],
  ["disqus", disqus],
  ["wxr", wxr],
  ["substack-comments", substackComments],
  ["substack-archive", substackArchive],
];

const figures = { files: 0, refused_whole: 0, items: 0, issues: 0 };

/** Parses with a bound; returns what came out, or the ImportFileError that refused the whole file. */
async function parseBounded(format: ImportFormat, content: string | Uint8Array, chunk: number) {
  figures.files += 1;
  const run = collect(parseImport(format, streamOf(Buffer.from(content), chunk)));
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${format}: no end within ${BOUND_MS} ms`)), BOUND_MS);
  });
  try {
    return { out: await Promise.race([run, bound]), refused: null };
  } catch (error) {
    if (error instanceof ImportFileError) {
      figures.refused_whole += 1;
      return { out: null, refused: error };
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function expectWellFormed(out: Awaited<ReturnType<typeof collect>>) {
  figures.items += out.posts.length + out.comments.length;
  figures.issues += out.issues.length;
  for (const issue of out.issues) {
    expect(issue.location.length).toBeGreaterThan(0);
    expect(issue.message.length).toBeGreaterThan(0);
  }
  for (const post of out.posts) expect(post.externalId.length).toBeGreaterThan(0);
  for (const comment of out.comments) {
    expect(comment.externalId.length).toBeGreaterThan(0);
    expect(Number.isNaN(comment.postedAt.getTime())).toBe(false);
  }
}

const TIMEOUT = 30_000 + RUNS * 60;

describe("fuzzing the file parsers", { timeout: TIMEOUT }, () => {
  test.each(GENERATORS)("%s: near-valid files with hostile values", async (format, arbitrary) => {
    await fc.assert(
      fc.asyncProperty(arbitrary, fc.integer({ min: 1, max: 4096 }), async (content, chunk) => {
        const { out, refused } = await parseBounded(format, content, chunk);
        if (refused) expect(refused.message.length).toBeGreaterThan(0);
        else if (out) expectWellFormed(out);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261205) },
    );
  });

  test.each(GENERATORS.map(([format]) => format))("%s: raw bytes", async (format) => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.integer({ min: 1, max: 512 }),
        async (bytes, chunk) => {
          const { out } = await parseBounded(format, bytes, chunk);
          if (out) expectWellFormed(out);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261205) },
    );
  });

  test("XML entity bombs and external entities are refused, not expanded", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE disqus [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><disqus><post><message>&c;&c;&c;&c;</message></post></disqus>`;
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&x;</title></item></channel></rss>`;
    expect((await parseBounded("disqus", bomb, 64)).refused).toBeInstanceOf(ImportFileError);
    expect((await parseBounded("wxr", external, 64)).refused).toBeInstanceOf(ImportFileError);
  });

  test("the sniffer names a format or refuses with a clear error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), csv, jsonl, disqus), (head) => {
        try {
          expect(typeof sniffContent(head.slice(0, 16_384))).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(ImportFileError);
        }
      }),
      { numRuns: RUNS * 3, seed: Number(process.env.FUZZ_SEED ?? 20261205) },
    );
  });
});

describe("fuzzing the classify input", { timeout: TIMEOUT }, () => {
  const line = fc.oneof(
    fc
      .record(
        {
          id: fc.oneof(fc.string(), fc.integer()),
          text: hostile,
          postTitle: fc.option(hostile),
          postBody: fc.option(hostile),
          isReply: fc.option(fc.boolean()),
        },
        { requiredKeys: ["id", "text"] },
      )
      .map((o) => JSON.stringify(o)),
    fc
      .dictionary(fc.constantFrom("id", "text", "postTitle", "isReply", "x"), fc.jsonValue({ maxDepth: 2 }))
      .map((o) => JSON.stringify(o)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    hostile,
  );

  test("every line gets one JSON answer: scores for a valid one, an error naming the line otherwise", async () => {
    await fc.assert(
      fc.asyncProperty(line, fc.integer({ min: 1, max: 1_000_000 }), async (input, lineNumber) => {
        const started = Date.now();
        const [out] = await classifyLines([{ text: input, lineNumber }], false);
        const answer = JSON.parse(out ?? "null") as { tone?: string; error?: string };
        expect(Date.now() - started).toBeLessThan(BOUND_MS);
        if (answer.error !== undefined) expect(answer.error).toMatch(new RegExp(`^line ${lineNumber}: .+`));
        else expect(typeof answer.tone).toBe("string");
      }),
      { numRuns: RUNS * 3, seed: Number(process.env.FUZZ_SEED ?? 20261205) },
    );
  });

  test("figures", () => report("fuzz-parsers", { runs: RUNS, ...figures }));
});
