"use client";
import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { formatInteger, formatPercent, formatSignedDecimal } from "@/lib/analytics/format";
import { safeHref } from "@/lib/safe-href";
import { defaultPostOrder, type PostSort, type PostSummary, type PostTableState } from "@/lib/schemas/posts";
import { LocalTime } from "./local-time";
import { TableScroll } from "./table-scroll";
import { ToneMixBar } from "./tone-mix-bar";

const COLUMNS: { key: PostSort; label: string; numeric: boolean }[] = [
  { key: "date", label: "Date", numeric: false },
  { key: "title", label: "Title", numeric: false },
  { key: "comments", label: "Comments", numeric: true },
  { key: "disagree", label: "Disagree", numeric: true },
  { key: "sentiment", label: "Mean sentiment", numeric: true },
  { key: "flags", label: "Open flags", numeric: true },
];

/** How long typing pauses before the title search is sent. */
const SEARCH_DELAY_MS = 300;

/**
 * The overview's posts, in the order and with the title search the server applied over every post in the range
 * (the table shows the pages loaded so far), with a selection to compare.
 */
export function PostsTable({
  posts,
  table,
  onTableChange,
}: {
  posts: PostSummary[];
  table: PostTableState;
  onTableChange: (next: PostTableState) => void;
}) {
  const searchId = useId();
  const [search, setSearch] = useState(table.q);
  /** The search last sent to the address (or found there). */
  const [sent, setSent] = useState(table.q);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());

  // The address moved on its own (back, forward, a link): the box follows it. A search this box sent is
  // not one, so typing on while it lands loses nothing.
  if (table.q !== sent) {
    setSent(table.q);
    setSearch(table.q);
  }
  useEffect(() => {
    const q = search.trim();
    if (q === sent) return;
    const timer = setTimeout(() => {
      setSent(q);
      onTableChange({ ...table, q });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, sent, table, onTableChange]);

  const toggleSort = (key: PostSort) =>
    onTableChange({
      ...table,
      sort: key,
      order: table.sort === key ? (table.order === "desc" ? "asc" : "desc") : defaultPostOrder(key),
    });
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
                  aria-sort={
                    table.sort === c.key ? (table.order === "desc" ? "descending" : "ascending") : "none"
                  }
                >
                  <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                    {c.label}
                    {table.sort === c.key ? (table.order === "desc" ? " ↓" : " ↑") : ""}
                  </button>
                </th>
              ))}
              <th scope="col">Tone mix</th>
              <th scope="col">Substack</th>
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => (
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
      {posts.length === 0 && table.q && (
        <p className="empty">No post title contains “{table.q}”. Try a shorter word, or clear the search.</p>
      )}
    </>
  );
}
