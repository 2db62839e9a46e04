/**
 * An incremental JSON parser for files too large to hold: it is fed text chunks and builds only the values
 * the caller asks for (e.g. each element of a top-level array), emitting each as soon as it is complete.
 * Everything else is checked for syntax and dropped. It never recurses, and nesting is capped, so hostile
 * input ends in a JsonStreamError rather than a stack overflow or unbounded memory for the nesting stack.
 */

export type JsonPathSegment = string | number;

export type JsonStreamEvent =
  | { type: "root"; kind: "object" | "array" | "scalar" }
  | { type: "value"; path: JsonPathSegment[]; value: unknown };

export interface JsonStreamOptions {
  /** Asked when a value starts outside any captured value; true builds that value and emits it whole. */
  capture(path: readonly JsonPathSegment[]): boolean;
  /** Deeper nesting is a JsonStreamError. Default 5000. */
  maxDepth?: number;
}

export class JsonStreamError extends Error {
  /** The character offset (from the start of the text) where the problem was found. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(`${message} at character ${position}`);
    this.name = "JsonStreamError";
    this.position = position;
  }
}

type Frame =
  | { kind: "object"; value: Record<string, unknown> | null; key: string | null }
  | { kind: "array"; value: unknown[] | null; index: number };

const S_VALUE = 0; // a value must come next
const S_VALUE_OR_END = 1; // just after "["
const S_KEY_OR_END = 2; // just after "{"
const S_KEY = 3; // after "," inside an object
const S_COLON = 4;
const S_AFTER_VALUE = 5; // "," or a closing bracket
const S_DONE = 6;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isLiteralChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x2e ||
    code === 0x45
  );
}

export class JsonStreamParser {
  private readonly capture: (path: readonly JsonPathSegment[]) => boolean;
  private readonly maxDepth: number;
  private readonly frames: Frame[] = [];
  private state = S_VALUE;
  private position = 0;
  private events: JsonStreamEvent[] = [];
  /** frames.length once the captured container was pushed; -1 when nothing is being captured. */
  private captureDepth = -1;
  private capturePath: JsonPathSegment[] = [];
  private scalarCaptured = false;
  private scalarPath: JsonPathSegment[] = [];
  private inString = false;
  private stringIsKey = false;
  private stringParts: string[] = [];
  /** An escape sequence split across chunks, starting with the backslash. */
  private escape = "";
  private literal: string | null = null;

  constructor(options: JsonStreamOptions) {
    this.capture = options.capture;
    this.maxDepth = options.maxDepth ?? 5000;
  }

  /** Feeds the next chunk; returns the events it completed. Throws JsonStreamError on invalid JSON. */
  write(chunk: string): JsonStreamEvent[] {
    this.events = [];
    let i = 0;
    while (i < chunk.length) {
      if (this.inString) {
        i = this.readString(chunk, i);
        continue;
      }
      if (this.literal !== null) {
        i = this.readLiteral(chunk, i);
        continue;
      }
      const code = chunk.charCodeAt(i);
      if (isWhitespace(code)) {
        i++;
        continue;
      }
      this.readStructural(chunk[i] ?? "", this.position + i);
      i++;
    }
    this.position += chunk.length;
    return this.events;
  }

  /** Signals the end of the text; throws when the JSON is incomplete. */
  end(): JsonStreamEvent[] {
    this.events = [];
    if (this.literal !== null) this.finishLiteral(this.position);
    if (this.inString || this.state !== S_DONE)
      throw new JsonStreamError("unexpected end of JSON", this.position);
    return this.events;
  }

  private readString(chunk: string, start: number): number {
    let i = start;
    if (this.escape) {
      while (i < chunk.length && !this.escapeComplete()) this.escape += chunk[i++];
      if (!this.escapeComplete()) return i;
      this.stringParts.push(this.decodeEscape(this.position + i));
      this.escape = "";
    }
    while (i < chunk.length) {
      const quote = chunk.indexOf('"', i);
      const backslash = chunk.indexOf("\\", i);
      if (backslash !== -1 && (quote === -1 || backslash < quote)) {
        if (backslash > i) this.stringParts.push(chunk.slice(i, backslash));
        this.escape = "\\";
        i = backslash + 1;
        while (i < chunk.length && !this.escapeComplete()) this.escape += chunk[i++];
        if (!this.escapeComplete()) return i;
        this.stringParts.push(this.decodeEscape(this.position + i));
        this.escape = "";
        continue;
      }
      if (quote === -1) {
        this.stringParts.push(chunk.slice(i));
        return chunk.length;
      }
      if (quote > i) this.stringParts.push(chunk.slice(i, quote));
      const text = this.stringParts.length === 1 ? (this.stringParts[0] ?? "") : this.stringParts.join("");
      this.stringParts = [];
      this.inString = false;
      if (this.stringIsKey) {
        const top = this.frames.at(-1);
        if (top?.kind === "object") top.key = text;
        this.state = S_COLON;
      } else {
        this.completeValue(text);
      }
      return quote + 1;
    }
    return i;
  }

  private escapeComplete(): boolean {
    if (this.escape.length < 2) return false;
    return this.escape[1] !== "u" || this.escape.length >= 6;
  }

