/**
 * UTF-8 decoding that never throws: invalid bytes become U+FFFD, and the caller learns how many so it can
 * report them. Legitimate U+FFFD characters in the input (bytes EF BF BD) are not counted as invalid.
 */

import { readBytes } from "./byte-source";
import type { ImportInput } from "./events";

const REPLACEMENT = "\uFFFD";

export interface DecodedChunk {
  text: string;
  /** Invalid byte sequences replaced in this chunk (approximate at chunk edges; exact over the whole input). */
  invalidSequences: number;
  /** The byte offset of the chunk's first byte. */
  byteOffset: number;
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Occurrences of the encoded U+FFFD (EF BF BD) ending inside `chunk`, given the previous chunk's tail. */
function countEncodedReplacement(tail: Buffer, chunk: Buffer): number {
  const joined = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
  let count = 0;
  for (let i = joined.indexOf(0xef); i !== -1 && i + 2 < joined.length; i = joined.indexOf(0xef, i + 1)) {
    if (joined[i + 1] === 0xbf && joined[i + 2] === 0xbd) count++;
  }
  return count;
}

export async function* decodeUtf8(input: ImportInput): AsyncGenerator<DecodedChunk> {
  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
  let tail = Buffer.alloc(0);
  let byteOffset = 0;
  for await (const bytes of readBytes(input)) {
    const text = decoder.decode(bytes, { stream: true });
    const invalidSequences = Math.max(0, countChar(text, REPLACEMENT) - countEncodedReplacement(tail, bytes));
    tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2)));
    yield { text, invalidSequences, byteOffset };
    byteOffset += bytes.length;
  }
  const rest = decoder.decode();
  yield { text: rest, invalidSequences: countChar(rest, REPLACEMENT), byteOffset };
}

/** Decodes one complete buffer (e.g. a line); `invalid` is true when it held bytes that are not UTF-8. */
export function decodeUtf8Buffer(bytes: Buffer): { text: string; invalid: boolean } {
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
  const invalid =
    text.includes(REPLACEMENT) &&
    countChar(text, REPLACEMENT) > countEncodedReplacement(Buffer.alloc(0), bytes);
  return { text, invalid };
}
