import "server-only";

/** What a CSV cell can hold. Only text is guarded against formulas: numbers and booleans are data. */
export type CsvValue = string | number | boolean | null;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled. A text starting
 * with = + - @ (or a tab or CR) gets a leading apostrophe so spreadsheets do not run it as a formula: comment
 * bodies, log notes and matched text come from readers.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** CSV text chunk by chunk: the header line, then one chunk per batch of rows (each batch one string). */
export async function* encodeCsvRows(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvValue[])[]>,
): AsyncGenerator<string> {
  yield csvLine(header);
  for await (const rows of batches) if (rows.length > 0) yield rows.map(csvLine).join("");
}

/** A web ReadableStream of text chunks (CSV, JSON), pulled as the client reads, for a streaming Response. */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
