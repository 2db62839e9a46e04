/**
 * Splits a byte stream into numbered lines without decoding the whole file: a newline byte (0x0A) never
 * occurs inside a multi-byte UTF-8 character, so lines can be cut before decoding, and each line's
 * invalid UTF-8 can be reported with its line number.
 */

import { readBytes } from "./byte-source";
import type { ImportInput } from "./events";
import { decodeUtf8Buffer } from "./utf8";

export interface Line {
  /** 1-based. */
  number: number;
  /** Without the line ending; "" when the line was too long. */
  text: string;
  /** The line held bytes that are not UTF-8; they were replaced with U+FFFD. */
  invalidUtf8: boolean;
  /** The line exceeded maxLineBytes and was skipped. */
  tooLong: boolean;
}

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

export async function* readLines(
  input: ImportInput,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<Line> {
  let pieces: Buffer[] = [];
  let pending = 0;
  let tooLong = false;
  let number = 0;

  function finish(): Line {
    number++;
    if (tooLong) {
      pieces = [];
      pending = 0;
      tooLong = false;
      return { number, text: "", invalidUtf8: false, tooLong: true };
    }
    let bytes = pieces.length === 1 ? (pieces[0] ?? Buffer.alloc(0)) : Buffer.concat(pieces, pending);
    pieces = [];
    pending = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      bytes = bytes.subarray(3);
    const { text, invalid } = decodeUtf8Buffer(bytes);
    return { number, text, invalidUtf8: invalid, tooLong: false };
  }

  function keep(bytes: Buffer): void {
    if (tooLong) return;
    pending += bytes.length;
    if (pending > maxLineBytes) {
      tooLong = true;
      pieces = [];
      return;
    }
    // Copy: the stream may reuse its buffers.
    pieces.push(Buffer.from(bytes));
  }

  for await (const chunk of readBytes(input)) {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      keep(chunk.subarray(start, newline));
      yield finish();
      start = newline + 1;
    }
    if (start < chunk.length) keep(chunk.subarray(start));
  }
  if (pending > 0 || tooLong) yield finish();
}
