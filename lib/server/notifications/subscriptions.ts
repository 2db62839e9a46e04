import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { NotificationKindName } from "@/lib/insights/notifications";
import { type MySubscription, NOTIFICATION_KINDS } from "@/lib/schemas/notifications";
import { notFound } from "@/lib/server/domain-error";
import type { Viewer } from "@/lib/server/permissions";
import { heldWatermarkNow } from "./settings";

/**
 * Authors and moderators choose for themselves what reaches them from each publication, by e-mail to their
 * account's address (beside the recipients and webhook the author sets for everyone). Checked again when a
 * message is queued: a disabled account, or one no longer author or moderator, receives nothing.
 */

function view(
  viewer: Pick<Viewer, "email">,
  publication: { id: number; name: string },
  kinds: readonly NotificationKindName[],
): MySubscription {
  return {
    publicationId: publication.id,
    publicationName: publication.name,
    email: viewer.email,
    kinds: NOTIFICATION_KINDS.filter((k) => kinds.includes(k)),
    emailConfigured: Boolean(env().MARGINALIA_SMTP_URL),
  };
}

/** The viewer's choices for every publication (nothing chosen where they never chose). */
export async function listMySubscriptions(viewer: Pick<Viewer, "id" | "email">): Promise<MySubscription[]> {
  const publications = await db().publication.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      notificationSubscriptions: { where: { userId: viewer.id }, select: { kinds: true } },
    },
  });
  return publications.map((p) => view(viewer, p, p.notificationSubscriptions[0]?.kinds ?? []));
}

export async function getMySubscription(
  viewer: Pick<Viewer, "id" | "email">,
  publicationId: number,
): Promise<MySubscription> {
  const publication = await db().publication.findUnique({
    where: { id: publicationId },
    select: {
      id: true,
      name: true,
      notificationSubscriptions: { where: { userId: viewer.id }, select: { kinds: true } },
    },
  });
  if (!publication) throw notFound("publication");
  return view(viewer, publication, publication.notificationSubscriptions[0]?.kinds ?? []);
}

/**
 * Saves the viewer's choice. The publication gets its notification settings row if it had none (nothing else
 * is switched on by it), so the held-comment and digest steps look at it; comments held before now are not
 * announced.
 */
export async function saveMySubscription(
  viewer: Pick<Viewer, "id" | "email">,
  publicationId: number,
  kinds: readonly NotificationKindName[],
): Promise<MySubscription> {
  const chosen = NOTIFICATION_KINDS.filter((k) => kinds.includes(k));
  await db().$transaction(async (tx) => {
    const publication = await tx.publication.findUnique({
      where: { id: publicationId },
      select: { id: true },
    });
    if (!publication) throw notFound("publication");
    await tx.notificationSubscription.upsert({
      where: { userId_publicationId: { userId: viewer.id, publicationId } },
      create: { userId: viewer.id, publicationId, kinds: chosen },
      update: { kinds: chosen },
    });
    if (chosen.length > 0 && !(await tx.notificationSettings.findUnique({ where: { publicationId } })))
      await tx.notificationSettings.create({
        data: { publicationId, heldWatermark: await heldWatermarkNow(tx) },
      });
  });
  return getMySubscription(viewer, publicationId);
}
