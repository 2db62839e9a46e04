/**
 * The web process `npm start` runs (`marginalia serve` spawns it without the react-server condition, which
 * Next's own server must not have): Next behind lib/web/server.ts, listening on HOST:PORT. With
 * MARGINALIA_WEB_PROCESSES above one, this process only supervises that many copies of itself (Node's cluster:
 * they share the listening socket), restarting one that dies and stopping them all on SIGINT or SIGTERM.
 */
import cluster from "node:cluster";
import path from "node:path";
import next from "next";
import { env } from "@/lib/env";
import { parseTrustedProxy } from "./client-address";
import { createWebServer } from "./server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const config = env();
const dev = process.argv.includes("--dev");
const processes = dev ? 1 : config.MARGINALIA_WEB_PROCESSES;

if (processes > 1 && cluster.isPrimary) superviseWebProcesses(processes);
else await serve();

function superviseWebProcesses(count: number): void {
  let stopping = false;
  const listened = new Set<number>();
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit();
    for (const worker of running) worker?.process.kill(signal);
  };
  cluster.on("listening", (worker) => listened.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const how = signal ?? `exit code ${code}`;
    if (!listened.has(worker.id)) {
      // It never served: a configuration or build problem that another copy would only repeat.
      process.stderr.write(`web process ${worker.process.pid} ended before it listened (${how}); stopping\n`);
      process.exitCode = 1;
      stop("SIGTERM");
      return;
    }
    process.stderr.write(`web process ${worker.process.pid} ended (${how}); starting another\n`);
    cluster.fork();
  });
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  for (let i = 0; i < count; i++) cluster.fork();
  process.stderr.write(`${count} web processes on ${config.HOST}:${config.PORT}\n`);
}

async function serve(): Promise<void> {
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

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
