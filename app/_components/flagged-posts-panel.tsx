import Link from "next/link";
import { POST_FLAG_REASON_LABELS } from "@/lib/moderation/reasons";
import { listOpenPostFlags } from "@/lib/server/flags";

/**
 * Server component for the overview: posts with open flags from moderators. Drop in as <FlaggedPostsPanel />;
 * it renders nothing when no post is flagged. Resolving happens on /moderation (author only).
 */
export async function FlaggedPostsPanel() {
  const flags = await listOpenPostFlags();
  if (flags.length === 0) return null;
  const labels = POST_FLAG_REASON_LABELS as Record<string, string>;
  return (
    <section className="panel" aria-labelledby="flagged-posts-title" data-testid="flagged-posts-panel">
      <h2 id="flagged-posts-title">Flagged posts</h2>
      <ul className="flag-list">
        {flags.map((flag) => (
          <li key={flag.id}>
            <span className="badge badge-flag">{labels[flag.reason] ?? flag.reason}</span>{" "}
            <Link href={`/posts/${flag.post.id}`}>{flag.post.title || "(untitled)"}</Link>
            {flag.note && <span className="subtle"> — {flag.note}</span>}
            {flag.raisedBy && <span className="subtle"> ({flag.raisedBy})</span>}
          </li>
        ))}
      </ul>
      <p className="subtle">
        <Link href="/moderation#post-flags">Resolve or dismiss on the moderation page</Link>
      </p>
    </section>
  );
}
