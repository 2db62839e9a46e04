import { once } from "node:events";
import type { Command } from "commander";
import { EXPORT_COLUMNS, encodeCsv, exportCommentRecords } from "@/lib/server/export";
import { ExportScopeError, resolveExportScope } from "@/lib/server/export-scope";
import { withDatabase } from "../context";
import { UsageError } from "../usage-error";

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description(
      `write one record per comment (${EXPORT_COLUMNS.length} fields: publication … status) to stdout`,
    )
    .option("--publication <P>", "publication id, name or address")
    .option("--post <SLUG-OR-ID>", "one post: its id, slug or upstream id")
    .requiredOption("--format <jsonl|csv>", "jsonl (one JSON object a line) or csv (with a header row)")
    .action(async (opts: { publication?: string; post?: string; format: string }) => {
      if (opts.format !== "jsonl" && opts.format !== "csv")
        throw new UsageError("--format must be jsonl or csv");
      await withDatabase(async () => {
        let scope: Awaited<ReturnType<typeof resolveExportScope>>;
        try {
          scope = await resolveExportScope(opts);
        } catch (err) {
          if (err instanceof ExportScopeError) throw new UsageError(err.message);
          throw err;
        }
        const records = exportCommentRecords(scope);
        if (opts.format === "csv") {
          for await (const chunk of encodeCsv(records)) await write(chunk);
        } else {
          for await (const record of records) await write(`${JSON.stringify(record)}\n`);
        }
      });
    });
}
