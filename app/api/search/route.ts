import { searchParamsSchema } from "@/lib/schemas/search";
import { route } from "@/lib/server/api";
import { searchComments } from "@/lib/server/search/search-comments";

export const dynamic = "force-dynamic";

/** GET /api/search?q&tone&stance&sentiment&status&publication&post&commenter&from&to&sort&cursor&limit: full-text search of every comment. */
export const GET = route({ capability: "read", query: searchParamsSchema }, async ({ query }) =>
  searchComments(query),
);
