import "server-only";
import { db } from "@/lib/db/client";
import type { ExportScope } from "@/lib/server/export";

export class ExportScopeError extends Error {}

/**
 * Resolves the CLI's `--publication` (id, name or address) and `--post` (id, slug or upstream id) to an
 * export scope; an unknown or ambiguous one is an error naming what was not found.
 */
export async function resolveExportScope(input: {
  publication?: string;
  post?: string;
}): Promise<ExportScope> {
  let publicationId: number | undefined;
  if (input.publication !== undefined) {
    const p = input.publication.trim();
    const found = await db().publication.findMany({
      where: {
        OR: [
          ...(/^\d+$/.test(p) ? [{ id: Number(p) }] : []),
          { name: { equals: p, mode: "insensitive" as const } },
          { baseUrl: p.replace(/\/+$/, "") },
          { baseUrl: `https://${p.replace(/^https?:\/\//, "").replace(/\/+$/, "")}` },
        ],
      },
      select: { id: true },
    });
    if (found.length === 0) throw new ExportScopeError(`no publication matches "${p}"`);
    if (found.length > 1)
      throw new ExportScopeError(`"${p}" matches ${found.length} publications: give its id`);
    publicationId = found[0]!.id;
  }
  if (input.post === undefined) return { publicationId };
  const q = input.post.trim();
  const posts = await db().post.findMany({
    where: {
      ...(publicationId !== undefined ? { publicationId } : {}),
      OR: [...(/^\d+$/.test(q) ? [{ id: Number(q) }] : []), { slug: q }, { externalId: q }],
    },
    select: { id: true },
  });
  if (posts.length === 0) throw new ExportScopeError(`no post matches "${q}"`);
  if (posts.length > 1)
    throw new ExportScopeError(
      `"${q}" matches ${posts.length} posts: add --publication or give the post's id`,
    );
  return { postId: posts[0]!.id };
}
