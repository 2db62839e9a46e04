import { runIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";
import { getImportRun } from "@/lib/server/imports";

export const dynamic = "force-dynamic";

// GET /api/imports/[runId]: one run's progress figures and per-item errors (the page polls it while running).
export const GET = route({ capability: "administer", params: runIdParamsSchema }, async ({ params }) => {
  const run = await getImportRun(params.runId);
  if (!run) throw notFound("import run");
  return run;
});
