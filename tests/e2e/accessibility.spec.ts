import { expect, type Page, test } from "@playwright/test";
import { DEMO, expectAccessible, sidewaysOverflow, signIn } from "./helpers";

/** The demo post every page check opens (the README's screenshots use it too). */
const POST_TITLE = "Sanctions That Did Not Bite";

async function postIds(page: Page): Promise<{ main: number; other: number }> {
  const answer = (await (await page.request.get("/api/posts")).json()) as {
    posts: { id: number; title: string }[];
  };
  const main = answer.posts.find((p) => p.title === POST_TITLE);
  const other = answer.posts.find((p) => p.title !== POST_TITLE);
  expect(main && other).toBeTruthy();
  return { main: main?.id ?? 0, other: other?.id ?? 0 };
}

async function commenterPath(page: Page, postPath: string): Promise<string> {
  await page.goto(postPath);
  const href = await page.getByTestId("active-commenters").getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/commenters\/\d+$/);
  return href ?? "";
}

/** Every page once it has drawn (charts and lists are client islands). */
async function open(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForLoadState("networkidle");
  return response;
}

for (const width of [1280, 390]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("the sign-in page has no serious accessibility issue and fits the screen", async ({ page }) => {
      await open(page, "/sign-in");
      await expect(page.getByRole("main")).toBeVisible();
      await expectAccessible(page, "sign-in");
      expect(await sidewaysOverflow(page)).toBe(0);
    });

    test("every page of the author has no serious accessibility issue and fits the screen", async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await signIn(page, DEMO.author);
      const ids = await postIds(page);
      const post = `/posts/${ids.main}`;
      const commenter = await commenterPath(page, post);
      const pages = [
        "/",
        post,
        `${post}?tone=skeptical`,
        commenter,
        "/compare",
        `/compare?posts=${ids.main},${ids.other}`,
        "/moderation",
        "/moderation/log",
        "/imports",
        "/settings",
        "/users",
        "/search?q=sanctions",
        "/entities",
        "/notifications",
        `${post}/report`,
        "/no-such-page",
        "/posts/999999",
      ];
      for (const path of pages) {
        await open(page, path);
        await expectAccessible(page, path);
        expect(await sidewaysOverflow(page), `${path} scrolls sideways`).toBe(0);
      }
    });

    test("a moderator's forbidden page, and the states that open over a page", async ({ page }) => {
      await signIn(page, DEMO.moderator);
      const forbidden = await open(page, "/settings");
      expect(forbidden?.status()).toBe(403);
      await expectAccessible(page, "403");

      await open(page, "/");
      await expect(page.getByTestId("start-here")).toBeVisible();
      await page.getByTestId("start-here").getByRole("button", { name: "What the labels mean" }).click();
      await expect(page.getByRole("dialog", { name: /Tones/ })).toBeVisible();
      await expectAccessible(page, "overview with the definitions open");
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.keyboard.press("Escape");

      await open(page, "/moderation");
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await expectAccessible(page, "queue with the keyboard help open");
      await page.keyboard.press("Escape");
      await page.keyboard.press("r");
      await expect(page.getByRole("dialog", { name: "Reject the comment" })).toBeVisible();
      await expectAccessible(page, "queue with the reject dialog open");
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.keyboard.press("Escape");
    });
  });
}
