import "server-only";

/**
 * An expected failure a service can throw: a route answers it as JSON with this status, the command line prints
 * its message. Kept apart from api.ts (which needs Next) so the command line can use the same services.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);
