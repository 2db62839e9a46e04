import { chmodSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { ensureChromium } from "./tests/support/ensure-chromium";

/** A Chromium found or installed on the spot (tests/support/ensure-chromium.ts), so `npm test` needs no set-up. */
const chromium = ensureChromium();

// One throw-away data folder per run, made once: Playwright's workers re-read this file and inherit the env.
if (!process.env.MARGINALIA_E2E_DATA) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "marginalia-e2e-"));
  chmodSync(dir, 0o755);
  process.env.MARGINALIA_E2E_DATA = dir;
}
const port = Number(process.env.MARGINALIA_E2E_PORT ?? 3107);
export const baseURL = `http://localhost:${port}`;
/** The run's embedded PostgreSQL. */
export const e2ePostgresPort = port + 50000 > 65535 ? 54400 : port + 50000;

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npm start",
    url: `${baseURL}/sign-in`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      MARGINALIA_DATA_DIR: path.join(process.env.MARGINALIA_E2E_DATA, "postgres"),
      MARGINALIA_PG_PORT: String(e2ePostgresPort),
      BETTER_AUTH_URL: baseURL,
      DATABASE_URL: "",
      // The imports spec's stand-in for Substack listens on 127.0.0.1 over http: exempt it, as only tests may.
      MARGINALIA_IMPORT_ALLOW_HOSTS: "127.0.0.1",
    },
  },
});
