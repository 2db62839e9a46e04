import { entityListParamsSchema } from "@/lib/schemas/entities";
import { route } from "@/lib/server/api";
import { listEntities } from "@/lib/server/insights/entities";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/**
 * GET /api/entities?publication&kind&from&to&limit: the most mentioned people, places and organisations of the
 * publication in scope (the parameter, else the switcher's choice).
 */
export const GET = route({ capability: "read", query: entityListParamsSchema }, async ({ query, request }) =>
  listEntities({ ...query, publication: await requestPublicationId(request, query.publication) }),
);
