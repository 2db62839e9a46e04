/** JSON Lines in our flat format (FORMAT.md): one JSON object per line; blank lines are ignored. */
import type { ImportEvent, ImportInput } from "./events";
import { readLines } from "./lines";
import { RowConverter } from "./rows";

export async function* parseJsonLines(
  input: ImportInput,
  maxLineBytes?: number,
): AsyncGenerator<ImportEvent> {
  const rows = new RowConverter();
  for await (const line of readLines(input, maxLineBytes)) {
    const location = `line ${line.number}`;
    if (line.tooLong) {
      yield { type: "issue", issue: { location, message: "line longer than the limit; skipped" } };
      continue;
    }
    if (line.invalidUtf8) {
      yield { type: "issue", issue: { location, message: "invalid UTF-8 replaced with U+FFFD" } };
    }
    if (line.text.trim() === "") continue;
    let value: unknown;
    try {
      // V8's JSON.parse is iterative: deeply nested input cannot overflow the stack here.
      value = JSON.parse(line.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      yield {
        type: "issue",
        issue: { location, message: `invalid JSON (${reason.slice(0, 120)}); line skipped` },
      };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      yield { type: "issue", issue: { location, message: "not a JSON object; line skipped" } };
      continue;
    }
    yield* rows.convert(value, location);
  }
}
