import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { withReadsOnPrimary } from "@/lib/db/own-writes";
import { env } from "@/lib/env";
import { type ApiErrorBody, apiErrorBody } from "@/lib/schemas/api-error";
import { isDatabaseUnavailable } from "@/lib/server/db-availability";
import { DomainError, type DomainErrorKind } from "@/lib/server/domain-error";
import { ownWriteCookie, recentOwnWrite } from "@/lib/server/own-writes";
import { type Capability, can, type Viewer } from "@/lib/server/permissions";
import { viewerFromHeaders } from "@/lib/server/session";
import { declaredTooLarge, readBodyWithin, TOO_LARGE } from "@/lib/web/body-limit";

export type { ApiErrorBody } from "@/lib/schemas/api-error";

/** The status each kind of domain error is answered with; nowhere else maps a failure to HTTP. */
const DOMAIN_ERROR_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

function errorResponse(
  status: number,
  code: string,
  message: string,
  issues?: ApiErrorBody["error"]["issues"],
) {
  return NextResponse.json<ApiErrorBody>(apiErrorBody(code, message, issues), { status });
}

/** A failure in the one error shape, for handlers outside `route()` (Better Auth's). */
export function apiErrorResponse(status: number, code: string, message: string): Response {
  return errorResponse(status, code, message);
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * An unexpected failure for the server log: its error code (Prisma's P…, PostgreSQL's SQLSTATE, Node's E…)
 * first, so the 500s that remain can be told apart and counted, then its message.
 */
export function describeFailure(err: unknown): string {
  const codes: string[] = [];
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === "object" && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code ?? (e as { originalCode?: unknown }).originalCode;
    if (typeof code === "string" && !codes.includes(code)) codes.push(code);
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return `[code ${codes.join("/") || "none"}] ${message}`;
}

/**
 * The path of the first string holding a NUL character (or a key holding one), or null. PostgreSQL cannot store
 * NUL in text, so such input is refused here as the client's mistake, not found there as a 500.
 */
export function nulAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes("\u0000")) return [...path, key];
    const found = nulAt(inner, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

const nulIssue = (path: string[]) => ({
  path: path.join("."),
  message: "text must not contain NUL (\\u0000) characters",
});

const tooLarge = () => NextResponse.json<ApiErrorBody>(TOO_LARGE, { status: 413 });

/** Seconds a client should wait before trying again while the database is away. */
const UNAVAILABLE_RETRY_AFTER = 5;

/** The answer while the database cannot be reached: a 503 in the one error shape, with Retry-After. */
export function unavailableResponse(): Response {
  return NextResponse.json<ApiErrorBody>(
    apiErrorBody("unavailable", "the database cannot be reached right now; try again in a moment"),
    { status: 503, headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER) } },
  );
}

/**
 * The request's body, read up to the limit (lib/web/body-limit.ts), before anything parses it; null when it
 * is larger. A declared Content-Length over the limit is refused without reading.
 */
async function boundedBody(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaredTooLarge(request.headers.get("content-length"))) return null;
  return readBodyWithin(request.body);
}

/**
 * For handlers that are not ours (Better Auth): the same body limit and 413, then the request handed on with
 * its body already read.
 */
export async function withBodyLimit(
  request: Request,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  if (!UNSAFE.has(request.method)) return handle(request);
  const body = await boundedBody(request);
  if (body === null) return tooLarge();
  return handle(
    new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: body.byteLength > 0 ? body : null,
    }),
  );
}

function zodIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

/**
 * Mutations must come from our own pages: the Origin (or Referer) must be the app's own address.
 * Session cookies are SameSite=Lax too; this is the second lock.
 */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin") ?? request.headers.get("referer");
  if (!origin) return false;
  let sourceOrigin: string;
  try {
    sourceOrigin = new URL(origin).origin;
  } catch {
    return false;
  }
  const own = new URL(request.url).origin;
  const configured = env().BETTER_AUTH_URL;
  const host = request.headers.get("host");
  const allowed = new Set([own, ...(configured ? [new URL(configured).origin] : [])]);
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(sourceOrigin);
}

