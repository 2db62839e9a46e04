import "server-only";
import { createHash } from "node:crypto";
import type { JSONValue } from "postgres";
import { readSql, type Sql } from "@/lib/db/sql";
import {
  ARGUMENTS_VERSION,
  type ArgumentInput,
  DEFAULT_ARGUMENT_OPTIONS,
  groupArguments,
} from "@/lib/insights/arguments/group";
import { type ArgumentSideName, argumentSide } from "@/lib/insights/arguments/side";
import { commentHref } from "@/lib/insights/comment-href";
import { markedSegments } from "@/lib/insights/segments";
import { isStopWord } from "@/lib/insights/text-terms";
import {
  type ArgumentSideView,
  type PostArguments,
  type StoredArgumentSet,
  storedArgumentSetSchema,
} from "@/lib/schemas/arguments";
import type { Stance, Tone } from "@/lib/scoring/types";
import { publicationCommenterNames } from "./commenter-names";

/** Comments of the publication's other posts read as the background of document frequencies. */
const BACKGROUND_SIZE = 400;

interface SideRow {
  id: number;
  body: string;
  body_hash: string | null;
  tone: Tone;
  stance: Stance;
}

/**
 * Groups both sides of a post's discussion and stores them with the algorithm version; a side whose input
 * (comments, their effective labels and texts) is unchanged since the stored groups is left as it is.
 * Rejected comments are left out. Returns the sides that were recomputed.
 */
export async function computePostArguments(sql: Sql, postId: number): Promise<ArgumentSideName[]> {
  const [post] = await sql<{ publication_id: number; title: string }[]>`
    SELECT publication_id, title FROM post WHERE id = ${postId}`;
  if (!post) return [];
  const rows = await sql<SideRow[]>`
    SELECT c.id, c.body, c.body_hash, coalesce(c.corrected_tone, s.tone)::text AS tone,
      coalesce(c.corrected_stance, s.stance)::text AS stance
    FROM comment c JOIN comment_score s ON s.comment_id = c.id
    WHERE c.post_id = ${postId} AND c.body IS NOT NULL AND c.status <> 'REJECTED'
    ORDER BY c.id`;
  const sides: Record<ArgumentSideName, SideRow[]> = { PUSHBACK: [], LANDED: [] };
  for (const r of rows) {
    const side = argumentSide(r.tone, r.stance);
    if (side) sides[side].push(r);
  }
  const stored = await sql<{ side: ArgumentSideName; version: string; input_hash: string }[]>`
    SELECT side, version, input_hash FROM post_argument_set WHERE post_id = ${postId}`;
  let background: string[] | null = null;
  let names: Set<string> | null = null;
  const changed: ArgumentSideName[] = [];
  for (const side of ["PUSHBACK", "LANDED"] as const) {
    const members = sides[side];
    const hash = createHash("sha256")
      .update(ARGUMENTS_VERSION)
      .update(post.title)
      .update(members.map((m) => `${m.id}:${m.tone}:${m.stance}:${m.body_hash ?? m.body.length}`).join(","))
      .digest("hex");
    const previous = stored.find((s) => s.side === side);
    if (previous && previous.version === ARGUMENTS_VERSION && previous.input_hash === hash) continue;
    background ??= (
      await sql<{ body: string }[]>`
        SELECT body FROM comment
        WHERE publication_id = ${post.publication_id} AND post_id <> ${postId} AND body IS NOT NULL
        ORDER BY id LIMIT ${BACKGROUND_SIZE}`
    ).map((r) => r.body);
    const inputs: ArgumentInput[] = members.map((m) => ({ id: m.id, text: m.body, tone: m.tone }));
    names ??= new Set(
      (await publicationCommenterNames(sql, post.publication_id)).flatMap((name) => {
        // The given name (or the only one) is how readers address each other; stop words never count.
        const first = name.trim().split(/\s+/u)[0]?.toLowerCase() ?? "";
        return first.length >= 3 && /^\p{L}+$/u.test(first) && !isStopWord(first) ? [first] : [];
      }),
    );
    const result = groupArguments(inputs, background, post.title, DEFAULT_ARGUMENT_OPTIONS, names);
    const groups: StoredArgumentSet = {
      status: result.status,
      minComments: result.minComments,
      unclustered: result.unclustered,
      groups: result.groups,
    };
    await sql`
      INSERT INTO post_argument_set (post_id, side, version, input_hash, comment_count, groups, computed_at)
      VALUES (${postId}, ${side}, ${ARGUMENTS_VERSION}, ${hash}, ${members.length},
              ${sql.json(groups as unknown as JSONValue)}, now())
      ON CONFLICT (post_id, side) DO UPDATE SET version = excluded.version, input_hash = excluded.input_hash,
        comment_count = excluded.comment_count, groups = excluded.groups, computed_at = excluded.computed_at`;
    changed.push(side);
  }
  return changed;
}

