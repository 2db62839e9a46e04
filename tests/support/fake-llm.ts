import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A fake OpenAI-compatible chat-completions server on 127.0.0.1 (a random port), for the LLM refiner's
 * tests: it records every request and answers as the test's `reply` says. `labelsFor` is its "model": a
 * keyword rule, so a test knows which labels each comment must end up with.
 */

export interface FakeLlmComment {
  id: string;
  is_reply: boolean | null;
  text: string;
  post_title: string | null;
}

export interface FakeLlmCall {
  body: {
    model: string;
    messages: { role: string; content: string }[];
    temperature?: number;
    response_format?: { type: string; json_schema?: { schema: unknown } };
  };
  authorization: string | undefined;
  headers: IncomingHttpHeaders;
  /** The comments of the user message, with their post titles. */
  comments: FakeLlmComment[];
}

export interface FakeLlmReply {
  status?: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (wins over json). */
  text?: string;
  /** Never answer (the client must time out). */
  hang?: boolean;
}

export type FakeLlmHandler = (call: FakeLlmCall, index: number) => FakeLlmReply | Promise<FakeLlmReply>;

export interface FakeLlm {
  /** Base URL, as MARGINALIA_LLM_URL takes it. */
  url: string;
  calls: FakeLlmCall[];
  /** Replaces the handler (the default answers every comment well). */
  handle(handler: FakeLlmHandler): void;
  close(): Promise<void>;
}

/** The fake model's labels for a text: a keyword rule a test can predict. */
export function labelsFor(text: string) {
  const t = text.toLowerCase();
  const tone = t.includes("doubt")
    ? "skeptical"
    : t.includes("thank")
      ? "supportive"
      : t.includes("idiot")
        ? "hostile"
        : t.includes("nonsense")
          ? "dismissive"
          : t.includes("because")
            ? "analytical"
            : "neutral";
  const flag = t.includes("[flag]");
  return {
    tone,
    secondary_tone: null,
    stance: t.includes("agree") ? "agree" : t.includes("wrong") ? "disagree" : "neutral",
    sentiment: tone === "supportive" ? "positive" : tone === "neutral" ? "neutral" : "negative",
    flag,
    flag_reasons: flag ? ["personal-abuse"] : [],
    confidence: 0.85,
    evidence: text.slice(0, 20),
  };
}

/** A chat-completions answer whose message is `content`. */
export function chatReply(content: string): FakeLlmReply {
  return {
    json: {
      id: "chatcmpl-fake",
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    },
  };
}

/** The model's labels for every comment of the call (those of `skip` left out). */
export function goodAnswer(call: FakeLlmCall, skip: readonly string[] = []): FakeLlmReply {
  const comments = call.comments
    .filter((c) => !skip.includes(c.id))
    .map((c) => ({ id: c.id, ...labelsFor(c.text) }));
  return chatReply(JSON.stringify({ comments }));
}

function commentsOf(body: FakeLlmCall["body"]): FakeLlmComment[] {
  const user = body.messages.find((m) => m.role === "user")?.content ?? "";
  const payload = JSON.parse(user.slice(user.indexOf("\n") + 1)) as {
    posts: { post_title: string | null; comments: Omit<FakeLlmComment, "post_title">[] }[];
  };
  return payload.posts.flatMap((p) => p.comments.map((c) => ({ ...c, post_title: p.post_title })));
}

export async function startFakeLlm(handler: FakeLlmHandler = (call) => goodAnswer(call)): Promise<FakeLlm> {
  let current = handler;
  const calls: FakeLlmCall[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeLlmCall["body"];
      const call: FakeLlmCall = {
        body,
        authorization: req.headers.authorization,
        headers: req.headers,
        comments: commentsOf(body),
      };
      calls.push(call);
      const reply = await current(call, calls.length - 1);
      if (reply.hang) return;
      const text = reply.text ?? JSON.stringify(reply.json ?? {});
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers }).end(text);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    handle: (h) => {
      current = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
