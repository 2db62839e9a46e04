import { z } from "zod";
import type { Agreement } from "@/lib/schemas/overview";
import { getAgreement } from "@/lib/server/analytics/agreement";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts/agreement: how often the people who reviewed a comment's labels agreed with the scorer. */
export const GET = route({ capability: "read", query: z.strictObject({}) }, async (): Promise<Agreement> => {
  return getAgreement();
});
