import { z } from "zod";
import { type Comparison, comparePostIdsSchema } from "@/lib/schemas/compare";
import { comparePosts } from "@/lib/server/analytics/compare-posts";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";

export const dynamic = "force-dynamic";

/** GET /api/posts/compare?posts=1,2[,…]: tone, stance and sentiment of two to six posts side by side. */
export const GET = route(
  { capability: "read", query: z.strictObject({ posts: comparePostIdsSchema }) },
  async ({ query }): Promise<Comparison> => {
    const comparison = await comparePosts(query.posts);
    if (comparison.posts.length < query.posts.length) throw notFound("post");
    return comparison;
  },
);
