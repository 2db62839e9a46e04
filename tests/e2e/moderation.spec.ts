import { expect, type Page, test } from "@playwright/test";
import { DEMO, readmeScreenshot, signIn, watchConsole } from "./helpers";

interface QueuePage {
  items: { id: number; body: string }[];
  nextCursor: string | null;
}

async function countOf(page: Page, tab: string): Promise<number> {
  const text = (await page.getByTestId(`queue-count-${tab}`).textContent()) ?? "";
  return Number(text.replace(/\D/gu, ""));
}

async function focusedId(page: Page): Promise<string> {
  const focused = page.locator('[data-testid="queue-item"][aria-current="true"]');
  await expect(focused).toHaveCount(1);
  return (await focused.getAttribute("data-comment-id")) ?? "";
}

/** Finds a comment whose body contains `needle` through the queue API (the "all" tab, page by page). */
async function findComment(page: Page, needle: string): Promise<number> {
  let cursor: string | null = null;
  for (let i = 0; i < 50; i += 1) {
    const response = await page.request.get(
      `/api/moderation/queue?tab=all&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(response.status()).toBe(200);
    const body = (await response.json()) as QueuePage;
    const hit = body.items.find((item) => item.body.includes(needle));
    if (hit) return hit.id;
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  throw new Error(`no demo comment contains ${needle}`);
}

test("a moderator clears five comments with the keyboard, flags a post, and the author sees the flag", async ({
  page,
  baseURL,
}) => {
  const errors = watchConsole(page);
  page.on("dialog", (dialog) => {
    errors.push(`unexpected browser dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await signIn(page, DEMO.moderator);
  await page.goto("/moderation");
  await expect(page.getByRole("heading", { name: "Moderation", exact: true })).toBeVisible();
  const before = await countOf(page, "needs_review");
  expect(before).toBeGreaterThanOrEqual(6);

  // Keyboard only from here: j/k move, "?" shows the keys, a approves, r + Enter rejects.
  const first = await focusedId(page);
  await page.keyboard.press("j");
  expect(await focusedId(page)).not.toBe(first);
  await page.keyboard.press("k");
  expect(await focusedId(page)).toBe(first);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await readmeScreenshot(page, "moderation-queue");

  const cleared: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const id = await focusedId(page);
    if (i === 2) {
      await page.keyboard.press("r");
      await expect(page.getByRole("dialog", { name: "Reject the comment" })).toBeVisible();
      await page.keyboard.press("2");
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog")).toHaveCount(0);
    } else {
      // A comment held for a threat, an attack on a group or abuse asks for a confirmation (Enter gives it).
      const grave = await page.locator(`[data-comment-id="${id}"] [data-testid="grave-concerns"]`).count();
      await page.keyboard.press("a");
      if (grave > 0) {
        await expect(page.getByRole("dialog", { name: /^Approve a comment/u })).toBeVisible();
        await page.keyboard.press("Enter");
      }
    }
    await expect(page.locator(`[data-testid="queue-item"][data-comment-id="${id}"]`)).toHaveCount(0);
    cleared.push(id);
  }
  expect(new Set(cleared).size).toBe(5);
  await expect.poll(() => countOf(page, "needs_review"), { timeout: 20_000 }).toBe(before - 5);

  // The log holds the five decisions, by this moderator.
  await page.goto("/moderation/log");
  await page.getByLabel("Person").selectOption({ label: `Demo Moderator (${DEMO.moderator})` });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actor=/u);
  const decisions = page
    .getByTestId("log-row")
    .filter({ has: page.locator(".badge", { hasText: /^comment (approved|rejected)$/u }) });
  await expect(decisions).toHaveCount(5);
  const rejected = page
    .getByTestId("log-row")
    .filter({ has: page.locator(".badge", { hasText: /^comment rejected$/u }) });
  await expect(rejected).toContainText("abusive");
  await readmeScreenshot(page, "moderation-log", { fullPage: true });

  // A comment with markup shows as text in the queue: flag it so it is listed under "reported".
  const scriptId = await findComment(page, "<script>");
  const flagged = await page.request.post(`/api/comments/${scriptId}/flag`, {
    data: { note: "markup check" },
    headers: { origin: baseURL ?? "" },
  });
  expect(flagged.status()).toBe(200);
  await page.goto("/moderation");
  await page.getByTestId("queue-tab-reported").click();
  const item = page.locator(`[data-testid="queue-item"][data-comment-id="${scriptId}"]`);
  await expect(item.getByTestId("queue-body")).toContainText("<script>alert(1)</script>");
  await expect(item.locator("script")).toHaveCount(0);

  // Flag a post for the author.
  const note = `E2E: the thread is getting heated ${Date.now()}`;
  await page.getByLabel("Post", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Reason", { exact: true }).selectOption("HEATED_THREAD");
  await page.getByLabel("Note", { exact: true }).fill(note);
  await page.getByRole("button", { name: "Flag post" }).click();
  await expect(page.getByTestId("post-flag").filter({ hasText: note })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/sign-in/u);
  await signIn(page, DEMO.author);
  await page.goto("/moderation");
  const flag = page.getByTestId("post-flag").filter({ hasText: note });
  await expect(flag).toBeVisible();
  await expect(flag).toContainText("Heated thread");
  await flag.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByTestId("post-flag").filter({ hasText: note })).toHaveCount(0);

  expect(errors).toEqual([]);
});

