import { expect, type Locator, type Page, test } from "@playwright/test";
import { TONE_DEFINITIONS } from "@/lib/analytics/definitions";
import { postTickLabels } from "@/lib/analytics/format";
import { explainLabel } from "@/lib/analytics/label-explanation";
import { TONE_COLORS } from "@/lib/analytics/palette";
import type { ThreadPage } from "@/lib/schemas/thread";
import { cueKind } from "@/lib/scoring/cue-kinds";
import { TONES } from "@/lib/scoring/types";
import { DEMO, signIn, watchConsole } from "./helpers";

const POST_TITLE = "Sanctions That Did Not Bite";

interface PostRow {
  id: number;
  title: string;
  publishedAt: string | null;
  comments: number;
}

async function posts(page: Page): Promise<PostRow[]> {
  return ((await (await page.request.get("/api/posts")).json()) as { posts: PostRow[] }).posts;
}

async function openPost(page: Page): Promise<number> {
  const post = (await posts(page)).find((p) => p.title === POST_TITLE);
  expect(post).toBeDefined();
  await page.goto(`/posts/${post?.id}`);
  await expect(page.getByTestId("thread").getByTestId("comment").first()).toBeVisible();
  return post?.id ?? 0;
}

const hex = (color: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};

/**
 * The charts in `scope` with fewer axis labels than axes (recharts 3 draws labels in a layer of their own, so
 * they are counted per chart), with each chart's label texts.
 */
async function unlabelledAxes(scope: Locator): Promise<string[]> {
  return scope.locator("figure svg.recharts-surface").evaluateAll((charts) =>
    charts.flatMap((svg) => {
      const axes = svg.querySelectorAll(".recharts-cartesian-axis").length;
      const labels = [...svg.querySelectorAll("text.recharts-label")].map((t) => t.textContent?.trim() ?? "");
      const title = svg.closest("figure")?.querySelector("h2, h3")?.textContent;
      return axes === 0 || labels.filter(Boolean).length < axes
        ? [`${title}: ${axes} axes, labels ${labels}`]
        : [];
    }),
  );
}

/** The tick texts of a chart's x axis. */
const xTicks = (chart: Locator) =>
  chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();

test("highlights are coloured by what they support, and each label says why or that it is uncertain", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.viewer);
  const postId = await openPost(page);
  const thread = page.getByTestId("thread");

  // Every highlight carries the class of its kind; a tone cue is drawn in its tone's colour, a flag signal in
  // the danger red, a sentiment word with a quiet dotted underline and no fill.
  const marks = await thread.locator("mark[data-signal]").evaluateAll((els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      return {
        signal: el.getAttribute("data-signal") ?? "",
        className: el.className,
        border: style.borderBottomColor,
        borderStyle: style.borderBottomStyle,
        background: style.backgroundColor,
      };
    }),
  );
  expect(marks.length).toBeGreaterThan(20);
  const kinds = new Set<string>();
  for (const mark of marks) {
    const kind = cueKind(mark.signal);
    kinds.add(kind.kind);
    if (kind.kind === "tone") {
      expect(mark.className).toContain(`tone-${kind.tone}`);
      expect(mark.border).toBe(hex(TONE_COLORS[kind.tone]));
    } else if (kind.kind === "sentiment") {
      expect(mark.className).toContain("cue-sentiment");
      expect([mark.borderStyle, mark.background]).toEqual(["dotted", "rgba(0, 0, 0, 0)"]);
    } else if (kind.kind === "flag") {
      expect(mark.className).toContain("cue-flag");
      expect(mark.border).toBe("rgb(179, 38, 30)");
    }
  }
  expect(kinds).toContain("tone");
  expect(kinds).toContain("sentiment");

  // The line under each label agrees with the scorer's evidence and probabilities, comment by comment.
  const answer = (await (await page.request.get(`/api/posts/${postId}/comments`)).json()) as ThreadPage;
  let uncertain = 0;
  let quoted = 0;
  for (const comment of answer.comments.filter((c) => c.tone !== null && c.body !== null)) {
    const card = thread.locator(`[data-comment-id="${comment.id}"]`);
    const why = card.getByTestId("label-why");
    const explanation = explainLabel({
      tone: comment.tone ?? "neutral",
      stance: comment.stance,
      corrected: comment.corrected && comment.tone !== comment.scoredTone,
      toneScores: comment.toneScores,
      secondaryTone: comment.secondaryTone,
      cues: comment.cues,
    });
    if (comment.corrected && comment.tone !== comment.scoredTone) {
      await expect(why).toContainText("set by a person");
    } else if (explanation.reasons.length > 0) {
      uncertain++;
      await expect(why).toContainText("Uncertain");
      if (explanation.contrary) await expect(why).toContainText(`points to ${explanation.contrary.tone}`);
    } else {
      await expect(why).not.toContainText("Uncertain");
      await expect(why).toContainText(`Why ${comment.tone}:`);
      for (const phrase of explanation.support) {
        quoted++;
        await expect(why).toContainText(`“${phrase}”`);
      }
    }
  }
  expect(quoted).toBeGreaterThan(0);
  test
    .info()
    .annotations.push({ type: "uncertain labels", description: `${uncertain} of ${answer.comments.length}` });

  // The "uncertain" filter lists only comments whose line says so (it selects by probability alone).
  await page.getByLabel("Tone label").selectOption("uncertain");
  await expect(page).toHaveURL(/[?&]confidence=uncertain/u);
  await expect(page.getByTestId("thread-count")).toContainText("match the filters");
  const whys = await page.getByTestId("thread").getByTestId("label-why").allTextContents();
  for (const why of whys) expect(why).toContain("Uncertain");
  expect(errors).toEqual([]);
});