type Handler<Q, B, P> = (input: {
  viewer: Viewer;
  query: Q;
  body: B;
  params: P;
  request: Request;
}) => Promise<unknown>;

/**
 * Every route handler is one call to this: parse (zod) -> check the capability -> call lib/server -> JSON.
 * 401 without a session, 403 for a wrong role or a cross-site mutation, 400 for bad input, the handler's
 * DomainError's status (DOMAIN_ERROR_STATUS) for expected failures, 500 with a generic message (logged) for the rest.
 */
export function route<Q = undefined, B = undefined, P = undefined>(
  options: {
    capability: Capability;
    query?: z.ZodType<Q>;
    body?: z.ZodType<B>;
    params?: z.ZodType<P>;
  },
  handler: Handler<Q, B, P>,
) {
  return async (request: Request, context: { params?: Promise<unknown> }): Promise<Response> => {
    try {
      const viewer = await viewerFromHeaders(request.headers);
      if (!viewer) return errorResponse(401, "unauthenticated", "sign in first");
      if (UNSAFE.has(request.method) && !isSameOrigin(request)) {
        return errorResponse(403, "cross_site", "this request did not come from Marginalia's own pages");
      }
      if (!can(viewer, options.capability)) {
        return errorResponse(403, "forbidden", `your role (${viewer.role}) may not do this`);
      }
      let params = undefined as P;
      if (options.params) {
        const raw = await context.params;
        const nul = nulAt(raw);
        if (nul !== null) return errorResponse(400, "bad_request", "bad path parameter", [nulIssue(nul)]);
        const parsed = options.params.safeParse(raw);
        if (!parsed.success)
          return errorResponse(400, "bad_request", "bad path parameter", zodIssues(parsed.error));
        params = parsed.data;
      }
      let query = undefined as Q;
      if (options.query) {
        const url = new URL(request.url);
        const raw: Record<string, string | string[]> = {};
        for (const key of new Set(url.searchParams.keys())) {
          const all = url.searchParams.getAll(key);
          raw[key] = all.length > 1 ? all : (all[0] ?? "");
        }
        const nul = nulAt(raw);
        if (nul !== null) return errorResponse(400, "bad_request", "bad query parameter", [nulIssue(nul)]);
        const parsed = options.query.safeParse(raw);
        if (!parsed.success)
          return errorResponse(400, "bad_request", "bad query parameter", zodIssues(parsed.error));
        query = parsed.data;
      }
      let body = undefined as B;
      if (options.body) {
        const bytes = await boundedBody(request);
        if (bytes === null) return tooLarge();
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
        } catch {
          return errorResponse(400, "bad_request", "the body must be JSON");
        }
        const nul = nulAt(json);
        if (nul !== null) return errorResponse(400, "bad_request", "bad request body", [nulIssue(nul)]);
        const parsed = options.body.safeParse(json);
        if (!parsed.success)
          return errorResponse(400, "bad_request", "bad request body", zodIssues(parsed.error));
        body = parsed.data;
      }
      const run = () => handler({ viewer, query, body, params, request });
      const result = await (recentOwnWrite(request) ? withReadsOnPrimary(run) : run());
      const response = result instanceof Response ? result : NextResponse.json(result);
      const mark = UNSAFE.has(request.method) && response.ok ? ownWriteCookie() : null;
      if (mark) response.headers.append("Set-Cookie", mark);
      return response;
    } catch (err) {
      if (err instanceof DomainError)
        return errorResponse(DOMAIN_ERROR_STATUS[err.kind], err.code, err.message);
      if (isDatabaseUnavailable(err)) {
        console.error(
          `database unreachable: ${request.method} ${new URL(request.url).pathname}: ${describeFailure(err)}`,
        );
        return unavailableResponse();
      }
      console.error(
        `route failed: ${request.method} ${new URL(request.url).pathname}: ${describeFailure(err)}`,
      );
      return errorResponse(500, "internal", "something went wrong on the server; it has been logged");
    }
  };
}
