import { createReadStream } from "node:fs";
import type { ImportInput } from "./events";

/** The input's bytes as Buffers, in chunks of at most `chunkBytes` when reading a path. */
export async function* readBytes(input: ImportInput, chunkBytes = 64 * 1024): AsyncGenerator<Buffer> {
  const stream = typeof input === "string" ? createReadStream(input, { highWaterMark: chunkBytes }) : input;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | Uint8Array | string>) {
      if (typeof chunk === "string") yield Buffer.from(chunk, "utf8");
      else
        yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  } finally {
    if (typeof input === "string") stream.destroy();
  }
}
