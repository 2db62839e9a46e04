import { exportQuerySchema, publicationIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";
import { commentExportResponse } from "@/lib/server/export";
import { getPublicationChoice } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/**
 * GET /api/publications/[publicationId]/export?format=csv|json: every comment of the publication with its
 * labels, as a streamed download.
 */
export const GET = route(
  { capability: "read", params: publicationIdParamsSchema, query: exportQuerySchema },
  async ({ params, query }): Promise<Response> => {
    const publication = await getPublicationChoice(params.publicationId);
    if (!publication) throw notFound("publication");
    return commentExportResponse({ publicationId: publication.id }, publication.name, query.format);
  },
);
