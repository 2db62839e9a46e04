import { expect, test } from "@playwright/test";
import { DEMO, ownerQuery, readmeScreenshot, signIn, waitForHydration, watchConsole } from "./helpers";

test("search from the header box: matches marked, a result opens the comment in its thread; screenshot", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.viewer);
  const box = page.getByRole("searchbox", { name: "Search every comment" });
  // `/` on any page puts the cursor in the header's box.
  await waitForHydration(page);
  await page.keyboard.press("/");
  await expect(box).toBeFocused();
  await page.keyboard.type("sanctions");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=sanctions/);
  const hits = page.getByTestId("search-hit");
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator("mark").first()).toHaveText(/^sanction/i);
  // A phrase and a filter narrow it; the filters live in the URL.
  await page.getByLabel("Search for").fill('"third countries" OR sanct*');
  await page.getByLabel("Order").selectOption("relevance");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/sort=relevance/);
  await expect(hits.first()).toBeVisible();
  await readmeScreenshot(page, "search", { height: 1100 });

  // j / k step through the results' links; Enter opens the one in focus.
  await waitForHydration(page);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  const second = hits.nth(1).getByRole("link").first();
  await expect(second).toBeFocused();
  await page.keyboard.press("k");
  const link = hits.first().getByRole("link").first();
  await expect(link).toBeFocused();
  const href = (await link.getAttribute("href"))!;
  const commentId = /comment=(\d+)/.exec(href)![1];
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`#comment-${commentId}$`));
  await expect(page.locator(`#comment-${commentId}`)).toBeVisible();
  await expect(page.getByTestId("thread-from")).toBeVisible();
  expect(errors).toEqual([]);
});

test("the post page shows what the pushback argued and what landed; screenshot", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.viewer);
  await page.goto("/");
  await page
    .getByTestId("posts-table")
    .getByRole("link", { name: "Sanctions That Did Not Bite", exact: true })
    .click();
  const pushback = page.getByTestId("arguments-pushback");
  await expect(pushback.getByRole("heading", { name: "What the pushback argued" })).toBeVisible();
  const groups = pushback.getByTestId("argument-group");
  await expect(groups.first()).toBeVisible();
  await expect(groups.first().locator("blockquote mark").first()).toBeVisible();
  await expect(
    page.getByTestId("arguments-landed").getByRole("heading", { name: "What landed" }),
  ).toBeVisible();
  await page.getByRole("region", { name: "Arguments" }).scrollIntoViewIfNeeded();
  await readmeScreenshot(page.getByRole("region", { name: "Arguments" }), "arguments");
  // Keyboard: a quote's author link is reachable and opens the comment in its thread.
  const quoteLink = groups.first().locator("blockquote footer a").first();
  await quoteLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/comment=\d+#comment-\d+$/);
  expect(errors).toEqual([]);
});

test("names readers mention: the list with trends, an entity page with its mentions; screenshots", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.viewer);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Names" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "People, places and organisations" }),
  ).toBeVisible();
  const rows = page.getByTestId("entity-row");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await readmeScreenshot(page, "entities", { height: 1000 });
  const first = rows.first().getByRole("link");
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const mentions = page.getByTestId("entity-mention");
  await expect(mentions.first()).toBeVisible();
  await expect(mentions.first().locator("mark")).toHaveCount(1);
  await readmeScreenshot(page, "entity", { height: 1200 });
  await waitForHydration(page);
  await page.keyboard.press("j");
  await expect(mentions.first().getByRole("link").first()).toBeFocused();
  // Filter by the sentence's sentiment with the keyboard alone.
  await page.getByLabel("Sentence sentiment").selectOption("negative");
  await page.getByRole("button", { name: "Apply" }).press("Enter");
  await expect(page).toHaveURL(/aspect=negative/);
  await expect(page.getByTestId("entity-mention-count")).toContainText("match the filters");
  expect(errors).toEqual([]);
});

