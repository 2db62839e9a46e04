import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO, ownerQuery, signIn } from "./helpers";

/**
 * Who may open each page, as the issue specifies it (not read off the code): every page under app/ must have a
 * row, and each role gets exactly this — the page (200), the 403 page, or (anonymous) the sign-in page.
 */
type Access = "public" | "read" | "moderate" | "administer";
const PAGE_ACCESS: Readonly<Record<string, Access>> = {
  "/sign-in": "public",
  "/": "read",
  "/posts/[postId]": "read",
  "/posts/[postId]/report": "read",
  "/search": "read",
  "/entities": "read",
  "/entities/[entityId]": "read",
  "/commenters/[commenterId]": "read",
  "/compare": "read",
  "/moderation": "moderate",
  "/moderation/log": "moderate",
  "/notifications": "moderate",
  "/imports": "administer",
  "/imports/[runId]": "administer",
  "/settings": "administer",
  "/users": "administer",
};
const ROLES = { VIEWER: DEMO.viewer, MODERATOR: DEMO.moderator, AUTHOR: DEMO.author } as const;
const ALLOWED: Record<Access, readonly string[]> = {
  public: ["anonymous", "VIEWER", "MODERATOR", "AUTHOR"],
  read: ["VIEWER", "MODERATOR", "AUTHOR"],
  moderate: ["MODERATOR", "AUTHOR"],
  administer: ["AUTHOR"],
};

/** Every page file under app/, as its URL pattern (route groups dropped). */
function pagePatterns(): string[] {
  const app = path.resolve("app");
  return (readdirSync(app, { recursive: true }) as string[])
    .filter((f) => f.endsWith("page.tsx"))
    .map(
      (f) =>
        `/${path
          .dirname(f)
          .split(path.sep)
          .filter((s) => !/^\(.*\)$/.test(s) && s !== ".")
          .join("/")}`,
    )
    .map((p) => (p === "/" ? p : p.replace(/\/$/, "")))
    .sort();
}

test("the page table names every page there is, and no other", () => {
  expect(pagePatterns()).toEqual(Object.keys(PAGE_ACCESS).sort());
});

test("every page answers each role as the table says", async ({ browser }) => {
  test.setTimeout(240_000);
  const [ids] = await ownerQuery<{ post: number; other: number; commenter: number; entity: number }>(
    "SELECT (SELECT min(id) FROM post) AS post, (SELECT max(id) FROM post) AS other, (SELECT min(id) FROM commenter) AS commenter, (SELECT min(id) FROM entity) AS entity",
  );
  const [run] = await ownerQuery<{ id: number }>(
    "INSERT INTO import_run (source, status, params) VALUES ('FILE', 'SUCCEEDED', '{}') RETURNING id",
  );
  const url = (pattern: string) =>
    pattern
      .replace("[postId]", String(ids?.post))
      .replace("[commenterId]", String(ids?.commenter))
      .replace("[runId]", String(run?.id))
      .replace("[entityId]", String(ids?.entity))
      .concat(pattern === "/compare" ? `?posts=${ids?.post},${ids?.other}` : "");

  const seen: string[] = [];
  for (const role of ["anonymous", ...Object.keys(ROLES)] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (role !== "anonymous") await signIn(page, ROLES[role as keyof typeof ROLES]);
    for (const [pattern, access] of Object.entries(PAGE_ACCESS)) {
      const response = await page.goto(url(pattern));
      const finalPath = new URL(page.url()).pathname;
      const allowed = ALLOWED[access].includes(role);
      const outcome = allowed
        ? response?.status() === 200 && (pattern === "/sign-in" || finalPath !== "/sign-in")
          ? "page"
          : `unexpected ${response?.status()} at ${finalPath}`
        : role === "anonymous"
          ? finalPath === "/sign-in"
            ? "sign-in"
            : `unexpected ${response?.status()} at ${finalPath}`
          : response?.status() === 403
            ? "403"
            : `unexpected ${response?.status()} at ${finalPath}`;
      seen.push(`${role} ${pattern}: ${outcome}`);
      expect(outcome, `${role} ${pattern}`).toBe(allowed ? "page" : role === "anonymous" ? "sign-in" : "403");
    }
    await context.close();
  }
  expect(seen).toHaveLength(4 * Object.keys(PAGE_ACCESS).length);
});
