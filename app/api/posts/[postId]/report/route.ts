import { postIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { notFound } from "@/lib/server/domain-error";
import { getPostReport } from "@/lib/server/insights/post-report";

export const dynamic = "force-dynamic";

/** GET /api/posts/[postId]/report: the printable report's figures, arguments, entities and versions. */
export const GET = route({ capability: "read", params: postIdParamsSchema }, async ({ params }) => {
  const report = await getPostReport(params.postId);
  if (!report) throw notFound("post");
  return report;
});
