/**
 * A small JSON-over-HTTP client (ingest sources, and the LLM refiner's chat endpoint): a timeout on every
 * request, retries with exponential backoff and full jitter, `Retry-After`, and a polite pause between
 * consecutive requests. Time and randomness are injectable so tests are fast and deterministic.
 */

import { findFetchRefusal } from "./address-policy";

/** `refused`: the fetch implementation would not connect to the address (a guarded fetch); never retried. */
export type HttpErrorKind = "status" | "timeout" | "network" | "invalid_json" | "too_large" | "refused";

/** A request that failed for good (after any retries). `url` never carries credentials: they go in headers. */
export class HttpError extends Error {
  readonly kind: HttpErrorKind;
  /** The HTTP status, or null when no response arrived (timeout, network). */
  readonly status: number | null;
  readonly url: string;
  /** How many attempts were made in total. */
  readonly attempts: number;
  /**
   * The start of an error response's body (kind "status"), for the caller to show if it knows the body is
   * safe to show: a server may echo what it was sent. Not part of the message.
   */
  readonly responseExcerpt: string | null;

  constructor(init: {
    kind: HttpErrorKind;
    status: number | null;
    url: string;
    attempts: number;
    detail: string;
    responseExcerpt?: string | null;
  }) {
    super(`${init.detail} (${init.url})`);
    this.name = "HttpError";
    this.kind = init.kind;
    this.status = init.status;
    this.url = init.url;
    this.attempts = init.attempts;
    this.responseExcerpt = init.responseExcerpt ?? null;
  }
}

export interface RetryInfo {
  url: string;
  /** The attempt that failed, 1-based. */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** The failure in words, e.g. "HTTP 429", "timeout after 10000 ms". */
  reason: string;
  status: number | null;
}

export interface HttpClientOptions {
  /** Abort a request (including reading its body) after this long. */
  timeoutMs: number;
  /** Extra attempts after the first, for network errors, timeouts, 429 and 5xx. */
  retries: number;
  /** The least time between the end of one request and the start of the next. */
  minDelayMs?: number;
  /** The first backoff ceiling; doubles per retry. Default 500 ms. */
  baseBackoffMs?: number;
  /** The largest backoff ceiling. Default 30 s. */
  maxBackoffMs?: number;
  /** The most a `Retry-After` header may make us wait. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Refuse bodies larger than this. Default 256 MiB. */
  maxResponseBytes?: number;
  /** Sent with every request (e.g. Cookie). Never logged or put in errors. */
  headers?: Record<string, string>;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Returns [0, 1). */
  random?: () => number;
  now?: () => number;
  onRetry?: (info: RetryInfo) => void;
  /** Called before every attempt (first tries and retries). */
  onRequest?: (info: { url: string; attempt: number }) => void;
}

export interface HttpClient {
  /** GETs `url` and parses the body as JSON. Throws HttpError. */
  getJson(url: string): Promise<unknown>;
  /** POSTs `body` as JSON to `url` and parses the answer as JSON (retried like a GET). Throws HttpError. */
  postJson(url: string, body: unknown): Promise<unknown>;
}

/** What one request sends besides the configured headers. */
interface RequestSpec {
  method: "GET" | "POST";
  body?: string;
}

/** How much of an error response is kept (HttpError.responseExcerpt). */
const ERROR_EXCERPT_BYTES = 1024;

