import "server-only";
import { apiErrorResponse, describeFailure, unavailableResponse, withBodyLimit } from "@/lib/server/api";
import { auth, isAllowedAuthPath } from "@/lib/server/auth/auth";
import { databaseReachable, isDatabaseUnavailable } from "@/lib/server/db-availability";

/**
 * Better Auth over HTTP: only the endpoints we use (isAllowedAuthPath; the rest answer 404), with the body
 * limit every API route has (64 KB, 413) applied before Better Auth parses anything. Better Auth answers its
 * own failures with a 500; one that happens while the database is away becomes the API's 503.
 */
export async function handleAuthRequest(request: Request): Promise<Response> {
  if (!isAllowedAuthPath(new URL(request.url).pathname)) {
    return apiErrorResponse(404, "not_found", "no such endpoint");
  }
  let response: Response;
  try {
    response = await withBodyLimit(request, (limited) => auth().handler(limited));
  } catch (error) {
    // Some of its steps (the rate limiter) throw instead of answering.
    if (isDatabaseUnavailable(error)) return unavailableResponse();
    console.error(`auth request failed: ${describeFailure(error)}`);
    return apiErrorResponse(500, "internal", "something went wrong on the server; it has been logged");
  }
  if (response.status >= 500 && !(await databaseReachable())) return unavailableResponse();
  return response;
}
