import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/client";
import { auth } from "@/lib/server/auth/auth";
import { createUser } from "@/lib/server/users";

export const TEST_ORIGIN = "http://localhost:3000";

/** A signed-in person for route tests: their id and the headers a browser on our own pages would send. */
export interface TestSession {
  userId: string;
  role: Role;
  headers: Record<string, string>;
}

/** Creates a user of the role and signs them in through Better Auth itself (real session row, real cookie). */
export async function signedIn(role: Role): Promise<TestSession> {
  const email = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@test.local`;
  const password = "correct horse battery staple";
  const user = await createUser(db(), { email, role, password });
  const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  const setCookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!setCookie) throw new Error(`sign-in for the test user failed: ${response.status}`);
  return { userId: user.id, role, headers: { cookie: setCookie, origin: TEST_ORIGIN } };
}

/** A Request to one of our route handlers, as the given session (or anonymous). */
export function apiRequest(
  path: string,
  options: {
    method?: string;
    session?: TestSession | null;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers: Record<string, string> = { ...(options.session?.headers ?? {}), ...(options.headers ?? {}) };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`${TEST_ORIGIN}${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** The second argument Next passes to a route handler. */
export function routeContext(params: Record<string, string> = {}) {
  return { params: Promise.resolve(params) };
}
