import "server-only";
import { db } from "@/lib/db/client";

/** What the search page's filter pickers offer: publications, posts (newest first) and a named commenter. */
export async function getSearchOptions(commenterId?: number) {
  const [publications, posts, commenter] = await Promise.all([
    db().publication.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().post.findMany({
      select: { id: true, title: true, publicationId: true },
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      take: 500,
    }),
    commenterId === undefined
      ? null
      : db().commenter.findUnique({ where: { id: commenterId }, select: { id: true, name: true } }),
  ]);
  return { publications, posts, commenter };
}
