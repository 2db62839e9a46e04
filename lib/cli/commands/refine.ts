/**
 * `marginalia refine --llm|--encoder [--limit N]`: runs a background refiner by hand over the comments it
 * has not labelled at its current version, the same work its queued job does.
 */
import type { Command } from "commander";
import { z } from "zod";
import { moderateRefinedFlags } from "@/lib/server/moderation/auto-moderate";
import { llmConfig } from "@/lib/server/scoring/llm-client";
import { type LlmRunResult, refineWithLlm, usageToday } from "@/lib/server/scoring/llm-refiner";
import { refineWithEncoder } from "@/lib/server/scoring/refine-encoder";
import { note, withDatabase } from "../context";
import { UsageError } from "../usage-error";

const refineArgs = z
  .object({
    llm: z.boolean().default(false),
    encoder: z.boolean().default(false),
    limit: z.coerce.number().int().min(1, "--limit must be a positive whole number").optional(),
  })
  .refine((a) => a.llm !== a.encoder, "name one refiner: --llm or --encoder");

const STOPPED: Record<LlmRunResult["stoppedBy"], string> = {
  done: "no comment left to refine",
  limit: "--limit reached",
  budget: "today's budget is spent (MARGINALIA_LLM_DAILY_BUDGET)",
  busy: "another LLM refinement is running (a worker or another command); nothing done",
  error: "a request failed for good",
};

export function registerRefineCommand(program: Command): void {
  program
    .command("refine")
    .description("refine scored comments with a background refiner now (what its queued job does)")
    .option("--llm", "with the language model of MARGINALIA_LLM_URL and MARGINALIA_LLM_MODEL")
    .option("--encoder", "with the sentence encoder")
    .option("--limit <N>", "at most N comments")
    .action(async (raw: Record<string, unknown>) => {
      const parsed = refineArgs.safeParse(raw);
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad arguments");
      const args = parsed.data;
      const config = args.llm ? llmConfig() : null;
      if (args.llm && !config)
        throw new UsageError("--llm needs MARGINALIA_LLM_URL and MARGINALIA_LLM_MODEL (see the README)");
      const progress = (done: number) => process.stderr.isTTY && process.stderr.write(`\rrefined ${done}`);
      await withDatabase(async ({ sql }) => {
        const started = Date.now();
        const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
        if (args.encoder) {
          const result = await refineWithEncoder(sql, { limit: args.limit, onProgress: progress });
          if (process.stderr.isTTY) note("");
          await moderateRefinedFlags(sql, result.newlyFlagged);
          process.stdout.write(
            `refined ${result.refined} comments with ${result.version} in ${seconds()} s\n`,
          );
          return;
        }
        const result = await refineWithLlm(sql, { limit: args.limit, log: note, onProgress: progress });
        if (process.stderr.isTTY) note("");
        await moderateRefinedFlags(sql, result.newlyFlagged);
        const { cached, sent, requests, failed } = result.stats;
        const usage = await usageToday(sql);
        process.stdout.write(
          `refined ${result.refined} comments with ${result.version} in ${seconds()} s: ${cached} from the cache, ${sent} sent in ${requests} requests, ${failed} left to the fast labels; ${STOPPED[result.stoppedBy]}; today ${usage.comments} of ${config?.dailyBudget} comments sent\n`,
        );
        if (result.error) throw result.error;
      });
    });
}
