import type { Command } from "commander";
import { setDatabaseUrl } from "@/lib/env";
import { startWorkers } from "@/lib/server/jobs/queue";
import { note, withDatabase } from "../context";

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description(
      "run background jobs (imports, scheduled syncs, the LLM refiner when configured) from the PostgreSQL queue until stopped",
    )
    .action(async () => {
      await withDatabase(async ({ url }) => {
        setDatabaseUrl(url);
        const queue = await startWorkers((line) => note(line));
        note("worker running; Ctrl-C stops it");
        await new Promise<void>((resolve) => {
          const stop = () => void queue.stop({ graceful: true, timeout: 30_000 }).then(() => resolve());
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
      });
    });
}
