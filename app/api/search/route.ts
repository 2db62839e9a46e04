import { SearchQueryError } from "@/lib/insights/search-query";
import { searchParamsSchema } from "@/lib/schemas/search";
import { route } from "@/lib/server/api";
import { invalid } from "@/lib/server/domain-error";
import { requestPublicationId } from "@/lib/server/publication-scope";
import { searchComments } from "@/lib/server/search/search-comments";

export const dynamic = "force-dynamic";

/** GET /api/search?q&tone&stance&sentiment&status&publication&post&commenter&from&to&sort&cursor&limit: full-text search of every comment. */
export const GET = route({ capability: "read", query: searchParamsSchema }, async ({ query, request }) => {
  try {
    return await searchComments({
      ...query,
      publication: await requestPublicationId(request, query.publication),
    });
  } catch (error) {
    if (error instanceof SearchQueryError) throw invalid("bad_request", error.message);
    throw error;
  }
});
