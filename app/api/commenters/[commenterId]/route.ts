import { z } from "zod";
import { type CommenterPage, commenterCursorSchema } from "@/lib/schemas/commenter-profile";
import { commenterIdParamsSchema } from "@/lib/schemas/route-params";
import { getCommenterPage } from "@/lib/server/analytics/commenter-profile";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";
import { can } from "@/lib/server/permissions";

export const dynamic = "force-dynamic";

/** GET /api/commenters/[commenterId]?cursor: the commenter's profile, tone profile, notes and a page of their comments (notes only for moderators and the author). */
export const GET = route(
  {
    capability: "read",
    params: commenterIdParamsSchema,
    query: z.strictObject({ cursor: commenterCursorSchema.optional() }),
  },
  async ({ viewer, params, query }): Promise<CommenterPage> => {
    const page = await getCommenterPage(params.commenterId, {
      cursor: query.cursor,
      includeNotes: can(viewer, "moderate"),
    });
    if (!page) throw notFound("commenter");
    return page;
  },
);
