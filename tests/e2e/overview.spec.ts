import { expect, test } from "@playwright/test";
import { DEMO, signIn, watchConsole } from "./helpers";

test("an anonymous visitor is sent to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.viewer);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toContainText("Wrong email or password");
});

test("the overview lists the demo posts and draws the tone chart without console errors", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.author);
  await expect(page.getByRole("heading", { name: "How readers took each post" })).toBeVisible();
  const rows = page.getByTestId("post-row");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(9);
  const chart = page.getByTestId("tone-share-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // The overview screenshot for the README is taken by dashboard.spec.ts.
  expect(errors).toEqual([]);
});

test("the posts API answers 401 without a session and 400 for an unknown parameter", async ({
  page,
  request,
}) => {
  const anonymous = await request.get("/api/posts");
  expect(anonymous.status()).toBe(401);
  await signIn(page, DEMO.viewer);
  const bad = await page.request.get("/api/posts?bogus=1");
  expect(bad.status()).toBe(400);
  const good = await page.request.get("/api/posts");
  expect(good.status()).toBe(200);
  const body = (await good.json()) as { posts: { comments: number }[] };
  expect(body.posts.length).toBeGreaterThanOrEqual(9);
});
