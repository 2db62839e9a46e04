import http from "node:http";
import type { Duplex } from "node:stream";

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>;

export interface WebServerOptions {
  /** Next's request handler (or a stand-in in tests). */
  handle: RequestHandler;
  /** Next's upgrade handler (hot reload in development). */
  upgrade?: UpgradeHandler;
}

/**
 * The HTTP server in front of Next: what must be decided per connection before Next sees a request lives
 * here, in one place.
 */
export function createWebServer(options: WebServerOptions): http.Server {
  const server = http.createServer((req, res) => {
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
