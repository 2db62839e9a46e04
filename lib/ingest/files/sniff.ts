/**
 * Recognizes an import file by its first bytes, never by its extension. A directory is a folder of saved
 * Substack comments answers (see substack-saved.ts).
 */
import { open, stat } from "node:fs/promises";
import { ImportFileError } from "./errors";
import type { ImportFormat } from "./events";
import { REQUIRED_COLUMNS } from "./rows";

export const SNIFF_BYTES = 16 * 1024;

export const KNOWN_FORMATS: Record<ImportFormat, string> = {
  disqus: "Disqus export XML (<disqus> root)",
  wxr: "WordPress WXR export (<rss> with the xmlns:wp namespace)",
  "substack-comments": 'a saved Substack comments answer ({"comments": [...]})',
  "substack-archive": "a saved Substack archive answer (a JSON array of posts)",
  "substack-folder":
    "a folder of saved Substack comments answers (comments-<postId>.json, optional archive.json)",
  jsonl: `JSON Lines, one object per line with ${REQUIRED_COLUMNS.join(", ")}`,
  csv: `CSV with the header ${REQUIRED_COLUMNS.join(",")}`,
};

export function unknownFormatMessage(reason: string): string {
  const list = Object.values(KNOWN_FORMATS)
    .map((format) => `  - ${format}`)
    .join("\n");
  return `${reason}. Known formats:\n${list}\n(see lib/ingest/files/FORMAT.md)`;
}

/** Names of the columns in a CSV header line (quotes removed), lower-cased. */
function csvHeaderColumns(line: string): string[] {
  return line.split(",").map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim()
      .toLowerCase(),
  );
}

/** Detects the format of `head`, the first few KB of a file. Throws ImportFileError when unknown. */
export function sniffContent(head: string): ImportFormat {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text === "") throw new ImportFileError(unknownFormatMessage("the file is empty"));
  if (text.startsWith("<")) {
    if (/<disqus[\s>]/.test(text)) return "disqus";
    if (/<rss[\s>]/.test(text) && /xmlns:wp\s*=|wordpress\.org\/export/.test(text)) return "wxr";
    throw new ImportFileError(
      unknownFormatMessage("an XML file that is neither a Disqus nor a WordPress export"),
    );
  }
  if (text.startsWith("[")) {
    if (/^\[\s*(\{|\]|$)/.test(text)) return "substack-archive";
  }
  if (text.startsWith("{")) {
    if (/^\{\s*"(comments|automod_hidden_comments)"\s*:/.test(text)) return "substack-comments";
    const firstLine = text.split("\n", 1)[0] ?? "";
    if (/"comment_id"\s*:/.test(firstLine) && /"post_id"\s*:/.test(firstLine)) return "jsonl";
    if (/"comments"\s*:\s*\[/.test(text) && !text.includes("\n{")) return "substack-comments";
    // A JSON Lines row whose long body comes before the id fields: the first line does not fit in the head.
    const firstLineCut = !text.includes("\n");
    if (firstLineCut && /"(comment_id|post_id|post_title)"\s*:/.test(text)) return "jsonl";
    throw new ImportFileError(
      unknownFormatMessage("a JSON object that is neither a comments answer nor a JSON Lines row"),
    );
  }
  const header = csvHeaderColumns(text.split(/\r?\n/, 1)[0] ?? "");
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length === 0) return "csv";
  if (header.length > 1 && missing.length < REQUIRED_COLUMNS.length) {
    throw new ImportFileError(
      unknownFormatMessage(`a CSV header without the column(s) ${missing.join(", ")}`),
    );
  }
  throw new ImportFileError(unknownFormatMessage("unrecognized content"));
}

/** Detects the format of a file or directory at `filePath`. */
export async function sniffPath(filePath: string): Promise<ImportFormat> {
  const info = await stat(filePath);
  if (info.isDirectory()) return "substack-folder";
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    // A multi-byte character cut at the end only costs a replacement character in the head.
    return sniffContent(new TextDecoder("utf-8").decode(buffer.subarray(0, bytesRead)));
  } finally {
    await handle.close();
  }
}
