import "server-only";
import { readDb } from "@/lib/db/client";

/**
 * What the search page's filter pickers offer: the posts (newest first) of the publication in scope (undefined:
 * all) and a named commenter.
 */
export async function getSearchOptions(options: { commenterId?: number; publicationId?: number }) {
  const { commenterId, publicationId } = options;
  const [posts, commenter] = await Promise.all([
    readDb().post.findMany({
      where: publicationId !== undefined ? { publicationId } : {},
      select: { id: true, title: true, publicationId: true },
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      take: 500,
    }),
    commenterId === undefined
      ? null
      : readDb().commenter.findUnique({ where: { id: commenterId }, select: { id: true, name: true } }),
  ]);
  return { posts, commenter };
}
