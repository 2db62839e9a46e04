import { entityDetailParamsSchema, entityIdParamsSchema } from "@/lib/schemas/entities";
import { notFound, route } from "@/lib/server/api";
import { getEntity } from "@/lib/server/insights/entities";

export const dynamic = "force-dynamic";

/** GET /api/entities/[entityId]?tone&stance&sentiment&status&q&aspect&post&cursor&limit: one entity and its mentions. */
export const GET = route(
  { capability: "read", params: entityIdParamsSchema, query: entityDetailParamsSchema },
  async ({ params, query }) => {
    const entity = await getEntity(params.entityId, query);
    if (!entity) throw notFound("entity");
    return entity;
  },
);
