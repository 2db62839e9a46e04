/**
 * Request bodies are bounded before anything parses them: the JSON API (auth included) takes at most
 * MAX_BODY_BYTES. The web server refuses a larger Content-Length outright; a body without one (chunked) is read
 * through readBodyWithin, which stops reading at the limit.
 */
import { type ApiErrorBody, apiErrorBody } from "@/lib/schemas/api-error";

export const MAX_BODY_BYTES = 64 * 1024;

export const TOO_LARGE: ApiErrorBody = apiErrorBody(
  "payload_too_large",
  `the request body is larger than ${MAX_BODY_BYTES / 1024} KB`,
);

/** A Content-Length header over the limit (a malformed one counts as over). */
export function declaredTooLarge(contentLength: string | null | undefined, max = MAX_BODY_BYTES): boolean {
  if (contentLength === null || contentLength === undefined) return false;
  if (!/^\d{1,15}$/.test(contentLength.trim())) return true;
  return Number(contentLength) > max;
}

/**
 * The body's bytes, or null as soon as more than `max` arrive (the rest is never read; the stream is
 * cancelled). An absent body is empty.
 */
export async function readBodyWithin(
  body: ReadableStream<Uint8Array> | null,
  max = MAX_BODY_BYTES,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
