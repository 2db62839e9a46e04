"use client";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { formatInteger, formatPercent, formatSignedDecimal } from "@/lib/analytics/format";
import { safeHref } from "@/lib/safe-href";
import type { PostSummary } from "@/lib/schemas/posts";
import { LocalTime } from "./local-time";
import { TableScroll } from "./table-scroll";
import { ToneMixBar } from "./tone-mix-bar";

type SortKey = "date" | "title" | "comments" | "disagree" | "sentiment" | "flags";

const disagreeShare = (p: PostSummary) => (p.scored === 0 ? -1 : p.stances.disagree / p.scored);

const SORTERS: Record<SortKey, (a: PostSummary, b: PostSummary) => number> = {
  date: (a, b) => (a.publishedAt ?? "").localeCompare(b.publishedAt ?? ""),
  title: (a, b) => a.title.localeCompare(b.title),
  comments: (a, b) => a.comments - b.comments,
  disagree: (a, b) => disagreeShare(a) - disagreeShare(b),
  sentiment: (a, b) => (a.meanSentiment ?? -99) - (b.meanSentiment ?? -99),
  flags: (a, b) => a.openFlags - b.openFlags,
};

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "date", label: "Date", numeric: false },
  { key: "title", label: "Title", numeric: false },
  { key: "comments", label: "Comments", numeric: true },
  { key: "disagree", label: "Disagree", numeric: true },
  { key: "sentiment", label: "Mean sentiment", numeric: true },
  { key: "flags", label: "Open flags", numeric: true },
];

/** The overview's posts: sortable by any figure, searchable by title, with a selection to compare. */
export function PostsTable({ posts }: { posts: PostSummary[] }) {
  const searchId = useId();
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "date", descending: true });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const matching = needle ? posts.filter((p) => p.title.toLowerCase().includes(needle)) : posts;
    const sorted = [...matching].sort(SORTERS[sort.key]);
    return sort.descending ? sorted.reverse() : sorted;
  }, [posts, search, sort]);

  const toggleSort = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, descending: !s.descending } : { key, descending: key !== "title" },
    );
  const toggleSelected = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <div className="table-tools">
        <span>
          <label htmlFor={searchId}>Search titles</label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="e.g. sanctions"
          />
        </span>
        <span>
          {selected.size >= 2 ? (
            <Link
              className="button primary"
              href={`/compare?posts=${[...selected].join(",")}`}
              data-testid="compare-selected"
            >
              Compare {selected.size} posts
            </Link>
          ) : (
            <span className="subtle">Tick two or more posts to compare them.</span>
          )}
        </span>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {formatInteger(shown.length)} posts shown
      </p>
      <TableScroll label="Posts table">
        <table className="data" data-testid="posts-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? "num" : undefined}
                  aria-sort={sort.key === c.key ? (sort.descending ? "descending" : "ascending") : "none"}
                >
                  <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                    {c.label}
                    {sort.key === c.key ? (sort.descending ? " ↓" : " ↑") : ""}
                  </button>
                </th>
              ))}
              <th scope="col">Tone mix</th>
              <th scope="col">Substack</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((post) => (
              <tr key={post.id} data-testid="post-row">
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare “${post.title || "(untitled)"}”`}
                    checked={selected.has(post.id)}
                    onChange={() => toggleSelected(post.id)}
                  />
                </td>
                <td>{post.publishedAt ? <LocalTime iso={post.publishedAt} format="date" /> : "—"}</td>
                <td>
                  <Link href={`/posts/${post.id}`}>{post.title || "(untitled)"}</Link>
                </td>
                <td className="num">{formatInteger(post.comments)}</td>
                <td className="num">
                  {post.scored === 0 ? "—" : formatPercent(post.stances.disagree / post.scored)}
                </td>
                <td className="num">
                  {post.meanSentiment === null ? "—" : formatSignedDecimal(post.meanSentiment)}
                </td>
                <td className="num">{formatInteger(post.openFlags)}</td>
                <td>
                  <ToneMixBar tones={post.tones} />
                </td>
                <td>
                  {safeHref(post.url) ? (
                    <a
                      href={safeHref(post.url) ?? undefined}
                      target="_blank"
                      rel="noreferrer noopener"
                      aria-label={`Open “${post.title || "(untitled)"}” on Substack`}
                    >
                      Open<span aria-hidden="true"> ↗</span>
                    </a>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {shown.length === 0 && (
        <p className="empty">No post title contains “{search}”. Try a shorter word, or clear the search.</p>
      )}
    </>
  );
}
