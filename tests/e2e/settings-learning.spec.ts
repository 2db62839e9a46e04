import { expect, type Page, test } from "@playwright/test";
import type { ImportsResponse } from "@/lib/schemas/imports";
import type { PostListResponse } from "@/lib/schemas/posts";
import type { ThreadPage } from "@/lib/schemas/thread";
import { buildForeignPolicyFixture } from "@/tests/fixtures/substack/foreign-policy";
import { IN_JOKE_COMMENTS, IN_JOKE_LABELS, POST_TITLE } from "../fixtures/publication-corrections";
import { startFakeSubstack } from "../support/fake-substack";
import { DEMO, readmeScreenshot, signIn, watchConsole } from "./helpers";

/** In-joke comments nobody corrects: neither the fast scorer nor the sentence encoder reads them as dismissive. */
const UNCORRECTED = [
  "Brindlewick as far as the eye can see on the tariff schedule.",
  "A fresh batch of brindlewick about the container backlog.",
];

/** The shown tone of each comment of the post, by body. */
async function shownTones(page: Page, postId: number): Promise<Map<string, string | null>> {
  const thread = (await (
    await page.request.get(`/api/posts/${postId}/comments?limit=200`)
  ).json()) as ThreadPage;
  return new Map(thread.comments.map((c) => [c.body ?? "", c.scoredTone]));
}

test("the author refits the scorer on a publication's corrections, switches versions and goes back by keyboard", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // A publication of its own (imported from a local stand-in for Substack), so other specs' data is untouched.
  const fixture = buildForeignPolicyFixture();
  const post = fixture.posts[0];
  if (!post) throw new Error("the fixture has no post");
  post.title = POST_TITLE;
  const fake = await startFakeSubstack({ fixture });
  try {
    [...IN_JOKE_COMMENTS, ...UNCORRECTED].forEach((body, i) => {
      const reader = 5000 + (i % 5);
      fake.state.addComment({
        postId: post.id,
        body,
        date: new Date(Date.UTC(2026, 10, 3, 8, i)).toISOString(),
        user: { id: reader, name: `Regular ${reader}`, handle: `regular${reader}` },
      });
    });
    const errors = watchConsole(page);
    await signIn(page, DEMO.author);
    const headers = { origin: new URL(page.url()).origin };
    expect((await page.request.post("/api/imports", { data: { url: fake.url }, headers })).status()).toBe(
      200,
    );
    let publicationId = 0;
    await expect
      .poll(
        async () => {
          const imports = (await (await page.request.get("/api/imports")).json()) as ImportsResponse;
          publicationId = imports.publications.find((p) => p.baseUrl === fake.url)?.id ?? 0;
          return imports.runs.find((r) => r.publicationId === publicationId)?.status;
        },
        { timeout: 120_000 },
      )
      .toBe("SUCCEEDED");
    const posts = (await (await page.request.get("/api/posts")).json()) as PostListResponse;
    const postId = posts.posts.find((p) => p.title === POST_TITLE)?.id ?? 0;
    const thread = (await (
      await page.request.get(`/api/posts/${postId}/comments?limit=200`)
    ).json()) as ThreadPage;
    const idOf = new Map(thread.comments.map((c) => [c.body ?? "", c.id]));

    // A moderator's day: every in-joke comment corrected (the author may correct too).
    for (const body of IN_JOKE_COMMENTS) {
      const response = await page.request.post(`/api/comments/${idOf.get(body)}/correction`, {
        data: IN_JOKE_LABELS,
        headers,
      });
      expect(response.status(), body).toBe(200);
    }
    const before = await shownTones(page, postId);
    for (const body of UNCORRECTED) expect(before.get(body)).toBe("neutral");

    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Learning from corrections" })).toBeVisible();
    const section = page.locator(`section[aria-labelledby="learning-${publicationId}"]`);
    await expect(section).toContainText(`${IN_JOKE_COMMENTS.length} corrected comments`);

    // Refit by keyboard: the refit on the other corrections agrees better with the held-out ones, so it is
    // switched to at once.
    const refit = section.getByRole("button", { name: "Refit now" });
    await refit.focus();
    await page.keyboard.press("Enter");
    const status = section.getByRole("status");
    await expect(status).toContainText(
      new RegExp(`refitted on ${IN_JOKE_COMMENTS.length} corrected comments now labels the comments`, "u"),
      { timeout: 60_000 },
    );
    const modelId = Number((await status.textContent())?.match(/Model (\d+)/u)?.[1]);
    expect(modelId).toBeGreaterThan(0);
    await expect(section).toContainText(`Labels shown now: model ${modelId}`);
    const row = section.getByRole("row", { name: new RegExp(`^Model ${modelId}\\b`, "u") });
    await expect(row).toContainText("Labels comments");
    await expect(row).toContainText(/\d+% → \d+% \(rose, \d+ held out\)/u);
    await expect(refit).toBeFocused();
    let tones = await shownTones(page, postId);
    for (const body of UNCORRECTED) expect(tones.get(body), body).toBe(IN_JOKE_LABELS.tone);
    await readmeScreenshot(page, "settings-learning", { fullPage: true });

    // Back to the shipped scorer: Shift+Tab from "Refit now" reaches it.
    await page.keyboard.press("Shift+Tab");
    const back = section.getByRole("button", { name: "Go back to the shipped scorer" });
    await expect(back).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(status).toContainText("Back to the shipped scorer");
    await expect(section).toContainText("Labels shown now: the shipped scorer");
    await expect(back).toBeDisabled();
    tones = await shownTones(page, postId);
    for (const body of UNCORRECTED) expect(tones.get(body), body).toBe("neutral");

    // And to the refitted version again, with the space bar.
    const use = section.getByRole("button", { name: `Switch to model ${modelId}` });
    await use.focus();
    await page.keyboard.press("Space");
    await expect(status).toContainText(`Model ${modelId} now labels the comments`);
    await expect(section).toContainText(`Labels shown now: model ${modelId}`);
    await expect(section.getByRole("button", { name: `Model ${modelId} is in use` })).toBeFocused();
    tones = await shownTones(page, postId);
    for (const body of UNCORRECTED) expect(tones.get(body), body).toBe(IN_JOKE_LABELS.tone);

    // Each switch is in the moderation log.
    await page.goto("/moderation/log?action=PUBLICATION_MODEL_ACTIVATED");
    await expect(page.getByTestId("log-row").filter({ hasText: `model ${modelId}:` })).toHaveCount(2);
    await page.goto("/moderation/log?action=PUBLICATION_MODEL_DEACTIVATED");
    await expect(page.getByTestId("log-row").filter({ hasText: `model ${modelId} no longer` })).toHaveCount(
      1,
    );
    expect(errors).toEqual([]);
  } finally {
    await fake.close();
  }
});

test("moderators see what their corrections taught through the API, but not the settings page", async ({
  page,
}) => {
  await signIn(page, DEMO.moderator);
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
  const refit = await page.request.post("/api/publications/1/models/refit", {
    data: {},
    headers: { origin: new URL(page.url()).origin },
  });
  expect(refit.status()).toBe(403);
  expect((await page.request.get("/api/publications/1/models")).status()).toBe(200);
});
