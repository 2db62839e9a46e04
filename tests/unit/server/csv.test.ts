import { describe, expect, test } from "vitest";
import { csvCell, csvLine, encodeCsvRows } from "@/lib/server/csv";
import { EXPORT_COLUMNS, type ExportRecord, encodeCsv, encodeJsonArray } from "@/lib/server/export";

describe("csvCell", () => {
  test.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@home", "'@home"],
    ["=a,b", `"'=a,b"`],
    ["\tx", "'\tx"],
    ["", ""],
  ])("%j -> %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test.each([
    [null, ""],
    [true, "true"],
    [false, "false"],
    [-1.5, "-1.5"],
  ])("%j -> %j (non-text values are not guarded)", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test.each([
    [["a", "b"], "a,b\r\n"],
    [[null, 3, "x,y"], ',3,"x,y"\r\n'],
    [["+1", "-2", "@x", "ok"], "'+1,'-2,'@x,ok\r\n"],
  ])("csvLine(%j)", (values, expected) => {
    expect(csvLine(values)).toBe(expected);
  });

  test("a line ends with CRLF", () => {
    expect(csvLine(["a", null, 1])).toBe("a,,1\r\n");
  });
});

describe("encodeCsvRows", () => {
  async function* batches(...items: (readonly (string | null)[])[][]) {
    yield* items;
  }

  test("the header, then one chunk per non-empty batch", async () => {
    const chunks: string[] = [];
    for await (const chunk of encodeCsvRows(["a", "b"], batches([["1", "=x"]], [], [["2", null]])))
      chunks.push(chunk);
    expect(chunks).toEqual(["a,b\r\n", "1,'=x\r\n", "2,\r\n"]);
  });
});

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function* records(...items: ExportRecord[]): AsyncGenerator<ExportRecord> {
  yield* items;
}

const record: ExportRecord = {
  publication: "Pub",
  postExternalId: "1",
  postSlug: null,
  postTitle: "T, with comma",
  commentExternalId: "c1",
  parentExternalId: null,
  author: "@ann",
  postedAt: "2026-01-01T00:00:00.000Z",
  editedAt: null,
  deleted: false,
  automodHidden: false,
  body: "line one\nline two",
  tone: "analytical",
  stance: "agree",
  sentiment: "positive",
  flag: false,
  status: "NONE",
};

describe("encoders", () => {
  test("CSV: the header then one quoted line per record", async () => {
    const text = await collect(encodeCsv(records(record, record)));
    const header = `${EXPORT_COLUMNS.join(",")}\r\n`;
    expect(text.startsWith(header)).toBe(true);
    const line =
      'Pub,1,,"T, with comma",c1,,\'@ann,2026-01-01T00:00:00.000Z,,false,false,"line one\nline two",analytical,agree,positive,false,NONE\r\n';
    expect(text).toBe(header + line + line);
  });

  test.each([[[]], [[record]], [[record, record, record]]])(
    "JSON of %# records parses back",
    async (items) => {
      const text = await collect(encodeJsonArray(records(...items)));
      expect(JSON.parse(text)).toEqual(items);
    },
  );
});