test("the author sets notifications; an internal webhook address is refused; viewers cannot", async ({
  page,
}) => {
  await signIn(page, DEMO.author);
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Notifications" });
  await section.getByRole("button", { name: "Add a recipient" }).click();
  await section.getByLabel("E-mail address").fill("author@newsletter.test");
  await section.getByLabel("Webhook address").fill("https://169.254.169.254/latest");
  await section.getByRole("button", { name: "Save notifications" }).click();
  await expect(section.getByRole("alert")).toContainText("not a public address");
  await section.getByLabel("Webhook address").fill("");
  await section.getByRole("button", { name: "Save notifications" }).click();
  await expect(section.getByRole("status").first()).toContainText("Saved");
  await page.reload();
  const saved = page.getByRole("region", { name: "Notifications" });
  await expect(saved.getByLabel("E-mail address")).toHaveValue("author@newsletter.test");
  await saved.scrollIntoViewIfNeeded();
  await readmeScreenshot(saved, "notifications");

  await signIn(page, DEMO.viewer);
  const response = await page.request.get("/api/publications/1/notifications");
  expect(response.status()).toBe(403);
});

test("a moderator chooses what reaches them from each publication, and it is kept", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.moderator);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your notifications" })).toBeVisible();
  const first = page.locator("form.panel").first();
  const surge = first.getByLabel("A thread turns (surge flags)");
  await expect(surge).not.toBeChecked();
  await surge.check();
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByRole("status")).toContainText("Saved");
  await page.reload();
  await expect(page.locator("form.panel").first().getByLabel("A thread turns (surge flags)")).toBeChecked();
  await expect(
    page.locator("form.panel").first().getByLabel("Daily digest of what readers said"),
  ).not.toBeChecked();
  expect(errors).toEqual([]);
});

test("a flag the system raised when a thread turned shows its figures on the overview and in the queue; a person resolves it", async ({
  page,
}) => {
  const errors = watchConsole(page);
  const note =
    "7 of the last 10 comments are hostile or flagged (70%), against 4% on this post before and 5% across the publication in the last 30 days (chance of this at the usual rate: 2.1e-7).";
  // As the surge job writes it (lib/server/insights/surges.ts): no person raised it, the figures are its note.
  const [flag] = await ownerQuery<{ id: number; title: string }>(
    `INSERT INTO flag (post_id, post_reason, note, rule, status, created_at)
     SELECT id, 'HEATED_THREAD', $1, 'surge:hostile', 'OPEN', now() FROM post ORDER BY id DESC LIMIT 1
     RETURNING id, (SELECT title FROM post ORDER BY id DESC LIMIT 1) AS title`,
    [note],
  );
  await signIn(page, DEMO.author);
  await page.goto("/");
  const flagged = page.getByTestId("flagged-posts").getByRole("listitem").filter({ hasText: flag!.title });
  await expect(flagged.getByTestId("system-flag-note")).toHaveText(note);

  await page.goto("/moderation");
  const item = page
    .getByTestId("post-flag")
    .filter({ hasText: flag!.title })
    .filter({ hasText: "the system" });
  await expect(item.locator(".flag-note")).toHaveText(note);
  await item.getByLabel(`Note for flag ${flag!.id}`).fill("Thread locked for the night.");
  await item.getByRole("button", { name: "Resolve" }).click();
  await expect(item).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByTestId("system-flag-note")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the printable report renders to PDF with its figures, arguments and scorer version", async ({
  page,
}) => {
  await signIn(page, DEMO.viewer);
  await page.goto("/");
  const postLink = page
    .getByTestId("posts-table")
    .getByRole("link", { name: "Sanctions That Did Not Bite", exact: true });
  const postHref = (await postLink.getAttribute("href"))!;
  await page.goto(`${postHref}/report`);
  await expect(page.getByTestId("post-report")).toBeVisible();
  await readmeScreenshot(page, "report", { height: 1600 });
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = "";
  for (let i = 1; i <= document.numPages; i += 1) {
    const content = await (await document.getPage(i)).getTextContent();
    text += `${content.items.map((item) => ("str" in item ? item.str : "")).join(" ")}\n`;
  }
  const flat = text.replace(/\s+/g, " ");
  expect(document.numPages).toBeGreaterThanOrEqual(2);
  expect(flat).toContain("Sanctions That Did Not Bite");
  expect(flat).toContain("Headline figures");
  expect(flat).toContain("Tone and stance");
  expect(flat).toContain("What the pushback argued");
  expect(flat).toContain("People, places and organisations discussed");
  expect(flat).toMatch(/Scorer: \S+/);
  // The page's own chrome (menu, print button) stays off paper.
  expect(flat).not.toContain("Print or save as PDF");
  expect(flat).not.toContain("Overview");
});
