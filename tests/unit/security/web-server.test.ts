import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxy } from "@/lib/web/client-address";
import { createWebServer, type WebServerOptions } from "@/lib/web/server";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The web server with a stand-in for Next that answers with the headers it was handed. */
async function start(options: Partial<WebServerOptions> = {}): Promise<string> {
  server = createWebServer({
    trustedProxy: null,
    handle: async (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(req.headers));
    },
    ...options,
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function seenBy(url: string, headers: Record<string, string>): Promise<Record<string, string>> {
  return (await (await fetch(url, { headers })).json()) as Record<string, string>;
}

describe("the client address Next is handed", () => {
  test("is the socket's peer; a client's own X-Forwarded-For and address header are ignored", async () => {
    const url = await start();
    const seen = await seenBy(url, { "x-forwarded-for": "1.2.3.4", [CLIENT_ADDRESS_HEADER]: "6.6.6.6" });
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
  });

  test("behind a trusted proxy, is the address the proxy appended", async () => {
    const url = await start({ trustedProxy: parseTrustedProxy("127.0.0.1") });
    const seen = await seenBy(url, { "x-forwarded-for": "6.6.6.6, 1.2.3.4" });
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("1.2.3.4");
  });
});

describe("request bodies", () => {
  test("a Content-Length over 64 KB is answered 413 in the one error shape before Next sees it", async () => {
    let handled = 0;
    const url = await start({
      handle: async (_req, res) => {
        handled += 1;
        res.end();
      },
    });
    const { port } = new URL(url);
    const { request } = await import("node:http");
    // Announce 100 MB and send only the headers: the answer must come without the body.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/auth/sign-in/email",
          headers: { "content-length": 100_000_000, "content-type": "application/json" },
        },
        (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: "payload_too_large", message: "the request body is larger than 64 KB" },
    });
    expect(handled).toBe(0);
  });
});

describe("security headers", () => {
  test("each page response carries its own nonce, and Next is handed the same policy (a client's is replaced)", async () => {
    const url = await start();
    const answers = await Promise.all(
      [1, 2].map(() => fetch(`${url}/posts/1`, { headers: { "content-security-policy": "script-src *" } })),
    );
    const policies = answers.map((a) => a.headers.get("content-security-policy") ?? "");
    for (const [i, answer] of answers.entries()) {
      const handed = ((await answer.json()) as Record<string, string>)["content-security-policy"];
      expect(handed).toBe(policies[i]);
      expect(policies[i]).toMatch(/'nonce-[A-Za-z0-9+/=]{24}'/);
    }
    expect(policies[0]).not.toBe(policies[1]);
  });

  test("API answers are no-store; HSTS when the public address is https", async () => {
    const url = await start({ publicUrl: "https://marginalia.example" });
    const answer = await fetch(`${url}/api/posts`);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(answer.headers.get("permissions-policy")).toContain("microphone=()");
  });
});
