"use client";
import Link from "next/link";
import { useCommenterCommentsQuery } from "@/lib/client/use-commenter-comments-query";
import type { CommenterPage } from "@/lib/schemas/commenter-profile";
import { CommentCard } from "./comment-card";

/** A commenter's comments across posts, newest first, with a link to each post. */
export function CommenterComments({
  initial,
  canModerate,
}: {
  initial: CommenterPage;
  canModerate: boolean;
}) {
  const query = useCommenterCommentsQuery(initial.commenter.id, initial);
  const comments = query.data?.pages.flatMap((p) => p.comments) ?? [];
  if (comments.length === 0)
    return <p className="empty">No comments from this commenter yet: they arrive with the next import.</p>;
  return (
    <div className="thread" data-testid="commenter-comments">
      {comments.map((c) => (
        <div key={c.id}>
          <p className="crumbs">
            On <Link href={`/posts/${c.postId}`}>{c.postTitle || "(untitled)"}</Link>
          </p>
          <CommentCard comment={c} canModerate={canModerate} indent={false} />
        </div>
      ))}
      {query.error && (
        <p className="error" role="alert">
          Could not load more comments: {query.error.message}
        </p>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className="load-more"
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? "Loading…" : "Load more comments"}
        </button>
      )}
    </div>
  );
}
