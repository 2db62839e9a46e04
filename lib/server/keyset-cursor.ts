import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/server/domain-error";

/**
 * Keyset cursors: opaque to callers (base64url JSON of what the page's last row was sorted by), checked by a
 * schema on the way back. The insight lists (search, entity mentions) keep the last row's sort value as
 * PostgreSQL printed it, so nothing is lost on the way back, and its id.
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

/** What a cursor's sort value is: a timestamp as ISO_MICROS prints it (UTC), or a number as PostgreSQL prints it. */
export type CursorValueKind = "timestamp" | "number";

const VALUE_READS_BACK: Readonly<Record<CursorValueKind, (value: string) => boolean>> = {
  // A real calendar instant (no 30 February): the same to the second once JavaScript has read it.
  timestamp: (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(value).toISOString().slice(0, 19) === value.slice(0, 19),
  number: (value) => value.trim() !== "" && Number.isFinite(Number(value)),
};

/**
 * The cursor's sort value and id; a cursor that did not come from a previous page, or whose value is not of
 * the kind the list sorts by, answers 400 (instead of failing in the database as a 500).
 */
export function decodeCursor(cursor: string, kind: CursorValueKind): [string, number] {
  let decoded: [string, number];
  try {
    decoded = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new BadCursorError("cursor must come from a previous page's nextCursor");
  }
  if (!VALUE_READS_BACK[kind](decoded[0]))
    throw new BadCursorError("cursor must come from a previous page's nextCursor");
  return decoded;
}

/**
 * A cursor codec for pages whose last row is described by `schema` (the overview's posts, the moderation
 * queue): `decode` answers 400 (BadCursorError) for anything `encode` did not make.
 */
export function cursorCodec<S extends z.ZodType>(schema: S) {
  return {
    encode: (value: z.input<S>): string => Buffer.from(JSON.stringify(value)).toString("base64url"),
    decode(cursor: string): z.output<S> {
      try {
        return schema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
      } catch {
        throw new BadCursorError("cursor must come from a previous page's nextCursor");
      }
    },
  };
}
