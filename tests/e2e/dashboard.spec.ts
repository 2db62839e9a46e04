import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";
import type { PostListResponse } from "@/lib/schemas/posts";
import type { ThreadPage } from "@/lib/schemas/thread";
import { DEMO, readmeScreenshot, signIn, watchConsole } from "./helpers";

const EXPORT_HEADER =
  "publication,postExternalId,postSlug,postTitle,commentExternalId,parentExternalId,author,postedAt,editedAt,deleted,automodHidden,body,tone,stance,sentiment,flag,status";

/** The numbers of a chart's "show as table" view, as { first cell: second cell }. */
async function chartTable(chart: Locator): Promise<Record<string, string>> {
  const rows = await chart.locator("table tbody tr").all();
  const result: Record<string, string> = {};
  for (const row of rows) {
    const cells = await row.locator("td").allTextContents();
    if (cells[0] !== undefined) result[cells[0]] = cells[1] ?? "";
  }
  return result;
}

const toNumber = (text: string | undefined) => Number((text ?? "0").replace(/[^\d.-]/g, ""));

/** Counts CSV records (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n") {
      record.push(field.replace(/\r$/, ""));
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  return records;
}

async function openPost(page: Page, title: string) {
  await page.goto("/");
  await page.getByTestId("posts-table").getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(
    page.getByTestId("tone-distribution-chart").locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
}

test("overview: headline, charts over time, sortable table; screenshot", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.author);
  await expect(page.getByRole("heading", { name: "How readers took each post" })).toBeVisible();
  const rows = page.getByTestId("post-row");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(9);
  await expect(page.getByTestId("tone-share-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  for (const id of ["sentiment-trend-chart", "comments-per-post-chart", "disagreement-chart"]) {
    await expect(page.getByTestId(id).locator("svg.recharts-surface")).toBeVisible();
  }
  await expect(page.getByTestId("headline-comments")).toBeVisible();
  await expect(page.getByTestId("agreement")).toBeVisible();

  // Sorting by comments puts the most-commented post first (the server sorts; the URL keeps the order).
  await page.getByRole("button", { name: /^Comments/ }).click();
  await expect(page).toHaveURL(/sort=comments/);
  await expect(page.getByRole("columnheader", { name: /^Comments/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const [mostCommented] = (
    (await (await page.request.get("/api/posts?sort=comments")).json()) as PostListResponse
  ).posts;
  await expect(rows.first().getByRole("link").first()).toHaveText(mostCommented!.title);
  const counts = (await page.getByTestId("post-row").locator("td:nth-child(4)").allTextContents()).map(
    toNumber,
  );
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  // A legend button hides a tone series and says so.
  const skeptical = page.getByTestId("tone-share-chart").getByRole("button", { name: "Skeptical" });
  await skeptical.click();
  await expect(skeptical).toHaveAttribute("aria-pressed", "false");
  await skeptical.click();

  // Each chart downloads as SVG (the drawn <svg>, colours inlined) and as PNG.
  const chart = page.getByTestId("tone-share-chart");
  const [svgDownload] = await Promise.all([
    page.waitForEvent("download"),
    chart.getByRole("button", { name: /as SVG/ }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe("tone-of-the-comments-post-by-post.svg");
  const svg = await readFile((await svgDownload.path()) ?? "", "utf8");
  expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain("recharts-bar-rectangle");
  const [pngDownload] = await Promise.all([
    page.waitForEvent("download"),
    chart.getByRole("button", { name: /as PNG/ }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe("tone-of-the-comments-post-by-post.png");
  const png = await readFile((await pngDownload.path()) ?? "");
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");

  await readmeScreenshot(page, "overview", { fullPage: true });
  expect(errors).toEqual([]);
});

test("post: filter by tone changes the list and the charts; a correction changes the chart; CSV download", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.author);
  await openPost(page, "Sanctions That Did Not Bite");
  await expect(page.getByTestId("comment").first()).toBeVisible();
  await readmeScreenshot(page, "post", { height: 2000 });

  const toneChart = page.getByTestId("tone-distribution-chart");
  const before = await chartTable(toneChart);
  const allCount = await page.getByTestId("thread-count").textContent();
  expect(toNumber(before.Skeptical)).toBeGreaterThan(0);
  expect(toNumber(before.Analytical)).toBeGreaterThan(0);

  // Filter by tone: the URL, the thread and the charts follow.
  await page.getByLabel("Tone", { exact: true }).first().selectOption("skeptical");
  await expect(page).toHaveURL(/[?&]tone=skeptical/);
  await expect(page.getByTestId("thread-count")).not.toHaveText(allCount ?? "");
  await expect(page.getByTestId("thread-count")).toContainText(
    `${toNumber(before.Skeptical)} comments match`,
  );
  const tones = await page
    .getByTestId("thread")
    .getByTestId("comment")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-tone")));
  expect(new Set(tones)).toEqual(new Set(["skeptical"]));
  await expect.poll(async () => toNumber((await chartTable(toneChart)).Analytical)).toBe(0);
  expect(toNumber((await chartTable(toneChart)).Skeptical)).toBe(toNumber(before.Skeptical));
  await readmeScreenshot(page, "post-filtered", { height: 2000 });

  // The filtered view is shareable: reloading the URL keeps the filter.
  await page.reload();
  await expect(page.getByTestId("thread-count")).toContainText(
    `${toNumber(before.Skeptical)} comments match`,
  );

  // Correct the first skeptical comment to analytical: the chart moves one comment across.
  await page.getByLabel("Tone", { exact: true }).first().selectOption("");
  await expect(page).not.toHaveURL(/tone=/);
  await expect
    .poll(async () => toNumber((await chartTable(toneChart)).Analytical))
    .toBe(toNumber(before.Analytical));
  const target = page.getByTestId("thread").locator('[data-testid="comment"][data-tone="skeptical"]').first();
  const targetId = await target.getAttribute("data-comment-id");
  await target.getByText("Correct labels").click();
  await target.getByRole("combobox", { name: "Tone" }).selectOption("analytical");
  await target.getByRole("button", { name: "Save correction" }).click();
  await expect(page.locator(`[data-testid="thread"] [data-comment-id="${targetId}"]`)).toHaveAttribute(
    "data-tone",
    "analytical",
  );
  await expect
    .poll(async () => toNumber((await chartTable(toneChart)).Skeptical))
    .toBe(toNumber(before.Skeptical) - 1);
  expect(toNumber((await chartTable(toneChart)).Analytical)).toBe(toNumber(before.Analytical) + 1);
  await expect(page.locator(`[data-testid="thread"] [data-comment-id="${targetId}"]`)).toContainText(
    "(corrected)",
  );

  // Download the CSV: the header, and one record per comment of the post.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-csv").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  const records = csvRecords(csv);
  expect(records[0]?.join(",")).toBe(EXPORT_HEADER);
  const postId = page.url().match(/\/posts\/(\d+)/)?.[1];
  const json = (await (
    await page.request.get(`/api/posts/${postId}/export?format=json`)
  ).json()) as unknown[];
  expect(records.length - 1).toBe(json.length);
  expect(json.length).toBeGreaterThan(10);
  const corrected = records.find((r) => r[11]?.length && r[12] === "analytical");
  expect(corrected).toBeDefined();

  expect(errors).toEqual([]);
});

test("comment bodies with markup show as text, never as HTML", async ({ page }) => {
  const errors = watchConsole(page);
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await signIn(page, DEMO.viewer);
  await openPost(page, "NATO's Eastern Flank Needs Brigades, Not Summits");
  await page.getByLabel("Text", { exact: true }).fill("script");
  await expect(page).toHaveURL(/[?&]q=script/);
  // innerText: what a reader sees (cue tips are hidden until hover or focus).
  const bodies = () => page.getByTestId("thread").locator(".comment-body").allInnerTexts();
  await expect
    .poll(async () => (await bodies()).filter((b) => b.includes("<script>alert(1)</script>")).length)
    .toBe(1);
  expect(await page.locator(".comment-body script").count()).toBe(0);

  await openPost(page, "Sanctions That Did Not Bite");
  await page.getByLabel("Text", { exact: true }).fill("onerror");
  await expect(page).toHaveURL(/[?&]q=onerror/);
  await expect
    .poll(async () => (await bodies()).filter((b) => b.includes("<img src=x onerror=alert(1)>")).length)
    .toBe(1);
  expect(await page.locator(".comment-body img").count()).toBe(0);
  expect(dialogs).toBe(0);
  // A viewer reads but cannot correct.
  await expect(page.getByText("Correct labels")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("cue spans say what they support on focus", async ({ page }) => {
  await signIn(page, DEMO.author);
  await openPost(page, "Sanctions That Did Not Bite");
  const cue = page.getByTestId("thread").locator('mark[data-signal="doubt"]').first();
  await expect(cue).toBeVisible();
  await cue.focus();
  const tipId = await cue.getAttribute("aria-describedby");
  await expect(page.locator(`[id="${tipId}"]`)).toBeVisible();
  await expect(page.locator(`[id="${tipId}"]`)).toHaveText("doubt: points to skeptical");
});

test("commenter page and compare page; screenshots", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.moderator);
  await openPost(page, "The Taiwan Strait: Deterrence by Ambiguity Is Running Out");
  const commenter = page.getByTestId("active-commenters").getByRole("link").first();
  const name = (await commenter.textContent()) ?? "";
  await commenter.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(
    page.getByTestId("tone-profile-chart").locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  await expect(page.getByTestId("commenter-comments").getByTestId("comment").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Moderator notes" })).toBeVisible();
  await readmeScreenshot(page, "commenter", { height: 2000 });

  await page.goto("/");
  const boxes = page.getByTestId("posts-table").getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByTestId("compare-selected").click();
  await expect(page).toHaveURL(/\/compare\?posts=\d+,\d+/);
  await expect(
    page.getByTestId("compare-tone-chart").locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  await expect(page.getByTestId("compare-figures").locator("tbody tr")).toHaveCount(2);
  await readmeScreenshot(page, "compare", { fullPage: true });
  expect(errors).toEqual([]);
});

test("the post page in the dark theme; screenshot", async ({ page }) => {
  const errors = watchConsole(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, DEMO.author);
  await openPost(page, "The Taiwan Strait: Deterrence by Ambiguity Is Running Out");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(21, 22, 26)");
  await readmeScreenshot(page, "post-dark", { height: 2000 });
  expect(errors).toEqual([]);
});

test("a long thread shows its first 50 comments and the next 50 at a click, without repeats", async ({
  page,
}) => {
  await signIn(page, DEMO.viewer);
  const [busiest] = ((await (await page.request.get("/api/posts?sort=comments")).json()) as PostListResponse)
    .posts;
  const first = (await (await page.request.get(`/api/posts/${busiest!.id}/comments`)).json()) as ThreadPage;
  // The demo's busiest post has more than one page: otherwise this test would prove nothing.
  expect(first.comments).toHaveLength(50);
  expect(first.nextCursor).not.toBeNull();

  await page.goto(`/posts/${busiest!.id}`);
  const cards = page.getByTestId("thread").getByTestId("comment");
  await expect(cards).toHaveCount(50);
  const more = page.getByRole("button", { name: /^Load more comments/ });
  await expect(more).toHaveText(`Load more comments (${first.total - 50} not shown yet)`);
  await more.click();
  const shown = Math.min(first.total, 100);
  await expect(cards).toHaveCount(shown);
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute("data-comment-id")));
  expect(new Set(ids).size).toBe(shown);
});
