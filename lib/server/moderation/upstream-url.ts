import "server-only";

/**
 * Where a moderator acts on a comment upstream: Substack has a page per comment under the post
 * (`<post url>/comment/<id>`); other platforms get the post itself. Null without a post address.
 */
export function upstreamCommentUrl(
  platform: string,
  postUrl: string | null,
  externalId: string,
): string | null {
  if (!postUrl) return null;
  if (platform === "SUBSTACK")
    return `${postUrl.replace(/\/+$/u, "")}/comment/${encodeURIComponent(externalId)}`;
  return postUrl;
}
