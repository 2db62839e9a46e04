import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getImportRun } from "@/lib/server/imports";
import { requirePageViewer } from "@/lib/server/session";
import { ImportRunView } from "../../../_components/import-run-view";

export const metadata: Metadata = { title: "Import run" };
export const dynamic = "force-dynamic";

export default async function ImportRunPage({ params }: { params: Promise<{ runId: string }> }) {
  await requirePageViewer("administer");
  const { runId } = await params;
  const id = Number(runId);
  const run = Number.isInteger(id) && id > 0 ? await getImportRun(id) : null;
  if (!run) notFound();
  return <ImportRunView initialData={run} />;
}