test("a person's correction is stated as such, never as uncertain", async ({ page }) => {
  await signIn(page, DEMO.author);
  await openPost(page);
  const card = page.getByTestId("thread").locator('[data-testid="comment"][data-tone="supportive"]').first();
  const id = await card.getAttribute("data-comment-id");
  await card.getByText("Correct labels").click();
  await card.getByRole("combobox", { name: "Tone" }).selectOption("neutral");
  await card.getByRole("button", { name: "Save correction" }).click();
  const corrected = page.locator(`[data-testid="thread"] [data-comment-id="${id}"]`);
  await expect(corrected.getByTestId("label-why")).toHaveText(
    "Neutral, set by a person (the scorer said supportive).",
  );
});

test("the labels are defined wherever tones appear, every axis has a label, and post charts name their posts", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.viewer);
  const list = await posts(page);

  // The overview: every tone chart offers the definitions, in a popover that Escape closes.
  await page.goto("/");
  const toneChart = page.getByTestId("tone-share-chart");
  await expect(toneChart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await toneChart.getByRole("button", { name: "What the labels mean" }).click();
  const glossary = page.getByRole("dialog", { name: /Tones/ });
  await expect(glossary).toBeVisible();
  for (const tone of TONES) await expect(glossary).toContainText(TONE_DEFINITIONS[tone]);
  await expect(glossary).toContainText("judged against the post's main argument");
  await expect(glossary).toContainText("−5 (very negative) to +5 (very positive)");
  await page.keyboard.press("Escape");
  await expect(glossary).toBeHidden();
  expect(await unlabelledAxes(page.locator("main"))).toEqual([]);

  // The x axes of the charts over time show each post's date, oldest first, and the tooltip names the post.
  const sorted = [...list].sort(
    (a, b) => (a.publishedAt ?? "").localeCompare(b.publishedAt ?? "") || a.id - b.id,
  );
  const ticks = await xTicks(page.getByTestId("comments-per-post-chart"));
  expect(ticks).toEqual(postTickLabels(sorted));
  await page.getByTestId("comments-per-post-chart").locator(".recharts-bar-rectangle").last().hover();
  await expect(page.getByTestId("comments-per-post-chart").locator(".recharts-tooltip-label")).toContainText(
    sorted.at(-1)?.title ?? "",
  );

  // The post page: every chart's axes are labelled, and a tone badge shows its definition on focus.
  await openPost(page);
  expect(await unlabelledAxes(page.locator("main"))).toEqual([]);
  const badge = page.getByTestId("thread").getByTestId("comment").first().locator(".label-badge[data-tone]");
  const tone = (await badge.getAttribute("data-tone")) as (typeof TONES)[number];
  await badge.focus();
  await expect(page.locator(`[id="${await badge.getAttribute("aria-describedby")}"]`)).toContainText(
    TONE_DEFINITIONS[tone],
  );

  // The commenter and compare pages too.
  await page.getByTestId("active-commenters").getByRole("link").first().click();
  await expect(
    page.getByTestId("tone-profile-chart").locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  expect(await unlabelledAxes(page.locator("main"))).toEqual([]);
  await page.goto(`/compare?posts=${list[0]?.id},${list[1]?.id}`);
  await expect(
    page.getByTestId("compare-tone-chart").locator(".recharts-bar-rectangle").first(),
  ).toBeVisible();
  expect(await unlabelledAxes(page.locator("main"))).toEqual([]);
  expect(errors).toEqual([]);
});

