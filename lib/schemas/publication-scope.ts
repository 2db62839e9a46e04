import { z } from "zod";
import { rowIdText } from "./bounds";
import { dateRangeShape, fromNotAfterTo } from "./date-range";
import { optionalIdParam } from "./route-params";

/**
 * The publication every dashboard, queue and export is scoped to, chosen in the header's switcher and kept
 * in this cookie; no cookie (or one naming no publication) means every publication together. It is a
 * preference, not a permission: the server validates it on every read and ignores what it cannot use.
 */
export const PUBLICATION_SCOPE_COOKIE = "marginalia-publication";

/** The cookie's value: a publication id as digits. */
export const publicationScopeCookieSchema = rowIdText;

/** A publication in the switcher. */
export interface PublicationChoice {
  id: number;
  name: string;
}

/** What the header's switcher shows: the publications to choose from and the one in scope (null = all). */
export interface PublicationScopeView {
  publications: PublicationChoice[];
  current: PublicationChoice | null;
}

/**
 * Where the switcher goes after a change: the same page when it is a view of the scope (overview, compare,
 * queue, log, search, names...), the overview when it shows one record of a publication (a post, a commenter,
 * a name, an import run), which the new scope may not hold. The query string is dropped: its filters (a post,
 * a publication, a cursor) belong to the old scope.
 */
export function pathAfterPublicationSwitch(pathname: string): string {
  return /^\/(posts|commenters|entities|imports)\/\d+(\/|$)/.test(pathname) ? "/" : pathname;
}

/** An API's explicit scope: `publicationId` overrides the switcher's choice for that one request. */
export const publicationScopeQueryShape = { publicationId: optionalIdParam("publicationId") };

/** The overview APIs' query: a date range within a publication scope. */
export const scopedDateRangeSchema = z
  .strictObject({ ...dateRangeShape, ...publicationScopeQueryShape })
  .refine(...fromNotAfterTo);
