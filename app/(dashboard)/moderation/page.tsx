import type { Metadata } from "next";
import Link from "next/link";
import { listFlaggablePosts, listOpenPostFlags } from "@/lib/server/flags";
import { listQueue, queueCounts } from "@/lib/server/moderation/queue";
import { can } from "@/lib/server/permissions";
import { pagePublicationId } from "@/lib/server/publication-scope";
import { requirePageViewer } from "@/lib/server/session";
import { ModerationPostFlags } from "../../_components/moderation-post-flags";
import { QueueBoard } from "../../_components/queue-board";

export const metadata: Metadata = { title: "Moderation" };
export const dynamic = "force-dynamic";

export default async function ModerationPage() {
  const viewer = await requirePageViewer("moderate");
  const publicationId = await pagePublicationId();
  const [initialPage, initialCounts, flags, posts] = await Promise.all([
    listQueue({ tab: "needs_review", limit: 25, publicationId }),
    queueCounts(publicationId),
    listOpenPostFlags({ publicationId }),
    listFlaggablePosts(publicationId),
  ]);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Moderation</h1>
          <p className="subtle">
            Review what the rules held and what people reported. Decisions are recorded here; act on Substack
            with the link on each comment. Press <kbd>?</kbd> for the keys.
          </p>
        </div>
        <Link href="/moderation/log" className="button">
          Moderation log
        </Link>
      </div>
      <QueueBoard initialPage={initialPage} initialCounts={initialCounts} />
      <ModerationPostFlags initialData={{ flags }} posts={posts} canResolve={can(viewer, "administer")} />
    </>
  );
}
