import { z } from "zod";
import type { ImportsResponse } from "@/lib/schemas/imports";
import { startImportSchema } from "@/lib/schemas/imports";
import { route } from "@/lib/server/api";
import { listImports, startSubstackImport } from "@/lib/server/imports";

export const dynamic = "force-dynamic";

// GET  /api/imports: publications with their sync schedule, and the latest import runs.
// POST /api/imports: queue a Substack import { url, since?, posts?, cookieEnv? } for the background workers.
export const GET = route(
  { capability: "administer", query: z.strictObject({}) },
  async (): Promise<ImportsResponse> => listImports(),
);

export const POST = route({ capability: "administer", body: startImportSchema }, async ({ body, viewer }) =>
  startSubstackImport(body, viewer.id),
);
