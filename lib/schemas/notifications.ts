import { z } from "zod";
import type { DeliveryStatus, NotificationChannel, NotificationKind } from "@/lib/db/generated/enums";

/** The database enums NotificationKind, NotificationChannel and DeliveryStatus. */
export const NOTIFICATION_KINDS = [
  "SURGE",
  "HELD_COMMENTS",
  "DAILY_DIGEST",
] as const satisfies readonly NotificationKind[];
export const NOTIFICATION_CHANNELS = ["EMAIL", "WEBHOOK"] as const satisfies readonly NotificationChannel[];
export const DELIVERY_STATUSES = ["PENDING", "SENT", "FAILED"] as const satisfies readonly DeliveryStatus[];

export const emailRecipientSchema = z.object({
  email: z.email({ message: "must be an e-mail address" }).max(254),
  kinds: z.array(z.enum(NOTIFICATION_KINDS)).max(3),
});

/** PUT /api/publications/[publicationId]/notifications */
export const notificationSettingsInputSchema = z.strictObject({
  emailRecipients: z.array(emailRecipientSchema).max(20),
  webhookUrl: z
    .url({ protocol: /^https?$/, message: "must be an http(s) address" })
    .max(2000)
    .nullable(),
  webhookKinds: z.array(z.enum(NOTIFICATION_KINDS)).max(3),
  /** Make a new signing secret (shown once in the answer); the first webhook gets one either way. */
  rotateSecret: z.boolean().default(false),
  digestHourUtc: z.number().int().min(0).max(23),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsInputSchema>;

export const deliverySchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  channel: z.enum(NOTIFICATION_CHANNELS),
  target: z.string(),
  subject: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const notificationSettingsSchema = z.object({
  publicationId: z.number().int(),
  publicationName: z.string(),
  emailRecipients: z.array(emailRecipientSchema),
  webhookUrl: z.string().nullable(),
  webhookKinds: z.array(z.enum(NOTIFICATION_KINDS)),
  /** Whether a signing secret is set (the secret itself is never returned, but once when made). */
  hasWebhookSecret: z.boolean(),
  /** Present only in the answer to the save that made it. */
  newWebhookSecret: z.string().optional(),
  digestHourUtc: z.number().int(),
  /** E-mail can be sent only with MARGINALIA_SMTP_URL set. */
  emailConfigured: z.boolean(),
  recentDeliveries: z.array(deliverySchema),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** PUT /api/publications/[publicationId]/notifications/mine: what reaches the signed-in author or moderator. */
export const mySubscriptionInputSchema = z.strictObject({
  kinds: z.array(z.enum(NOTIFICATION_KINDS)).max(3),
});
export type MySubscriptionInput = z.infer<typeof mySubscriptionInputSchema>;

export const mySubscriptionSchema = z.object({
  publicationId: z.number().int(),
  publicationName: z.string(),
  /** Sent by e-mail to the account's own address. */
  email: z.string(),
  kinds: z.array(z.enum(NOTIFICATION_KINDS)),
  emailConfigured: z.boolean(),
});
export type MySubscription = z.infer<typeof mySubscriptionSchema>;
