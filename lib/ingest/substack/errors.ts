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
