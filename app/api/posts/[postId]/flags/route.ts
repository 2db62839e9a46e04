import { z } from "zod";
import { postParamsSchema } from "@/lib/schemas/moderation-params";
import { flagPostBodySchema, type OpenPostFlagList } from "@/lib/schemas/post-flags";
import { route } from "@/lib/server/api";
import { flagPost, listOpenPostFlags } from "@/lib/server/flags";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/flags: the post's open flags. */
export const GET = route(
  { capability: "read", params: postParamsSchema, query: z.strictObject({}) },
  async ({ params }): Promise<OpenPostFlagList> => ({
    flags: await listOpenPostFlags({ postId: params.postId }),
  }),
);

/** POST /api/posts/[postId]/flags: a moderator flags the post for the author with a reason and a note. */
export const POST = route(
  { capability: "moderate", params: postParamsSchema, body: flagPostBodySchema },
  async ({ viewer, params, body }) => flagPost(viewer, params.postId, body),
);
