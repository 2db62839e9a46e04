import type { Metadata } from "next";
import Link from "next/link";
import { listMySubscriptions } from "@/lib/server/notifications/subscriptions";
import { can } from "@/lib/server/permissions";
import { requirePageViewer } from "@/lib/server/session";
import { MyNotifications } from "../../_components/my-notifications";

export const metadata: Metadata = { title: "Your notifications" };
export const dynamic = "force-dynamic";

/** What reaches the signed-in author or moderator, per publication, by e-mail to their own address. */
export default async function MyNotificationsPage() {
  const viewer = await requirePageViewer("moderate");
  const subscriptions = await listMySubscriptions(viewer);
  return (
    <>
      <h1>Your notifications</h1>
      <p className="subtle">
        Choose what reaches you from each publication, by e-mail to {viewer.email}: when a thread turns (surge
        flags), when comments are held for review, and a daily digest of what readers said.
        {can(viewer, "administer") && (
          <>
            {" "}
            Other recipients, the webhook and the digest's hour are in{" "}
            <Link href="/settings#notifications-title">Settings</Link>.
          </>
        )}
      </p>
      <MyNotifications subscriptions={subscriptions} />
    </>
  );
}
