import type { Command } from "commander";
import { scoreComments } from "@/lib/server/scoring/score-comments";
import { note, withDatabase } from "../context";

export function registerScoreCommand(program: Command): void {
  program
    .command("score")
    .description("score every unscored comment; with --rescore, also those scored by another scorer version")
    .option("--rescore", "rescore comments whose stored scorer version differs from the current one")
    .action(async (opts: { rescore?: boolean }) => {
      await withDatabase(async ({ sql }) => {
        const started = Date.now();
        // New and edited comments (no score yet) also go through the automatic rules, as an import's would.
        const result = await scoreComments(sql, {
          rescore: opts.rescore === true,
          moderate: true,
          onProgress: (done) => process.stderr.isTTY && process.stderr.write(`\rscored ${done}`),
        });
        if (process.stderr.isTTY) note("");
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `scored ${result.scored} comments with scorer ${result.scorerVersion} in ${seconds.toFixed(1)} s\n`,
        );
      });
    });
}
