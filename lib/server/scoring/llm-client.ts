import "server-only";
import { z } from "zod";
import { type Env, env } from "@/lib/env";
import { createHttpClient, HttpError, type RetryInfo } from "@/lib/ingest/http";
import { answerJsonSchema, type ChatMessage, RUBRIC_VERSION } from "@/lib/scoring/llm";

/**
 * The user's language model behind an OpenAI-compatible chat-completions endpoint (OpenAI, Ollama,
 * llama.cpp, vLLM, LM Studio, ...). Configured only by the environment; without MARGINALIA_LLM_URL and
 * MARGINALIA_LLM_MODEL nothing here is ever called. The API key travels in the Authorization header only and
 * is scrubbed from anything this module puts in an error or a log line.
 */

export interface LlmConfig {
  /** Base URL of the API, without a trailing slash (".../v1"). */
  url: string;
  model: string;
  apiKey: string | undefined;
  batchSize: number;
  concurrency: number;
  dailyBudget: number;
  timeoutMs: number;
}

/** The configured model, or null when the refiner is off. */
export function llmConfig(e: Env = env()): LlmConfig | null {
  if (!e.MARGINALIA_LLM_URL || !e.MARGINALIA_LLM_MODEL) return null;
  return {
    url: e.MARGINALIA_LLM_URL.replace(/\/+$/, ""),
    model: e.MARGINALIA_LLM_MODEL,
    apiKey: e.MARGINALIA_LLM_API_KEY,
    batchSize: e.MARGINALIA_LLM_BATCH,
    concurrency: e.MARGINALIA_LLM_CONCURRENCY,
    dailyBudget: e.MARGINALIA_LLM_DAILY_BUDGET,
    timeoutMs: e.MARGINALIA_LLM_TIMEOUT_SECONDS * 1000,
  };
}

/** The version on every label the refiner writes: a new model or rubric is a new version. */
export function llmVersion(model: string): string {
  return `llm:${model}:${RUBRIC_VERSION}`;
}

/** A request that failed for good; the message names the endpoint and never holds the key. */
export class LlmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LlmError";
  }
}

/**
 * What a request asks of the server, most constrained first. A server answering 400 or 422 (it does not
 * take a parameter) moves the client one step down for the rest of its life: some refuse json_schema, some
 * (reasoning models) any temperature but the default, some every response_format.
 */
const REQUEST_SHAPES = ["json_schema", "json_schema without temperature", "json_object", "plain"] as const;
export type RequestShape = (typeof REQUEST_SHAPES)[number];

const completionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }) }))
    .min(1, "no choices in the answer"),
});

export interface ChatClient {
  /** The text of the model's answer to `messages`, asking for the answer schema of a batch with `ids`. */
  complete(messages: readonly ChatMessage[], ids: readonly string[]): Promise<string>;
  /** The request shape the server has accepted so far. */
  shape(): RequestShape;
}

export interface ChatClientOptions {
  /** Extra attempts after the first for timeouts, network errors, 429 and 5xx. Default 3. */
  retries?: number;
  log?: (line: string) => void;
  /** For tests: time and randomness of the backoff. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export function createChatClient(config: LlmConfig, options: ChatClientOptions = {}): ChatClient {
  const log = options.log ?? (() => {});
  const scrub = (text: string) =>
    config.apiKey && config.apiKey.length > 0 ? text.split(config.apiKey).join("[api key]") : text;
  const endpoint = `${config.url}/chat/completions`;
  const http = createHttpClient({
    timeoutMs: config.timeoutMs,
    retries: options.retries ?? 3,
    baseBackoffMs: 1000,
    maxBackoffMs: 60_000,
    headers: config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {},
    sleep: options.sleep,
    random: options.random,
    onRetry: (info: RetryInfo) =>
      log(`llm: ${info.reason}, retrying in ${(info.delayMs / 1000).toFixed(1)} s (attempt ${info.attempt})`),
  });
  let shapeIndex = 0;

  function requestBody(messages: readonly ChatMessage[], ids: readonly string[], shape: RequestShape) {
    const body: Record<string, unknown> = { model: config.model, messages };
    if (shape === "json_schema") body.temperature = 0;
    if (shape.startsWith("json_schema"))
      body.response_format = {
        type: "json_schema",
        json_schema: { name: "comment_labels", strict: true, schema: answerJsonSchema(ids) },
      };
    else if (shape === "json_object") body.response_format = { type: "json_object" };
    return body;
  }

  function failure(err: unknown): LlmError {
    if (!(err instanceof HttpError)) return new LlmError(scrub(`${endpoint}: ${String(err)}`));
    const said = err.responseExcerpt ? `: ${err.responseExcerpt.replace(/\s+/g, " ").slice(0, 300)}` : "";
    return new LlmError(scrub(`${err.message}${said}`));
  }

  return {
    shape: () => REQUEST_SHAPES[shapeIndex] as RequestShape,
    async complete(messages, ids) {
      for (;;) {
        const shape = REQUEST_SHAPES[shapeIndex] as RequestShape;
        let answer: unknown;
        try {
          answer = await http.postJson(endpoint, requestBody(messages, ids, shape));
        } catch (err) {
          const refused = err instanceof HttpError && (err.status === 400 || err.status === 422);
          if (refused && shapeIndex < REQUEST_SHAPES.length - 1) {
            // Another request may have stepped down meanwhile; step from what this one sent.
            shapeIndex = Math.max(shapeIndex, REQUEST_SHAPES.indexOf(shape) + 1);
            log(
              `llm: the server refused a "${shape}" request (HTTP ${err.status}); asking as "${REQUEST_SHAPES[shapeIndex]}"`,
            );
            continue;
          }
          throw failure(err);
        }
        const parsed = completionSchema.safeParse(answer);
        if (!parsed.success)
          throw new LlmError(
            `${endpoint}: not a chat-completions answer (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`,
          );
        return parsed.data.choices[0]?.message.content ?? "";
      }
    },
  };
}
