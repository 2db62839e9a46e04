import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommenterComments } from "@/app/_components/commenter-comments";
import { LocalTime } from "@/app/_components/local-time";
import { ToneProfileChart } from "@/app/_components/tone-profile-chart";
import { formatInteger } from "@/lib/analytics/format";
import { getCommenterPage } from "@/lib/server/analytics/commenter-profile";
import { can } from "@/lib/server/permissions";
import { requirePageViewer } from "@/lib/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Commenter" };

export default async function CommenterPage({ params }: { params: Promise<{ commenterId: string }> }) {
  const viewer = await requirePageViewer("read");
  const { commenterId: raw } = await params;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const canModerate = can(viewer, "moderate");
  const page = await getCommenterPage(Number(raw), { includeNotes: canModerate });
  if (!page) notFound();
  const { commenter } = page;
  return (
    <>
      <p className="crumbs">
        <Link href="/">Overview</Link> / {commenter.publicationName} / commenters
      </p>
      <h1>{commenter.name}</h1>
      <p className="subtle">
        {commenter.handle && `@${commenter.handle} · `}
        First seen <LocalTime iso={commenter.firstSeenAt} format="date" /> ·{" "}
        {formatInteger(commenter.comments)} comments on {formatInteger(commenter.posts)} posts ·{" "}
        {formatInteger(commenter.stances.disagree)} disagreeing ·{" "}
        <span className="badge" data-testid="commenter-status">
          {commenter.status.toLowerCase()}
        </span>
      </p>
      <section className="panel">
        <ToneProfileChart
          name={commenter.name}
          person={commenter.tones}
          publication={commenter.publicationTones}
        />
      </section>
      {canModerate && (
        <section className="panel" aria-labelledby="notes-title">
          <h2 id="notes-title">Moderator notes</h2>
          {commenter.notes.length === 0 ? (
            <p className="subtle">No notes yet. Moderators add notes from the moderation queue.</p>
          ) : (
            <ul>
              {commenter.notes.map((n) => (
                <li key={n.id}>
                  <span className="subtle">
                    <LocalTime iso={n.createdAt} /> · {n.authorName ?? "someone"}:
                  </span>{" "}
                  {n.body}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="comments-title">
        <h2 id="comments-title">Their comments, newest first</h2>
        <CommenterComments initial={page} canModerate={canModerate} />
      </section>
    </>
  );
}
