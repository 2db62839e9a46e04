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

export async function* parseCsv(input: ImportInput, maxRecordBytes = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<ImportEvent> {
  const pending: IngestIssue[] = [];
  const parser = parse({
    columns: (header: string[]) => checkCsvHeader(header),
    info: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    on_skip: (error) => {
      const line = error && "lines" in error ? Number(error.lines) : null;
      pending.push({
        location: line ? `line ${line}` : "CSV",
        message: `${error?.message.replace(/ at line \d+$/, "") ?? "malformed record"}; record skipped`,
      });
      return undefined;
    },
  });

  const pump = (async () => {
    for await (const line of readLines(input, maxRecordBytes)) {
      if (line.tooLong) pending.push({ location: `line ${line.number}`, message: "line longer than the limit; skipped" });
      else if (line.invalidUtf8) {
        pending.push({ location: `line ${line.number}`, message: "invalid UTF-8 replaced with U+FFFD" });
      }
      if (!parser.write(`${line.text}\n`)) await once(parser, "drain");
    }
    parser.end();
  })().catch((error: unknown) => parser.destroy(error instanceof Error ? error : new Error(String(error))));

  const rows = new RowConverter();
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
      for (const issue of pending.splice(0)) yield { type: "issue", issue };
      yield* rows.convert(record, `line ${info.lines}`);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof CsvError) throw new ImportFileError(`unreadable CSV: ${error.message}`, null, { cause: error });
    throw error;
  } finally {
    await pump;
  }
  for (const issue of pending.splice(0)) yield { type: "issue", issue };
}
