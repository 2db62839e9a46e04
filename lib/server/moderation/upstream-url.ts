import "server-only";
import { safeHref } from "@/lib/safe-href";

/**
 * Where a moderator acts on a comment upstream: Substack has a page per comment under the post
 * (`<post url>/comment/<id>`); other platforms get the post itself. Null without a post address.
 */
export function upstreamCommentUrl(
  platform: string,
  postUrl: string | null,
  externalId: string,
): string | null {
  const post = safeHref(postUrl);
  if (!post) return null;
  if (platform === "SUBSTACK")
    return `${post.replace(/\/+$/u, "")}/comment/${encodeURIComponent(externalId)}`;
  return post;
}
