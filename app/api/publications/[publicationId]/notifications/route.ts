import { notificationSettingsInputSchema } from "@/lib/schemas/notifications";
import { publicationIdParamsSchema } from "@/lib/schemas/route-params";
import { route } from "@/lib/server/api";
import { getNotificationSettings, saveNotificationSettings } from "@/lib/server/notifications/settings";

export const dynamic = "force-dynamic";

/** GET: who is told what for this publication, and the recent deliveries (never the webhook secret). */
export const GET = route(
  { capability: "administer", params: publicationIdParamsSchema },
  async ({ params }) => getNotificationSettings(params.publicationId),
);

/** PUT: save the settings; a new webhook signing secret is returned once, in this answer. */
export const PUT = route(
  { capability: "administer", params: publicationIdParamsSchema, body: notificationSettingsInputSchema },
  async ({ viewer, params, body }) => saveNotificationSettings(viewer, params.publicationId, body),
);
