/**
 * `npm run bench:generate -- [--posts 1000] [--comments 1000000] [--out bench/.data/1m] [--format jsonl|substack|both]`
 *
 * A deterministic synthetic publication (same arguments, same bytes): N posts, M comments of 10-120 words
 * (bench/generate-comments.ts), reply trees up to depth 8, a few hundred recurring commenters writing about
 * half the comments and a long tail of one-off ones, and one busy post with 20,000 comments (a fifth of the
 * comments when there are fewer than 100,000). Written as our JSON Lines format (`comments.jsonl`) and as
 * saved Substack answers (`substack/archive.json` and one `comments-<postId>.json` per post), both streamed:
 * memory stays flat whatever M is (one post's thread at a time).
 */
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { mulberry32 } from "@/lib/random";
import { generateComment } from "./generate-comments";

export interface GenerateOptions {
  posts: number;
  comments: number;
  out: string;
  format: "jsonl" | "substack" | "both";
  seed?: number;
}

export interface GeneratedComment {
  id: number;
  parentId: number | null;
  depth: number;
  authorId: number;
  authorName: string;
  body: string;
  date: Date;
}

export interface GeneratedPost {
  id: number;
  slug: string;
  title: string;
  date: Date;
  comments: number;
}

const MAX_DEPTH = 8;
const RECURRING = 300;
const BUSY_POST_COMMENTS = 20_000;
const FIRST_POST_DATE = Date.UTC(2023, 0, 2);
const DAY = 86_400_000;
const FIRST = [
  "Mira",
  "Tomas",
  "Ines",
  "Ola",
  "Ravi",
  "June",
  "Karim",
  "Lena",
  "Piotr",
  "Ada",
  "Sol",
  "Noor",
];
const LAST = ["Okafor", "Lind", "Baro", "Haug", "Iyer", "Park", "Saleh", "Weiss", "Nowak", "Costa", "Reyes"];
const TOPICS = [
  "Grain corridors",
  "The Arctic route",
  "Sanctions",
  "The old empire",
  "Port politics",
  "Summits",
];

/** How many comments each post gets: the busy first post its share, the rest spread unevenly. */
export function postSizes(posts: number, comments: number, seed = 7): number[] {
  const random = mulberry32(seed);
  const busy = Math.min(comments, comments >= 100_000 ? BUSY_POST_COMMENTS : Math.floor(comments / 5));
  if (posts === 1) return [comments];
  const weights = Array.from({ length: posts - 1 }, () => 0.2 + random() * random() * 4);
  const total = weights.reduce((a, b) => a + b, 0);
  const rest = comments - busy;
  const sizes = [busy, ...weights.map((w) => Math.floor((w / total) * rest))];
  let missing = comments - sizes.reduce((a, b) => a + b, 0);
  for (let i = 1; missing > 0; i = (i % (posts - 1)) + 1, missing--) sizes[i] = (sizes[i] ?? 0) + 1;
  return sizes;
}

export function postOf(index: number, size: number): GeneratedPost {
  const id = 100_000 + index;
  const topic = TOPICS[index % TOPICS.length] as string;
  return {
    id,
    slug: `post-${id}`,
    title: `${topic}, part ${Math.floor(index / TOPICS.length) + 1}`,
    date: new Date(FIRST_POST_DATE + index * DAY),
    comments: size,
  };
}

function authorName(authorId: number): string {
  return `${FIRST[authorId % FIRST.length]} ${LAST[Math.floor(authorId / FIRST.length) % LAST.length]} ${authorId}`;
}

/** The comments of one post, in posting order (a reply always after its parent). */
export function* postComments(
  post: GeneratedPost,
  firstCommentId: number,
  random: () => number,
): Generator<GeneratedComment> {
  const depths = new Uint8Array(post.comments);
  let at = post.date.getTime() + 10 * 60_000;
  for (let i = 0; i < post.comments; i++) {
    // Most comments come in the first days; a long tail after.
    at += Math.floor(random() * random() * 30 * 60_000) + 1000;
    let parent = -1;
    if (i > 0 && random() < 0.6) {
      // Reply to a recent comment, more often than to an old one, never deeper than MAX_DEPTH.
      for (let tries = 0; tries < 4 && parent < 0; tries++) {
        const back = Math.floor(random() * random() * Math.min(i, 200)) + 1;
        const candidate = i - back;
        if ((depths[candidate] ?? 0) < MAX_DEPTH) parent = candidate;
      }
    }
    depths[i] = parent < 0 ? 0 : (depths[parent] ?? 0) + 1;
    // About half the comments come from the recurring commenters, the rest from a long tail.
    const authorId =
      random() < 0.5 ? 1 + Math.floor(random() * RECURRING) : RECURRING + 1 + Math.floor(random() * 200_000);
    yield {
      id: firstCommentId + i,
      parentId: parent < 0 ? null : firstCommentId + parent,
      depth: depths[i] ?? 0,
      authorId,
      authorName: authorName(authorId),
      body: generateComment(random),
      date: new Date(at),
    };
  }
}

