import { expect, type Page, test } from "@playwright/test";
import { DEMO, expectAccessible, readmeScreenshot, signIn, watchConsole } from "./helpers";

async function countOf(page: Page, tab: string): Promise<number> {
  const text = (await page.getByTestId(`queue-count-${tab}`).textContent()) ?? "";
  return Number(text.replace(/\D/gu, ""));
}

const focusedItem = (page: Page) => page.locator('[data-testid="queue-item"][aria-current="true"]');

test("approving a held threat asks first; a decision shows Undo for at least 10 s; the undo is logged", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.clock.install();
  await signIn(page, DEMO.moderator);
  await page.goto("/moderation");
  await expect(page.getByTestId("queue-item").first()).toBeVisible();
  const grave = page
    .getByTestId("queue-item")
    .filter({ has: page.getByTestId("grave-concerns") })
    .first();
  await expect(grave).toBeVisible();
  const id = (await grave.getAttribute("data-comment-id")) ?? "";
  const item = page.locator(`[data-testid="queue-item"][data-comment-id="${id}"]`);
  const body = ((await grave.getByTestId("queue-body").textContent()) ?? "").slice(0, 40);
  const before = await countOf(page, "needs_review");

  await grave.getByTestId("queue-body").click();
  await expect(focusedItem(page)).toHaveAttribute("data-comment-id", id);
  await page.keyboard.press("a");
  const confirm = page.getByRole("dialog", { name: /^Approve a comment (held|flagged) for / });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(body);
  await expect(confirm.getByRole("button", { name: /Approve anyway/ })).toBeFocused();
  await expectAccessible(page, "the approval confirmation");
  await readmeScreenshot(page, "moderation-confirm");
  // Escape cancels: nothing was decided.
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(item).toBeVisible();
  expect(await countOf(page, "needs_review")).toBe(before);

  // Enter confirms.
  await page.keyboard.press("a");
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(item).toHaveCount(0);
  const notice = page.getByTestId("decision-notice");
  await expect(notice).toContainText("Approved 1 comment.");
  await expect.poll(() => countOf(page, "needs_review")).toBe(before - 1);
  await page.clock.fastForward(10_500);
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("button", { name: /^Undo/ })).toBeVisible();
  await readmeScreenshot(page, "moderation-undo");
  await notice.getByRole("button", { name: /^Undo/ }).click();
  await expect(notice).toContainText("Undone: 1 comment back as before.");
  await expect(item).toBeVisible();
  await expect.poll(() => countOf(page, "needs_review")).toBe(before);

  // The undo is a row of its own in the log, by this moderator, next to the approval it took back.
  await page.goto(`/moderation/log?targetType=COMMENT&targetId=${id}`);
  const rows = page.getByTestId("log-row");
  await expect(rows.filter({ hasText: "decision undone" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "decision undone" })).toContainText("approval undone");
  await expect(rows.filter({ hasText: "decision undone" })).toContainText("Demo Moderator");
  await expect(rows.filter({ has: page.locator(".badge", { hasText: /^comment approved$/u }) })).toHaveCount(
    1,
  );
  expect(errors).toEqual([]);
});

test("u undoes the last decision; a note's notice leaves after its time; the notice fits a phone", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await page.clock.install();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.moderator);
  await page.goto("/moderation");
  await expect(focusedItem(page)).toHaveCount(1);
  // Move to a comment whose approval needs no confirmation.
  for (let i = 0; i < 30 && (await focusedItem(page).getByTestId("grave-concerns").count()) > 0; i++)
    await page.keyboard.press("j");
  const id = (await focusedItem(page).getAttribute("data-comment-id")) ?? "";
  const item = page.locator(`[data-testid="queue-item"][data-comment-id="${id}"]`);

  await page.keyboard.press("r");
  await page.keyboard.press("Enter");
  await expect(item).toHaveCount(0);
  const notice = page.getByTestId("decision-notice");
  await expect(notice).toContainText("Rejected 1 comment.");
  const box = await notice.boundingBox();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
  await page.keyboard.press("u");
  await expect(notice).toContainText("Undone");
  await expect(item).toBeVisible();

  await item.getByTestId("queue-body").click();
  await page.keyboard.press("n");
  await page.keyboard.type("seen this one before");
  await page.keyboard.press("Enter");
  await expect(notice).toContainText("Note added.");
  await page.clock.fastForward(12_500);
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});
