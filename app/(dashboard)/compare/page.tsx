import type { Metadata } from "next";
import Link from "next/link";
import { CompareCharts } from "@/app/_components/compare-charts";
import { comparePostIdsSchema } from "@/lib/schemas/compare";
import { comparePosts } from "@/lib/server/analytics/compare-posts";
import { listPostSummaries } from "@/lib/server/analytics/post-summaries";
import { pagePublicationId } from "@/lib/server/publication-scope";
import { requirePageViewer } from "@/lib/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare posts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `posts` may come comma-joined (links) or repeated (the picker form's checkboxes). */
function postIdsFrom(value: string | string[] | undefined): number[] {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  const parsed = comparePostIdsSchema.safeParse(joined);
  return parsed.success ? parsed.data : [];
}

export default async function ComparePage({ searchParams }: Props) {
  await requirePageViewer("read");
  const params = await searchParams;
  const ids = postIdsFrom(params.posts);
  const picked = new Set(
    (Array.isArray(params.posts) ? params.posts : (params.posts ?? "").split(","))
      .map(Number)
      .filter(Number.isInteger),
  );
  const [comparison, all] = await Promise.all([
    ids.length >= 2 ? comparePosts(ids) : Promise.resolve(null),
    listPostSummaries({}, await pagePublicationId()),
  ]);
  return (
    <>
      <p className="crumbs">
        <Link href="/">Overview</Link> / compare
      </p>
      <h1>Compare posts</h1>
      {comparison && comparison.posts.length >= 2 ? (
        <section className="panel" aria-labelledby="side-by-side-title">
          <h2 id="side-by-side-title">Side by side</h2>
          <CompareCharts comparison={comparison} />
        </section>
      ) : (
        <p className="subtle">
          Tick two to six posts below, then “Compare the ticked posts”, to see them side by side on the same
          charts.
        </p>
      )}
      <section className="panel" aria-labelledby="pick-title">
        <h2 id="pick-title">Posts to compare</h2>
        {all.length === 0 ? (
          <p className="empty">
            No posts yet: import a publication on the <Link href="/imports">Imports</Link> page.
          </p>
        ) : (
          <form method="get" action="/compare">
            <ul className="compare-picker">
              {all.map((p) => (
                <li key={p.id}>
                  <label className="checkbox">
                    <input type="checkbox" name="posts" value={p.id} defaultChecked={picked.has(p.id)} />{" "}
                    {p.title || "(untitled)"}
                  </label>
                </li>
              ))}
            </ul>
            <button type="submit" className="primary">
              Compare the ticked posts
            </button>
          </form>
        )}
      </section>
    </>
  );
}
