/**
 * Next.js calls register() once when the server starts: in the embedded default the web process also runs
 * the background workers (imports, scheduled syncs). Set MARGINALIA_IN_PROCESS_JOBS=false when dedicated
 * `marginalia worker` processes run them.
 */
export async function register(): Promise<void> {
  // biome-ignore lint/style/noProcessEnv: Next inlines NEXT_RUNTIME at build time, so the edge bundle drops what follows.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { databaseUrl, env } = await import("@/lib/env");
  if (!env().MARGINALIA_IN_PROCESS_JOBS || !databaseUrl()) return;
  const { startWorkers } = await import("@/lib/server/jobs/queue");
  await startWorkers().catch((err: unknown) => {
    console.error("background workers did not start:", err instanceof Error ? err.message : err);
  });
}
