import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/session";
import { listUsers } from "@/lib/server/users";
import { UsersAdmin } from "../../_components/users-admin";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const viewer = await requirePageViewer("administer");
  const users = await listUsers();
  return (
    <>
      <h1>Users</h1>
      <p className="subtle">
        Authors manage everything; moderators work the queue; viewers read. Every change is in the moderation
        log.
      </p>
      <UsersAdmin initialData={{ users }} viewerId={viewer.id} />
    </>
  );
}
