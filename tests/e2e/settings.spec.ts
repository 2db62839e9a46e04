import { expect, type Page, test } from "@playwright/test";
import { RULE_CATALOG } from "@/lib/moderation/rule-catalog";
import { RULE_NAMES } from "@/lib/moderation/types";
import type { SettingsList } from "@/lib/schemas/moderation-settings";
import { DEMO, readmeScreenshot, signIn, watchConsole } from "./helpers";

/** The demo publication's stored settings (other specs import publications of their own). */
const DEMO_PUBLICATION = "The Long View";

async function storedSettings(page: Page) {
  const answer = (await (await page.request.get("/api/settings/moderation")).json()) as SettingsList;
  const demo = answer.publications.find((p) => p.name === DEMO_PUBLICATION);
  expect(demo).toBeDefined();
  return demo?.settings;
}

/** Opens the settings of the demo publication (the form starts on the first publication by name). */
async function openDemoSettings(page: Page) {
  await page.goto("/settings");
  const picker = page.getByLabel("Publication", { exact: true });
  if ((await picker.count()) > 0) await picker.selectOption({ label: DEMO_PUBLICATION });
}

test("rules are listed by what they do, each with a switch, thresholds in percent; screenshot", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, DEMO.author);
  await openDemoSettings(page);
  const rules = page.getByRole("list", { name: "Rules, in the order they run" }).getByRole("listitem");
  await expect(rules).toHaveCount(RULE_NAMES.length);
  for (const [i, rule] of RULE_NAMES.entries()) {
    await expect(rules.nth(i).getByRole("switch", { name: RULE_CATALOG[rule].title })).toBeVisible();
  }
  const text = ((await page.locator("main").textContent()) ?? "").toLowerCase();
  for (const internal of ["scorer-flag", "commenter-status", "turned off", "0–1"])
    expect(text).not.toContain(internal);
  await readmeScreenshot(page, "settings", { fullPage: true });

  // By keyboard: the switch, then its row says Off; a threshold typed as a percent.
  const scorerFlag = page.getByRole("switch", { name: "Flag what the scorer flags" });
  await expect(scorerFlag).toBeChecked();
  await scorerFlag.focus();
  await page.keyboard.press("Space");
  await expect(scorerFlag).not.toBeChecked();
  await expect(page.getByTestId("rule-scorer-flag")).toContainText("Off");
  const insult = page.getByLabel("Flag at an insult score of");
  await expect(insult).toHaveValue("60");
  await insult.fill("65");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  let stored = await storedSettings(page);
  expect(stored?.disabledRules).toEqual(["scorer-flag"]);
  expect(stored?.insultFlagThreshold).toBe(0.65);

  await openDemoSettings(page);
  await expect(page.getByRole("switch", { name: "Flag what the scorer flags" })).not.toBeChecked();
  await expect(page.getByLabel("Flag at an insult score of")).toHaveValue("65");

  // The label sits next to its switch and toggles it; one switch holds first comments (no second setting).
  await page.getByText("Flag what the scorer flags", { exact: true }).click();
  await expect(page.getByRole("switch", { name: "Flag what the scorer flags" })).toBeChecked();
  const newcomers = page.getByRole("switch", { name: "Hold first comments of new commenters" });
  await expect(newcomers).not.toBeChecked();
  await newcomers.check();
  await page.getByLabel("Flag at an insult score of").fill("60");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  stored = await storedSettings(page);
  expect([stored?.disabledRules, stored?.holdFirstComment, stored?.insultFlagThreshold]).toEqual([
    [],
    true,
    0.6,
  ]);

  // A percent over 100, or an empty count that needs a number, is refused at the field; nothing is saved.
  await page.getByLabel("Flag at an insult score of").fill("150");
  await page.getByRole("button", { name: "Save settings" }).click();
  expect(
    await page
      .getByLabel("Flag at an insult score of")
      .evaluate((el: HTMLInputElement) => el.validity.rangeOverflow),
  ).toBe(true);
  await page.getByLabel("Flag at an insult score of").fill("60");
  await page.getByLabel("Within").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  expect(await page.getByLabel("Within").evaluate((el: HTMLInputElement) => el.validity.valueMissing)).toBe(
    true,
  );
  expect((await storedSettings(page))?.repeatTextWindowHours).toBe(24);

  // Put the demo back as it was for the other specs.
  await openDemoSettings(page);
  await page.getByRole("switch", { name: "Hold first comments of new commenters" }).uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  expect((await storedSettings(page))?.holdFirstComment).toBe(false);
  expect(errors).toEqual([]);
});
