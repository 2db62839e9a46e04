import Link from "next/link";
import { formatInteger } from "@/lib/analytics/format";
import type { PostSummary } from "@/lib/schemas/posts";

/**
 * The range's posts with open flags (on the post itself or its comments), as the server picked them: those a
 * moderator flagged for the author first, then by how many flags are open. The figures of a flag the system
 * raised (a thread turning) show beneath.
 */
export function FlaggedPosts({ flagged }: { flagged: { posts: PostSummary[]; total: number } | null }) {
  if (!flagged || flagged.total === 0)
    return <p className="subtle">No open flags on the posts in this range.</p>;
  return (
    <>
      <ul className="flagged-posts" data-testid="flagged-posts">
        {flagged.posts.map((p) => (
          <li key={p.id}>
            <Link href={`/posts/${p.id}?status=flagged`}>{p.title || "(untitled)"}</Link>{" "}
            <span className="subtle">
              {formatInteger(p.openFlags)} open flags
              {p.openPostFlags > 0 &&
                ` · on the post: ${p.postFlagReasons.map((r) => r.toLowerCase().replaceAll("_", " ")).join(", ")}`}
            </span>
            {p.systemPostFlagNotes.map((note) => (
              <p key={note} className="subtle flag-note" data-testid="system-flag-note">
                {note}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {flagged.total > flagged.posts.length && (
        <p className="subtle">
          and {formatInteger(flagged.total - flagged.posts.length)} more posts with open flags: see the{" "}
          <Link href="/moderation">moderation queue</Link>.
        </p>
      )}
    </>
  );
}
