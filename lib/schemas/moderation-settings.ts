import { z } from "zod";
import { type ModerationSettings, moderationSettingsSchema } from "@/lib/moderation/settings";
import { rowId } from "./bounds";

/** PUT /api/settings/moderation: a publication's whole settings object, validated by lib/moderation. */
export const saveSettingsBodySchema = z.strictObject({
  publicationId: rowId,
  settings: moderationSettingsSchema,
});

/** POST /api/settings/moderation/rerun */
export const rerunRulesBodySchema = z.strictObject({ publicationId: rowId });

export interface PublicationSettings {
  id: number;
  name: string;
  settings: ModerationSettings;
  /** The stored JSON did not validate; the form shows the defaults and saving replaces it. */
  invalidStored: boolean;
}

export interface SettingsList {
  publications: PublicationSettings[];
}

export interface SaveSettingsResult {
  publicationId: number;
  changed: boolean;
  settings: ModerationSettings;
}

/** The re-run is a job (any worker runs it); its outcome goes to the moderation log (RULES_RERUN). */
export interface RerunResult {
  publicationId: number;
  /** False when a re-run for the publication was already waiting: that one will apply the current settings. */
  queued: boolean;
}
