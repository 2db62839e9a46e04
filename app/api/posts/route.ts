import { z } from "zod";
import type { PostListResponse } from "@/lib/schemas/posts";
import { listPostSummaries } from "@/lib/server/analytics/post-summaries";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts: every post with its comment count, tone mix, stance split and mean sentiment. */
export const GET = route({ capability: "read", query: z.strictObject({}) }, async (): Promise<PostListResponse> => {
  return { posts: await listPostSummaries() };
});
