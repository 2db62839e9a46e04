import { expect, test } from "vitest";
import { isDatabaseUnavailable } from "@/lib/server/db-availability";

const prismaError = (code: string, adapterCause: unknown) =>
  Object.assign(new Error("invalid invocation"), {
    code,
    meta: { driverAdapterError: Object.assign(new Error("x"), { cause: adapterCause }) },
  });

test.each([
  ["Prisma cannot reach the server", prismaError("P1001", { kind: "DatabaseNotReachable" }), true],
  [
    "a pooled connection terminated by a shutdown",
    prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" }),
    true,
  ],
  ["Better Auth wrapping it", new Error("Failed to get session", { cause: prismaError("P1001", {}) }), true],
  ["node-postgres losing its socket", new Error("Connection terminated unexpectedly"), true],
  [
    "postgres.js losing its connection",
    Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }),
    true,
  ],
  [
    "a refused connection",
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    true,
  ],
  [
    "a unique violation is a bug, not an outage",
    prismaError("P2002", { kind: "UniqueConstraintViolation" }),
    false,
  ],
  ["an out-of-range value", prismaError("P2010", { kind: "postgres", code: "22003" }), false],
  ["a plain error", new Error("boom"), false],
  ["not an error at all", "boom", false],
])("%s → %s", (_what, error, expected) => {
  expect(isDatabaseUnavailable(error)).toBe(expected);
});
