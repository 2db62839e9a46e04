import { emptyBodySchema } from "@/lib/schemas/publication-models";
import { publicationIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { refitPublicationModel } from "@/lib/server/scoring/publication-model";

export const dynamic = "force-dynamic";

// POST /api/publications/[publicationId]/models/refit: refit now on every correction (switched to when
// held-out agreement did not drop), or { status: "too_few" }.
export const POST = route(
  { capability: "administer", params: publicationIdParamsSchema, body: emptyBodySchema },
  async ({ params, viewer }) => await refitPublicationModel(params.publicationId, viewer.id),
);
