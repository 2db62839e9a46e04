import "server-only";
import { ApiError, apiErrorResponse, withBodyLimit } from "@/lib/server/api";
import { auth, isAllowedAuthPath } from "@/lib/server/auth/auth";

/**
 * Better Auth over HTTP: only the endpoints we use (isAllowedAuthPath; the rest answer 404), with the body
 * limit every API route has (64 KB, 413) applied before Better Auth parses anything.
 */
export function handleAuthRequest(request: Request): Promise<Response> {
  if (!isAllowedAuthPath(new URL(request.url).pathname)) {
    return Promise.resolve(apiErrorResponse(new ApiError(404, "not_found", "no such endpoint")));
  }
  return withBodyLimit(request, (limited) => auth().handler(limited));
}
