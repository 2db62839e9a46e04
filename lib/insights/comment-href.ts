/** The link to a comment in its thread: the post page opens at the comment's conversation (?comment=). */
export function commentHref(postId: number, commentId: number): string {
  return `/posts/${postId}?comment=${commentId}#comment-${commentId}`;
}
