/**
 * `marginalia classify`: JSON Lines in on stdin ({ id, text, postTitle?, postBody?, isReply? }), one JSON
 * line of scores out per input line, streamed with constant memory. A malformed line yields
 * `{ id?, error }` for that line and the run goes on; exit 1 only when stdin cannot be read.
 */
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Command } from "commander";
import { z } from "zod";
import { scoreComment } from "@/lib/scoring";

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  postTitle: z.string().nullish(),
  postBody: z.string().nullish(),
  isReply: z.boolean().nullish(),
});

function idOf(json: unknown): string | number | undefined {
  if (typeof json !== "object" || json === null || !("id" in json)) return undefined;
  const id = (json as { id: unknown }).id;
  return typeof id === "string" || typeof id === "number" ? id : undefined;
}

/** The output line for one input line (without the trailing newline). */
export function classifyLine(line: string, lineNumber: number): string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: `line ${lineNumber}: not valid JSON` });
  }
  const parsed = inputSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "(line)"}: ${i.message}`).join("; ");
    const id = idOf(json);
    return JSON.stringify(
      id === undefined
        ? { error: `line ${lineNumber}: ${detail}` }
        : { id, error: `line ${lineNumber}: ${detail}` },
    );
  }
  const { id, text, postTitle, postBody, isReply } = parsed.data;
  const score = scoreComment(text, { postTitle, postBody, isReply });
  return JSON.stringify({
    id,
    tone: score.tone,
    toneScores: score.toneScores,
    secondaryTone: score.secondaryTone,
    stance: score.stance,
    stanceConfidence: score.stanceConfidence,
    sentiment: score.sentiment,
    flag: score.flag,
    flagReasons: score.flagReasons,
    signals: score.signals,
    cues: score.cues,
    scorerVersion: score.scorerVersion,
  });
}

/** Streams `input` to `output`, waiting for `drain` whenever the output buffer is full. */
export async function classifyStream(input: Readable, output: Writable): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim().length === 0) continue;
    if (!output.write(`${classifyLine(line, lineNumber)}\n`)) await once(output, "drain");
  }
}

export function registerClassifyCommand(program: Command): void {
  program
    .command("classify")
    .description(
      "score JSON Lines comments from stdin ({ id, text, postTitle?, postBody?, isReply? }) to stdout",
    )
    .action(async () => {
      await classifyStream(process.stdin, process.stdout);
    });
}
