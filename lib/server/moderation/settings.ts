import "server-only";
import { isDeepStrictEqual } from "node:util";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { sql } from "@/lib/db/sql";
import {
  DEFAULT_MODERATION_SETTINGS,
  type ModerationSettings,
  parseModerationSettings,
} from "@/lib/moderation/settings";
import type { PublicationSettings, RerunResult, SaveSettingsResult } from "@/lib/schemas/moderation-settings";
import { appendLog } from "@/lib/server/audit-log";
import { notFound } from "@/lib/server/domain-error";
import { enqueueRulesRerun } from "@/lib/server/jobs/queue";
import type { Viewer } from "@/lib/server/permissions";

type Actor = Pick<Viewer, "id">;

function readSettings(json: unknown): { settings: ModerationSettings; invalidStored: boolean } {
  try {
    return { settings: parseModerationSettings(json), invalidStored: false };
  } catch {
    return { settings: DEFAULT_MODERATION_SETTINGS, invalidStored: true };
  }
}

/** The settings of the given publications (the defaults where the stored ones do not validate). */
export async function settingsOfPublications(
  ids: readonly number[],
): Promise<Map<number, ModerationSettings>> {
  if (ids.length === 0) return new Map();
  // postgres.js, not Prisma: the queue calls this on every page, and a model read cost it 3-4x the CPU.
  const rows = await sql()<{ id: number; moderation_settings: unknown }[]>`
    SELECT id, moderation_settings FROM publication WHERE id = ANY(${[...new Set(ids)]}::int[])`;
  return new Map(rows.map((p) => [p.id, readSettings(p.moderation_settings).settings]));
}

/** Every publication's moderation settings with the defaults filled in. */
export async function listModerationSettings(): Promise<PublicationSettings[]> {
  const publications = await db().publication.findMany({
    select: { id: true, name: true, moderationSettings: true },
    // Ties broken by id: two publications may share a name, and the form and the API must list them alike.
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return publications.map((p) => ({ id: p.id, name: p.name, ...readSettings(p.moderationSettings) }));
}

/**
 * Saves a publication's word lists and thresholds (already validated by moderationSettingsSchema) and logs
 * SETTINGS_CHANGED with the settings before and after. Saving identical settings writes nothing.
 * New comments use them at once; existing ones only through a rule re-run (`runRulesRerun`, a job).
 */
export async function saveModerationSettings(
  actor: Actor,
  publicationId: number,
  settings: ModerationSettings,
): Promise<SaveSettingsResult> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ moderation_settings: unknown }[]>`
      SELECT moderation_settings FROM publication WHERE id = ${publicationId} FOR UPDATE`;
    if (!row) throw notFound("publication");
    const before = row.moderation_settings;
    if (isDeepStrictEqual(readSettings(before).settings, settings) && !readSettings(before).invalidStored) {
      return { publicationId, changed: false, settings };
    }
    const after = settings as unknown as Prisma.InputJsonValue;
    await tx.publication.update({ where: { id: publicationId }, data: { moderationSettings: after } });
    await appendLog(tx, {
      actorId: actor.id,
      action: "SETTINGS_CHANGED",
      targetType: "PUBLICATION",
      targetId: String(publicationId),
      publicationId,
      note: "moderation settings",
      before: (before ?? {}) as Prisma.InputJsonValue,
      after,
    });
    return { publicationId, changed: true, settings };
  });
}

/**
 * Asks for the rules to be re-applied to a publication's undecided comments: a job (QUEUES.rerunRules) that
 * any worker runs, never the request itself, which would hold a web process for as long as a large
 * publication takes.
 */
export async function requestRulesRerun(
  actor: Pick<Viewer, "id">,
  publicationId: number,
): Promise<RerunResult> {
  const publication = await db().publication.findUnique({
    where: { id: publicationId },
    select: { id: true },
  });
  if (!publication) throw notFound("publication");
  const jobId = await enqueueRulesRerun({ publicationId, actorId: actor.id });
  return { publicationId, queued: jobId !== null };
}
