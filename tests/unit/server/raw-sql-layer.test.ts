import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Raw SQL goes through postgres.js (lib/db/README.md, "Raw and bulk SQL go through postgres.js"), never Prisma's
 * `$queryRaw` / `$executeRaw` / their `Unsafe` forms. The one exception: a row or advisory lock taken inside a
 * Prisma interactive transaction (`tx.$queryRaw … FOR UPDATE`) whose model writes and moderation-log entry
 * (`appendLog(tx, …)`) must commit with it; Prisma has no locking read, and a postgres.js statement would run on
 * another connection, outside the transaction. Those sites are listed here one by one, so a new one anywhere
 * fails this test until a reviewer has seen it.
 */
const LOCKS_IN_PRISMA_TRANSACTIONS: Record<string, number> = {
  "lib/server/corrections.ts": 1,
  "lib/server/flags.ts": 1,
  "lib/server/moderation/comment-decisions.ts": 1,
  "lib/server/moderation/commenter-actions.ts": 1,
  "lib/server/moderation/settings.ts": 1,
  "lib/server/scoring/publication-model.ts": 2,
  "lib/server/users.ts": 1,
};

const ROOT = path.resolve(import.meta.dirname, "../../..");
const PRISMA_RAW = /\$(?:queryRaw|executeRaw)(?:Unsafe)?\b/g;
const ON_A_TRANSACTION = /\btx\.\$(?:queryRaw|executeRaw)(?:<[^`]*?>)?`/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return relative === "lib/db/generated" ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

/** Every use of Prisma's raw SQL in a source text: its line, and whether it is a tagged call on `tx`. */
function prismaRawUses(source: string): { line: number; onTransaction: boolean }[] {
  return [...source.matchAll(PRISMA_RAW)].map((m) => {
    const lineStart = source.lastIndexOf("\n", m.index) + 1;
    return {
      line: source.slice(0, m.index).split("\n").length,
      onTransaction:
        ON_A_TRANSACTION.test(source.slice(lineStart, m.index + 200)) && !m[0].endsWith("Unsafe"),
    };
  });
}

describe("one raw-SQL layer", () => {
  test("the scan finds what it looks for", () => {
    expect(prismaRawUses("await db().$queryRaw`SELECT 1`")).toEqual([{ line: 1, onTransaction: false }]);
    expect(prismaRawUses("x\nreadDb().$queryRawUnsafe('SELECT 1')")).toEqual([
      { line: 2, onTransaction: false },
    ]);
    expect(prismaRawUses("await tx.$executeRaw`SELECT 1`")).toEqual([{ line: 1, onTransaction: true }]);
    expect(prismaRawUses("await tx.$queryRaw<{ id: number }[]>`SELECT 1`")).toEqual([
      { line: 1, onTransaction: true },
    ]);
    expect(prismaRawUses("await tx.$executeRawUnsafe('SELECT 1')")).toEqual([
      { line: 1, onTransaction: false },
    ]);
    expect(prismaRawUses("await sql`SELECT 1`")).toEqual([]);
  });

  test("lib/ and app/ send raw SQL through postgres.js, bar the listed locks in Prisma transactions", () => {
    const found: Record<string, number> = {};
    const outside: string[] = [];
    for (const file of [...sourceFiles("lib"), ...sourceFiles("app")]) {
      for (const use of prismaRawUses(readFileSync(path.join(ROOT, file), "utf8"))) {
        if (use.onTransaction && file in LOCKS_IN_PRISMA_TRANSACTIONS) found[file] = (found[file] ?? 0) + 1;
        else outside.push(`${file}:${use.line}`);
      }
    }
    expect(outside).toEqual([]);
    expect(found).toEqual(LOCKS_IN_PRISMA_TRANSACTIONS);
  });
});