  private decodeEscape(position: number): string {
    const kind = this.escape[1] ?? "";
    if (kind === "u") {
      const hex = this.escape.slice(2, 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonStreamError(`bad unicode escape \\u${hex}`, position);
      return String.fromCharCode(Number.parseInt(hex, 16));
    }
    const decoded = ESCAPES[kind];
    if (decoded === undefined) throw new JsonStreamError(`bad escape \\${kind}`, position);
    return decoded;
  }

  private readLiteral(chunk: string, start: number): number {
    let i = start;
    while (i < chunk.length && isLiteralChar(chunk.charCodeAt(i))) i++;
    this.literal += chunk.slice(start, i);
    if ((this.literal?.length ?? 0) > 400) throw new JsonStreamError("literal too long", this.position + i);
    if (i < chunk.length) this.finishLiteral(this.position + i);
    return i;
  }

  private finishLiteral(position: number): void {
    const text = this.literal ?? "";
    this.literal = null;
    let value: unknown;
    if (text === "true") value = true;
    else if (text === "false") value = false;
    else if (text === "null") value = null;
    else if (NUMBER.test(text)) value = Number(text);
    else throw new JsonStreamError(`unexpected token ${JSON.stringify(text.slice(0, 40))}`, position);
    this.completeValue(value);
  }

  private readStructural(char: string, position: number): void {
    switch (this.state) {
      case S_VALUE:
      case S_VALUE_OR_END:
        if (char === "]" && this.state === S_VALUE_OR_END) {
          this.closeContainer("array", position);
          return;
        }
        this.startValue(char, position);
        return;
      case S_KEY_OR_END:
      case S_KEY:
        if (char === "}" && this.state === S_KEY_OR_END) {
          this.closeContainer("object", position);
          return;
        }
        if (char !== '"')
          throw new JsonStreamError(`expected a key, found ${JSON.stringify(char)}`, position);
        this.inString = true;
        this.stringIsKey = true;
        return;
      case S_COLON:
        if (char !== ":") throw new JsonStreamError(`expected ":", found ${JSON.stringify(char)}`, position);
        this.state = S_VALUE;
        return;
      case S_AFTER_VALUE: {
        const top = this.frames.at(-1);
        if (char === ",") {
          this.state = top?.kind === "object" ? S_KEY : S_VALUE;
          return;
        }
        if (char === "]" || char === "}") {
          this.closeContainer(char === "]" ? "array" : "object", position);
          return;
        }
        throw new JsonStreamError(
          `expected "," or a closing bracket, found ${JSON.stringify(char)}`,
          position,
        );
      }
      default:
        throw new JsonStreamError(
          `unexpected ${JSON.stringify(char)} after the end of the JSON value`,
          position,
        );
    }
  }

  private currentPath(): JsonPathSegment[] {
    return this.frames.map((frame) => (frame.kind === "object" ? (frame.key ?? "") : frame.index));
  }

  private startValue(char: string, position: number): void {
    if (this.frames.length === 0) {
      const kind = char === "{" ? "object" : char === "[" ? "array" : "scalar";
      this.events.push({ type: "root", kind });
    }
    const capturing = this.captureDepth !== -1;
    const startsCapture = !capturing && this.capture(this.currentPath());
    if (char === "{" || char === "[") {
      if (this.frames.length >= this.maxDepth) {
        throw new JsonStreamError(`JSON nested deeper than ${this.maxDepth} levels`, position);
      }
      if (startsCapture) this.capturePath = this.currentPath();
      const build = capturing || startsCapture;
      this.frames.push(
        char === "{"
          ? { kind: "object", value: build ? {} : null, key: null }
          : { kind: "array", value: build ? [] : null, index: 0 },
      );
      if (startsCapture) this.captureDepth = this.frames.length;
      this.state = char === "{" ? S_KEY_OR_END : S_VALUE_OR_END;
      return;
    }
    this.scalarCaptured = startsCapture;
    if (startsCapture) this.scalarPath = this.currentPath();
    if (char === '"') {
      this.inString = true;
      this.stringIsKey = false;
      return;
    }
    if (char === "-" || (char >= "0" && char <= "9") || char === "t" || char === "f" || char === "n") {
      this.literal = char;
      return;
    }
    throw new JsonStreamError(`unexpected ${JSON.stringify(char)}`, position);
  }

  private closeContainer(kind: "object" | "array", position: number): void {
    const frame = this.frames.pop();
    if (!frame || frame.kind !== kind) throw new JsonStreamError(`unexpected closing bracket`, position);
    if (this.captureDepth === this.frames.length + 1) {
      this.captureDepth = -1;
      this.events.push({ type: "value", path: this.capturePath, value: frame.value });
      this.afterValue();
      return;
    }
    this.completeValue(frame.value, true);
  }

  /** A scalar or a finished container: add it to the container being built, or emit it if captured. */
  private completeValue(value: unknown, fromContainer = false): void {
    const top = this.frames.at(-1);
    if (top?.value) {
      if (top.kind === "array") top.value.push(value);
      else if (top.key !== null) {
        // A plain assignment of "__proto__" would set the prototype; JSON.parse makes it an own property.
        Object.defineProperty(top.value, top.key, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      }
    } else if (!fromContainer && this.scalarCaptured) {
      this.events.push({ type: "value", path: this.scalarPath, value });
    }
    this.scalarCaptured = false;
    this.afterValue();
  }

  private afterValue(): void {
    const top = this.frames.at(-1);
    if (!top) {
      this.state = S_DONE;
      return;
    }
    if (top.kind === "array") top.index++;
    else top.key = null;
    this.state = S_AFTER_VALUE;
  }
}
