import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { baseURL, e2ePostgresPort } from "../../playwright.config";
import { DEMO, signIn } from "./helpers";

/** Local addresses of the sockets listening on `port`, read from the kernel's tables (Linux). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const found: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== "0A" || !local?.endsWith(`:${hexPort}`)) continue;
      found.push(local.slice(0, local.indexOf(":")));
    }
  }
  return found;
}

/** 127.0.0.0/8 as the kernel writes it (little-endian hex), ::1, or ::ffff:127.x.x.x. */
function isLoopback(hex: string): boolean {
  if (hex.length === 8) return hex.endsWith("7F");
  return hex === "00000000000000000000000001000000" || /^0000000000000000FFFF0000[0-9A-F]{6}7F$/.test(hex);
}

test("the web server listens on the loopback interface only (HOST unset)", () => {
  const addresses = listeningAddresses(Number(new URL(baseURL).port));
  expect(addresses.length, "no listening socket found for the app's port").toBeGreaterThan(0);
  expect(addresses.filter((a) => !isLoopback(a))).toEqual([]);
});

/** A connection as the embedded database's superuser, whose password the run's data folder keeps. */
async function ownerClient(): Promise<pg.Client> {
  const passwordFile = path.join(process.env.MARGINALIA_E2E_DATA ?? "", "postgres-superuser-password");
  const password = encodeURIComponent(readFileSync(passwordFile, "utf8").trim());
  const client = new pg.Client({
    connectionString: `postgres://marginalia:${password}@127.0.0.1:${e2ePostgresPort}/marginalia`,
  });
  await client.connect();
  return client;
}

test("a post address that is not http(s) is never rendered as a link, even from a row stored before the check", async ({
  page,
}) => {
  const owner = await ownerClient();
  const { rows } = await owner.query<{ id: number; url: string | null }>(
    "SELECT id, url FROM post ORDER BY id LIMIT 1",
  );
  const original = rows[0];
  try {
    if (!original) throw new Error("the demo has no post");
    await owner.query("UPDATE post SET url = 'javascript:alert(1)' WHERE id = $1", [original.id]);
    const postId = original.id;
    await signIn(page, DEMO.author);
    await page.goto("/");
    await expect(page.getByTestId("posts-table")).toBeVisible();
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await page.goto(`/posts/${postId}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await expect(page.getByRole("link", { name: "Read on Substack" })).toHaveCount(0);
  } finally {
    await owner.query("UPDATE post SET url = $1 WHERE id = (SELECT min(id) FROM post)", [
      original?.url ?? null,
    ]);
    await owner.end();
  }
});

test("the running app connects as its least-privilege role; the superuser's password is generated and kept 0600", async ({
  page,
}) => {
  const dataDir = process.env.MARGINALIA_E2E_DATA ?? "";
  const passwordFile = path.join(dataDir, "postgres-superuser-password");
  expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
  // Make the app use its pool.
  await signIn(page, DEMO.viewer);
  await page.goto("/");
  const port = e2ePostgresPort;
  const password = encodeURIComponent(readFileSync(passwordFile, "utf8").trim());
  const owner = new pg.Client({
    connectionString: `postgres://marginalia:${password}@127.0.0.1:${port}/marginalia`,
  });
  await owner.connect();
  try {
    const { rows } = await owner.query<{ usename: string }>(
      "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'marginalia' AND pid <> pg_backend_pid()",
    );
    expect(rows.map((r) => r.usename)).toEqual(["marginalia_app"]);
  } finally {
    await owner.end();
  }
});

test("pages carry a nonce-based Content-Security-Policy that every script of theirs satisfies; the API is no-store", async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  const response = await page.goto("/sign-in");
  const policy = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()["permissions-policy"]).toContain("camera=()");
  const scripts = await page
    .locator("script")
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // The page works under the policy: signing in runs the app's scripts.
  await signIn(page, DEMO.author);
  await expect(page.getByTestId("posts-table")).toBeVisible();
  expect(violations).toEqual([]);
  const again = await request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(policy);
  const api = await request.get("/api/posts");
  expect(api.headers()["cache-control"]).toBe("no-store");
});
