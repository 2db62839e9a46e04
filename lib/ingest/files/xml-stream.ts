/**
 * Drives saxes over a byte stream and turns a format-specific handler's output into an async event stream.
 * Safety: a DOCTYPE is refused outright (so no internal or external entity can be declared, let alone
 * expanded: billion laughs and XXE end here), undefined entities are saxes errors, and nesting is capped.
 */
import { SaxesParser } from "saxes";
import { ImportFileError } from "./errors";
import type { ImportEvent, ImportInput } from "./events";
import { decodeUtf8 } from "./utf8";

export interface XmlHandler {
  /** `depth` is 1 for the root element. */
  openTag(name: string, attributes: Record<string, string>, depth: number): void;
  /** Text and CDATA inside the current element. */
  text(text: string): void;
  closeTag(name: string, depth: number): void;
  /** Called after the last element; may emit final issues. */
  end(): void;
}

export const MAX_XML_DEPTH = 256;

export async function* parseXmlStream(
  input: ImportInput,
  createHandler: (emit: (event: ImportEvent) => void) => XmlHandler,
): AsyncGenerator<ImportEvent> {
  const queue: ImportEvent[] = [];
  const handler = createHandler((event) => queue.push(event));
  const parser = new SaxesParser({ xmlns: false, position: true });
  let failure: ImportFileError | null = null;
  let depth = 0;

  const where = () => `line ${parser.line}, column ${parser.column}`;
  const fail = (message: string) => {
    failure ??= new ImportFileError(message, where());
  };

  parser.on("doctype", () =>
    fail(
      "DOCTYPE declarations are refused: entity declarations could expand without bound or read local files",
    ),
  );
  parser.on("error", (error) => fail(`invalid XML: ${error.message.replace(/^[^:]*:\d+:\d+: /, "")}`));
  parser.on("opentag", (tag) => {
    if (failure) return;
    depth++;
    if (depth > MAX_XML_DEPTH) {
      fail(`elements nested deeper than ${MAX_XML_DEPTH} levels`);
      return;
    }
    handler.openTag(tag.name, tag.attributes as Record<string, string>, depth);
  });
  parser.on("text", (text) => {
    if (!failure) handler.text(text);
  });
  parser.on("cdata", (text) => {
    if (!failure) handler.text(text);
  });
  parser.on("closetag", (tag) => {
    if (failure) return;
    handler.closeTag(tag.name, depth);
    depth--;
  });

  for await (const chunk of decodeUtf8(input)) {
    if (chunk.invalidSequences > 0) {
      queue.push({
        type: "issue",
        issue: {
          location: `byte ${chunk.byteOffset}`,
          message: `${chunk.invalidSequences} invalid UTF-8 sequence(s) in this part of the file were replaced with U+FFFD`,
        },
      });
    }
    // saxes checks every character and refuses the whole DOCTYPE once it has seen it; stop feeding then.
    parser.write(chunk.text);
    yield* queue.splice(0);
    if (failure) throw failure;
  }
  parser.close();
  if (!failure) handler.end();
  yield* queue.splice(0);
  if (failure) throw failure;
}