test("a comment body with an <img onerror> renders as text", async ({ page, baseURL }) => {
  let alerted = false;
  page.on("dialog", (dialog) => {
    alerted = true;
    void dialog.dismiss();
  });
  await signIn(page, DEMO.moderator);
  const id = await findComment(page, "<img src=x onerror=alert(1)>");
  const flagged = await page.request.post(`/api/comments/${id}/flag`, {
    data: { note: "markup check" },
    headers: { origin: baseURL ?? "" },
  });
  expect(flagged.status()).toBe(200);
  await page.goto("/moderation");
  await page.getByTestId("queue-tab-reported").click();
  const item = page.locator(`[data-testid="queue-item"][data-comment-id="${id}"]`);
  await expect(item.getByTestId("queue-body")).toContainText("<img src=x onerror=alert(1)>");
  await expect(item.locator("img")).toHaveCount(0);
  expect(alerted).toBe(false);
});

test("select with x, then flag and note the selection from the keyboard", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.moderator);
  await page.goto("/moderation");
  const reported = await countOf(page, "reported");
  await focusedId(page);
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.getByRole("toolbar", { name: "Bulk actions" })).toContainText("2 selected");
  await page.keyboard.press("f");
  const dialog = page.getByRole("dialog", { name: "Flag 2 comments" });
  await expect(dialog).toBeVisible();
  // The note is required and has the focus; typing "a" in it must not approve anything.
  await expect(dialog.getByRole("button", { name: "Flag" })).toBeDisabled();
  await page.keyboard.type("a second look please");
  // Shift+Tab reaches the reasons, where a digit picks one.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("6");
  await expect(dialog.getByRole("radio", { name: /Harassment/u })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect.poll(() => countOf(page, "reported"), { timeout: 20_000 }).toBe(reported + 2);
  await page.getByTestId("queue-tab-reported").click();
  await expect(
    page
      .getByTestId("queue-item")
      .filter({ hasText: "a second look please" })
      .locator(".badge-flag", {
        hasText: /^harassment$/u,
      }),
  ).toHaveCount(2);
  await page.getByTestId("queue-tab-needs_review").click();
  await page.keyboard.press("n");
  await expect(page.getByRole("dialog", { name: "Note on the comment" })).toBeVisible();
  await page.keyboard.type("known regular");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Note added." })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("the author edits word lists, re-runs the rules and adds a user; both are logged", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.author);
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Moderation settings" })).toBeVisible();
  await page.getByLabel(/^Banned words/u).fill("zzzbannedzzz\nquux*");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await page.getByRole("button", { name: "Re-run rules over existing comments" }).click();
  await expect(page.getByRole("status")).toContainText("Re-run queued");

  await page.getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Email").fill("e2e-new-moderator@example.org");
  await page.getByLabel("Role", { exact: true }).selectOption("MODERATOR");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByTestId("new-password")).toContainText("e2e-new-moderator@example.org");
  await expect(
    page.getByTestId("user-row").filter({ hasText: "e2e-new-moderator@example.org" }),
  ).toBeVisible();

  await page.goto("/moderation/log?action=SETTINGS_CHANGED");
  // Other specs change other settings (a sync schedule); this one's row is the word-list change.
  await expect(page.getByTestId("log-row").filter({ hasText: "moderation settings" })).toHaveCount(1);
  await page.goto("/moderation/log?action=USER_CREATED&targetType=USER");
  await expect(page.getByTestId("log-row").filter({ hasText: "Eleanor Voss" })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("a moderator cannot open the settings or users pages, and a viewer cannot open the queue", async ({
  page,
}) => {
  await signIn(page, DEMO.moderator);
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  for (const path of ["/settings", "/users"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  // Signing out clears the session cookie when its request returns: wait for it, or it clears the next one.
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, DEMO.viewer);
  const response = await page.goto("/moderation");
  expect(response?.status()).toBe(403);
});

test("the commenter drawer lists their comments and sets their status", async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.moderator);
  await page.goto("/moderation");
  const firstId = await page.getByTestId("queue-item").first().getAttribute("data-comment-id");
  const first = page.locator(`[data-testid="queue-item"][data-comment-id="${firstId}"]`);
  const name = (await first.locator(".link-button").first().textContent()) ?? "";
  await first.locator(".link-button").first().click();
  const drawer = page.getByTestId("commenter-drawer");
  await expect(drawer.getByRole("heading", { name })).toBeVisible();
  await expect(drawer.getByRole("heading", { name: /^Comments \(\d+\)$/u })).toBeVisible();
  await drawer.getByRole("button", { name: "Watch" }).click();
  await expect(drawer.getByRole("status")).toContainText("Status set to watched");
  await expect(drawer.locator(".badge", { hasText: /^commenter status changed$/u })).toHaveCount(1);
  await drawer.getByLabel("Note on this commenter").fill("keeps posting the same link");
  await drawer.getByRole("button", { name: "Add note" }).click();
  await expect(drawer.getByText("keeps posting the same link")).toHaveCount(2); // the note, and its log row
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(first.locator(".badge", { hasText: "Watched" })).toBeVisible();
  expect(errors).toEqual([]);
});
