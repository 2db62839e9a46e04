import { entityDetailParamsSchema, entityIdParamsSchema } from "@/lib/schemas/entities";
import { ApiError, notFound, route } from "@/lib/server/api";
import { getEntity } from "@/lib/server/insights/entities";
import { BadCursorError } from "@/lib/server/keyset-cursor";

export const dynamic = "force-dynamic";

/** GET /api/entities/[entityId]?tone&stance&sentiment&status&q&aspect&post&cursor&limit: one entity and its mentions. */
export const GET = route(
  { capability: "read", params: entityIdParamsSchema, query: entityDetailParamsSchema },
  async ({ params, query }) => {
    let entity: Awaited<ReturnType<typeof getEntity>>;
    try {
      entity = await getEntity(params.entityId, query);
    } catch (error) {
      if (error instanceof BadCursorError) throw new ApiError(400, "bad_request", error.message);
      throw error;
    }
    if (!entity) throw notFound("entity");
    return entity;
  },
);
