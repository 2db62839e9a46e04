"use client";
import { useCommentFilters } from "@/lib/client/use-comment-filters";
import {
  type Initial,
  type PostFigureName,
  type PostFigures,
  usePostFigureQuery,
} from "@/lib/client/use-post-figure-query";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ReadingList, ReadingListName } from "@/lib/schemas/post-figures";
import type { ThreadPage } from "@/lib/schemas/thread";
import { ActiveCommentersTable } from "./active-commenters-table";
import { CommentFiltersBar } from "./comment-filters-bar";
import { CommentTimelineChart } from "./comment-timeline-chart";
import { GlossaryButton, HighlightKey } from "./glossary";
import { ReadingLists } from "./reading-lists";
import { SentimentHistogramChart } from "./sentiment-histogram-chart";
import { StanceSplitChart } from "./stance-split-chart";
import { ThreadList } from "./thread-list";
import { ToneByDepthChart } from "./tone-by-depth-chart";
import { ToneDistributionChart } from "./tone-distribution-chart";

/** What the server rendered for the filters in the URL at load time. */
export interface PostDashboardInitial {
  filters: CommentFilters;
  figures: PostFigures;
  lists: Record<ReadingListName, ReadingList>;
  thread: ThreadPage;
}

function initialOf<T>(initial: PostDashboardInitial, data: T): Initial<T> {
  return { filters: initial.filters, data };
}

function FigureError({ what, error }: { what: string; error: Error }) {
  return (
    <p className="error" role="alert">
      Could not load {what}: {error.message}
    </p>
  );
}

function ChartSkeleton() {
  return <div className="skeleton" style={{ height: 300 }} aria-hidden="true" />;
}

function useFigure<N extends PostFigureName>(
  postId: number,
  name: N,
  filters: CommentFilters,
  initial: PostDashboardInitial,
) {
  return usePostFigureQuery(postId, name, filters, initialOf(initial, initial.figures[name]));
}

/**
 * The interactive part of the post page: the filters (kept in the URL) drive every chart, the reading lists
 * and the thread together, each through its own JSON route and React Query key.
 */
export function PostDashboard({
  postId,
  canModerate,
  initial,
  from,
}: {
  postId: number;
  canModerate: boolean;
  initial: PostDashboardInitial;
  /** A linked comment (?comment=): the thread starts at its conversation. */
  from?: number;
}) {
  const [filters, setFilters] = useCommentFilters();
  const tones = useFigure(postId, "tones", filters, initial);
  const stances = useFigure(postId, "stances", filters, initial);
  const sentiment = useFigure(postId, "sentiment", filters, initial);
  const timeline = useFigure(postId, "timeline", filters, initial);
  const depth = useFigure(postId, "depth", filters, initial);
  const commenters = useFigure(postId, "commenters", filters, initial);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <section className="panel filters-panel" aria-label="Filters">
        <CommentFiltersBar filters={filters} onChange={setFilters} />
        {filtered && (
          <p className="subtle" role="status">
            Charts, reading lists and the thread show only the comments that match these filters.
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="charts-title">
        <h2 id="charts-title">How readers took it</h2>
        <div className="chart-grid">
          {tones.error ? (
            <FigureError what="the tone chart" error={tones.error} />
          ) : tones.data ? (
            <ToneDistributionChart data={tones.data} busy={tones.isFetching} />
          ) : (
            <ChartSkeleton />
          )}
          {stances.error ? (
            <FigureError what="the stance chart" error={stances.error} />
          ) : stances.data ? (
            <StanceSplitChart data={stances.data} busy={stances.isFetching} />
          ) : (
            <ChartSkeleton />
          )}
          {sentiment.error ? (
            <FigureError what="the sentiment chart" error={sentiment.error} />
          ) : sentiment.data ? (
            <SentimentHistogramChart data={sentiment.data} busy={sentiment.isFetching} />
          ) : (
            <ChartSkeleton />
          )}
          {timeline.error ? (
            <FigureError what="the timeline" error={timeline.error} />
          ) : timeline.data ? (
            <CommentTimelineChart data={timeline.data} busy={timeline.isFetching} />
          ) : (
            <ChartSkeleton />
          )}
          {depth.error ? (
            <FigureError what="the depth chart" error={depth.error} />
          ) : depth.data ? (
            <ToneByDepthChart data={depth.data} busy={depth.isFetching} />
          ) : (
            <ChartSkeleton />
          )}
          <div className="chart" aria-busy={commenters.isFetching}>
            <h3>Most active commenters</h3>
            {commenters.error ? (
              <FigureError what="the commenters" error={commenters.error} />
            ) : commenters.data ? (
              <ActiveCommentersTable data={commenters.data} />
            ) : (
              <ChartSkeleton />
            )}
          </div>
        </div>
      </section>

      <ReadingLists
        postId={postId}
        filters={filters}
        canModerate={canModerate}
        initial={{
          pushback: initialOf(initial, initial.lists.pushback),
          dismissive: initialOf(initial, initial.lists.dismissive),
          flagged: initialOf(initial, initial.lists.flagged),
        }}
      />

      <section className="panel" aria-labelledby="thread-title" id="thread" tabIndex={-1}>
        <h2 id="thread-title">The thread</h2>
        <ThreadHelp />
        <ThreadList
          postId={postId}
          filters={filters}
          canModerate={canModerate}
          filtered={filtered}
          from={from}
          initial={initialOf(initial, initial.thread)}
        />
      </section>
    </>
  );
}

/** The keys of the thread, and what its highlights and labels mean. */
function ThreadHelp() {
  return (
    <div className="thread-help subtle">
      <p>
        <kbd>j</kbd> / <kbd>k</kbd> move to the next or previous comment. <kbd>Tab</kbd> reaches a comment's
        labels; <kbd>←</kbd> <kbd>→</kbd> then step through its highlighted words, each naming what it
        supports.
      </p>
      <HighlightKey />
      <GlossaryButton />
    </div>
  );
}
