import { expect, test } from "@playwright/test";
import { DEMO, expectAccessible, ownerQuery, signIn, waitForHydration, watchConsole } from "./helpers";

const QUARTERLY = "Switcher Test Quarterly";
const ONLY_POST = "A post only the quarterly has";

/** A second publication with one post and one comment the rules withheld, written straight into the database. */
async function addQuarterly(): Promise<{ publicationId: number; postId: number }> {
  const [publication] = await ownerQuery<{ id: number }>(
    `INSERT INTO publication (platform, name, base_url, updated_at)
     VALUES ('SUBSTACK', $1, 'https://switcher-quarterly.substack.com', now())
     ON CONFLICT (base_url) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [QUARTERLY],
  );
  const publicationId = publication!.id;
  const [post] = await ownerQuery<{ id: number }>(
    `INSERT INTO post (publication_id, external_id, title, published_at, updated_at)
     VALUES ($1, 'q-1', $2, now(), now())
     ON CONFLICT (publication_id, external_id) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
    [publicationId, ONLY_POST],
  );
  await ownerQuery(
    `INSERT INTO comment (publication_id, post_id, external_id, author_name, body, posted_at, status, updated_at)
     VALUES ($1, $2, 'qc-1', 'Quarterly reader', 'Only the quarterly holds this withheld remark.', now(),
             'SYSTEM_WITHHELD', now())
     ON CONFLICT (publication_id, external_id) DO NOTHING`,
    [publicationId, post!.id],
  );
  return { publicationId, postId: post!.id };
}

test("a moderator scopes the overview and the queue to one publication, and back to all", async ({
  page,
}) => {
  const { publicationId, postId } = await addQuarterly();
  const errors = watchConsole(page);
  await signIn(page, DEMO.moderator);
  await waitForHydration(page);
  const switcher = page.getByLabel("Publication shown");
  await expect(switcher).toHaveValue("");
  const rows = page.getByTestId("post-row");
  await expect(rows.filter({ hasText: ONLY_POST })).toHaveCount(1);
  const allPosts = await rows.count();
  expect(allPosts).toBeGreaterThan(1);

  await switcher.selectOption({ label: QUARTERLY });
  await expect(page.getByText(`Tone, stance and sentiment of every comment on ${QUARTERLY}`)).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(ONLY_POST);
  await expect(page.getByRole("link", { name: "Download every comment (CSV)" })).toHaveAttribute(
    "href",
    `/api/publications/${publicationId}/export?format=csv`,
  );
  await expectAccessible(page, "the overview scoped to one publication");

  // The choice is kept from page to page: the queue holds the quarterly's comment and nothing of the demo's.
  await page.getByRole("link", { name: "Moderation", exact: true }).click();
  await expect(page.getByLabel("Publication shown")).toHaveValue(String(publicationId));
  const queue = page.locator("#queue");
  await expect(queue.getByText("Only the quarterly holds this withheld remark.")).toBeVisible();
  const counts = (await (await page.request.get("/api/moderation/counts")).json()) as { all: number };
  expect(counts.all).toBe(1);

  // Switching on a page of one post goes to the overview, which the new scope surely holds.
  await page.goto(`/posts/${postId}`);
  await waitForHydration(page);
  await page.getByLabel("Publication shown").selectOption({ label: "All publications" });
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByLabel("Publication shown")).toHaveValue("");
  await expect(rows).toHaveCount(allPosts);
  expect(errors).toEqual([]);
});
