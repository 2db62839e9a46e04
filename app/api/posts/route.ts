import { dateRangeSchema } from "@/lib/schemas/date-range";
import type { PostListResponse } from "@/lib/schemas/posts";
import { listPostSummaries } from "@/lib/server/analytics/post-summaries";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts?from&to: every post (published in the range) with its comment count, tone mix, stance split, sentiment and flags. */
export const GET = route(
  { capability: "read", query: dateRangeSchema },
  async ({ query }): Promise<PostListResponse> => {
    return { posts: await listPostSummaries(query) };
  },
);
