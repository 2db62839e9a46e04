import { readdirSync } from "node:fs";
import path from "node:path";

/** Every route handler file under app/api, found on disk so a new route cannot be missed by the route tests. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
const API = path.join(ROOT, "app/api");
export const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Better Auth's own handler: it does its own checks (sign-in must work anonymously). */
export const AUTH_ROUTE = "app/api/auth/[...all]/route.ts";

export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** Every app/api/**\/route.ts, as "app/api/…/route.ts" relative to the repository, Better Auth's excluded. */
export const routeFiles = (readdirSync(API, { recursive: true }) as string[])
  .map((f) => path.join("app/api", f).split(path.sep).join("/"))
  .filter((f) => f.endsWith("/route.ts") && f !== AUTH_ROUTE)
  .sort();

/** "/api/posts/[postId]" for "app/api/posts/[postId]/route.ts". */
export function urlPath(file: string): string {
  return `/${file.replace(/^app\//u, "").replace(/\/route\.ts$/u, "")}`;
}

/** The names of the file's path parameters, e.g. ["postId"]. */
export function paramNames(file: string): string[] {
  return [...urlPath(file).matchAll(/\[([^\]]+)\]/gu)].flatMap(([, name]) => (name ? [name] : []));
}

/** The path with its parameters filled in (each value URL-encoded). */
export function concretePath(file: string, params: Record<string, string>): string {
  return urlPath(file).replace(/\[([^\]]+)\]/gu, (_, name: string) =>
    encodeURIComponent(params[name] ?? "x"),
  );
}

/** The HTTP verbs a route file exports, with their handlers. */
export async function verbsOf(file: string): Promise<[string, RouteHandler][]> {
  const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
  return VERBS.flatMap((verb) =>
    typeof mod[verb] === "function" ? [[verb, mod[verb] as RouteHandler]] : [],
  );
}
