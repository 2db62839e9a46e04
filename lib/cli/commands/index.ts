import type { Command } from "commander";

type Register = (program: Command) => void;

/**
 * Every `marginalia` sub-command, one line each, in the order help lists them. Each is loaded only when it
 * runs: the scorer's tables, Prisma and the importers are large, and a process that imports a file should not
 * carry the modules of every other command (`import --help`: 257 MB resident with every command loaded, 192 MB
 * with its own).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  classify: async () => (await import("./classify")).registerClassifyCommand,
  eval: async () => (await import("./eval")).registerEvalCommand,
  serve: async () => (await import("./serve")).registerServeCommand,
  db: async () => (await import("./db")).registerDbCommands,
  user: async () => (await import("./user")).registerUserCommands,
  score: async () => (await import("./score")).registerScoreCommand,
  refine: async () => (await import("./refine")).registerRefineCommand,
  import: async () => (await import("./import")).registerImportCommands,
  worker: async () => (await import("./worker")).registerWorkerCommand,
  export: async () => (await import("./export")).registerExportCommand,
};

/**
 * Registers the command `argv` names, or every command when it names none of them (no command, `--help`,
 * `help`, a typo), so commander's help and its "unknown command" answer list them all.
 */
export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const name = argv.find((a) => !a.startsWith("-"));
  const load = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  for (const register of load ? [load] : Object.values(COMMANDS)) (await register())(program);
}
