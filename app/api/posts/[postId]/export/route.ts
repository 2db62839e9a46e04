import { z } from "zod";
import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { getPostHeader } from "@/lib/server/analytics/post-header";
import { route } from "@/lib/server/api";
import { textStream } from "@/lib/server/csv";
import { notFound } from "@/lib/server/domain-error";
import { encodeCsv, encodeJsonArray, exportCommentRecords } from "@/lib/server/export";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({ format: z.enum(["csv", "json"]).default("csv") });

/** GET /api/posts/[postId]/export?format=csv|json: every comment of the post with its labels, as a streamed download. */
export const GET = route(
  { capability: "read", params: postIdParamsSchema, query: querySchema },
  async ({ params, query }): Promise<Response> => {
    const post = await getPostHeader(params.postId);
    if (!post) throw notFound("post");
    const records = exportCommentRecords({ postId: params.postId });
    const name = `marginalia-${(post.slug ?? `post-${post.id}`).replace(/[^a-z0-9-]+/gi, "-")}-comments.${query.format}`;
    const body = textStream(query.format === "csv" ? encodeCsv(records) : encodeJsonArray(records));
    return new Response(body, {
      headers: {
        "content-type":
          query.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  },
);
