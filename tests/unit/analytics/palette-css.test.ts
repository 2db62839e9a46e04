import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { STANCE_COLORS, TONE_COLORS } from "@/lib/analytics/palette";

// Badges and highlights take their colours from CSS variables (no inline styles); charts from palette.ts.
const css = readFileSync(path.resolve(import.meta.dirname, "../../../app/globals.css"), "utf8");
const variable = (name: string) =>
  css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6});`))?.[1]?.toLowerCase();

test.each(Object.entries(TONE_COLORS))("--tone-%s matches the chart palette", (tone, color) => {
  expect(variable(`tone-${tone}`)).toBe(color.toLowerCase());
});

test.each(Object.entries(STANCE_COLORS))("--stance-%s matches the chart palette", (stance, color) => {
  expect(variable(`stance-${stance}`)).toBe(color.toLowerCase());
});
