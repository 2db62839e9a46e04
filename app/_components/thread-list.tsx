"use client";
import Link from "next/link";
import { useRef } from "react";
import { formatCommentCount, formatInteger } from "@/lib/analytics/format";
import type { Initial } from "@/lib/client/use-post-figure-query";
import { useThreadQuery } from "@/lib/client/use-thread-query";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ThreadPage } from "@/lib/schemas/thread";
import { CommentCard } from "./comment-card";
import { useListKeys } from "./use-list-keys";

/** The whole thread as a tree (replies indented under parents), loaded page by page; j / k move between comments. */
export function ThreadList({
  postId,
  filters,
  initial,
  canModerate,
  filtered,
  from,
}: {
  postId: number;
  filters: CommentFilters;
  initial?: Initial<ThreadPage>;
  canModerate: boolean;
  filtered: boolean;
  /** A linked comment: the list starts at its conversation (see getThreadPage). */
  from?: number;
}) {
  const query = useThreadQuery(postId, filters, initial, from);
  const list = useRef<HTMLDivElement>(null);
  useListKeys(list, "article.comment");
  if (query.error) {
    return (
      <p className="error" role="alert">
        Could not load the comments: {query.error.message}
      </p>
    );
  }
  if (!query.data) return <ThreadSkeleton />;
  const comments = query.data.pages.flatMap((p) => p.comments);
  const first = query.data.pages[0];
  const total = first?.total ?? 0;
  const counted = formatCommentCount(total - (first?.deleted ?? 0), first?.deleted ?? 0);
  return (
    <div aria-busy={query.isFetching}>
      <p className="subtle" data-testid="thread-count" aria-live="polite">
        {filtered ? `${counted} match the filters` : `${counted}, replies under their parents`}
        {comments.length < total ? ` · the first ${formatInteger(comments.length)} shown` : ""}
      </p>
      {from !== undefined && (
        <p className="subtle" data-testid="thread-from">
          Starting at the conversation of the linked comment ·{" "}
          <Link href={`/posts/${postId}`}>Show the thread from the start</Link>
        </p>
      )}
      {comments.length === 0 ? (
        <p className="empty">
          {filtered
            ? "No comment matches these filters. Clear a filter to see more."
            : "This post has no comments yet."}
        </p>
      ) : (
        <div className="thread" data-testid="thread" ref={list}>
          {comments.map((c) => (
            <CommentCard key={c.id} comment={c} canModerate={canModerate} indent={!filtered} />
          ))}
        </div>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className="load-more"
        >
          {query.isFetchingNextPage
            ? "Loading…"
            : `Load more comments (${formatInteger(total - comments.length)} not shown yet)`}
        </button>
      )}
    </div>
  );
}

export function ThreadSkeleton() {
  return (
    <div aria-hidden="true">
      {[0, 1, 2, 3].map((i) => (
        <div
          key={i}
          className="skeleton"
          style={{ height: 64, marginBottom: 10, marginInlineStart: `${(i % 2) * 1.25}rem` }}
        />
      ))}
    </div>
  );
}
