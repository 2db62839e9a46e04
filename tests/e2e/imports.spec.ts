import { expect, test } from "@playwright/test";
import { startFakeSubstack } from "../support/fake-substack";
import { DEMO, expectAccessible, readmeScreenshot, sidewaysOverflow, signIn, watchConsole } from "./helpers";

test("the author imports a publication from (a local stand-in for) Substack and watches the run finish", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const fake = await startFakeSubstack();
  try {
    const errors = watchConsole(page);
    await signIn(page, DEMO.author);
    await page.goto("/imports");
    await expect(page.getByRole("heading", { name: "Imports" })).toBeVisible();
    await expect(page.getByRole("cell", { name: /The Long View/ })).toBeVisible();

    await page.getByLabel("Publication address").fill(fake.url);
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page.getByRole("status")).toContainText("queued");
    const runs = page.getByRole("region", { name: "Runs", exact: true });
    const row = runs.getByRole("row").filter({ hasText: new URL(fake.url).hostname });
    await expect(row.getByText("done", { exact: true })).toBeVisible({ timeout: 90_000 });
    await expect(row).toContainText("3/3 posts");

    const schedule = page.getByLabel(`Sync schedule of ${new URL(fake.url).hostname}`);
    await schedule.selectOption({ label: "hourly" });
    // The select shows the server's value: wait until the save came back before reloading, or the reload
    // can overtake the request.
    await expect(schedule).toHaveValue("60");
    await page.reload();
    await expect(page.getByLabel(`Sync schedule of ${new URL(fake.url).hostname}`)).toHaveValue("60");
    await readmeScreenshot(page, "imports", { fullPage: true });
    await expectAccessible(page, "imports");

    // The run's own page: no serious accessibility issue, and it fits a phone.
    await page.reload();
    await page
      .getByRole("region", { name: "Runs", exact: true })
      .getByRole("row")
      .filter({ hasText: new URL(fake.url).hostname })
      .getByRole("link")
      .first()
      .click();
    await expect(page).toHaveURL(/\/imports\/\d+$/u);
    await expectAccessible(page, "import run");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await sidewaysOverflow(page)).toBe(0);
    await expectAccessible(page, "import run at 390 px");
    expect(errors).toEqual([]);
  } finally {
    await fake.close();
  }
});

test("the imports page is for the author only", async ({ page }) => {
  await signIn(page, DEMO.moderator);
  const response = await page.goto("/imports");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  const api = await page.request.get("/api/imports");
  expect(api.status()).toBe(403);
});
