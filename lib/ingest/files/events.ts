/** What the file parsers yield, in file order, for the store step to batch. */
import type { Readable } from "node:stream";
import type {
  IngestIssue,
  NormalizedComment,
  NormalizedPost,
  NormalizedPublication,
} from "@/lib/ingest/types";

export type ImportEvent =
  | { type: "publication"; publication: NormalizedPublication }
  | { type: "post"; post: NormalizedPost }
  | { type: "comment"; comment: NormalizedComment }
  | { type: "issue"; issue: IngestIssue };

/** A file path, or an already-open byte stream (e.g. a test's Readable.from(buffer)). */
export type ImportInput = string | Readable;

export type ImportFormat =
  | "disqus"
  | "wxr"
  | "substack-comments"
  | "substack-archive"
  | "substack-folder"
  | "jsonl"
  | "csv";
