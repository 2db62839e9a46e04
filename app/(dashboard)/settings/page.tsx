import type { Metadata } from "next";
import Link from "next/link";
import { listModerationSettings } from "@/lib/server/moderation/settings";
import { pagePublicationId } from "@/lib/server/publication-scope";
import { listPublicationLearning } from "@/lib/server/scoring/publication-model";
import { requirePageViewer } from "@/lib/server/session";
import { LearningFromCorrections } from "../../_components/learning-from-corrections";
import { NotificationSettingsSection } from "../../_components/notification-settings";
import { SettingsForm } from "../../_components/settings-form";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requirePageViewer("administer");
  const publications = await listModerationSettings();
  const learning = await listPublicationLearning();
  const scoped = await pagePublicationId();
  return (
    <>
      <h1>Moderation settings</h1>
      <p className="subtle">
        Word lists and thresholds per publication. A change applies to new comments; re-run the rules to apply
        it to comments nobody has decided on yet. Every save is in the moderation log.
      </p>
      <SettingsForm publications={publications} initialPublicationId={scoped} />
      <LearningFromCorrections
        publications={scoped === undefined ? learning : learning.filter((p) => p.publicationId === scoped)}
      />
      <section className="panel" aria-labelledby="notifications-title">
        <h2 id="notifications-title">Notifications</h2>
        <p className="subtle">
          Who is told when a thread turns (surge flags), when comments are held for review, and what readers
          said each day. Nothing is sent until it is set here, or until authors and moderators choose what
          reaches them on <Link href="/notifications">Your notifications</Link>.
        </p>
        <NotificationSettingsSection
          publications={publications.map((p) => ({ id: p.id, name: p.name }))}
          initialPublicationId={scoped}
        />
      </section>
    </>
  );
}
