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
import type { PublicationSettings, SaveSettingsResult } from "@/lib/schemas/moderation-settings";
import { appendLog } from "@/lib/server/audit-log";
import { notFound } from "@/lib/server/domain-error";
import type { Viewer } from "@/lib/server/permissions";
import { moderateComments } from "./auto-moderate";

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
  const rows = await db().publication.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, moderationSettings: true },
  });
  return new Map(rows.map((p) => [p.id, readSettings(p.moderationSettings).settings]));
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
 * The rule re-run job's work (QUEUES.rerunRules): re-applies the automatic rules, with the current settings, to
 * the publication's comments nobody has decided on (status NONE), a chunk at a time, each chunk committed with
 * its decision rows (logged as the system's: a rule decided them). One RULES_RERUN row records who asked and
 * what came of it. Safe to run again after a kill: decided comments are no longer NONE, and a rule's open
 * flag is never raised twice.
 */
export async function runRulesRerun(publicationId: number, actorId: string | null): Promise<RerunOutcome> {
  const publication = await db().publication.findUnique({
    where: { id: publicationId },
    select: { id: true },
  });
  if (!publication) return { publicationId, checked: 0, decided: 0 };
  let checked = 0;
  let decided = 0;
  let lastId = 0;
  for (;;) {
    const rows = await sql()<{ id: number }[]>`
      SELECT id FROM comment
      WHERE publication_id = ${publicationId} AND status = 'NONE' AND body IS NOT NULL AND id > ${lastId}
      ORDER BY id LIMIT ${RERUN_CHUNK}`;
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    lastId = ids[ids.length - 1] as number;
    checked += ids.length;
    decided += await moderateComments(sql(), ids);
  }
  await appendLog(db(), {
    actorId,
    action: "RULES_RERUN",
    targetType: "PUBLICATION",
    targetId: String(publicationId),
    publicationId,
    note: "moderation rules re-run on undecided comments",
    after: { checked, decided },
  });
  return { publicationId, checked, decided };
}

const RERUN_CHUNK = 5000;

export interface RerunOutcome {
  publicationId: number;
  checked: number;
  decided: number;
}
