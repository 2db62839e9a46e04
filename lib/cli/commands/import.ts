import cliProgress from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import { namedSecret } from "@/lib/env";
import { importFile } from "@/lib/server/ingest/file-import";
import type { ImportProgress } from "@/lib/server/ingest/import-runs";
import type { ImportSummary } from "@/lib/server/ingest/pipeline";
import { importSubstack } from "@/lib/server/ingest/substack-import";
import { note, withDatabase } from "../context";
import { UsageError } from "../usage-error";

const substackArgs = z.object({
  url: z.string().refine((u) => {
    try {
      new URL(/^https?:\/\//i.test(u) ? u : `https://${u}`);
      return true;
    } catch {
      return false;
    }
  }, "the publication must be a web address such as https://example.substack.com"),
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "--since must be a date as YYYY-MM-DD")
    .transform((d) => new Date(`${d}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "--since is not a real date")
    .optional(),
  posts: z.coerce.number().int().min(1, "--posts must be a positive whole number").optional(),
  delayMs: z.coerce.number().int().min(0).max(60_000, "--delay-ms must be between 0 and 60000").default(2000),
  cookieEnv: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "--cookie-env must name an environment variable")
    .optional(),
});

/** A progress bar on a terminal; one line per post otherwise (so logs of scheduled runs stay readable). */
function progressReporter(label: string) {
  if (!process.stderr.isTTY) {
    let lastDone = -1;
    return {
      update(p: ImportProgress) {
        if (p.postsDone !== lastDone) {
          lastDone = p.postsDone;
          note(
            `${label}: posts ${p.postsDone}/${p.postsTotal ?? "?"}, comments new ${p.commentsNew}, updated ${p.commentsUpdated}`,
          );
        }
      },
      stop() {},
    };
  }
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} posts | {comments} comments stored | {rate} comments/s | ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { comments: 0, rate: 0 });
  return {
    update(p: ImportProgress) {
      const stored = p.commentsNew + p.commentsUpdated;
      bar.setTotal(Math.max(p.postsTotal ?? 1, 1));
      bar.update(p.postsDone, {
        comments: stored,
        rate: Math.round(stored / Math.max((Date.now() - started) / 1000, 0.001)),
      });
    },
    stop() {
      bar.stop();
    },
  };
}

function printSummary(result: {
  runId: number;
  status: string;
  progress: ImportProgress;
  issueCount: number;
}) {
  const p = result.progress;
  process.stdout.write(
    `import run ${result.runId}: ${result.status}; posts ${p.postsDone}/${p.postsTotal ?? p.postsSeen}; comments new ${p.commentsNew}, updated ${p.commentsUpdated}, unchanged ${p.commentsUnchanged}, vanished ${p.commentsVanished}; ${result.issueCount} issue(s)\n`,
  );
  if (result.status === "FAILED") process.exitCode = 1;
}

/** Store and scoring times apart: the store never waits on the scorer. */
function printTimings(result: ImportSummary) {
  const stored = result.progress.commentsNew + result.progress.commentsUpdated;
  const { storeSeconds, scoreSeconds } = result.timings;
  process.stdout.write(
    `stored ${stored} comments in ${storeSeconds.toFixed(1)} s` +
      (result.scoring
        ? `; scored and moderated ${result.scoring.scored} in ${scoreSeconds.toFixed(1)} s\n`
        : "; scoring left to `marginalia score` or the workers\n"),
  );
}

export function registerImportCommands(program: Command): void {
  const command = program.command("import").description("pull posts and comments into the database");

  command
    .command("substack")
    .description("import every post and comment of a Substack publication (idempotent; resumes a killed run)")
    .argument("<publication-url>", "e.g. https://example.substack.com")
    .option("--since <YYYY-MM-DD>", "only posts published on or after this day")
    .option("--posts <N>", "at most N posts, newest first")
    .option("--delay-ms <MS>", "pause between requests (default 2000)")
    .option("--cookie-env <VAR>", "name of an environment variable holding the author's substack.sid cookie")
    .action(async (url: string, raw: Record<string, unknown>) => {
      const parsed = substackArgs.safeParse({ ...raw, url });
      if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad arguments");
      const args = parsed.data;
      let cookie: string | undefined;
      if (args.cookieEnv) {
        cookie = namedSecret(args.cookieEnv);
        if (!cookie) throw new UsageError(`the environment variable ${args.cookieEnv} is empty or unset`);
      }
      await withDatabase(async (ctx) => {
        const reporter = progressReporter("substack");
        try {
          const result = await importSubstack(ctx.sql, {
            url: args.url,
            since: args.since,
            maxPosts: args.posts,
            delayMs: args.delayMs,
            cookie,
            cookieEnv: args.cookieEnv,
            onProgress: (p) => reporter.update(p),
          });
          reporter.stop();
          if (result.resumed) note(`resumed run ${result.runId}, which an earlier process did not finish`);
          printSummary(result);
          printTimings(result);
        } finally {
          reporter.stop();
        }
      });
    });

  command
    .command("file")
    .description("import an export file or folder; the format is recognised from the content")
    .argument("<path>", "Disqus XML, WordPress WXR, saved Substack JSON (file or folder), CSV or JSON Lines")
    .option("--publication <name-or-url>", "the publication the comments belong to")
    .option(
      "--no-score",
      "store only: leave scoring and the automatic rules to `marginalia score` or the workers",
    )
    .action(async (filePath: string, raw: { publication?: string; score: boolean }) => {
      if (raw.publication !== undefined && raw.publication.trim() === "")
        throw new UsageError("--publication is empty");
      await withDatabase(async (ctx) => {
        const reporter = progressReporter("file");
        try {
          const result = await importFile(ctx.sql, {
            path: filePath,
            publication: raw.publication,
            scoring: raw.score ? "now" : "none",
            onProgress: (p) => reporter.update(p),
          });
          reporter.stop();
          note(`format: ${result.format}`);
          printSummary(result);
          printTimings(result);
        } finally {
          reporter.stop();
        }
      });
    });
}
