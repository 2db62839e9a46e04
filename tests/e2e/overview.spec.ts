import { expect, test } from "@playwright/test";
import { DEMO, ownerQuery, signIn, waitForHydration, watchConsole } from "./helpers";

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

test("the overview pages its posts: the newest first, older ones a click away, every post reachable", async ({
  page,
}) => {
  const [publication] = await ownerQuery<{ id: number }>("SELECT id FROM publication ORDER BY id LIMIT 1");
  // Sixty posts older than the demo's, so that the posts fill more than one page.
  await ownerQuery(
    `INSERT INTO post (publication_id, external_id, title, published_at, updated_at)
     SELECT $1, 'e2e-paging-' || g, 'Paging filler ' || g, '2001-01-01'::timestamptz + g * interval '1 day', now()
     FROM generate_series(1, 60) g`,
    [publication!.id],
  );
  try {
    const [{ total }] = (await ownerQuery<{ total: number }>("SELECT count(*)::int AS total FROM post")) as [
      { total: number },
    ];
    await signIn(page, DEMO.viewer);
    const rows = page.getByTestId("post-row");
    await expect(page.getByTestId("posts-shown")).toHaveText(`50 of ${total} posts`);
    await expect(rows).toHaveCount(50);
    await expect(page.getByTestId("trend-scope")).toContainText(`50 newest of the ${total} posts`);
    // The oldest filler is not on the first page.
    await expect(page.getByRole("link", { name: "Paging filler 1", exact: true })).toHaveCount(0);
    await page.getByTestId("more-posts").click();
    await expect(rows).toHaveCount(total);
    await expect(page.getByTestId("posts-shown")).toHaveText(`${total} of ${total} posts`);
    await expect(page.getByTestId("more-posts")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Paging filler 1", exact: true })).toBeVisible();

    // The order and the title search are the server's, over every post: from the first page alone, the
    // oldest post comes first when sorted by date ascending, and a search finds posts no page showed yet.
    await page.reload();
    await waitForHydration(page);
    const dateHeader = page.getByRole("columnheader", { name: /^Date/ });
    await dateHeader.getByRole("button").click();
    await expect(page).toHaveURL(/order=asc/);
    await expect(dateHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(rows.first().getByRole("link").first()).toHaveText("Paging filler 1");
    await expect(rows).toHaveCount(50);
    await page.getByLabel("Search titles").fill("FILLER 5");
    await expect(page).toHaveURL(/q=FILLER\+5/);
    // "Paging filler 5" and 50-59, oldest first.
    await expect(page.getByTestId("posts-shown")).toHaveText("11 of 11 posts");
    await expect(rows.first().getByRole("link").first()).toHaveText("Paging filler 5");
    await expect(page.getByTestId("trend-scope")).toHaveCount(0);
    // The URL holds the state: a reload shows the same table.
    await page.reload();
    await expect(page.getByLabel("Search titles")).toHaveValue("FILLER 5");
    await expect(page.getByTestId("posts-shown")).toHaveText("11 of 11 posts");
    await page.getByLabel("Search titles").fill("no such title anywhere");
    await expect(page.getByText("No post title contains “no such title anywhere”")).toBeVisible();
  } finally {
    await ownerQuery("DELETE FROM post WHERE external_id LIKE 'e2e-paging-%'");
  }
});
