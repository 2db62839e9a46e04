import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import {
  emailRecipientSchema,
  type NotificationSettings,
  type NotificationSettingsInput,
} from "@/lib/schemas/notifications";
import { appendLog } from "@/lib/server/audit-log";
import { invalid, notFound } from "@/lib/server/domain-error";
import type { Viewer } from "@/lib/server/permissions";
import { webhookGuard } from "./webhook-guard";

const RECENT_DELIVERIES = 20;

function recipientsOf(value: unknown) {
  return Array.isArray(value)
    ? value.flatMap((r) => {
        const parsed = emailRecipientSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
}

/** The newest moderation-log row: held comments up to it are not announced by settings made now. */
export async function heldWatermarkNow(tx: Prisma.TransactionClient): Promise<bigint> {
  const [latest] = await tx.moderationAction.findMany({
    orderBy: { id: "desc" },
    take: 1,
    select: { id: true },
  });
  return latest?.id ?? 0n;
}

/** A publication's notification settings (defaults when none are saved: nothing is sent) and recent deliveries. */
export async function getNotificationSettings(publicationId: number): Promise<NotificationSettings> {
  const publication = await db().publication.findUnique({
    where: { id: publicationId },
    select: { id: true, name: true, notificationSettings: true },
  });
  if (!publication) throw notFound("publication");
  const s = publication.notificationSettings;
  const deliveries = await db().notificationDelivery.findMany({
    where: { publicationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_DELIVERIES,
  });
  return {
    publicationId,
    publicationName: publication.name,
    emailRecipients: recipientsOf(s?.emailRecipients),
    webhookUrl: s?.webhookUrl ?? null,
    webhookKinds: s?.webhookKinds ?? [],
    hasWebhookSecret: Boolean(s?.webhookSecret),
    digestHourUtc: s?.digestHourUtc ?? 7,
    emailConfigured: Boolean(env().MARGINALIA_SMTP_URL),
    recentDeliveries: deliveries.map((d) => ({
      id: d.id,
      kind: d.kind,
      channel: d.channel,
      target: d.target,
      subject: d.subject,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      sentAt: d.sentAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Saves who is told what. A webhook gets a signing secret the first time (or when asked to rotate it),
 * returned once in this answer. Held comments already waiting are not announced when notifications are
 * first switched on. The change is logged (without the secret).
 */
export async function saveNotificationSettings(
  actor: Pick<Viewer, "id">,
  publicationId: number,
  input: NotificationSettingsInput,
): Promise<NotificationSettings> {
  if (input.webhookUrl !== null) {
    // Refused now rather than at every delivery; a name that does not resolve yet may later, so it is kept.
    const refusal = await webhookGuard().check(new URL(input.webhookUrl));
    if (refusal) throw invalid("bad_request", `webhook: ${refusal.message}`);
  }
  let newSecret: string | undefined;
  await db().$transaction(async (tx) => {
    const publication = await tx.publication.findUnique({
      where: { id: publicationId },
      select: { id: true },
    });
    if (!publication) throw notFound("publication");
    const before = await tx.notificationSettings.findUnique({ where: { publicationId } });
    const needsSecret = input.webhookUrl !== null && (input.rotateSecret || !before?.webhookSecret);
    if (needsSecret) newSecret = randomBytes(32).toString("hex");
    const data = {
      emailRecipients: input.emailRecipients as unknown as Prisma.InputJsonValue,
      webhookUrl: input.webhookUrl,
      webhookKinds: input.webhookUrl === null ? [] : input.webhookKinds,
      digestHourUtc: input.digestHourUtc,
      ...(needsSecret ? { webhookSecret: newSecret } : {}),
      ...(input.webhookUrl === null ? { webhookSecret: null } : {}),
    };
    await tx.notificationSettings.upsert({
      where: { publicationId },
      create: { publicationId, ...data, heldWatermark: await heldWatermarkNow(tx) },
      update: data,
    });
    const summary = (s: {
      emailRecipients: unknown;
      webhookUrl: string | null;
      webhookKinds: string[];
      digestHourUtc: number;
    }) => ({
      emailRecipients: s.emailRecipients,
      webhookUrl: s.webhookUrl,
      webhookKinds: s.webhookKinds,
      digestHourUtc: s.digestHourUtc,
    });
    await appendLog(tx, {
      actorId: actor.id,
      action: "SETTINGS_CHANGED",
      targetType: "PUBLICATION",
      targetId: String(publicationId),
      publicationId,
      note: needsSecret
        ? "notification settings saved; new webhook signing secret made"
        : "notification settings saved",
      before: before ? (summary(before) as Prisma.InputJsonValue) : undefined,
      after: summary({ ...data, webhookKinds: data.webhookKinds }) as Prisma.InputJsonValue,
    });
  });
  const saved = await getNotificationSettings(publicationId);
  return newSecret ? { ...saved, newWebhookSecret: newSecret } : saved;
}
