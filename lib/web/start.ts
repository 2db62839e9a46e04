/**
 * The web process `npm start` runs (`marginalia serve` spawns it without the react-server condition, which
 * Next's own server must not have): Next behind lib/web/server.ts, listening on HOST:PORT.
 */
import path from "node:path";
import next from "next";
import { env } from "@/lib/env";
import { parseTrustedProxy } from "./client-address";
import { createWebServer } from "./server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const config = env();
const dev = process.argv.includes("--dev");
const app = next({ dev, dir: ROOT, hostname: config.HOST, port: config.PORT });
await app.prepare();
const server = createWebServer({
  handle: app.getRequestHandler(),
  upgrade: dev ? app.getUpgradeHandler() : undefined,
  trustedProxy: parseTrustedProxy(config.TRUSTED_PROXY),
  publicUrl: config.BETTER_AUTH_URL ?? `http://localhost:${config.PORT}`,
  dev,
});
server.listen(config.PORT, config.HOST, () => {
  process.stderr.write(`web server listening on ${config.HOST}:${config.PORT}\n`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void app.close().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
