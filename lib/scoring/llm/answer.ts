/**
 * The answer a chat model gives to the rubric prompt: its JSON schema (sent as `response_format` where the
 * server takes one), a tolerant reader of the text it sends back, and the mapping to refined labels.
 * Tolerant of form (code fences, prose or a reasoning block around the JSON, label case), strict on
 * content: an entry with a label outside the rubric is malformed, never guessed.
 */
import { z } from "zod";
import type { RefinedScore } from "../encoder-head";
import { HARM_CATEGORIES, SENTIMENT_LABELS, STANCES, TONES } from "../types";

/** The schema of an answer for a batch with these ids (ids as an enum, so constrained decoding can use them). */
export function answerJsonSchema(ids: readonly string[]) {
  const label = (values: readonly string[]) => ({ type: "string", enum: [...values] });
  return {
    type: "object",
    additionalProperties: false,
    required: ["comments"],
    properties: {
      comments: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: [
            "id",
            "tone",
            "secondary_tone",
            "stance",
            "sentiment",
            "flag",
            "flag_reasons",
            "confidence",
            "evidence",
          ],
          properties: {
            id: label(ids),
            tone: label(TONES),
            secondary_tone: { anyOf: [label(TONES), { type: "null" }] },
            stance: label(STANCES),
            sentiment: label(SENTIMENT_LABELS),
            flag: { type: "boolean" },
            flag_reasons: { type: "array", items: label(HARM_CATEGORIES) },
            confidence: { type: "number", minimum: 0, maximum: 1 },
            evidence: { type: "string" },
          },
        },
      },
    },
  } as const;
}

/** The longest evidence quote kept; models sometimes quote the whole comment. */
export const MAX_EVIDENCE_CHARS = 200;

const normalized = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : v);
const labelOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(normalized, z.enum(values));

export const commentAnswerSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    tone: labelOf(TONES),
    secondary_tone: z.preprocess(
      (v) => (v === undefined || v === "" || normalized(v) === "none" || normalized(v) === "null" ? null : v),
      labelOf(TONES).nullable(),
    ),
    stance: labelOf(STANCES),
    sentiment: labelOf(SENTIMENT_LABELS),
    flag: z.boolean(),
    flag_reasons: z.array(labelOf(HARM_CATEGORIES)).default([]),
    confidence: z.number().min(0).max(1),
    evidence: z
      .string()
      .default("")
      .transform((s) => s.slice(0, MAX_EVIDENCE_CHARS)),
  })
  // A secondary tone equal to the primary one says nothing more.
  .transform((a) => ({ ...a, secondary_tone: a.secondary_tone === a.tone ? null : a.secondary_tone }));
export type CommentAnswer = z.infer<typeof commentAnswerSchema>;

export interface AnswerProblem {
  id: string;
  reason: string;
}

export interface ParsedAnswer {
  /** Valid entries for the ids asked about. */
  answers: Map<string, CommentAnswer>;
  /** Ids asked about with no entry in the answer. */
  missing: string[];
  /** Ids asked about whose entry is invalid (or every id, when the answer as a whole is unreadable). */
  malformed: AnswerProblem[];
  /** Entries for ids not asked about, or without an id (ignored). */
  unexpected: string[];
}

/** Ids that got no usable answer: the ones to ask about again. */
export function unanswered(parsed: ParsedAnswer): string[] {
  return [...parsed.missing, ...parsed.malformed.map((m) => m.id)];
}

/** The JSON inside a model's text: the whole text, a fenced block, or the outermost {...} or [...]. */
export function extractJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  // Reasoning models may think aloud first; what they think may contain braces.
  const body = text.replace(/<think>[\s\S]*?<\/think>/gi, "").trim();
  const candidates = [body];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(body);
  if (fenced?.[1]) candidates.push(fenced[1]);
  for (const [open, close] of [
    ["{", "}"],
    ["[", "]"],
  ] as const) {
    const start = body.indexOf(open);
    const end = body.lastIndexOf(close);
    if (start >= 0 && end > start) candidates.push(body.slice(start, end + 1));
  }
  for (const candidate of candidates) {
    try {
      return { ok: true, value: JSON.parse(candidate) as unknown };
    } catch {
      // try the next reading
    }
  }
  return { ok: false, reason: body.length === 0 ? "empty answer" : "no JSON in the answer" };
}

