import { expect, test } from "vitest";
import { safeHref } from "@/lib/safe-href";

test.each([
  ["https://thelongview.substack.com/p/on-empires", "https://thelongview.substack.com/p/on-empires"],
  ["http://example.org/post", "http://example.org/post"],
  [" HTTPS://Example.org/a ", "https://example.org/a"],
  ["javascript:alert(document.cookie)", null],
  ["JaVaScRiPt:alert(1)", null],
  [" javascript:alert(1)", null],
  ["java\tscript:alert(1)", null],
  ["data:text/html,<script>alert(1)</script>", null],
  ["vbscript:msgbox(1)", null],
  ["file:///etc/passwd", null],
  ["//evil.example/x", null],
  ["/relative/path", null],
  ["not a url", null],
  ["", null],
  [null, null],
  [undefined, null],
])("safeHref(%j) → %j", (input, expected) => {
  expect(safeHref(input)).toBe(expected);
});
