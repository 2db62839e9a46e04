import type { ImportRunView } from "@/lib/schemas/imports";

const LABELS: Record<ImportRunView["status"], string> = {
  QUEUED: "queued",
  RUNNING: "running",
  SUCCEEDED: "done",
  PARTIAL: "done with errors",
  FAILED: "failed",
};

export function ImportStatus({ run }: { run: Pick<ImportRunView, "status" | "stalled"> }) {
  const label = run.stalled ? "interrupted (the next run resumes it)" : LABELS[run.status];
  return <span className="badge">{label}</span>;
}

export function importProgressText(run: ImportRunView): string {
  return `${run.postsDone}/${run.postsTotal ?? "?"} posts`;
}
