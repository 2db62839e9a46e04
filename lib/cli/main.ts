import { Command, CommanderError } from "commander";
import { registerCommands } from "./commands";
import { UsageError } from "./usage-error";

/**
 * Entry point of `npm run marginalia -- <command>`.
 * Contract: stdout carries only a command's own output; diagnostics go to stderr.
 * Bad arguments exit 2 with a one-line message; runtime failures exit 1.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command("marginalia")
    .description("Marginalia: reader-comment moderation and sentiment for a newsletter")
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`${s.split("\n")[0]}\n`),
    });
  await registerCommands(program, argv);
  try {
    await program.parseAsync(argv, { from: "user" });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === "commander.helpDisplayed" ||
        err.code === "commander.version" ||
        err.code === "commander.help"
      )
        return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
