import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { scoreComment } from "@/lib/scoring";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HARNESS = path.join(import.meta.dirname, "classify-cli-harness.ts");

function run(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      ["--conditions=react-server", HARNESS, ...args],
      { cwd: ROOT },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("marginalia classify", () => {
  test("a malformed line yields an error line and the run goes on", async () => {
    const input = [
      JSON.stringify({ id: "a", text: "Thanks, great piece!" }),
      "{ not json",
      JSON.stringify({ id: "c", text: 42 }),
      "",
      JSON.stringify({ id: 4, text: "I doubt the truce holds.", postTitle: "A truce", isReply: false }),
    ].join("\n");
    const { code, stdout } = await run(["classify"], input);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: "a", tone: "supportive" });
    expect(lines[0]).toHaveProperty("toneScores");
    expect(lines[0]).toHaveProperty("cues");
    expect(lines[0]).toHaveProperty("scorerVersion");
    expect(lines[1]).toEqual({ error: expect.stringContaining("line 2") });
    expect(lines[2]).toMatchObject({ id: "c", error: expect.stringContaining("line 3") });
    expect(lines[3]).toMatchObject({ id: 4 });
    const keys = [
      "cues",
      "flag",
      "flagProbability",
      "flagReasons",
      "id",
      "labelSource",
      "scorerVersion",
      "secondaryTone",
      "sentiment",
      "signals",
      "stance",
      "stanceConfidence",
      "tone",
      "toneScores",
    ];
    expect(Object.keys(lines[3]).sort()).toEqual([...keys, "refinerVersion"].sort());
    expect(lines[3]).toMatchObject({ labelSource: "ENCODER" });
  }, 30_000);

  test("--fast prints the fast scorer's labels, the same as scoring the text directly", async () => {
    const text = "I doubt the truce holds past the spring.";
    const { code, stdout } = await run(["classify", "--fast"], JSON.stringify({ id: 1, text }));
    expect(code).toBe(0);
    const line = JSON.parse(stdout);
    const direct = scoreComment(text, {});
    expect(line).toMatchObject({
      labelSource: "FAST",
      tone: direct.tone,
      toneScores: direct.toneScores,
      stance: direct.stance,
      flag: direct.flag,
    });
    expect(line).not.toHaveProperty("refinerVersion");
  }, 30_000);
});
