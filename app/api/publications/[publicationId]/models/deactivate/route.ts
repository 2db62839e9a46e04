import { emptyBodySchema } from "@/lib/schemas/publication-models";
import { publicationIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { deactivatePublicationModels } from "@/lib/server/scoring/publication-model";

export const dynamic = "force-dynamic";

// POST /api/publications/[publicationId]/models/deactivate: back to the shipped scorer's labels.
export const POST = route(
  { capability: "administer", params: publicationIdParamsSchema, body: emptyBodySchema },
  async ({ params, viewer }) => await deactivatePublicationModels(params.publicationId, viewer.id),
);
