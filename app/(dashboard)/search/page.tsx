import type { Metadata } from "next";
import Link from "next/link";
import { COMMENT_FILTER_OPTIONS, FilterSelect } from "@/app/_components/filter-select";
import { HighlightedText } from "@/app/_components/highlighted-text";
import { KeyboardList } from "@/app/_components/keyboard-list";
import { StanceBadge, ToneBadge } from "@/app/_components/label-badges";
import { LocalTime } from "@/app/_components/local-time";
import { SearchQueryError } from "@/lib/insights/search-query";
import { firstSearchParams } from "@/lib/schemas/route-params";
import { SEARCH_FILTER_KEYS, type SearchResult, searchParamsSchema } from "@/lib/schemas/search";
import { BadCursorError } from "@/lib/server/keyset-cursor";
import { publicationScopeView } from "@/lib/server/publication-scope";
import { searchComments } from "@/lib/server/search/search-comments";
import { getSearchOptions } from "@/lib/server/search/search-options";
import { requirePageViewer } from "@/lib/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Full-text search of every comment: a plain GET form (filters in the URL), results with their matches marked. */
export default async function SearchPage({ searchParams }: Props) {
  await requirePageViewer("read");
  const raw = firstSearchParams(await searchParams);
  const scope = await publicationScopeView();
  const parsed = raw.q ? searchParamsSchema.safeParse(raw) : null;
  let result: SearchResult | null = null;
  let problem: string | null = null;
  if (parsed && !parsed.success)
    problem = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  else if (parsed?.success) {
    try {
      result = await searchComments({
        ...parsed.data,
        publication: parsed.data.publication ?? scope.current?.id,
      });
    } catch (error) {
      if (error instanceof SearchQueryError || error instanceof BadCursorError) problem = error.message;
      else throw error;
    }
  }
  const commenterId = /^\d{1,9}$/.test(raw.commenter ?? "") ? Number(raw.commenter) : undefined;
  const options = await getSearchOptions({ commenterId, publicationId: scope.current?.id });
  const kept = Object.fromEntries(SEARCH_FILTER_KEYS.flatMap((k) => (raw[k] ? [[k, raw[k]]] : [])));
  const { commenter: _commenter, ...withoutCommenter } = kept;
  const nextHref = result?.nextCursor
    ? `/search?${new URLSearchParams({ ...kept, cursor: result.nextCursor }).toString()}`
    : null;

  return (
    <>
      <h1>Search</h1>
      <p className="subtle">
        Every comment of {scope.current ? scope.current.name : "every publication"}.{" "}
        <code>"exact phrase"</code>, <code>word*</code> for any ending, <code>OR</code> between alternatives,{" "}
        <code>-word</code> to leave out.
      </p>
      <search className="panel search-form" aria-label="Search comments">
        <form action="/search" method="get">
          <div className="search-main">
            <label htmlFor="search-q">Search for</label>
            <input id="search-q" type="search" name="q" defaultValue={raw.q ?? ""} maxLength={200} required />
            <button type="submit" className="primary">
              Search
            </button>
          </div>
          <div className="filters">
            <FilterSelect
              id="search-tone"
              name="tone"
              label="Tone"
              anyLabel="Any tone"
              options={COMMENT_FILTER_OPTIONS.tone}
              defaultValue={raw.tone ?? ""}
            />
            <FilterSelect
              id="search-stance"
              name="stance"
              label="Stance"
              anyLabel="Any stance"
              options={COMMENT_FILTER_OPTIONS.stance}
              defaultValue={raw.stance ?? ""}
            />
            <FilterSelect
              id="search-sentiment"
              name="sentiment"
              label="Sentiment"
              anyLabel="Any sentiment"
              options={COMMENT_FILTER_OPTIONS.sentiment}
              defaultValue={raw.sentiment ?? ""}
            />
            <FilterSelect
              id="search-status"
              name="status"
              label="Status"
              anyLabel="Any status"
              options={COMMENT_FILTER_OPTIONS.status}
              defaultValue={raw.status ?? ""}
            />
            <FilterSelect
              id="search-post"
              name="post"
              label="Post"
              anyLabel="Every post"
              options={options.posts.map((p) => ({ value: String(p.id), label: p.title || "(untitled)" }))}
              defaultValue={raw.post ?? ""}
            />
            <span>
              <label htmlFor="search-from">From</label>
              <input id="search-from" type="date" name="from" defaultValue={raw.from ?? ""} />
            </span>
            <span>
              <label htmlFor="search-to">To</label>
              <input id="search-to" type="date" name="to" defaultValue={raw.to ?? ""} />
            </span>
            <span>
              <label htmlFor="search-sort">Order</label>
              <select id="search-sort" name="sort" defaultValue={raw.sort ?? "newest"}>
                <option value="newest">Newest first</option>
                <option value="oldest">Oldest first</option>
                <option value="relevance">Best match first</option>
              </select>
            </span>
            {options.commenter && (
              <span className="chip">
                <input type="hidden" name="commenter" value={options.commenter.id} />
                By {options.commenter.name} ·{" "}
                <Link href={`/search?${new URLSearchParams(withoutCommenter).toString()}`}>
                  any commenter
                </Link>
              </span>
            )}
          </div>
        </form>
      </search>

      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {result && (
        <section className="panel" aria-labelledby="search-results-title">
          <h2 id="search-results-title">
            {result.hits.length === 0
              ? `Nothing matches ${result.query}`
              : `Comments matching ${result.query}${raw.cursor ? " (continued)" : ""}`}
          </h2>
          <KeyboardList className="search-hits" testId="search-hits">
            {result.hits.map((hit) => (
              <li key={hit.commentId} className="search-hit" data-testid="search-hit">
                <p className="search-hit-head">
                  <Link href={hit.href} data-list-key>
                    <strong>{hit.authorName}</strong> on {hit.postTitle || "(untitled)"}
                  </Link>{" "}
                  <span className="subtle">
                    <LocalTime iso={hit.postedAt} />
                  </span>{" "}
                  {hit.tone && <ToneBadge tone={hit.tone} />}{" "}
                  {hit.stance && <StanceBadge stance={hit.stance} />}
                  {hit.status === "REJECTED" && <span className="badge badge-warn">Rejected</span>}
                  {hit.status === "SYSTEM_WITHHELD" && <span className="badge badge-warn">Withheld</span>}
                </p>
                <p className="search-hit-text">
                  <HighlightedText segments={hit.highlight} />
                </p>
                {hit.commenterId !== null && (
                  <p className="subtle search-hit-more">
                    <Link
                      href={`/search?${new URLSearchParams({ ...kept, commenter: String(hit.commenterId) })}`}
                    >
                      Only {hit.authorName}'s comments
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </KeyboardList>
          <p className="pager">
            {raw.cursor && <Link href={`/search?${new URLSearchParams(kept).toString()}`}>First page</Link>}
            {nextHref && (
              <Link href={nextHref} rel="next" className="button">
                Next page
              </Link>
            )}
          </p>
        </section>
      )}
    </>
  );
}
