import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { Role } from "@/lib/db/generated/client";
import { CAPABILITIES } from "@/lib/server/permissions";
import { resetDatabase, useTestDatabase } from "../support/database";
import {
  concretePath,
  paramNames,
  ROOT,
  type RouteHandler,
  routeFiles,
  UNSAFE,
  urlPath,
  verbsOf,
} from "../support/route-files";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { DUMMY_PARAMS, ROUTE_CAPABILITIES } from "./permission-matrix.routes";

const { sql } = useTestDatabase();

function paramsOf(file: string): Record<string, string> {
  return Object.fromEntries(paramNames(file).map((name) => [name, DUMMY_PARAMS[name] ?? "999999"]));
}

const sessions: Partial<Record<Role, TestSession>> = {};

beforeAll(async () => {
  await resetDatabase(sql);
  for (const role of ["VIEWER", "MODERATOR", "AUTHOR"] as const) sessions[role] = await signedIn(role);
});

function call(handler: RouteHandler, file: string, verb: string, session: TestSession | null, headers = {}) {
  const params = paramsOf(file);
  return handler(
    apiRequest(concretePath(file, params), {
      method: verb,
      session,
      headers,
      ...(UNSAFE.has(verb) ? { body: {} } : {}),
    }),
    routeContext(params),
  );
}

describe("permission matrix", () => {
  test("finds the route handlers", () => {
    expect(routeFiles.length).toBeGreaterThan(10);
  });

  test("every table row names a route that exists", async () => {
    const existing = new Set<string>();
    for (const file of routeFiles)
      for (const [verb] of await verbsOf(file)) existing.add(`${verb} ${urlPath(file)}`);
    const stale = Object.keys(ROUTE_CAPABILITIES).filter((key) => !existing.has(key));
    expect(
      stale,
      `remove these rows from tests/integration/permission-matrix.routes.ts: ${stale.join(", ")}`,
    ).toEqual([]);
  });

  test("no server actions exist unchecked (route handlers are the only mutation path)", () => {
    const offenders: string[] = [];
    for (const dir of ["app", "lib"]) {
      for (const f of readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]) {
        if (!/\.(ts|tsx)$/u.test(f) || f.includes("generated")) continue;
        const text = readFileSync(path.join(ROOT, dir, f), "utf8");
        if (/^\s*["']use server["']/mu.test(text)) offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders, "server actions found: add them to this matrix test").toEqual([]);
  });

  describe.each(routeFiles)("%s", (file) => {
    test("answers each role as the table says", { timeout: 60_000 }, async () => {
      const handlers = await verbsOf(file);
      expect(handlers.length, `${file} exports no HTTP verb`).toBeGreaterThan(0);
      for (const [verb, handler] of handlers) {
        const key = `${verb} ${urlPath(file)}`;
        const capability = ROUTE_CAPABILITIES[key];
        expect(
          capability,
          `"${key}" is missing: add it to tests/integration/permission-matrix.routes.ts`,
        ).toBeDefined();
        if (!capability) continue;
        const anonymous = await call(handler, file, verb, null);
        expect(anonymous.status, `${key} as anonymous`).toBe(401);
        for (const role of ["VIEWER", "MODERATOR", "AUTHOR"] as const) {
          const response = await call(handler, file, verb, sessions[role] ?? null);
          const allowed = (CAPABILITIES[capability] as readonly Role[]).includes(role);
          if (allowed) {
            expect([401, 403], `${key} as ${role} should be allowed (got ${response.status})`).not.toContain(
              response.status,
            );
          } else {
            expect(response.status, `${key} as ${role}`).toBe(403);
          }
        }
        if (UNSAFE.has(verb)) {
          const evil = await call(handler, file, verb, sessions.AUTHOR ?? null, {
            origin: "https://evil.example",
          });
          expect(evil.status, `${key} cross-site`).toBe(403);
          expect(((await evil.json()) as { error: { code: string } }).error.code).toBe("cross_site");
          const bare = sessions.AUTHOR
            ? { ...sessions.AUTHOR, headers: { cookie: sessions.AUTHOR.headers.cookie ?? "" } }
            : null;
          const noOrigin = await call(handler, file, verb, bare);
          expect(noOrigin.status, `${key} without Origin`).toBe(403);
        }
      }
    });
  });
});
