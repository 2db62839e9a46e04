import { z } from "zod";
import { commentFiltersShape } from "@/lib/schemas/comment-filters";
import { READING_LISTS, type ReadingList } from "@/lib/schemas/post-figures";
import { limitParam, postIdParamsSchema } from "@/lib/schemas/route-params";
import { requirePost } from "@/lib/server/analytics/post-header";
import { getReadingList } from "@/lib/server/analytics/reading-list";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({
  ...commentFiltersShape,
  list: z.enum(READING_LISTS),
  limit: limitParam(50),
});

/** GET /api/posts/[postId]/reading-list?list=pushback|dismissive|flagged&limit&filters: the first comments of a reading list. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: querySchema },
  async ({ params, query }): Promise<ReadingList> => {
    await requirePost(params.postId);
    const { list, limit, ...filters } = query;
    return getReadingList(params.postId, list, filters, limit);
  },
);
