import { describe, expect, test } from "vitest";
import { pathAfterPublicationSwitch, scopedDateRangeSchema } from "@/lib/schemas/publication-scope";

describe("pathAfterPublicationSwitch", () => {
  test.each([
    ["/", "/"],
    ["/compare", "/compare"],
    ["/moderation", "/moderation"],
    ["/moderation/log", "/moderation/log"],
    ["/search", "/search"],
    ["/entities", "/entities"],
    ["/imports", "/imports"],
    ["/settings", "/settings"],
    // One record of a publication the new scope may not hold: back to the overview.
    ["/posts/12", "/"],
    ["/posts/12/report", "/"],
    ["/commenters/7", "/"],
    ["/entities/3", "/"],
    ["/imports/9", "/"],
    // Not a record path: kept.
    ["/postsx/12", "/postsx/12"],
  ])("%s -> %s", (from, to) => {
    expect(pathAfterPublicationSwitch(from)).toBe(to);
  });
});

describe("scopedDateRangeSchema", () => {
  test.each([
    [{}, {}],
    [{ publicationId: "4" }, { publicationId: 4 }],
    [{ publicationId: "" }, {}],
    [
      { from: "2026-01-01", to: "2026-01-31", publicationId: "2" },
      { from: "2026-01-01", to: "2026-01-31", publicationId: 2 },
    ],
  ])("accepts %j", (input, output) => {
    expect(scopedDateRangeSchema.parse(input)).toEqual(output);
  });

  test.each([
    [{ publicationId: "-1" }, "publicationId"],
    [{ publicationId: "1e3" }, "publicationId"],
    [{ from: "2026-02-01", to: "2026-01-01" }, "from"],
    [{ other: "1" }, ""],
  ])("refuses %j", (input, path) => {
    const result = scopedDateRangeSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success && path) expect(result.error.issues[0]?.path.join(".")).toBe(path);
  });
});
