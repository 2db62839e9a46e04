import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Cookie, expect, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { e2ePostgresPort } from "../../playwright.config";

export const DEMO = {
  author: "author@demo.marginalia.local",
  moderator: "moderator@demo.marginalia.local",
  viewer: "viewer@demo.marginalia.local",
} as const;

/**
 * A demo account's password: random, made when `npm start` loaded the demo into the run's data folder, and kept
 * in demo-accounts.json beside it (mode 0600), as a person running the app would find it.
 */
export function demoPassword(email: string): string {
  const file = path.join(process.env.MARGINALIA_E2E_DATA ?? "", "demo-accounts.json");
  const { accounts } = JSON.parse(readFileSync(file, "utf8")) as {
    accounts: { email: string; password: string }[];
  };
  const account = accounts.find((a) => a.email === email);
  if (!account) throw new Error(`${email} is not a demo account of ${file}`);
  return account.password;
}

/**
 * Signs in through the sign-in form once per account and run, then reuses the session cookie: the app
 * rate-limits sign-ins (per address and per account), and a whole suite signing in for every test would trip it.
 * A cookie whose session is gone (the account signed out) falls back to the form.
 */
/** Waits until the page is hydrated, so its keyboard shortcuts are listening (set in app/_components/providers.tsx). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function signIn(page: Page, email: string, password?: string): Promise<void> {
  const cache = path.join(process.env.MARGINALIA_E2E_DATA ?? os.tmpdir(), `session-${email}.json`);
  if (existsSync(cache)) {
    const cookies = JSON.parse(readFileSync(cache, "utf8")) as Cookie[];
    await page.context().clearCookies();
    await page.context().addCookies(cookies);
    await page.goto("/");
    if (!new URL(page.url()).pathname.startsWith("/sign-in")) return;
  }
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password ?? demoPassword(email));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  writeFileSync(cache, JSON.stringify(await page.context().cookies()));
}

/** Collects console errors, page errors and failed responses so a test can assert there were none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    // The failed response itself is recorded below with its address.
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

/**
 * Runs axe-core on the page as it stands and fails on any critical or serious violation, naming the rule,
 * the elements and where the page was. Moderate and minor findings are reported by axe but do not fail.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map(
      (v) =>
        `${where}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  expect(serious).toEqual([]);
}

/** How far the page scrolls sideways: 0 when nothing is wider than the viewport. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** One statement as the embedded database's superuser, whose password the run's data folder keeps. */
export async function ownerQuery<T extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const password = encodeURIComponent(
    readFileSync(
      path.join(process.env.MARGINALIA_E2E_DATA ?? "", "postgres-superuser-password"),
      "utf8",
    ).trim(),
  );
  const client = new pg.Client({
    connectionString: `postgres://marginalia:${password}@127.0.0.1:${e2ePostgresPort}/marginalia`,
  });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Whether this run retakes the README's screenshots (`npm run screenshots`); a plain test run writes no file. */
const RETAKE_SCREENSHOTS = process.env.MARGINALIA_SCREENSHOTS === "1";

/**
 * Saves a README screenshot as tests/e2e/screenshots/<name>.png, only when the run was asked to retake them:
 * the files are tracked, and a test run must leave the checkout as it found it. `target` is the page or one
 * region of it; `height` takes the top of the page at 1280 × height (then back to 1280 × 720).
 */
export async function readmeScreenshot(
  target: Page | Locator,
  name: string,
  options: { fullPage?: boolean; height?: number } = {},
): Promise<void> {
  if (!RETAKE_SCREENSHOTS) return;
  const path = `tests/e2e/screenshots/${name}.png`;
  if (!("goto" in target)) {
    await target.screenshot({ path });
    return;
  }
  if (options.height !== undefined) await target.setViewportSize({ width: 1280, height: options.height });
  await target.screenshot({ path, fullPage: options.fullPage ?? false });
  if (options.height !== undefined) await target.setViewportSize({ width: 1280, height: 720 });
}
