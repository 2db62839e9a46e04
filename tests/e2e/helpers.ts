import { expect, type Page } from "@playwright/test";

export const DEMO = {
  author: "author@demo.marginalia.local",
  moderator: "moderator@demo.marginalia.local",
  viewer: "viewer@demo.marginalia.local",
  password: "demo-password-not-secret",
} as const;

export async function signIn(page: Page, email: string, password: string = DEMO.password): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
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
