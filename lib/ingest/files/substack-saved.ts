/**
 * Saved Substack API answers:
 * - a comments answer (`{"comments": [...], "automod_hidden_comments": [...]}`) saved to a file;
 * - an archive answer (`[{post}, ...]`), possibly several pages concatenated into one array;
 * - a folder of comments answers, one per post, named `comments-<postId>.json` (any name whose last run of
 *   digits is the post id works, e.g. `12345.json`), plus an optional `archive.json` for titles.
 * Each top-level comment tree is built in memory on its own (memory is bounded by the largest thread, not
 * the file); a tree that fails validation becomes an issue and the next tree is read.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArchiveEntry, SubstackShapeError, walkCommentTrees } from "@/lib/ingest/substack/normalize";
import type { IngestIssue } from "@/lib/ingest/types";
import { ImportFileError } from "./errors";
import type { ImportEvent, ImportInput } from "./events";
import { type JsonFileEvent, streamJsonFile } from "./json-file";

const COMMENT_LISTS = new Set(["comments", "automod_hidden_comments"]);
export const ARCHIVE_FILE_NAME = "archive.json";

/** The post id a saved comments file is named for: the last run of digits in its base name. */
export function postIdFromFileName(fileName: string): string | null {
  const runs = path.basename(fileName).match(/\d+/g);
  return runs?.at(-1) ?? null;
}

function utf8Issue(event: Extract<JsonFileEvent, { type: "invalid-utf8" }>, label: string): ImportEvent {
  return {
    type: "issue",
    issue: {
      location: `${label}, byte ${event.byteOffset}`,
      message: `${event.count} invalid UTF-8 sequence(s) replaced with U+FFFD`,
    },
  };
}

/**
 * Comments from one saved comments answer. `postExternalId` is used for comments without `post_id`;
 * `knownPostIds` (when given) gets a bare post event for a post not seen before.
 */
export async function* parseSavedComments(
  input: ImportInput,
  options: { postExternalId?: string | null; label?: string; knownPostIds?: Set<string> } = {},
): AsyncGenerator<ImportEvent> {
  const label = options.label ?? (typeof input === "string" ? path.basename(input) : "input");
  const fallbackPostId =
    options.postExternalId ?? (typeof input === "string" ? postIdFromFileName(input) : null);
  const known = options.knownPostIds ?? new Set<string>();
  const seen = new Set<string>();
  const counters = new Map<string, number>();
  const capture = (p: readonly unknown[]) => p.length === 2 && COMMENT_LISTS.has(String(p[0]));

  for await (const event of streamJsonFile(input, capture, label)) {
    if (event.type === "invalid-utf8") {
      yield utf8Issue(event, label);
      continue;
    }
    if (event.type === "root") {
      if (event.kind !== "object")
        throw new ImportFileError('expected a Substack comments answer ({"comments": [...]})', label);
      continue;
    }
    const list = String(event.path[0]);
    const index = counters.get(list) ?? 0;
    counters.set(list, index + 1);
    const issues: IngestIssue[] = [];
    const treePostId = postIdOf(event.value) ?? fallbackPostId;
    if (!treePostId) {
      yield issueEvent(
        `${label} ${list}[${index}]`,
        "no post id in the comment or the file name; thread skipped",
      );
      continue;
    }
    if (!known.has(treePostId)) {
      known.add(treePostId);
      yield {
        type: "post",
        post: { externalId: treePostId, slug: null, title: "", url: null, publishedAt: null },
      };
    }
    try {
      // Collected per top-level thread so that a bad node drops its thread, not half of it.
      const thread = [
        ...walkCommentTrees([event.value], {
          postExternalId: treePostId,
          automodHidden: list === "automod_hidden_comments",
          pathPrefix: list,
          firstIndex: index,
          seen,
          onIssue: (issue) => issues.push(issue),
        }),
      ];
      for (const issue of issues)
        yield { type: "issue", issue: { ...issue, location: `${label} ${issue.location}` } };
      for (const comment of thread) yield { type: "comment", comment };
    } catch (error) {
      if (!(error instanceof SubstackShapeError)) throw error;
      yield issueEvent(`${label} ${list}[${index}]`, `thread skipped: ${error.message}`);
    }
  }
}

/** Posts from a saved archive answer (a JSON array of archive entries). */
export async function* parseSavedArchive(
  input: ImportInput,
  options: { label?: string; knownPostIds?: Set<string> } = {},
): AsyncGenerator<ImportEvent> {
  const label = options.label ?? (typeof input === "string" ? path.basename(input) : "input");
  const known = options.knownPostIds ?? new Set<string>();
  for await (const event of streamJsonFile(input, (p) => p.length === 1, label)) {
    if (event.type === "invalid-utf8") {
      yield utf8Issue(event, label);
      continue;
    }
    if (event.type === "root") {
      if (event.kind !== "array")
        throw new ImportFileError("expected a Substack archive answer (a JSON array of posts)", label);
      continue;
    }
    const index = Number(event.path[0]);
    try {
      const post = parseArchiveEntry(event.value, `[${index}]`);
      known.add(post.externalId);
      yield { type: "post", post };
    } catch (error) {
      if (!(error instanceof SubstackShapeError)) throw error;
      yield issueEvent(`${label} [${index}]`, `post skipped: ${error.message}`);
    }
  }
}

/** A folder: archive.json first (when present), then every other *.json file as a comments answer, by name. */
export async function* parseSavedFolder(folder: string): AsyncGenerator<ImportEvent> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".json"))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const knownPostIds = new Set<string>();
  if (names.includes(ARCHIVE_FILE_NAME)) {
    yield* parseSavedArchive(path.join(folder, ARCHIVE_FILE_NAME), {
      label: ARCHIVE_FILE_NAME,
      knownPostIds,
    });
  }
  for (const name of names) {
    if (name === ARCHIVE_FILE_NAME) continue;
    const postExternalId = postIdFromFileName(name);
    if (!postExternalId) {
      yield issueEvent(name, "file name holds no post id (expected comments-<postId>.json); file skipped");
      continue;
    }
    try {
      yield* parseSavedComments(path.join(folder, name), { postExternalId, label: name, knownPostIds });
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      yield issueEvent(name, `file skipped: ${error.message}`);
    }
  }
}

function postIdOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null || !("post_id" in value)) return null;
  const id = (value as { post_id: unknown }).post_id;
  return typeof id === "number" || (typeof id === "string" && id !== "") ? String(id) : null;
}

function issueEvent(location: string, message: string): ImportEvent {
  return { type: "issue", issue: { location, message } };
}
