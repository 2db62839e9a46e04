import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Secrets Marginalia generates for itself (session secret, database passwords, demo passwords) live in the
 * folder that holds the embedded database's data folder (`.data/` by default), readable by their owner only.
 */
export function secretsDir(dataDir: string): string {
  return path.dirname(path.resolve(dataDir));
}

export function readSecretFile(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/** Writes the file with mode 0600, also when it existed with wider permissions. */
export function writeSecretFile(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The secret kept in `file`, generated and written (0600) on first use. */
export function readOrCreateSecretFile(file: string, generate: () => string): string {
  const existing = readSecretFile(file);
  if (existing) return existing;
  const secret = generate();
  writeSecretFile(file, secret);
  return secret;
}

export function removeSecretFile(file: string): void {
  rmSync(file, { force: true });
}
