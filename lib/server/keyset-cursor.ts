import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/server/domain-error";

/**
 * Keyset cursors of the insight lists (search, entity mentions): the last row's sort value (as PostgreSQL
 * printed it, so nothing is lost on the way back) and id, opaque to callers (base64url JSON).
 */

/** A cursor that did not come from a previous page: the caller's mistake (an invalid request: 400). */
export class BadCursorError extends DomainError {
  constructor(message: string) {
    super("invalid", "bad_request", message);
  }
}

/** to_char format of a timestamptz sort value with its microseconds (a JS Date would drop them). */
export const ISO_MICROS = `YYYY-MM-DD"T"HH24:MI:SS.US"Z"`;

const cursorSchema = z.tuple([z.string().max(64), z.number().int().positive()]);

export function encodeCursor(key: string, id: number): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

/** The cursor's sort value and id; a cursor that did not come from a previous page answers 400. */
export function decodeCursor(cursor: string): [string, number] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new BadCursorError("cursor must come from a previous page's nextCursor");
  }
}
