import { commenterParamsSchema } from "@/lib/schemas/moderation-params";
import type { CommenterDrawer } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { getCommenterDrawer } from "@/lib/server/moderation/commenter-drawer";

export const dynamic = "force-dynamic";

/** GET /api/moderation/commenters/[commenterId]: the commenter drawer (comments, decisions, notes). */
export const GET = route(
  { capability: "moderate", params: commenterParamsSchema },
  async ({ params }): Promise<CommenterDrawer> => getCommenterDrawer(params.commenterId),
);
