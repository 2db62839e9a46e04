import { z } from "zod";
import type { Agreement } from "@/lib/schemas/overview";
import { publicationScopeQueryShape } from "@/lib/schemas/publication-scope";
import { getAgreement } from "@/lib/server/analytics/agreement";
import { route } from "@/lib/server/api";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/**
 * GET /api/posts/agreement?publicationId: how often the people who reviewed a comment's labels agreed with the
 * scorer, in the publication scope.
 */
export const GET = route(
  { capability: "read", query: z.strictObject(publicationScopeQueryShape) },
  async ({ query, request }): Promise<Agreement> => {
    return getAgreement(await requestPublicationId(request, query.publicationId));
  },
);
