import type { Command } from "commander";
import { createMigration, diffMigrationsToSchema } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/server/demo/seed";
import { note, withDatabase } from "../context";
import { UsageError } from "../main";

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
    .command("diff")
    .description(
      "print the SQL that would take the migrations to prisma/schema.prisma (empty when they agree)",
    )
    .action(async () => {
      await withDatabase(async ({ url }) => {
        const script = await diffMigrationsToSchema(url);
        process.stdout.write(script === "" ? "" : `${script.trimEnd()}\n`);
        if (script !== "") process.exitCode = 1;
      });
    });

  dbCommand
    .command("new-migration")
    .description("write prisma/migrations/<timestamp>_<name>/migration.sql from the schema's difference")
    .argument("<name>", "what the change does, e.g. add_post_flags_index")
    .action(async (name: string) => {
      if (!/^[a-z0-9_]{3,60}$/.test(name))
        throw new UsageError("the name must be 3-60 characters of a-z, 0-9 and _");
      await withDatabase(async ({ url }) => {
        const dir = await createMigration(url, name);
        process.stdout.write(dir ? `${dir}\n` : "");
        if (!dir) note("the migrations already produce the schema: nothing to write");
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
