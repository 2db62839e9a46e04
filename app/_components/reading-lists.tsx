"use client";
import { formatInteger } from "@/lib/analytics/format";
import type { Initial } from "@/lib/client/use-post-figure-query";
import { useReadingListQuery } from "@/lib/client/use-reading-list-query";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ReadingList, ReadingListName } from "@/lib/schemas/post-figures";
import { CommentCard } from "./comment-card";

const LISTS: Record<ReadingListName, { title: string; about: string; empty: string }> = {
  pushback: {
    title: "Substantive pushback",
    about:
      "Disagreeing or skeptical, analytical in tone, not hostile; the most substantive and most reacted-to first.",
    empty: "No substantive pushback here: nobody disagreed with reasons. Clear a filter if one is set.",
  },
  dismissive: {
    title: "Most dismissive",
    about: "Comments that wave the post away rather than argue with it.",
    empty: "No dismissive comments here. Clear a filter if one is set.",
  },
  flagged: {
    title: "Flagged",
    about: "Flagged by the scorer or by moderation; newest first.",
    empty: "Nothing is flagged on this post. Moderators flag comments from the moderation queue.",
  },
};

function ReadingListSection({
  postId,
  list,
  filters,
  initial,
  canModerate,
}: {
  postId: number;
  list: ReadingListName;
  filters: CommentFilters;
  initial?: Initial<ReadingList>;
  canModerate: boolean;
}) {
  const query = useReadingListQuery(postId, list, filters, initial);
  const meta = LISTS[list];
  return (
    <section
      className="panel reading-list"
      aria-labelledby={`list-${list}`}
      data-testid={`reading-list-${list}`}
      aria-busy={query.isFetching}
    >
      <h2 id={`list-${list}`}>
        {meta.title}
        {query.data && <span className="subtle"> · {formatInteger(query.data.total)}</span>}
      </h2>
      <p className="subtle">{meta.about}</p>
      {query.error ? (
        <p className="error" role="alert">
          Could not load “{meta.title}”: {query.error.message}
        </p>
      ) : !query.data ? (
        <div className="skeleton" style={{ height: 80 }} aria-hidden="true" />
      ) : query.data.comments.length === 0 ? (
        <p className="empty">{meta.empty}</p>
      ) : (
        query.data.comments.map((c) => (
          <CommentCard key={c.id} comment={c} canModerate={canModerate} indent={false} />
        ))
      )}
    </section>
  );
}

export function ReadingLists({
  postId,
  filters,
  initial,
  canModerate,
}: {
  postId: number;
  filters: CommentFilters;
  initial?: Partial<Record<ReadingListName, Initial<ReadingList>>>;
  canModerate: boolean;
}) {
  return (
    <div className="reading-lists">
      {(Object.keys(LISTS) as ReadingListName[]).map((list) => (
        <ReadingListSection
          key={list}
          postId={postId}
          list={list}
          filters={filters}
          initial={initial?.[list]}
          canModerate={canModerate}
        />
      ))}
    </div>
  );
}
