import type { Metadata } from "next";
import Link from "next/link";
import { listPostSummaries } from "@/lib/server/analytics/post-summaries";
import { PostsOverview } from "../_components/posts-overview";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const posts = await listPostSummaries();
  return (
    <>
      <h1>How readers took each post</h1>
      <p className="subtle">Tone, stance and sentiment of every comment, scored and explained.</p>
      {posts.length === 0 ? (
        <div className="panel empty">
          <p>No posts yet.</p>
          <p>
            Import a publication on the <Link href="/imports">Imports</Link> page, or run{" "}
            <code>npm run marginalia -- import substack https://your.substack.com</code>.
          </p>
        </div>
      ) : (
        <PostsOverview initialData={{ posts }} />
      )}
    </>
  );
}
