import { describe, expect, test } from "vitest";
import { findLinks, parseModerationSettings } from "@/lib/moderation";
import { linksRule } from "@/lib/moderation/rules/links";
import { makeInput } from "./make-input";

describe("findLinks", () => {
  test.each([
    ["no links", "Nothing to see here.", []],
    ["empty text", "", []],
    ["an https URL with trailing full stop", "See https://example.com/a?b=1.", ["https://example.com/a?b=1"]],
    ["an http URL in upper case", "HTTP://EXAMPLE.ORG", ["HTTP://EXAMPLE.ORG"]],
    ["a www address", "visit www.example.io, now", ["www.example.io"]],
    ["a bare domain", "read marginalia.substack.com!", ["marginalia.substack.com"]],
    ["a bare domain with a path", "bit.ly/3xYz and t.co/abc", ["bit.ly/3xYz", "t.co/abc"]],
    ["a nested subdomain", "news.bbc.co.uk/world", ["news.bbc.co.uk/world"]],
    ["a link in parentheses", "(see example.com)", ["example.com"]],
    [
      "a URL with its own parentheses",
      "https://en.wikipedia.org/wiki/Foo_(bar)).",
      ["https://en.wikipedia.org/wiki/Foo_(bar)"],
    ],
    ["a Unicode domain", "https://例え.jp/パス", ["https://例え.jp/パス"]],
    ["an accented bare domain", "über.de is fine", ["über.de"]],
    ["an e-mail address", "write to me@example.com", []],
    ["a missing space after a full stop", "I loved it.In fact it was great.", []],
    ["abbreviations and file names", "e.g. Node.js, i.e. 3.14 a.m. report.pdf", []],
    ["a bare scheme", "http:// is not a link", []],
  ])("%s", (_label, text, expected) => {
    expect(findLinks(text)).toEqual(expected);
  });
});

describe("links rule", () => {
  const defaults = parseModerationSettings({});

  test.each([
    ["no links", "A thoughtful reply.", null],
    ["two links at the default limit of 2", "a.com and b.org", null],
    ["three links", "a.com, b.org and https://c.net/x", "https://c.net/x"],
  ])("%s", (_label, text, expected) => {
    expect(linksRule(makeInput({ text }), defaults)?.matchedText ?? null).toBe(expected);
  });

  test("holds with the count, limit and links in the detail", () => {
    const result = linksRule(makeInput({ text: "a.com b.com c.com d.com e.com f.com g.com" }), defaults);
    expect(result).toEqual({
      rule: "links",
      action: "hold",
      reason: "LINKS",
      matchedText: "c.com",
      detail: "7 links (limit 2): a.com, b.com, c.com, d.com, e.com, ….",
    });
  });

  test("a limit of 0 holds any link", () => {
    const strict = parseModerationSettings({ maxLinks: 0 });
    expect(linksRule(makeInput({ text: "my blog: example.com" }), strict)?.matchedText).toBe("example.com");
    expect(linksRule(makeInput({ text: "no links" }), strict)).toBeNull();
  });

  test("a null limit turns the rule off", () => {
    const off = parseModerationSettings({ maxLinks: null });
    expect(linksRule(makeInput({ text: "a.com b.com c.com d.com" }), off)).toBeNull();
  });
});
