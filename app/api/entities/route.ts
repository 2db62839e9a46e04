import { entityListParamsSchema } from "@/lib/schemas/entities";
import { route } from "@/lib/server/api";
import { listEntities } from "@/lib/server/insights/entities";

export const dynamic = "force-dynamic";

/** GET /api/entities?publication&kind&from&to&limit: the most mentioned people, places and organisations. */
export const GET = route({ capability: "read", query: entityListParamsSchema }, async ({ query }) =>
  listEntities(query),
);
