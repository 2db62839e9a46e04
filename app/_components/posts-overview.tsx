"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { postTrendRows } from "@/lib/analytics/chart-rows";
import { formatInteger } from "@/lib/analytics/format";
import { useAgreementQuery, useHeadlineQuery, useOverviewPostsQuery } from "@/lib/client/use-overview-query";
import { type DateRange, dateRangeFromSearchParams } from "@/lib/schemas/date-range";
import type { Agreement, Headline } from "@/lib/schemas/overview";
import {
  type PostListResponse,
  type PostTableState,
  postTableSearchParams,
  postTableStateFromSearchParams,
} from "@/lib/schemas/posts";
import { useHiddenSeries } from "./chart-frame";
import { DateRangePicker } from "./date-range-picker";
import { FlaggedPosts } from "./flagged-posts";
import { HeadlineFigures } from "./headline-figures";
import { CommentsPerPostChart, DisagreementChart, SentimentTrendChart } from "./post-trend-charts";
import { PostsTable } from "./posts-table";
import { ToneShareChart } from "./tone-share-chart";

export interface OverviewInitial {
  range: DateRange;
  table: PostTableState;
  posts: PostListResponse;
  headline: Headline;
  agreement: Agreement;
}

/**
 * The overview: a date range in the URL drives the headline, the charts over time and the posts table; the
 * table's order and title search are in the URL too (the server sorts and searches every post).
 */
export function PostsOverview({ initial }: { initial: OverviewInitial }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const { range, table } = useMemo(() => {
    const params = Object.fromEntries(searchParams.entries());
    return { range: dateRangeFromSearchParams(params), table: postTableStateFromSearchParams(params) };
  }, [searchParams]);
  const addressOf = useCallback(
    (nextRange: DateRange, nextTable: PostTableState) => {
      const params = new URLSearchParams(postTableSearchParams(nextTable));
      if (nextRange.from) params.set("from", nextRange.from);
      if (nextRange.to) params.set("to", nextRange.to);
      const query = params.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname],
  );
  const setRange = useCallback(
    (next: DateRange) => router.replace(addressOf(next, table), { scroll: false }),
    [router, addressOf, table],
  );
  // The table's order and search change the address without a round trip to the server (Next keeps
  // useSearchParams in step with history.replaceState); only the posts query follows them.
  const setTable = useCallback(
    (next: PostTableState) => window.history.replaceState(null, "", addressOf(range, next)),
    [addressOf, range],
  );
  const posts = useOverviewPostsQuery(range, table, initial);
  const headline = useHeadlineQuery(range, { range: initial.range, data: initial.headline });
  const agreement = useAgreementQuery(initial.agreement);
  const [hiddenTones, toggleTone] = useHiddenSeries();

  const pages = posts.data?.pages;
  const list = useMemo(() => pages?.flatMap((p) => p.posts) ?? [], [pages]);
  const first = pages?.[0];
  const rows = useMemo(() => postTrendRows(list), [list]);
  const total = first?.total ?? 0;

  return (
    <>
      <section className="panel" aria-labelledby="range-title">
        <h2 id="range-title">Range</h2>
        <DateRangePicker range={range} onChange={setRange} />
      </section>
      <section className="panel" aria-labelledby="headline-title" aria-busy={headline.isFetching}>
        <h2 id="headline-title">
          {range.from || range.to ? "Comments posted in the range" : "All comments"}
        </h2>
        {headline.error ? (
          <p className="error" role="alert">
            Could not load the headline figures: {headline.error.message}
          </p>
        ) : headline.data && agreement.data ? (
          <HeadlineFigures headline={headline.data} agreement={agreement.data} />
        ) : (
          <div className="skeleton" style={{ height: 80 }} aria-hidden="true" />
        )}
      </section>
      {posts.error && !posts.data ? (
        <p className="error" role="alert">
          Could not load the posts: {posts.error.message}
        </p>
      ) : (
        <>
          <section className="panel" aria-labelledby="trends-title" aria-busy={posts.isFetching}>
            <h2 id="trends-title">Post by post</h2>
            {list.length < total && (
              <p className="subtle" data-testid="trend-scope">
                {table.sort === "date" && table.order === "desc" && !table.q
                  ? `The ${formatInteger(list.length)} newest of the ${formatInteger(total)} posts in the range`
                  : `The ${formatInteger(list.length)} posts loaded in the table below, of the ${formatInteger(total)} ${table.q ? "whose title matches" : "in the range"}`}
                ; load more posts below to chart more.
              </p>
            )}
            <div className="chart-grid">
              <ToneShareChart rows={rows} hidden={hiddenTones} onToggle={toggleTone} />
              <SentimentTrendChart rows={rows} />
              <CommentsPerPostChart rows={rows} />
              <DisagreementChart rows={rows} />
            </div>
          </section>
          <section className="panel" aria-labelledby="flagged-title">
            <h2 id="flagged-title">Flagged posts</h2>
            <FlaggedPosts flagged={first?.flagged ?? null} />
          </section>
          <section className="panel" aria-labelledby="posts-title" aria-busy={posts.isFetching}>
            <h2 id="posts-title">Posts</h2>
            {list.length === 0 && !table.q ? (
              <div className="empty">
                <p>No posts were published in this range.</p>
                <p>
                  Widen the range, or <Link href="/">show all time</Link>.
                </p>
              </div>
            ) : (
              <>
                <PostsTable posts={list} table={table} onTableChange={setTable} />
                <p className="table-more">
                  <span className="subtle" data-testid="posts-shown">
                    {formatInteger(list.length)} of {formatInteger(total)} posts
                  </span>{" "}
                  {posts.hasNextPage && (
                    <button
                      type="button"
                      onClick={() => void posts.fetchNextPage()}
                      disabled={posts.isFetchingNextPage}
                      data-testid="more-posts"
                    >
                      {posts.isFetchingNextPage ? "Loading…" : "Show older posts"}
                    </button>
                  )}
                </p>
                {posts.isFetchNextPageError && (
                  <p className="error" role="alert">
                    Could not load more posts: {posts.error?.message ?? "try again"}
                  </p>
                )}
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