/** Every post with its comments, deterministic for a seed. */
export function* publication(options: Pick<GenerateOptions, "posts" | "comments" | "seed">) {
  const sizes = postSizes(options.posts, options.comments);
  const random = mulberry32(options.seed ?? 42);
  let nextId = 1;
  for (let index = 0; index < sizes.length; index++) {
    const post = postOf(index, sizes[index] ?? 0);
    yield { post, comments: postComments(post, nextId, random) };
    nextId += post.comments;
  }
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

async function close(out: WriteStream): Promise<void> {
  out.end();
  await once(out, "finish");
}

/** Writes the publication; returns the files written and their sizes. */
export async function generate(options: GenerateOptions): Promise<{ files: string[]; bytes: number }> {
  await mkdir(options.out, { recursive: true });
  const jsonl =
    options.format !== "substack" ? createWriteStream(path.join(options.out, "comments.jsonl")) : null;
  const substackDir = path.join(options.out, "substack");
  if (options.format !== "jsonl") await mkdir(substackDir, { recursive: true });
  const archive: unknown[] = [];
  const files: string[] = jsonl ? [path.join(options.out, "comments.jsonl")] : [];
  for (const { post, comments } of publication(options)) {
    const postDate = post.date.toISOString();
    const tree = new Map<number, { node: Record<string, unknown>; children: unknown[] }>();
    const roots: unknown[] = [];
    for (const c of comments) {
      if (jsonl)
        await write(
          jsonl,
          `${JSON.stringify({
            post_id: String(post.id),
            post_title: post.title,
            post_date: postDate,
            post_url: `https://bench.example/p/${post.slug}`,
            comment_id: String(c.id),
            parent_id: c.parentId === null ? null : String(c.parentId),
            author: c.authorName,
            author_id: `u${c.authorId}`,
            date: c.date.toISOString(),
            body: c.body,
          })}\n`,
        );
      if (options.format !== "jsonl") {
        const children: unknown[] = [];
        const node = {
          id: c.id,
          body: c.body,
          date: c.date.toISOString(),
          name: c.authorName,
          user_id: c.authorId,
          post_id: post.id,
          ancestor_path: "",
          reaction_count: c.id % 7,
          reactions: { "❤": c.id % 7 },
          deleted: false,
          children,
        };
        tree.set(c.id, { node, children });
        if (c.parentId === null) roots.push(node);
        else tree.get(c.parentId)?.children.push(node);
      }
    }
    if (options.format !== "jsonl") {
      const file = path.join(substackDir, `comments-${post.id}.json`);
      const out = createWriteStream(file);
      await write(out, JSON.stringify({ comments: roots, automod_hidden_comments: [] }));
      await close(out);
      files.push(file);
      archive.push({
        id: post.id,
        slug: post.slug,
        title: post.title,
        post_date: postDate,
        canonical_url: `https://bench.example/p/${post.slug}`,
        comment_count: post.comments,
        audience: "everyone",
      });
    }
  }
  if (jsonl) await close(jsonl);
  if (options.format !== "jsonl") {
    const file = path.join(substackDir, "archive.json");
    const out = createWriteStream(file);
    await write(out, JSON.stringify(archive));
    await close(out);
    files.push(file);
  }
  let bytes = 0;
  for (const f of files) bytes += (await stat(f)).size;
  return { files, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      posts: { type: "string", default: "1000" },
      comments: { type: "string", default: "1000000" },
      out: { type: "string" },
      format: { type: "string", default: "both" },
    },
  });
  const posts = Number(values.posts);
  const comments = Number(values.comments);
  if (!Number.isInteger(posts) || posts < 1) throw new Error("--posts must be a positive whole number");
  if (!Number.isInteger(comments) || comments < posts) throw new Error("--comments must be at least --posts");
  const format = values.format as GenerateOptions["format"];
  if (!["jsonl", "substack", "both"].includes(format)) throw new Error("--format is jsonl, substack or both");
  const out = values.out ?? path.join("bench", ".data", `${posts}-${comments}`);
  const started = performance.now();
  const result = await generate({ posts, comments, out, format });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `wrote ${comments} comments on ${posts} posts to ${out} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${seconds.toFixed(1)} s)`,
  );
}
