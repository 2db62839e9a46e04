import { entityDetailParamsSchema, entityIdParamsSchema } from "@/lib/schemas/entities";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";
import { getEntity } from "@/lib/server/insights/entities";

export const dynamic = "force-dynamic";

/** GET /api/entities/[entityId]?tone&stance&sentiment&status&q&aspect&post&cursor&limit: one entity and its mentions. */
export const GET = route(
  { capability: "read", params: entityIdParamsSchema, query: entityDetailParamsSchema },
  async ({ params, query }) => {
    // A forged cursor is a DomainError (BadCursorError): route() answers it with 400.
    const entity = await getEntity(params.entityId, query);
    if (!entity) throw notFound("entity");
    return entity;
  },
);
