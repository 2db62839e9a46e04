import { mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ImportFileError } from "@/lib/ingest/files/errors";
import {
  parseSavedArchive,
  parseSavedComments,
  parseSavedFolder,
  postIdFromFileName,
} from "@/lib/ingest/files/substack-saved";
import { normalizeCommentsResponse } from "@/lib/ingest/substack/normalize";
import { buildForeignPolicyFixture, fixtureCounts } from "@/tests/fixtures/substack/foreign-policy";
import { collect, INVALID_UTF8, streamOf, withTempDir, writeTemp } from "./support";

const fixture = buildForeignPolicyFixture();
const answer101 = fixture.comments.get("101")!;
const archive = fixture.posts.map(({ body_html: _body, ...entry }) => entry);

describe("parseSavedComments", () => {
  test("gives exactly what the API normalizer gives, in the same order", async () => {
    const out = await collect(
      parseSavedComments(streamOf(JSON.stringify(answer101), 97), { postExternalId: "101" }),
    );
    expect(out.issues).toEqual([]);
    expect(out.posts).toEqual([{ externalId: "101", slug: null, title: "", url: null, publishedAt: null }]);
    expect(out.comments).toEqual(normalizeCommentsResponse(answer101, "101"));
  });

  test("a bad thread is an issue; the other threads come through", async () => {
    const broken = structuredClone(answer101);
    (broken.comments[1]!.children[0] as unknown as Record<string, unknown>).date = 42;
    const out = await collect(
      parseSavedComments(streamOf(JSON.stringify(broken)), {
        postExternalId: "101",
        label: "comments-101.json",
      }),
    );
    expect(out.issues).toEqual([
      {
        location: "comments-101.json comments[1]",
        message: expect.stringMatching(/^thread skipped: comments\[1\]\.children\[0\]\.date: /),
      },
    ]);
    expect(out.comments).toHaveLength(13 - 3);
  });

  test.each([
    ["100k nested arrays as a comment", `{"comments": [${"[".repeat(100_000)}${"]".repeat(100_000)}]}`],
    ["100k nested objects", `{"comments": [${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}]}`],
    ["truncated JSON", '{"comments": [{"id": 1'],
    ["an array instead of an object", "[1, 2]"],
  ])("%s is an ImportFileError, not a crash", async (_name, text) => {
    await expect(
      collect(parseSavedComments(streamOf(text, 1 << 16), { postExternalId: "1" })),
    ).rejects.toThrow(ImportFileError);
  });

  test("invalid UTF-8 is replaced and reported", async () => {
    const [head, tail] = JSON.stringify(answer101).split("Rail capacity");
    const bytes = Buffer.concat([Buffer.from(head ?? ""), INVALID_UTF8, Buffer.from(`Rail capacity${tail}`)]);
    const out = await collect(
      parseSavedComments(streamOf(bytes, 1 << 16), { postExternalId: "101", label: "f.json" }),
    );
    expect(out.issues).toEqual([
      { location: "f.json, byte 0", message: expect.stringMatching(/invalid UTF-8/) },
    ]);
    expect(out.comments[0]?.body).toContain("\uFFFDRail capacity");
  });

  test("a 10 MB comment body comes through", async () => {
    const big = structuredClone(answer101);
    big.comments[0]!.body = "ü".repeat(5 * 1024 * 1024);
    const out = await collect(
      parseSavedComments(streamOf(JSON.stringify(big), 1 << 16), { postExternalId: "101" }),
    );
    expect(out.comments[0]?.body?.length).toBe(5 * 1024 * 1024);
  });
});

describe("parseSavedArchive", () => {
  test("reads posts and reports a bad entry", async () => {
    const out = await collect(
      parseSavedArchive(streamOf(JSON.stringify([...archive, { title: "no id" }])), {
        label: "archive.json",
      }),
    );
    expect(out.posts.map((p) => p.externalId)).toEqual(["103", "102", "101"]);
    expect(out.issues).toEqual([
      { location: "archive.json [3]", message: expect.stringMatching(/^post skipped: \[3\]\.id: /) },
    ]);
  });
});

describe("parseSavedFolder", () => {
  test("archive.json gives titles; comments-<id>.json files give comments; bad files become issues", async () => {
    await withTempDir(async (dir) => {
      await writeTemp(dir, "archive.json", JSON.stringify(archive));
      for (const [id, answer] of fixture.comments)
        await writeTemp(dir, `comments-${id}.json`, JSON.stringify(answer));
      await writeTemp(dir, "comments-999.json", '{"comments": [');
      await writeTemp(dir, "notes.json", "{}");
      await writeTemp(dir, "README.txt", "ignored");
      await mkdir(path.join(dir, "subfolder"));
      const out = await collect(parseSavedFolder(dir));
      expect(out.posts.map((p) => [p.externalId, p.title !== ""])).toEqual([
        ["103", true],
        ["102", true],
        ["101", true],
      ]);
      expect(out.comments).toHaveLength(fixtureCounts(fixture).comments);
      expect(out.issues).toEqual([
        {
          location: "comments-999.json",
          message: expect.stringMatching(/^file skipped: comments-999.json: invalid JSON/),
        },
        {
          location: "notes.json",
          message: "file name holds no post id (expected comments-<postId>.json); file skipped",
        },
      ]);
    });
  });
});

test.each([
  ["comments-12345.json", "12345"],
  ["2024-export-comments-987.json", "987"],
  ["12.json", "12"],
  ["comments.json", null],
])("post id of %s is %s", (name, id) => {
  expect(postIdFromFileName(name)).toBe(id);
});
