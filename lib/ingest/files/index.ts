/**
 * `marginalia import file <path>`: recognizes the file's format and streams its events.
 *
 * Event contract (for the store step):
 * - events come in file order; batch them freely;
 * - a `post` event comes before the comments of that post *in this stream*, except that Disqus comments may
 *   name a thread defined later; a post with `title: ""` carries no title (e.g. from a saved comments file):
 *   do not overwrite a known title with it;
 * - a comment's parent may come later (Disqus, CSV, JSON Lines): resolve parents after the batch, keyed by
 *   externalId; `ancestryComplete: false` means ancestors must be rebuilt from parent links;
 * - `issue` events are per-item problems; the parser goes on. Whole-file problems throw ImportFileError;
 * - a `publication` event, when the format names one (Disqus forum, WordPress site), comes first;
 *   a `--publication` option given by the user takes precedence.
 */
import { parseCsv } from "./csv";
import { parseDisqus } from "./disqus";
import type { ImportEvent, ImportFormat, ImportInput } from "./events";
import { parseJsonLines } from "./jsonl";
import { sniffPath } from "./sniff";
import { parseSavedArchive, parseSavedComments, parseSavedFolder } from "./substack-saved";
import { parseWxr } from "./wxr";

export { ImportFileError } from "./errors";
export type { ImportEvent, ImportFormat, ImportInput } from "./events";
export { KNOWN_FORMATS, sniffContent, sniffPath } from "./sniff";

export interface OpenedImportFile {
  format: ImportFormat;
  events: AsyncGenerator<ImportEvent>;
}

/** The parser for a format; a folder format needs a directory path. */
export function parseImport(format: ImportFormat, input: ImportInput): AsyncGenerator<ImportEvent> {
  switch (format) {
    case "disqus":
      return parseDisqus(input);
    case "wxr":
      return parseWxr(input);
    case "csv":
      return parseCsv(input);
    case "jsonl":
      return parseJsonLines(input);
    case "substack-comments":
      return parseSavedComments(input);
    case "substack-archive":
      return parseSavedArchive(input);
    case "substack-folder":
      if (typeof input !== "string") throw new TypeError("a folder import needs a directory path");
      return parseSavedFolder(input);
  }
}

/** Sniffs `path` (a file or a folder) and returns its format and a lazy event stream. Throws ImportFileError for an unknown format. */
export async function openImportFile(path: string): Promise<OpenedImportFile> {
  const format = await sniffPath(path);
  return { format, events: parseImport(format, path) };
}
