import { z } from "zod";
import { notificationSettingsInputSchema } from "@/lib/schemas/notifications";
import { route } from "@/lib/server/api";
import { getNotificationSettings, saveNotificationSettings } from "@/lib/server/notifications/settings";

export const dynamic = "force-dynamic";

const paramsSchema = z.strictObject({
  publicationId: z
    .string()
    .regex(/^\d{1,9}$/, { message: "publicationId must be a positive whole number" })
    .transform(Number),
});

/** GET: who is told what for this publication, and the recent deliveries (never the webhook secret). */
export const GET = route({ capability: "administer", params: paramsSchema }, async ({ params }) =>
  getNotificationSettings(params.publicationId),
);

/** PUT: save the settings; a new webhook signing secret is returned once, in this answer. */
export const PUT = route(
  { capability: "administer", params: paramsSchema, body: notificationSettingsInputSchema },
  async ({ viewer, params, body }) => saveNotificationSettings(viewer, params.publicationId, body),
);