test("at 1024 px the post's tone chart names all six tones; a chart's table scrolls in its card", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 900 });
  await signIn(page, DEMO.viewer);
  await openPost(page);
  const chart = page.getByTestId("tone-distribution-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect
    .poll(() => xTicks(chart))
    .toEqual(["Analytical", "Skeptical", "Dismissive", "Supportive", "Hostile", "Neutral"]);

  await page.setViewportSize({ width: 1280, height: 900 });
  const timeline = page.getByTestId("comment-timeline-chart");
  await timeline.getByText("Show as table").click();
  await expect(timeline.locator("table")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test("one count per thread, thresholds in one format, headline notes once, no bare dash", async ({
  page,
}) => {
  await signIn(page, DEMO.author);
  const post = (await posts(page)).find((p) => p.title === POST_TITLE);
  await openPost(page);
  const header = (await page.locator(".post-meta").textContent()) ?? "";
  const counted = header.match(/([\d,]+ comments?(?: and [\d,]+ deleted)?)/u)?.[1];
  expect(counted).toBeDefined();
  expect(counted?.startsWith(`${post?.comments.toLocaleString("en-US")} comment`)).toBe(true);
  await expect(page.getByTestId("thread-count")).toContainText(`${counted}, replies under their parents`);

  // The overview's headline: the "pick a range" note once, under the tiles; the agreement tile in words.
  await page.goto("/");
  await expect(page.getByText(/pick a (date )?range/i)).toHaveCount(1);
  await expect(page.getByTestId("headline-note")).toContainText("Pick a date range above");
  const agreement = (await page.getByTestId("agreement").locator(".value").textContent()) ?? "";
  expect(agreement.trim()).not.toBe("—");
  expect(agreement).toMatch(/^(No reviews yet|\d+%)$/u);

  // A rule's threshold reads the same in the queue and in the settings: a percent.
  await page.goto("/moderation");
  const ruleText = await page
    .getByTestId("queue-item")
    .filter({ hasText: /insult \d+% ≥ \d+%/u })
    .first()
    .textContent();
  const threshold = ruleText?.match(/insult \d+% ≥ (\d+)%/u)?.[1];
  expect(threshold).toBeDefined();
  expect(ruleText).not.toMatch(/\d\.\d\d ≥/u);
  await page.goto("/settings");
  await expect(page.getByLabel("Flag at an insult score of")).toHaveValue(threshold ?? "");
});

test("the start-here panel shows on a first visit, hides for good, and comes back on request", async ({
  page,
}) => {
  await signIn(page, DEMO.viewer);
  await page.context().clearCookies({ name: "marginalia-start-here" });
  await page.goto("/");
  const panel = page.getByTestId("start-here");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Look first");
  await expect(panel).toContainText("How labels are made");
  await expect(panel).toContainText("Correct a label");
  await panel.getByRole("button", { name: "Got it, hide this guide" }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Show the start-here guide" })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("heading", { name: "How readers took each post" })).toBeVisible();
  await expect(page.getByTestId("start-here")).toHaveCount(0);
  await page.getByRole("button", { name: "Show the start-here guide" }).click();
  await expect(page.getByTestId("start-here")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("start-here")).toBeVisible();
});
