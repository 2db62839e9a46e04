import { HttpError } from "@/lib/ingest/http";

/** A Substack answer could not be used: bad JSON, the wrong shape, or an HTTP failure after retries. */
export class IngestFetchError extends Error {
  /** The URL that was fetched. Never contains the session cookie (that travels in a header). */
  readonly url: string;
  /** The HTTP status when the failure was an HTTP status, else null. */
  readonly status: number | null;

  constructor(url: string, problem: string, options: { status?: number | null; cause?: unknown } = {}) {
    super(`${problem} (${url})`, { cause: options.cause });
    this.name = "IngestFetchError";
    this.url = url;
    this.status = options.status ?? null;
  }
}

/**
 * What a web user is told about a failed fetch: where, the kind of failure and the HTTP status, nothing the
 * remote answered (its bytes, addresses, ports). The details go to the server's log.
 */
export function genericFetchProblem(error: unknown): string {
  const http = findHttpError(error);
  if (http) {
    switch (http.kind) {
      case "status":
        return `HTTP ${http.status ?? "error"}`;
      case "timeout":
        return "timed out";
      case "network":
        return "could not connect";
      case "invalid_json":
        return "the answer was not JSON";
      case "too_large":
        return "the answer was too large";
      case "refused":
        return "refused: not a public https address";
    }
  }
  if (error instanceof IngestFetchError) return "unexpected answer";
  return "failed";
}

function findHttpError(error: unknown): HttpError | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof HttpError) return e;
  }
  return null;
}
