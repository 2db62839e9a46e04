import type { Command } from "commander";
import { seedDemo } from "@/lib/server/demo/seed";
import { note, withDatabase } from "../context";

export function registerDbCommands(program: Command): void {
  const dbCommand = program.command("db").description("database schema and demo data");

  dbCommand
    .command("migrate")
    .description("apply every pending migration of prisma/migrations")
    .action(async () => {
      await withDatabase(async () => {
        note("database schema is up to date");
      });
    });

  dbCommand
    .command("seed")
    .description("load the demo publication and demo accounts (skipped when the demo is already there)")
    .option("--force", "load it even when the database already has other publications")
    .action(async (opts: { force?: boolean }) => {
      await withDatabase(async (ctx) => {
        const result = await seedDemo(ctx, { force: opts.force === true });
        process.stdout.write(`${result.message}\n`);
      });
    });
}
