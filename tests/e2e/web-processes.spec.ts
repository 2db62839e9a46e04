import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2ePostgresPort } from "../../playwright.config";
import { DEMO, demoPassword } from "./helpers";

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pids of a process's children. */
function childrenOf(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return children ? children.split(/\s+/).map(Number) : [];
}

test("MARGINALIA_WEB_PROCESSES=2: two processes answer on one port, one that dies is replaced, SIGTERM ends all", async ({
  playwright,
}) => {
  test.setTimeout(180_000);
  const data = process.env.MARGINALIA_E2E_DATA ?? "";
  const appPassword = encodeURIComponent(
    readFileSync(path.join(data, "postgres-app-password"), "utf8").trim(),
  );
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The production build the suite's own server made, on the suite's database, as the app's role.
  const supervisor = spawn(process.execPath, ["--import", "tsx", "lib/web/start.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `postgres://marginalia_app:${appPassword}@127.0.0.1:${e2ePostgresPort}/marginalia`,
      BETTER_AUTH_URL: base,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      MARGINALIA_IN_PROCESS_JOBS: "false",
      MARGINALIA_WEB_PROCESSES: "2",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  supervisor.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const listening = () => log.split("\n").filter((l) => l.startsWith("web server listening")).length;
  const exited = new Promise<number | null>((resolve) => supervisor.once("exit", (code) => resolve(code)));
  const api = await playwright.request.newContext({ baseURL: base });
  try {
    await expect.poll(listening, { timeout: 120_000 }).toBe(2);
    const workers = childrenOf(supervisor.pid!);
    expect(workers).toHaveLength(2);

    const signIn = await api.post("/api/auth/sign-in/email", {
      headers: { origin: base },
      data: { email: DEMO.moderator, password: demoPassword(DEMO.moderator) },
    });
    expect(signIn.status()).toBe(200);
    // The session lives in the database: whichever process takes a request knows it.
    for (let i = 0; i < 6; i++) expect((await api.get("/api/moderation/counts")).status()).toBe(200);

    process.kill(workers[0]!, "SIGKILL");
    await expect.poll(() => log).toContain(`web process ${workers[0]} ended (SIGKILL); starting another`);
    await expect.poll(listening, { timeout: 120_000 }).toBe(3);
    const replaced = childrenOf(supervisor.pid!);
    expect(replaced).toHaveLength(2);
    expect(replaced).toContain(workers[1]);
    for (let i = 0; i < 6; i++) expect((await api.get("/api/moderation/counts")).status()).toBe(200);

    supervisor.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of replaced) expect(alive(pid), `web process ${pid}`).toBe(false);
  } finally {
    await api.dispose();
    if (supervisor.exitCode === null) supervisor.kill("SIGKILL");
  }
});
