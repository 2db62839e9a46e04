import { z } from "zod";
import type { OpenPostFlagList } from "@/lib/schemas/post-flags";
import { publicationScopeQueryShape } from "@/lib/schemas/publication-scope";
import { route } from "@/lib/server/api";
import { listOpenPostFlags } from "@/lib/server/flags";
import { requestPublicationId } from "@/lib/server/publication-scope";

export const dynamic = "force-dynamic";

/** GET /api/flags: every open flag on a post of the publication scope, newest first (the overview's flagged posts). */
export const GET = route(
  { capability: "read", query: z.strictObject(publicationScopeQueryShape) },
  async ({ query, request }): Promise<OpenPostFlagList> => ({
    flags: await listOpenPostFlags({
      publicationId: await requestPublicationId(request, query.publicationId),
    }),
  }),
);
