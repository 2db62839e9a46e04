import path from "node:path";
import { db } from "@/lib/db/client";
import { readSecretFile, secretsDir, writeSecretFile } from "@/lib/secret-file";
import {
  countDemoAccounts,
  type DemoCredential,
  demoSignInHelp,
  resetDemoPasswords,
  seedDemo,
  shouldLoadDemo,
} from "@/lib/server/demo/seed";

/** Where `npm start` keeps the demo accounts' passwords: beside the data folder, mode 0600. */
export function demoAccountsFile(dataDir: string): string {
  return path.join(secretsDir(dataDir), "demo-accounts.json");
}

export function readDemoAccounts(file: string): DemoCredential[] | null {
  const text = readSecretFile(file);
  if (text === null) return null;
  try {
    return (JSON.parse(text) as { accounts: DemoCredential[] }).accounts;
  } catch {
    return null;
  }
}

function keep(file: string, accounts: DemoCredential[]): void {
  const note = "Demo accounts of this Marginalia data folder; remove them with `marginalia db unseed-demo`.";
  writeSecretFile(file, `${JSON.stringify({ note, accounts }, null, 2)}\n`);
}

/**
 * The demo part of `npm start`: loads the demo where it belongs (shouldLoadDemo), makes random passwords for
 * its accounts, prints them once and keeps them in `.data/demo-accounts.json` (0600). A database whose demo
 * accounts predate random passwords (or whose file was lost) gets new ones. A database that should not hold
 * the demo but does is reported. Returns the lines to print.
 */
export async function prepareDemo(options: {
  requested: boolean | undefined;
  embedded: boolean;
  nodeEnv: string;
  dataDir: string;
}): Promise<string[]> {
  const file = demoAccountsFile(options.dataDir);
  const present = await countDemoAccounts(db());
  if (!shouldLoadDemo(options)) {
    if (present === 0) return [];
    return [
      `warning: this database holds ${present} demo account(s) (…@demo.marginalia.local). ` +
        "Remove them and the demo publication with `npm run marginalia -- db unseed-demo`.",
    ];
  }
  const seeded = await seedDemo();
  const lines = seeded.seeded ? [seeded.message] : [];
  let fresh = seeded.accounts;
  if (fresh.length === 0 && present > 0 && readDemoAccounts(file) === null) {
    fresh = await resetDemoPasswords(db());
    if (fresh.length > 0) lines.push("gave the demo accounts new random passwords");
  }
  if (fresh.length > 0) {
    keep(file, fresh);
    lines.push(`Demo accounts (passwords shown once here, and kept in ${file}, readable by you only):`);
    lines.push(demoSignInHelp(fresh));
  } else if (present > 0) {
    lines.push(`Demo accounts: their passwords are in ${file}`);
  }
  return lines;
}
