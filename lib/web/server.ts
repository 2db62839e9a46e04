import { randomBytes } from "node:crypto";
import http from "node:http";
import type { Duplex } from "node:stream";
import { declaredTooLarge, TOO_LARGE } from "./body-limit";
import { CLIENT_ADDRESS_HEADER, clientAddress, type TrustedProxy } from "./client-address";
import { securityHeaders } from "./security-headers";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>;

export interface WebServerOptions {
  /** Next's request handler (or a stand-in in tests). */
  handle: RequestHandler;
  /** Next's upgrade handler (hot reload in development). */
  upgrade?: UpgradeHandler;
  /** TRUSTED_PROXY, parsed; null when no proxy is trusted. */
  trustedProxy: TrustedProxy | null;
  /** BETTER_AUTH_URL: https there turns on HSTS. */
  publicUrl?: string;
  /** Development server (the CSP allows eval and hot reload). */
  dev?: boolean;
}

/**
 * The HTTP server in front of Next: what must be decided per connection before Next sees a request lives
 * here, in one place.
 */
export function createWebServer(options: WebServerOptions): http.Server {
  const server = http.createServer((req, res) => {
    const nonce = randomBytes(16).toString("base64");
    const headers = securityHeaders({
      path: (req.url ?? "/").split("?")[0] ?? "/",
      nonce,
      publicUrl: options.publicUrl,
      dev: options.dev === true,
    });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // Next takes the nonce for its own scripts from the request's policy; a client's own header is replaced.
    req.headers["content-security-policy"] = headers["Content-Security-Policy"];
    delete req.headers["content-security-policy-report-only"];
    // A body announced as larger than any route takes is refused unread; the connection is closed after.
    if (declaredTooLarge(req.headers["content-length"])) {
      res.writeHead(413, { "content-type": "application/json", connection: "close" });
      res.end(JSON.stringify(TOO_LARGE));
      return;
    }
    // Overwrites whatever a client sent under this name: only this server says who the client is.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustedProxy: options.trustedProxy,
    });
    options.handle(req, res).catch((error: unknown) => {
      console.error("request failed:", error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error");
    });
  });
  const upgrade = options.upgrade;
  if (upgrade) server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  return server;
}
