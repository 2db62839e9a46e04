import type { Command } from "commander";
import { createMigration, diffMigrationsToSchema } from "@/lib/db/migrate";
import { createSql } from "@/lib/db/sql";
import { env } from "@/lib/env";
import { removeSecretFile } from "@/lib/secret-file";
import { demoSignInHelp, seedDemo } from "@/lib/server/demo/seed";
import { unseedDemo } from "@/lib/server/demo/unseed";
import { note, withDatabase } from "../context";
import { demoAccountsFile } from "../demo-startup";
import { UsageError } from "../usage-error";

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
      await withDatabase(async ({ ownerUrl }) => {
        const script = await diffMigrationsToSchema(ownerUrl);
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
      await withDatabase(async ({ ownerUrl }) => {
        const dir = await createMigration(ownerUrl, name);
        process.stdout.write(dir ? `${dir}\n` : "");
        if (!dir) note("the migrations already produce the schema: nothing to write");
      });
    });

  dbCommand
    .command("seed")
    .description(
      "load the demo publication and demo accounts with random passwords, printed once (skipped when the demo is already there)",
    )
    .option("--force", "load it even when the database already has other publications")
    .action(async (opts: { force?: boolean }) => {
      await withDatabase(async () => {
        const result = await seedDemo({ force: opts.force === true });
        process.stdout.write(`${result.message}\n`);
        if (result.accounts.length > 0)
          process.stdout.write(`${demoSignInHelp(result.accounts)}\n(shown once: keep them now)\n`);
      });
    });

  dbCommand
    .command("unseed-demo")
    .description(
      "remove the demo publication, its log rows and the demo accounts (needs the database owner's connection)",
    )
    .action(async () => {
      await withDatabase(async ({ ownerUrl }) => {
        const owner = createSql(ownerUrl);
        const result = await unseedDemo(owner).finally(() => owner.end({ timeout: 5 }));
        if (!env().DATABASE_URL) removeSecretFile(demoAccountsFile(env().MARGINALIA_DATA_DIR));
        process.stdout.write(
          `${
            result.publicationRemoved
              ? `removed the demo publication (${result.posts} posts, ${result.comments} comments)`
              : "no demo publication found"
          }; ${result.logRows} log rows about the demo; ${result.accountsRemoved.length} demo accounts removed\n`,
        );
        if (result.accountsLocked.length > 0)
          process.stdout.write(
            `kept but locked (they acted on real data, which the log keeps): ${result.accountsLocked.join(", ")}\n`,
          );
      });
    });
}
