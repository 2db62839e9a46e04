import "server-only";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Sql } from "@/lib/db/sql";
import { type ImportFormat, openImportFile } from "@/lib/ingest/files";
import type { ImportProgress } from "./import-runs";
import { type RunImportOptions, runImport } from "./pipeline";
import { publicationOrigin } from "./substack-import";

const PLATFORM_OF: Record<ImportFormat, "substack" | "disqus" | "wordpress" | "file"> = {
  disqus: "disqus",
  wxr: "wordpress",
  "substack-comments": "substack",
  "substack-archive": "substack",
  "substack-folder": "substack",
  jsonl: "file",
  csv: "file",
};

export interface FileImportOptions {
  path: string;
  /** A publication name or address; otherwise the one the file names, else the file's name. */
  publication?: string;
  startedById?: string | null;
  onProgress?: (progress: ImportProgress & { runId: number }) => void;
}

/** A key for a publication known only by name (file imports): stable, readable, never a real address. */
export function publicationKeyForName(name: string): string {
  const slug =
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "imported";
  return `file://${slug}`;
}

/**
 * Streams an export file through the import pipeline (constant memory whatever the file's size): posts as
 * they appear, comments in batches, replies whose parent came later linked at the end, then new and changed
 * comments scored and moderated. Bad rows are recorded on the run with their location; the good ones go in. A
 * run killed mid-file is resumed by the next import of the same unchanged file, after the items it stored.
 */
export async function importFile(
  sql: Sql,
  options: FileImportOptions & Pick<RunImportOptions, "scoring" | "enqueueScoring" | "batchSize">,
) {
  const opened = await openImportFile(options.path);
  const first = await opened.events.next();
  const named = !first.done && first.value.type === "publication" ? first.value.publication : null;
  const chosen =
    options.publication ??
    named?.baseUrl ??
    named?.name ??
    path.basename(options.path).replace(/\.[^.]+$/, "");
  const isAddress = /^https?:\/\//i.test(chosen) || /\.[a-z]{2,}(\/|$)/i.test(chosen);
  const file = await stat(options.path);
  const result = await runImport(
    sql,
    {
      source: "FILE",
      publication: {
        platform: PLATFORM_OF[opened.format],
        name: named?.name ?? chosen,
        baseUrl: isAddress ? publicationOrigin(chosen) : publicationKeyForName(chosen),
        externalId: named?.externalId,
      },
      // The file's size and time are part of the run's identity: a changed file is a new import, not a resume.
      params: {
        path: path.resolve(options.path),
        format: opened.format,
        publication: options.publication ?? null,
        size: file.size,
        modified: file.mtime.toISOString(),
      },
      startedById: options.startedById,
      grouping: "batch",
      failureLocation: options.path,
      async *events() {
        if (!first.done && first.value.type !== "publication") yield first.value;
        yield* opened.events;
      },
    },
    {
      scoring: options.scoring,
      enqueueScoring: options.enqueueScoring,
      batchSize: options.batchSize,
      onProgress: options.onProgress,
    },
  );
  return { ...result, format: opened.format };
}
