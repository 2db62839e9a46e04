/**
 * `marginalia classify [--fast]`: JSON Lines in on stdin ({ id, text, postTitle?, postBody?, isReply? }), one
 * JSON line of scores out per input line, streamed with constant memory (batches of ENCODER_BATCH lines).
 * The labels are the ones the dashboards would show: the sentence-encoder refiner's over the fast scorer's
 * (`labelSource` says which), unless it is switched off (MARGINALIA_ENCODER=off) or `--fast` asks for the
 * fast path alone. A malformed line yields `{ id?, error }` for that line and the run goes on; exit 1 only
 * when stdin cannot be read.
 */
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Command } from "commander";
import { z } from "zod";
import { ENCODER_VERSION, refineWithEmbedding, scoreComment } from "@/lib/scoring/shipped-model";
import { encoderEnabled } from "@/lib/server/scoring/refiners";
import { ENCODER_BATCH, embedTexts } from "@/lib/server/scoring/sentence-encoder";

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

type Parsed = { ok: true; input: z.infer<typeof inputSchema> } | { ok: false; line: string };

/** One input line parsed, or its error line (without the trailing newline). */
function parseLine(line: string, lineNumber: number): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, line: JSON.stringify({ error: `line ${lineNumber}: not valid JSON` }) };
  }
  const parsed = inputSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "(line)"}: ${i.message}`).join("; ");
    const id = idOf(json);
    const error = `line ${lineNumber}: ${detail}`;
    return { ok: false, line: JSON.stringify(id === undefined ? { error } : { id, error }) };
  }
  return { ok: true, input: parsed.data };
}

/** The output line of a parsed input: the fast score, with a refiner's labels over it when given. */
function scoreLine(input: z.infer<typeof inputSchema>, embedding: Float32Array | null): string {
  const { id, text, postTitle, postBody, isReply } = input;
  const context = { postTitle, postBody, isReply };
  const score = scoreComment(text, context);
  const refined = embedding ? refineWithEmbedding(text, context, score, embedding) : null;
  return JSON.stringify({
    id,
    tone: refined?.tone ?? score.tone,
    toneScores: refined?.toneScores ?? score.toneScores,
    secondaryTone: refined ? refined.secondaryTone : score.secondaryTone,
    stance: refined?.stance ?? score.stance,
    stanceConfidence: refined?.stanceConfidence ?? score.stanceConfidence,
    sentiment: refined
      ? { ...score.sentiment, label: refined.sentimentLabel, confidence: refined.sentimentConfidence }
      : score.sentiment,
    flag: refined?.flag ?? score.flag,
    flagProbability: refined?.flagProbability ?? score.flagProbability,
    flagReasons: refined?.flagReasons ?? score.flagReasons,
    signals: score.signals,
    cues: score.cues,
    labelSource: refined ? "ENCODER" : "FAST",
    scorerVersion: score.scorerVersion,
    ...(refined ? { refinerVersion: ENCODER_VERSION } : {}),
  });
}

/** Output lines for a batch of input lines, in order (one encoder call for the batch when refining). */
export async function classifyLines(
  lines: readonly { text: string; lineNumber: number }[],
  refine: boolean,
): Promise<string[]> {
  const parsed = lines.map((l) => parseLine(l.text, l.lineNumber));
  const inputs = parsed.flatMap((p) => (p.ok ? [p.input] : []));
  const embeddings = refine && inputs.length > 0 ? await embedTexts(inputs.map((i) => i.text)) : [];
  let next = 0;
  return parsed.map((p) => (p.ok ? scoreLine(p.input, embeddings[next++] ?? null) : p.line));
}

/** Streams `input` to `output` a batch at a time, waiting for `drain` whenever the output buffer is full. */
export async function classifyStream(input: Readable, output: Writable, refine: boolean): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let batch: { text: string; lineNumber: number }[] = [];
  const flush = async () => {
    for (const out of await classifyLines(batch, refine))
      if (!output.write(`${out}\n`)) await once(output, "drain");
    batch = [];
  };
  for await (const line of lines) {
    lineNumber++;
    if (line.trim().length === 0) continue;
    batch.push({ text: line, lineNumber });
    if (batch.length >= ENCODER_BATCH) await flush();
  }
  await flush();
}

export function registerClassifyCommand(program: Command): void {
  program
    .command("classify")
    .description(
      "score JSON Lines comments from stdin ({ id, text, postTitle?, postBody?, isReply? }) to stdout, " +
        "with the labels the dashboards would show",
    )
    .option("--fast", "the fast scorer's labels alone (no sentence-encoder refinement)")
    .action(async (options: { fast?: boolean }) => {
      await classifyStream(process.stdin, process.stdout, options.fast !== true && encoderEnabled());
    });
}
