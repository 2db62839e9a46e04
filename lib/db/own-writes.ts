import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Reads a person makes right after their own write: with a read replica, `readDb()` / `readSql()` inside
 * `withReadsOnPrimary` go to the primary, so that a moderator's decision or correction is in the figures and
 * threads their page fetches next, whatever the replica's delay (lib/server/own-writes.ts decides when).
 */
const readsOnPrimary = new AsyncLocalStorage<true>();

export function withReadsOnPrimary<T>(run: () => T): T {
  return readsOnPrimary.run(true, run);
}

/** True inside `withReadsOnPrimary`. */
export function readingOnPrimary(): boolean {
  return readsOnPrimary.getStore() === true;
}
