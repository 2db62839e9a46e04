import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ImportEvent } from "@/lib/ingest/files/events";
import type {
  IngestIssue,
  NormalizedComment,
  NormalizedPost,
  NormalizedPublication,
} from "@/lib/ingest/types";

export interface Collected {
  posts: NormalizedPost[];
  comments: NormalizedComment[];
  issues: IngestIssue[];
  publications: NormalizedPublication[];
  order: ImportEvent["type"][];
}

export async function collect(events: AsyncIterable<ImportEvent>): Promise<Collected> {
  const out: Collected = { posts: [], comments: [], issues: [], publications: [], order: [] };
  for await (const event of events) {
    out.order.push(event.type);
    if (event.type === "post") out.posts.push(event.post);
    else if (event.type === "comment") out.comments.push(event.comment);
    else if (event.type === "issue") out.issues.push(event.issue);
    else out.publications.push(event.publication);
  }
  return out;
}

/** A byte stream over `content`, cut into chunks of `chunkBytes` so parsers meet split tokens. */
export function streamOf(content: string | Buffer, chunkBytes = 7): Readable {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkBytes) chunks.push(bytes.subarray(i, i + chunkBytes));
  return Readable.from(chunks);
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "marginalia-ingest-"));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function writeTemp(dir: string, name: string, content: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Bytes that are not UTF-8 (a lone continuation byte and an over-long sequence). */
export const INVALID_UTF8 = Buffer.from([0x80, 0xc0, 0xaf]);