const MAX_REDIRECTS = 5;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The full-jitter backoff for the retry after failed attempt `attempt` (1-based): uniform in [0, ceiling). */
export function backoffDelayMs(attempt: number, random: () => number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Parses a Retry-After header (delta seconds or an HTTP date) into milliseconds from `nowMs`; null when absent or unreadable. */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

type AttemptOutcome =
  | { ok: true; body: string }
  | { ok: false; error: HttpError; retryable: boolean; retryAfterMs: number | null };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const minDelayMs = options.minDelayMs ?? 0;
  const baseBackoffMs = options.baseBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const maxResponseBytes = options.maxResponseBytes ?? 256 * 1024 * 1024;
  let lastFinishedAt: number | null = null;

  async function readBody(response: Response, url: string, attempts: number): Promise<string> {
    if (!response.body) return "";
    const reader = response.body.getReader();
    const decoder = new TextDecoder("utf-8");
    const parts: string[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxResponseBytes) {
        await reader.cancel();
        throw new HttpError({
          kind: "too_large",
          status: response.status,
          url,
          attempts,
          detail: `response larger than ${maxResponseBytes} bytes`,
        });
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return parts.join("");
  }

  /**
   * Follows redirects only within the URL's origin: the configured headers (the session cookie) must not
   * travel to another host. A redirect elsewhere is an error naming where it pointed.
   */
  async function fetchFollowingSameOrigin(
    url: string,
    spec: RequestSpec,
    signal: AbortSignal,
    attempt: number,
  ): Promise<Response> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(current, {
        method: spec.method,
        body: spec.body,
        headers: {
          accept: "application/json",
          ...(spec.body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
        signal,
        redirect: "manual",
      });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status > 399 || location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, current);
      const detail =
        next.origin !== new URL(url).origin
          ? `redirected to another host (${next.origin}${next.pathname}); use that address instead`
          : hop >= MAX_REDIRECTS
            ? `more than ${MAX_REDIRECTS} redirects`
            : null;
      if (detail)
        throw new HttpError({ kind: "status", status: response.status, url, attempts: attempt, detail });
      current = next.href;
    }
  }

  async function errorExcerpt(response: Response): Promise<string | null> {
    if (!response.body) return null;
    const reader = response.body.getReader();
    const { value } = await reader.read().catch(() => ({ value: undefined }));
    await reader.cancel().catch(() => undefined);
    return value ? new TextDecoder().decode(value.subarray(0, ERROR_EXCERPT_BYTES)) : null;
  }

  async function attemptOnce(url: string, spec: RequestSpec, attempt: number): Promise<AttemptOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await fetchFollowingSameOrigin(url, spec, controller.signal, attempt);
      if (!response.ok) {
        const responseExcerpt = await errorExcerpt(response);
        return {
          ok: false,
          retryable: isRetryableStatus(response.status),
          retryAfterMs: parseRetryAfterMs(response.headers.get("retry-after"), now()),
          error: new HttpError({
            kind: "status",
            status: response.status,
            url,
            attempts: attempt,
            detail: `HTTP ${response.status}`,
            responseExcerpt,
          }),
        };
      }
      return { ok: true, body: await readBody(response, url, attempt) };
    } catch (cause) {
      if (cause instanceof HttpError)
        return { ok: false, error: cause, retryable: false, retryAfterMs: null };
      const refusal = findFetchRefusal(cause);
      if (refusal) {
        const error = new HttpError({
          kind: "refused",
          status: null,
          url,
          attempts: attempt,
          detail: refusal.message,
        });
        return { ok: false, error, retryable: false, retryAfterMs: null };
      }
      const timedOut = controller.signal.aborted;
      return {
        ok: false,
        retryable: true,
        retryAfterMs: null,
        error: new HttpError({
          kind: timedOut ? "timeout" : "network",
          status: null,
          url,
          attempts: attempt,
          detail: timedOut
            ? `timeout after ${options.timeoutMs} ms`
            : `network error: ${describeCause(cause)}`,
        }),
      };
    } finally {
      clearTimeout(timer);
      lastFinishedAt = now();
    }
  }

  function politeRemainingMs(): number {
    if (lastFinishedAt === null) return 0;
    return Math.max(0, minDelayMs - (now() - lastFinishedAt));
  }

  async function requestText(url: string, spec: RequestSpec): Promise<{ body: string; attempts: number }> {
    let retryDelayMs = 0;
    for (let attempt = 1; ; attempt++) {
      const waitMs = Math.max(retryDelayMs, politeRemainingMs());
      if (waitMs > 0) await sleep(waitMs);
      options.onRequest?.({ url, attempt });
      const outcome = await attemptOnce(url, spec, attempt);
      if (outcome.ok) return { body: outcome.body, attempts: attempt };
      if (!outcome.retryable || attempt > options.retries) throw outcome.error;
      retryDelayMs =
        outcome.retryAfterMs !== null
          ? Math.min(outcome.retryAfterMs, maxRetryAfterMs)
          : backoffDelayMs(attempt, random, baseBackoffMs, maxBackoffMs);
      options.onRetry?.({
        url,
        attempt,
        delayMs: retryDelayMs,
        reason: outcome.error.message.replace(` (${url})`, ""),
        status: outcome.error.status,
      });
    }
  }

  async function requestJson(url: string, spec: RequestSpec): Promise<unknown> {
    const { body, attempts } = await requestText(url, spec);
    try {
      return JSON.parse(body) as unknown;
    } catch (cause) {
      throw new HttpError({
        kind: "invalid_json",
        status: 200,
        url,
        attempts,
        detail: `malformed JSON: ${describeCause(cause)}`,
      });
    }
  }

  return {
    getJson: (url) => requestJson(url, { method: "GET" }),
    postJson: (url, body) => requestJson(url, { method: "POST", body: JSON.stringify(body) }),
  };
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