/**
 * The argument job: posts whose comments changed since their groups were computed (post_insight_state,
 * stamped by triggers) or whose groups an older version made, oldest change first, at most `limit` posts a run. A post changed again while it was
 * being grouped stays due for the next run.
 */
export async function refreshDueArguments(
  sql: Sql,
  options: { limit?: number; until?: number } = {},
): Promise<number[]> {
  // Compared as text: a JS Date would drop the microseconds. Changed again meanwhile: stays due.
  const due = await sql<{ post_id: number; changed_at: string }[]>`
    SELECT post_id, changed_at::text AS changed_at FROM post_insight_state
    WHERE arguments_at IS NULL OR arguments_at < changed_at OR arguments_version IS DISTINCT FROM ${ARGUMENTS_VERSION}
    ORDER BY changed_at LIMIT ${options.limit ?? 50}`;
  const done: number[] = [];
  for (const d of due) {
    // Past the run's time budget the rest stay due for the next run (one post is always done).
    if (options.until !== undefined && done.length > 0 && performance.now() > options.until) break;
    await computePostArguments(sql, d.post_id);
    await sql`
      UPDATE post_insight_state SET arguments_at = changed_at, arguments_version = ${ARGUMENTS_VERSION}
      WHERE post_id = ${d.post_id} AND changed_at::text = ${d.changed_at}`;
    done.push(d.post_id);
  }
  return done;
}

const QUOTE_CHARS = 600;

/** Both sides of a post's arguments with the representative comments quoted (phrases marked). */
export async function getPostArguments(postId: number, sql: Sql = readSql()): Promise<PostArguments> {
  const sets = await sql<
    { side: ArgumentSideName; version: string; comment_count: number; groups: unknown; computed_at: Date }[]
  >`SELECT side, version, comment_count, groups, computed_at FROM post_argument_set WHERE post_id = ${postId}`;
  const parsed = new Map(
    sets.map((s) => [s.side, { row: s, stored: storedArgumentSetSchema.safeParse(s.groups) }] as const),
  );
  const quoteIds = [...parsed.values()].flatMap(({ stored }) =>
    stored.success ? stored.data.groups.flatMap((g) => g.representatives.map((r) => r.commentId)) : [],
  );
  const quoted = new Map(
    (
      await sql<{ id: number; post_id: number; body: string | null; author_name: string; posted_at: Date }[]>`
        SELECT id, post_id, body, author_name, posted_at FROM comment WHERE id = ANY(${quoteIds}::int[])`
    ).map((r) => [r.id, r]),
  );
  const view = (side: ArgumentSideName): ArgumentSideView => {
    const entry = parsed.get(side);
    if (!entry?.stored.success) {
      return {
        side,
        status: "pending",
        commentCount: entry?.row.comment_count ?? 0,
        minComments: 0,
        unclustered: 0,
        groups: [],
        version: null,
        computedAt: null,
      };
    }
    const { row, stored } = entry;
    return {
      side,
      status: stored.data.status,
      commentCount: row.comment_count,
      minComments: stored.data.minComments,
      unclustered: stored.data.unclustered,
      version: row.version,
      computedAt: row.computed_at.toISOString(),
      groups: stored.data.groups.map(({ representatives, ...group }) => ({
        ...group,
        quotes: representatives.flatMap((r) => {
          const c = quoted.get(r.commentId);
          if (!c?.body) return [];
          const end = Math.min(c.body.length, Math.max(QUOTE_CHARS, (r.marks.at(0)?.end ?? 0) + 200));
          const start = Math.max(0, end - QUOTE_CHARS);
          const segments = markedSegments(c.body, r.marks, { start, end });
          if (start > 0) segments.unshift({ text: "… ", match: false });
          if (end < c.body.length) segments.push({ text: " …", match: false });
          return [
            {
              commentId: c.id,
              authorName: c.author_name,
              postedAt: c.posted_at.toISOString(),
              segments,
              href: commentHref(c.post_id, c.id),
            },
          ];
        }),
      })),
    };
  };
  return { postId, pushback: view("PUSHBACK"), landed: view("LANDED") };
}
