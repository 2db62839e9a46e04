import type { Metadata } from "next";
import Link from "next/link";
import { HighlightedText } from "@/app/_components/highlighted-text";
import { KeyboardList } from "@/app/_components/keyboard-list";
import { StanceBadge, ToneBadge } from "@/app/_components/label-badges";
import { LocalTime } from "@/app/_components/local-time";
import { STANCE_LABELS } from "@/lib/analytics/chart-rows";
import { TONE_LABELS } from "@/lib/analytics/palette";
import { SearchQueryError } from "@/lib/insights/search-query";
import { COMMENT_STATUS_FILTERS } from "@/lib/schemas/comment-filters";
import { firstSearchParams } from "@/lib/schemas/route-params";
import { SEARCH_FILTER_KEYS, type SearchResult, searchParamsSchema } from "@/lib/schemas/search";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";
import { BadCursorError } from "@/lib/server/keyset-cursor";
import { searchComments } from "@/lib/server/search/search-comments";
import { getSearchOptions } from "@/lib/server/search/search-options";
import { requirePageViewer } from "@/lib/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_NAMES: Record<(typeof COMMENT_STATUS_FILTERS)[number], string> = {
  visible: "Visible",
  deleted: "Deleted or removed",
  hidden: "Hidden by automod",
  flagged: "Flagged",
  rejected: "Rejected",
  withheld: "Withheld",
  corrected: "Corrected by a person",
};

/** Full-text search of every comment: a plain GET form (filters in the URL), results with their matches marked. */
export default async function SearchPage({ searchParams }: Props) {
  await requirePageViewer("read");
  const raw = firstSearchParams(await searchParams);
  const parsed = raw.q ? searchParamsSchema.safeParse(raw) : null;
  let result: SearchResult | null = null;
  let problem: string | null = null;
  if (parsed && !parsed.success)
    problem = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  else if (parsed?.success) {
    try {
      result = await searchComments(parsed.data);
    } catch (error) {
      if (error instanceof SearchQueryError || error instanceof BadCursorError) problem = error.message;
      else throw error;
    }
  }
  const commenterId = /^\d{1,9}$/.test(raw.commenter ?? "") ? Number(raw.commenter) : undefined;
  const options = await getSearchOptions(commenterId);
  const kept = Object.fromEntries(SEARCH_FILTER_KEYS.flatMap((k) => (raw[k] ? [[k, raw[k]]] : [])));
  const { commenter: _commenter, ...withoutCommenter } = kept;
  const nextHref = result?.nextCursor
    ? `/search?${new URLSearchParams({ ...kept, cursor: result.nextCursor }).toString()}`
    : null;

  return (
    <>
      <h1>Search</h1>
      <p className="subtle">
        Every comment of every publication. <code>"exact phrase"</code>, <code>word*</code> for any ending,{" "}
        <code>OR</code> between alternatives, <code>-word</code> to leave out.
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
            <span>
              <label htmlFor="search-tone">Tone</label>
              <select id="search-tone" name="tone" defaultValue={raw.tone ?? ""}>
                <option value="">Any tone</option>
                {TONES.map((t) => (
                  <option key={t} value={t}>
                    {TONE_LABELS[t]}
                  </option>
                ))}
              </select>
            </span>
            <span>
              <label htmlFor="search-stance">Stance</label>
              <select id="search-stance" name="stance" defaultValue={raw.stance ?? ""}>
                <option value="">Any stance</option>
                {STANCES.map((s) => (
                  <option key={s} value={s}>
                    {STANCE_LABELS[s]}
                  </option>
                ))}
              </select>
            </span>
            <span>
              <label htmlFor="search-sentiment">Sentiment</label>
              <select id="search-sentiment" name="sentiment" defaultValue={raw.sentiment ?? ""}>
                <option value="">Any sentiment</option>
                {SENTIMENT_LABELS.map((s) => (
                  <option key={s} value={s}>
                    {s[0]!.toUpperCase() + s.slice(1)}
                  </option>
                ))}
              </select>
            </span>
            <span>
              <label htmlFor="search-status">Status</label>
              <select id="search-status" name="status" defaultValue={raw.status ?? ""}>
                <option value="">Any status</option>
                {COMMENT_STATUS_FILTERS.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_NAMES[s]}
                  </option>
                ))}
              </select>
            </span>
            {options.publications.length > 1 && (
              <span>
                <label htmlFor="search-publication">Publication</label>
                <select id="search-publication" name="publication" defaultValue={raw.publication ?? ""}>
                  <option value="">Every publication</option>
                  {options.publications.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </span>
            )}
            <span>
              <label htmlFor="search-post">Post</label>
              <select id="search-post" name="post" defaultValue={raw.post ?? ""}>
                <option value="">Every post</option>
                {options.posts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title || "(untitled)"}
                  </option>
                ))}
              </select>
            </span>
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
