/**
 * Streams the chosen parts of one JSON file: decodes it chunk by chunk (reporting invalid UTF-8) and emits
 * the captured values as they complete. Syntax errors and excessive nesting become ImportFileError.
 */
import { ImportFileError } from "./errors";
import type { ImportInput } from "./events";
import { type JsonPathSegment, JsonStreamError, type JsonStreamEvent, JsonStreamParser } from "./json-stream";
import { decodeUtf8 } from "./utf8";

export type JsonFileEvent = JsonStreamEvent | { type: "invalid-utf8"; count: number; byteOffset: number };

export async function* streamJsonFile(
  input: ImportInput,
  capture: (path: readonly JsonPathSegment[]) => boolean,
  fileLabel: string,
): AsyncGenerator<JsonFileEvent> {
  const parser = new JsonStreamParser({ capture });
  try {
    for await (const chunk of decodeUtf8(input)) {
      if (chunk.invalidSequences > 0) {
        yield { type: "invalid-utf8", count: chunk.invalidSequences, byteOffset: chunk.byteOffset };
      }
      yield* parser.write(chunk.text);
    }
    yield* parser.end();
  } catch (error) {
    if (error instanceof JsonStreamError)
      throw new ImportFileError(`invalid JSON: ${error.message}`, fileLabel, { cause: error });
    throw error;
  }
}
