import { z } from "zod";
import {
  type SaveSettingsResult,
  type SettingsList,
  saveSettingsBodySchema,
} from "@/lib/schemas/moderation-settings";
import { route } from "@/lib/server/api";
import { listModerationSettings, saveModerationSettings } from "@/lib/server/moderation/settings";

export const dynamic = "force-dynamic";

/** GET /api/settings/moderation: every publication's word lists and thresholds (defaults filled in). */
export const GET = route(
  { capability: "administer", query: z.strictObject({}) },
  async (): Promise<SettingsList> => ({ publications: await listModerationSettings() }),
);

/** PUT /api/settings/moderation: replace a publication's moderation settings (logged with before and after). */
export const PUT = route(
  { capability: "administer", body: saveSettingsBodySchema },
  async ({ viewer, body }): Promise<SaveSettingsResult> =>
    saveModerationSettings(viewer, body.publicationId, body.settings),
);
