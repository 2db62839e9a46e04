import "server-only";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sql } from "./sql";

/** A value COPY's text format can carry: null is \N, objects are written as JSON, dates as ISO instants. */
export type CopyValue = string | number | boolean | Date | null | undefined | object;

/**
 * One field of COPY's text format: backslash, tab, newline and carriage return escaped; NUL (which PostgreSQL
 * cannot store in text) replaced by U+FFFD, as invalid bytes are.
 */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value} in a number column`);
    text = String(value);
  } else if (typeof value === "boolean") text = value ? "t" : "f";
  else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("invalid date");
    text = value.toISOString();
  } else text = JSON.stringify(value);
  if (!/[\\\t\n\r\0]/.test(text)) return text;
  return text.replace(/[\\\t\n\r\0]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\uFFFD",
  );
}

export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join("\t")}\n`;
}

/**
 * Streams rows into `table` with COPY FROM STDIN (text format), in chunks of about 1 MB so a batch never
 * builds one giant string. `sql` should be a transaction (or a reserved connection) when the table is a
 * temporary one. `table` and `columns` are identifiers written by us, never user input.
 */
export async function copyRows(
  sql: Sql,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<void> {
  function* lines() {
    for (const row of rows) yield copyLine(row);
  }
  await copyLines(sql, table, columns, lines());
}

/** `copyRows` for rows already written as COPY lines (`copyLine`). */
export async function copyLines(
  sql: Sql,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<void> {
  const target = await sql.unsafe(`COPY ${table} (${columns.join(", ")}) FROM STDIN`).writable();
  async function* chunks() {
    let chunk = "";
    for (const line of lines) {
      chunk += line;
      if (chunk.length >= 1 << 20) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk.length > 0) yield chunk;
  }
  await pipeline(chunks, target as Writable);
}
