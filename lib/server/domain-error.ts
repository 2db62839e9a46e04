/**
 * The one way a service reports an expected failure: it throws a DomainError saying what went wrong in domain
 * terms. Only `route()` (lib/server/api.ts) turns it into HTTP (DOMAIN_ERROR_STATUS); the command line and the
 * workers print its message. Services run in workers and the CLI too, so this file needs nothing of Next.
 */
export type DomainErrorKind = "not_found" | "conflict" | "invalid" | "forbidden";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** A stable machine-readable code clients may branch on ("not_found", "last_author", "stale_model"). */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** The thing asked for does not exist (or is not the caller's to see). */
export const notFound = (what: string, code = "not_found") =>
  new DomainError("not_found", code, `${what} not found`);

/** The request is well-formed but the present state forbids it (already done, the last author, a stale model). */
export const conflict = (code: string, message: string) => new DomainError("conflict", code, message);

/** The request makes no sense for this target (a cursor not given out, a reject-all that is not a ban). */
export const invalid = (code: string, message: string) => new DomainError("invalid", code, message);

/** The caller may do this kind of thing, but not to this target (undoing someone else's decision). */
export const forbidden = (code: string, message: string) => new DomainError("forbidden", code, message);
