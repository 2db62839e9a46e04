import { emptyBodySchema } from "@/lib/schemas/publication-models";
import { publicationModelParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { activatePublicationModel } from "@/lib/server/scoring/publication-model";

export const dynamic = "force-dynamic";

// POST /api/publications/[publicationId]/models/[modelId]/activate: this model labels the comments now
// (409 for a stale one).
export const POST = route(
  { capability: "administer", params: publicationModelParamsSchema, body: emptyBodySchema },
  async ({ params, viewer }) =>
    await activatePublicationModel(params.publicationId, params.modelId, viewer.id),
);