/** The list of entries: `{comments: [...]}`, a bare list, an object with one list, or a single entry. */
function entriesOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.comments)) return record.comments;
  const lists = Object.values(record).filter(Array.isArray);
  if (lists.length === 1) return lists[0] as unknown[];
  if ("id" in record && "tone" in record) return [record];
  return null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/** Reads a model's answer to a batch asking about `ids`. Never throws. */
export function parseAnswer(text: string, ids: readonly string[]): ParsedAnswer {
  const asked = new Set(ids);
  const result: ParsedAnswer = { answers: new Map(), missing: [], malformed: [], unexpected: [] };
  const json = extractJson(text);
  const entries = json.ok ? entriesOf(json.value) : null;
  if (entries === null) {
    const reason = json.ok ? "the JSON holds no list of comments" : json.reason;
    result.malformed = ids.map((id) => ({ id, reason }));
    return result;
  }
  const problems = new Map<string, string>();
  for (const entry of entries) {
    const rawId = typeof entry === "object" && entry !== null ? (entry as { id?: unknown }).id : undefined;
    const id = typeof rawId === "string" || typeof rawId === "number" ? String(rawId).trim() : null;
    if (id === null || !asked.has(id)) {
      result.unexpected.push(id ?? "(no id)");
      continue;
    }
    if (result.answers.has(id)) continue; // a repeated entry: the first valid one stands
    const parsed = commentAnswerSchema.safeParse({ ...(entry as object), id });
    if (parsed.success) {
      result.answers.set(id, parsed.data);
      problems.delete(id);
    } else if (!problems.has(id)) problems.set(id, describeIssues(parsed.error));
  }
  for (const id of ids) {
    if (result.answers.has(id)) continue;
    const problem = problems.get(id);
    if (problem === undefined) result.missing.push(id);
    else result.malformed.push({ id, reason: problem });
  }
  return result;
}

/**
 * `p` on `chosen`, the rest spread evenly over the other classes. A `p` at or below 1/k is raised to just
 * above it, so the chosen class stays the most probable one.
 */
export function spreadProbability<T extends string>(
  classes: readonly T[],
  chosen: T,
  p: number,
): Record<T, number> {
  const top = Math.max(p, 1 / classes.length + 0.01);
  const rest = (1 - top) / (classes.length - 1);
  return Object.fromEntries(classes.map((c) => [c, c === chosen ? top : rest])) as Record<T, number>;
}

/** Quote marks, ellipses and full stops a model puts around a quotation (the comment may not have them). */
const QUOTE_EDGES = /^[\s"'“”‘’«»…]+|[\s"'“”‘’«»….]+$/g;

/**
 * The words of `quote` as they stand in `text` (case, spacing, line breaks and the kind of apostrophe ignored), or null when the
 * comment does not contain them: a model's "evidence" is shown only when it really is the comment's words.
 */
export function quotedEvidence(text: string, quote: string): string | null {
  const words = quote.replace(QUOTE_EDGES, "").split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = words
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/['’]/g, "['’]"))
    .join("\\s+");
  return new RegExp(pattern, "iu").exec(text)?.[0] ?? null;
}

/**
 * The labels an answer about `text` gives: its confidence is the probability of each label it chose; its
 * grounds count only with a flag, its evidence only when the comment holds those words.
 */
export function refinedFromAnswer(answer: CommentAnswer, text: string): RefinedScore {
  const p = answer.confidence;
  const toneScores = spreadProbability(TONES, answer.tone, p);
  return {
    tone: answer.tone,
    toneScores,
    secondaryTone: answer.secondary_tone,
    stance: answer.stance,
    stanceConfidence: spreadProbability(STANCES, answer.stance, p)[answer.stance],
    sentimentLabel: answer.sentiment,
    sentimentConfidence: spreadProbability(SENTIMENT_LABELS, answer.sentiment, p)[answer.sentiment],
    flag: answer.flag,
    // The probability that the comment should be flagged, whichever way the model decided.
    flagProbability: answer.flag ? Math.max(p, 0.5) : 1 - Math.max(p, 0.5),
    flagReasons: answer.flag ? answer.flag_reasons : [],
    evidence: quotedEvidence(text, answer.evidence),
  };
}
