import "server-only";
import type { CommentFilters } from "@/lib/schemas/comment-filters";
import type { ReadingList, ReadingListName } from "@/lib/schemas/post-figures";
import type { ThreadPage } from "@/lib/schemas/thread";
import { getActiveCommenters } from "./active-commenters";
import { getCommentTimeline } from "./comment-timeline";
import { getReadingList } from "./reading-list";
import { getSentimentHistogram } from "./sentiment-histogram";
import { getThreadPage } from "./thread-page";
import { getToneByDepth } from "./tone-by-depth";
import { getStanceSplit, getToneDistribution } from "./tone-distribution";

/**
 * The post page's first paint: every figure, list and the first thread page for the filters in the URL,
 * from the same query functions the JSON routes call.
 */
export async function getPostDashboard(
  postId: number,
  filters: CommentFilters,
  options: { from?: number } = {},
) {
  const [tones, stances, sentiment, timeline, depth, commenters, pushback, dismissive, flagged, thread] =
    await Promise.all([
      getToneDistribution(postId, filters),
      getStanceSplit(postId, filters),
      getSentimentHistogram(postId, filters),
      getCommentTimeline(postId, filters),
      getToneByDepth(postId, filters),
      getActiveCommenters(postId, filters),
      getReadingList(postId, "pushback", filters),
      getReadingList(postId, "dismissive", filters),
      getReadingList(postId, "flagged", filters),
      getThreadPage(postId, filters, { from: options.from }),
    ]);
  const lists: Record<ReadingListName, ReadingList> = { pushback, dismissive, flagged };
  const firstPage: ThreadPage = thread;
  return {
    filters,
    figures: { tones, stances, sentiment, timeline, depth, commenters },
    lists,
    thread: firstPage,
  };
}
