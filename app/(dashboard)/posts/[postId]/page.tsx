import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/app/_components/local-time";
import { PostArgumentsPanel } from "@/app/_components/post-arguments";
import { PostDashboard } from "@/app/_components/post-dashboard";
import { formatCommentCount, formatInteger } from "@/lib/analytics/format";
import { safeHref } from "@/lib/safe-href";
import { commentFiltersFromSearchParams } from "@/lib/schemas/comment-filters";
import { getPostDashboard } from "@/lib/server/analytics/post-dashboard";
import { getPostHeader } from "@/lib/server/analytics/post-header";
import { getPostArguments } from "@/lib/server/insights/arguments";
import { can } from "@/lib/server/permissions";
import { requirePageViewer } from "@/lib/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Post" };

type Props = {
  params: Promise<{ postId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PostPage({ params, searchParams }: Props) {
  const viewer = await requirePageViewer("read");
  const { postId: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const postId = Number(raw);
  const post = await getPostHeader(postId);
  if (!post) notFound();
  const postHref = safeHref(post.url);
  const query = await searchParams;
  const filters = commentFiltersFromSearchParams(query);
  const linked =
    typeof query.comment === "string" && /^\d{1,9}$/.test(query.comment) ? Number(query.comment) : undefined;
  const [initial, argumentGroups] = await Promise.all([
    getPostDashboard(postId, filters, { from: linked }),
    getPostArguments(postId),
  ]);

  return (
    <>
      <p className="crumbs">
        <Link href="/">Overview</Link> / {post.publicationName}
      </p>
      <h1>{post.title || "(untitled)"}</h1>
      {post.subtitle && <p className="subtle">{post.subtitle}</p>}
      <p className="post-meta subtle">
        {post.publishedAt ? (
          <>
            Published <LocalTime iso={post.publishedAt} format="date" />
          </>
        ) : (
          "Publication date unknown"
        )}
        {" · "}
        {formatCommentCount(post.comments, post.deleted)} · {formatInteger(post.commenters)} commenters
        {" · "}
        {formatInteger(post.openFlags)} open {post.openFlags === 1 ? "flag" : "flags"}
        {postHref && (
          <>
            {" · "}
            <a href={postHref} target="_blank" rel="noreferrer noopener">
              Read on Substack
            </a>
          </>
        )}
      </p>
      <p className="post-actions">
        <a
          className="button"
          href={`/api/posts/${post.id}/export?format=csv`}
          download
          data-testid="export-csv"
        >
          Download CSV
        </a>
        <a className="button" href={`/api/posts/${post.id}/export?format=json`} download>
          Download JSON
        </a>
        <Link className="button" href={`/compare?posts=${post.id}`}>
          Compare with other posts
        </Link>
        <Link className="button" href={`/posts/${post.id}/report`}>
          Printable report
        </Link>
      </p>
      {post.comments + post.deleted === 0 ? (
        <div className="panel empty">
          <p>No comments on this post yet.</p>
          <p>
            Comments arrive with the next import: run one from the <Link href="/imports">Imports</Link> page.
          </p>
        </div>
      ) : (
        <>
          <section className="panel" aria-labelledby="arguments-title">
            <h2 id="arguments-title">Arguments</h2>
            <PostArgumentsPanel data={argumentGroups} />
          </section>
          <PostDashboard
            postId={post.id}
            canModerate={can(viewer, "moderate")}
            initial={initial}
            from={linked}
          />
        </>
      )}
    </>
  );
}
