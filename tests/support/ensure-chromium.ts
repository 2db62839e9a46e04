import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "@playwright/test";

/**
 * The Chromium the end-to-end tests drive, found or installed so `npm test` needs no set-up step:
 * CHROMIUM_PATH or Debian's /usr/bin/chromium when present; else Playwright's own browser download; else,
 * where that cannot reach its download host (as on machines whose only network is a package registry),
 * Debian's `chromium` through apt-get when running as root or with password-less sudo. Only when every
 * way fails does it stop, naming the one command to run.
 */
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], timeout: 10 * 60_000 });
  return result.status === 0;
}

function playwrightBrowser(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function canSudo(): boolean {
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
}

function aptInstall(): boolean {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const prefix = isRoot ? [] : canSudo() ? ["sudo", "-n"] : null;
  if (prefix === null) return false;
  const apt = (...args: string[]) => {
    const [command, ...rest] = [...prefix, "apt-get", ...args];
    return run(command as string, rest);
  };
  process.stderr.write("e2e: installing Debian's chromium with apt-get (about 30 s)\n");
  process.env.DEBIAN_FRONTEND = "noninteractive";
  return apt("update", "-qq") && apt("install", "-y", "-qq", "chromium") && existsSync(DEBIAN_CHROMIUM);
}

export function ensureChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured))
      throw new Error(`CHROMIUM_PATH points at ${configured}, which does not exist`);
    return configured;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const downloaded = playwrightBrowser();
  if (downloaded) return downloaded;
  process.stderr.write("e2e: no Chromium found; trying Playwright's browser download\n");
  const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  if (run(process.execPath, [cli, "install", "chromium"])) {
    const path = playwrightBrowser();
    if (path) return path;
  }
  if (process.platform === "linux" && existsApt() && aptInstall()) return DEBIAN_CHROMIUM;
  throw new Error(
    "End-to-end tests need Chromium and none could be installed automatically. Run one of:\n" +
      "  sudo apt-get install -y chromium        (Debian/Ubuntu)\n" +
      "  npx playwright install chromium\n" +
      "or point CHROMIUM_PATH at a Chromium binary.",
  );
}

function existsApt(): boolean {
  try {
    execFileSync("apt-get", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
