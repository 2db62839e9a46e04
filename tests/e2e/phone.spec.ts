import { expect, type Page, test } from "@playwright/test";
import { DEMO, readmeScreenshot, sidewaysOverflow, signIn, watchConsole } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

/** Elements that reach past the right edge of the screen (tables in their scroll area excepted). */
const pastTheEdge = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) =>
      els
        .filter(
          (el) => !el.closest(".table-scroll") && el.getBoundingClientRect().right > window.innerWidth + 0.5,
        )
        .map((el) => `${el.tagName}.${el.getAttribute("class")} ${(el.textContent ?? "").slice(0, 30)}`),
    );

test("at phone width the menu collapses and every page fits the screen; screenshot", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.author);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const name of ["Overview", "Compare", "Moderation", "Imports", "Settings", "Users"]) {
    const link = nav.getByRole("link", { name, exact: true });
    await expect(link).toBeVisible();
    const box = await link.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  }
  await expect(nav.getByRole("link", { name: "Overview", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await menu.click();
  await nav.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/u);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

  await page.goto("/");
  await expect(page.getByTestId("tone-share-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await readmeScreenshot(page, "overview-phone");
  expect(await sidewaysOverflow(page)).toBe(0);
  // The posts table scrolls inside its card.
  const tableArea = page.getByRole("region", { name: "Posts table" });
  const scroll = await tableArea.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(scroll.scroll).toBeGreaterThan(scroll.client);
  // Charts fit their cards: bars, legends and download buttons stay on screen.
  expect(await pastTheEdge(page, "svg.recharts-surface, .chart-legend li, .chart-downloads button")).toEqual(
    [],
  );
  expect(errors).toEqual([]);
});

test("the post, queue, log, compare, commenter, settings and users pages fit a phone", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.author);
  const { posts } = (await (await page.request.get("/api/posts")).json()) as { posts: { id: number }[] };
  const [a, b] = posts;
  await page.goto(`/posts/${a?.id}`);
  await expect(
    page.getByTestId("tone-distribution-chart").locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  const commenter = await page
    .getByTestId("active-commenters")
    .getByRole("link")
    .first()
    .getAttribute("href");
  for (const path of [
    `/posts/${a?.id}`,
    "/moderation",
    "/moderation/log",
    `/compare?posts=${a?.id},${b?.id}`,
    commenter ?? "/",
    "/imports",
    "/settings",
    "/users",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await sidewaysOverflow(page), `${path} scrolls sideways`).toBe(0);
    expect(await pastTheEdge(page, "main *"), `${path}: elements past the edge`).toEqual([]);
  }
});

test("charts resize with the window", async ({ page }) => {
  await signIn(page, DEMO.viewer);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const chart = page.getByTestId("disagreement-chart").locator("svg.recharts-surface");
  await expect(chart).toBeVisible();
  const wide = (await chart.boundingBox())?.width ?? 0;
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(async () => (await chart.boundingBox())?.width ?? 0).toBeLessThan(390);
  expect(wide).toBeGreaterThan(390);
  expect(await sidewaysOverflow(page)).toBe(0);
});
