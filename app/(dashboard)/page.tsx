import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { Suspense } from "react";
import { dateRangeFromSearchParams } from "@/lib/schemas/date-range";
import { postTableStateFromSearchParams } from "@/lib/schemas/posts";
import { getAgreement } from "@/lib/server/analytics/agreement";
import { getHeadline } from "@/lib/server/analytics/headline-figures";
import { listPostSummaryPage } from "@/lib/server/analytics/post-summaries";
import { can } from "@/lib/server/permissions";
import { pagePublicationId, publicationScopeView } from "@/lib/server/publication-scope";
import { requirePageViewer } from "@/lib/server/session";
import { PostsOverview } from "../_components/posts-overview";
import { StartHere } from "../_components/start-here";
import { START_HERE_COOKIE } from "../_components/start-here-cookie";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function OverviewData({ searchParams }: Props) {
  const params = await searchParams;
  const range = dateRangeFromSearchParams(params);
  const table = postTableStateFromSearchParams(params);
  const publicationId = await pagePublicationId();
  const [posts, headline, agreement] = await Promise.all([
    listPostSummaryPage(range, publicationId, {
      sort: table.sort,
      order: table.order,
      titleContains: table.q,
    }),
    getHeadline(range, publicationId),
    getAgreement(publicationId),
  ]);
  // Without a range, no posts means nothing was imported yet (with one, the island says to widen it).
  if (!range.from && !range.to && !table.q && posts.total === 0) {
    return (
      <div className="panel empty">
        <p>No posts yet.</p>
        <p>
          Import a publication on the <Link href="/imports">Imports</Link> page, or run{" "}
          <code>npm run marginalia -- import substack https://your.substack.com</code>.
        </p>
      </div>
    );
  }
  return <PostsOverview initial={{ range, table, posts, headline, agreement }} />;
}

function OverviewSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the overview">
      <div className="panel">
        <div className="skeleton skeleton-80" />
      </div>
      <div className="panel chart-grid">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="skeleton" style={{ height: 280 }} />
        ))}
      </div>
      <div className="panel">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className="skeleton" style={{ height: 28, marginBottom: 8 }} />
        ))}
      </div>
    </div>
  );
}

export default async function OverviewPage(props: Props) {
  const viewer = await requirePageViewer("read");
  const dismissed = (await cookies()).get(START_HERE_COOKIE)?.value === "dismissed";
  const scope = await publicationScopeView();
  // The download is of one publication: the one in scope, or the only one there is.
  const downloadable = scope.current ?? (scope.publications.length === 1 ? scope.publications[0] : undefined);
  return (
    <>
      <h1>How readers took each post</h1>
      <p className="subtle">
        Tone, stance and sentiment of every comment{scope.current ? ` on ${scope.current.name}` : ""}, scored
        and explained.
      </p>
      {downloadable && (
        <p className="post-actions">
          <a className="button" href={`/api/publications/${downloadable.id}/export?format=csv`} download>
            Download every comment (CSV)
          </a>
          <a className="button" href={`/api/publications/${downloadable.id}/export?format=json`} download>
            Download every comment (JSON)
          </a>
        </p>
      )}
      <StartHere initiallyOpen={!dismissed} canCorrect={can(viewer, "moderate")} />
      <Suspense fallback={<OverviewSkeleton />}>
        <OverviewData searchParams={props.searchParams} />
      </Suspense>
    </>
  );
}
