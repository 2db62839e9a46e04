"use client";
import { usePostsQuery } from "@/lib/client/use-posts-query";
import type { PostListResponse } from "@/lib/schemas/posts";
import { ToneMixBar } from "./tone-mix-bar";
import { ToneShareChart } from "./tone-share-chart";

export function PostsOverview({ initialData }: { initialData: PostListResponse }) {
  const { data, error, isFetching } = usePostsQuery(initialData);
  if (error) return <p className="error" role="alert">Could not load the posts: {error.message}</p>;
  const posts = data?.posts ?? [];
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
  const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  return (
    <>
      <section className="panel" aria-labelledby="tone-share-title">
        <h2 id="tone-share-title">Tone of the comments, post by post</h2>
        <ToneShareChart posts={posts} />
      </section>
      <section className="panel" aria-labelledby="posts-title" aria-busy={isFetching}>
        <h2 id="posts-title">Posts</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col" className="num">Comments</th>
              <th scope="col">Tone mix</th>
              <th scope="col" className="num">Disagree</th>
              <th scope="col" className="num">Mean sentiment</th>
              <th scope="col" className="num">Open flags</th>
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => (
              <tr key={post.id} data-testid="post-row">
                <td>{post.publishedAt ? dateFormat.format(new Date(post.publishedAt)) : "—"}</td>
                <td>
                  <a href={`/posts/${post.id}`}>{post.title || "(untitled)"}</a>
                </td>
                <td className="num">{post.comments.toLocaleString()}</td>
                <td>
                  <ToneMixBar tones={post.tones} />
                </td>
                <td className="num">{post.stances.disagree.toLocaleString()}</td>
                <td className="num">{post.meanSentiment === null ? "—" : number.format(post.meanSentiment)}</td>
                <td className="num">{post.openFlags.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
