/**
 * CSV in our flat format (FORMAT.md): RFC 4180 quoting, a header row naming the columns in any order.
 * Lines are cut and decoded before csv-parse sees them, so invalid UTF-8 is reported with its line number.
 * A malformed record becomes an issue and parsing goes on.
 */
import { once } from "node:events";
import { CsvError, parse } from "csv-parse";
import type { IngestIssue } from "@/lib/ingest/types";
import { ImportFileError } from "./errors";
import type { ImportEvent, ImportInput } from "./events";
import { DEFAULT_MAX_LINE_BYTES, readLines } from "./lines";
import { REQUIRED_COLUMNS, RowConverter } from "./rows";

/** Normalizes the header row and refuses it when a required column is missing. */
export function checkCsvHeader(header: readonly string[]): string[] {
  const columns = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new ImportFileError(
      `the CSV header lacks the column(s) ${missing.join(", ")}; expected ${REQUIRED_COLUMNS.join(", ")}`,
      "line 1",
    );
  }
  return columns;
}

interface CsvRecord {
  record: Record<string, string>;
  info: { lines: number };
}

export async function* parseCsv(
  input: ImportInput,
  maxRecordBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<ImportEvent> {
  // Issues found ahead of the records (csv-parse buffers), released in line order with the records.
  const pending: { line: number; issue: IngestIssue }[] = [];
  const note = (line: number, message: string) => {
    // csv-parse may report one broken record more than once while it resynchronizes.
    if (pending.some((p) => p.line === line)) return;
    pending.push({ line, issue: { location: `line ${line}`, message } });
  };
  function* release(upToLine: number): Generator<ImportEvent> {
    const ready = pending.filter((p) => p.line <= upToLine).sort((a, b) => a.line - b.line);
    for (const p of ready) {
      pending.splice(pending.indexOf(p), 1);
      yield { type: "issue", issue: p.issue };
    }
  }
  const parser = parse({
    columns: (header: string[]) => checkCsvHeader(header),
    info: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    on_skip: (error) => {
      const line = error && "lines" in error ? Number(error.lines) : 0;
      const reason = error?.message.replace(/ (at|on) line \d+/g, "") ?? "malformed record";
      note(line, `${reason}; record skipped`);
      return undefined;
    },
  });

  // Lets the pump stop waiting for "drain" when the consumer stops early.
  const stopped = new AbortController();
  const pump = (async () => {
    for await (const line of readLines(input, maxRecordBytes)) {
      if (line.tooLong) note(line.number, "line longer than the limit; skipped");
      else if (line.invalidUtf8) note(line.number, "invalid UTF-8 replaced with U+FFFD");
      if (!parser.write(`${line.text}\n`)) await once(parser, "drain", { signal: stopped.signal });
    }
    parser.end();
  })().catch((error: unknown) => {
    if (!stopped.signal.aborted) parser.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  const rows = new RowConverter();
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
      yield* release(info.lines);
      yield* rows.convert(record, `line ${info.lines}`);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof CsvError)
      throw new ImportFileError(`unreadable CSV: ${error.message}`, null, { cause: error });
    throw error;
  } finally {
    stopped.abort();
    await pump;
  }
  yield* release(Number.POSITIVE_INFINITY);
}
