import { listModelsQuerySchema } from "@/lib/schemas/publication-models";
import { publicationIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";
import { publicationLearning } from "@/lib/server/scoring/publication-model";

export const dynamic = "force-dynamic";

// GET /api/publications/[publicationId]/models?limit=: corrections, refitted models (held-out agreement
// before and after) and which one labels the publication's comments.
export const GET = route(
  { capability: "moderate", params: publicationIdParamsSchema, query: listModelsQuerySchema },
  async ({ params, query }) => {
    const learning = await publicationLearning(params.publicationId, query.limit);
    if (!learning) throw notFound("publication");
    return learning;
  },
);
