import "server-only";
import { readSql } from "@/lib/db/sql";
import type { PostHeader } from "@/lib/schemas/post-figures";
import { notFound } from "@/lib/server/domain-error";

interface Row {
  id: number;
  title: string;
  subtitle: string | null;
  slug: string | null;
  url: string | null;
  published_at: Date | null;
  publication_name: string;
  comments: number;
  deleted: number;
  scored: number;
  commenters: number;
  open_flags: number;
}

/** The post page's header: the post and its unfiltered counts (from its rollup); null when there is no such post. */
export async function getPostHeader(postId: number): Promise<PostHeader | null> {
  const [row] = await readSql()<Row[]>`
    SELECT p.id, p.title, p.subtitle, p.slug, p.url, p.published_at, pub.name AS publication_name,
      coalesce(r.comments, 0) AS comments, coalesce(r.deleted, 0) AS deleted, coalesce(r.scored, 0) AS scored,
      coalesce(r.commenters, 0) AS commenters, coalesce(r.open_flags, 0) AS open_flags
    FROM post p JOIN publication pub ON pub.id = p.publication_id
    LEFT JOIN post_rollup r ON r.post_id = p.id
    WHERE p.id = ${postId}`;
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    slug: row.slug,
    url: row.url,
    publishedAt: row.published_at?.toISOString() ?? null,
    publicationName: row.publication_name,
    comments: row.comments,
    deleted: row.deleted,
    scored: row.scored,
    commenters: row.commenters,
    openFlags: row.open_flags,
  };
}

/** For route handlers: answers 404 (not_found) unless the post exists. */
export async function requirePost(postId: number): Promise<void> {
  const rows = await readSql()<{ id: number }[]>`SELECT id FROM post WHERE id = ${postId}`;
  if (rows.length === 0) throw notFound("post");
}
