import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { installConnections, openConnections } from "@/lib/db/connections";
import { openDatabase, prepareDatabase, SAME_ROLE_WARNING } from "@/lib/db/database";
import { childEnvironment, env, setDatabaseUrl } from "@/lib/env";
import { readOrCreateSecretFile, secretsDir } from "@/lib/secret-file";
import { note } from "../context";
import { prepareDemo } from "../demo-startup";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const WEB_SERVER = path.join(ROOT, "lib/web/start.ts");

/** The secret that signs sessions: BETTER_AUTH_SECRET, else one generated once and kept beside the data. */
function authSecret(dataDir: string): string {
  return (
    env().BETTER_AUTH_SECRET ??
    readOrCreateSecretFile(path.join(secretsDir(dataDir), "auth-secret"), () =>
      randomBytes(32).toString("base64url"),
    )
  );
}

/** A production build is needed when there is none or a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "lib", "prisma/schema.prisma", "next.config.js", "package-lock.json"];
  const newest = (p: string): number => {
    const full = path.join(ROOT, p);
    if (!existsSync(full)) return 0;
    const st = statSync(full);
    if (!st.isDirectory()) return st.mtimeMs;
    let max = st.mtimeMs;
    for (const entry of readdirSync(full)) {
      if (entry === "generated") continue;
      max = Math.max(max, newest(path.join(p, entry)));
    }
    return max;
  };
  return sources.some((s) => newest(s) > built);
}

function run(cmd: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: childEnv, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "build if needed, start the database (embedded unless DATABASE_URL), migrate, load the demo (embedded only), serve on HOST:PORT",
    )
    .option("--dev", "run the Next.js development server instead of a production build")
    .action(async (opts: { dev?: boolean }) => {
      const config = env();
      const database = await openDatabase(note);
      let child: ReturnType<typeof spawn> | undefined;
      let stopping = false;
      const stop = async (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        note(`\n${signal}: stopping the web server and the database`);
        child?.kill(signal);
        await new Promise((r) => (child && child.exitCode === null ? child.once("exit", r) : r(null)));
        await database.close();
        process.exit(0);
      };
      process.on("SIGINT", () => void stop("SIGINT"));
      process.on("SIGTERM", () => void stop("SIGTERM"));

      const prepared = await prepareDatabase(database);
      if (prepared.appliedMigrations.length > 0)
        note(`applied migrations: ${prepared.appliedMigrations.join(", ")}`);
      if (!prepared.separateAppRole) note(SAME_ROLE_WARNING);
      // The web process gets the app's connection only: the owner's stays with this process.
      const childEnv: NodeJS.ProcessEnv = childEnvironment(["DATABASE_OWNER_URL"], {
        DATABASE_URL: database.url,
        BETTER_AUTH_SECRET: authSecret(config.MARGINALIA_DATA_DIR),
        BETTER_AUTH_TELEMETRY: "0",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(config.PORT),
      });
      setDatabaseUrl(database.url);
      // This process's, for the demo only: the web server it starts opens its own.
      const connections = installConnections(openConnections({ url: database.url }));
      let demoLines: string[];
      try {
        demoLines = await prepareDemo({
          requested: config.MARGINALIA_SEED_DEMO,
          embedded: database.embedded !== null,
          nodeEnv: config.NODE_ENV,
          dataDir: config.MARGINALIA_DATA_DIR,
        });
      } finally {
        await connections.close();
      }
      if (!opts.dev && needsBuild()) {
        note("building the app (first start, or sources changed)…");
        const code = await run(process.execPath, [NEXT_BIN, "build"], {
          ...childEnv,
          NODE_ENV: "production",
        });
        if (code !== 0) {
          await database.close();
          throw new Error(`next build failed with exit code ${code}`);
        }
      }
      const loopback = /^(127\.|::1$|localhost$)/.test(config.HOST);
      const address = config.BETTER_AUTH_URL ?? `http://localhost:${config.PORT}`;
      note(
        `\nMarginalia: ${address}${database.embedded ? ` (embedded PostgreSQL on port ${database.embedded.port})` : ""}`,
      );
      note(
        loopback
          ? `Listening on ${config.HOST} only; set HOST to open it to the network (behind https: SECURITY.md).`
          : `Listening on ${config.HOST}: put it behind https and read SECURITY.md's checklist.`,
      );
      for (const line of demoLines) note(line);
      note("Accounts: `npm run marginalia -- user add --email … --role AUTHOR` (see `user --help`).");
      // Node itself with tsx's loader, not tsx's command-line wrapper: the child is then the web process (or the
      // supervisor of several), so the database is stopped only after it has ended, connections closed.
      child = spawn(process.execPath, ["--import", "tsx", WEB_SERVER, ...(opts.dev ? ["--dev"] : [])], {
        cwd: ROOT,
        env: { ...childEnv, NODE_ENV: opts.dev ? "development" : "production" },
        stdio: "inherit",
      });
      const code: number = await new Promise((r) => child?.on("exit", (c) => r(c ?? 0)));
      if (!stopping) {
        await database.close();
        process.exitCode = code;
      }
    });
}
