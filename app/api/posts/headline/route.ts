import { dateRangeSchema } from "@/lib/schemas/date-range";
import type { Headline } from "@/lib/schemas/overview";
import { getHeadline } from "@/lib/server/analytics/headline-figures";
import { route } from "@/lib/server/api";

export const dynamic = "force-dynamic";

/** GET /api/posts/headline?from&to: comments, commenters and tone shares of the range and of the range before it. */
export const GET = route(
  { capability: "read", query: dateRangeSchema },
  async ({ query }): Promise<Headline> => {
    return getHeadline(query);
  },
);
