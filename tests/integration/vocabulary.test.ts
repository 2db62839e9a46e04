import { describe, expect, test } from "vitest";
import { FlagStatus } from "@/lib/db/generated/enums";
import { ENTITY_KINDS } from "@/lib/insights/entities/types";
import { COMMENT_REASONS, POST_FLAG_REASONS, RULE_REASONS } from "@/lib/moderation/reasons";
import { COMMENT_STATUSES, COMMENTER_STATUSES } from "@/lib/moderation/types";
import { ARGUMENT_SIDES } from "@/lib/schemas/arguments";
import { IMPORT_SOURCES, IMPORT_STATUSES, PLATFORMS } from "@/lib/schemas/imports";
import { LOG_ACTIONS, LOG_TARGET_TYPES } from "@/lib/schemas/moderation-log";
import { DELIVERY_STATUSES, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/schemas/notifications";
import { LABEL_SOURCES } from "@/lib/schemas/thread";
import { USER_ROLES } from "@/lib/schemas/users";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";
import { useTestDatabase } from "../support/database";

const { sql } = useTestDatabase();

/**
 * Every PostgreSQL enum and the TypeScript list that speaks for it. `satisfies` (in each list's module) keeps a
 * list from naming a value the database lacks; this test catches the other direction (a value the migration
 * added and the list misses) and a new enum nobody listed. FlagStatus has no list of its own: code uses
 * Prisma's object, listed here so the table stays complete.
 */
const LISTS: Record<string, readonly string[]> = {
  Role: USER_ROLES,
  Platform: PLATFORMS,
  CommentStatus: COMMENT_STATUSES,
  CommenterStatus: COMMENTER_STATUSES,
  Tone: TONES,
  Stance: STANCES,
  SentimentLabel: SENTIMENT_LABELS,
  LabelSource: LABEL_SOURCES,
  CommentReason: COMMENT_REASONS,
  RuleReason: RULE_REASONS,
  PostFlagReason: POST_FLAG_REASONS,
  FlagStatus: Object.values(FlagStatus),
  ModerationActionKind: LOG_ACTIONS,
  ModerationTargetType: LOG_TARGET_TYPES,
  ImportSource: IMPORT_SOURCES,
  ImportStatus: IMPORT_STATUSES,
  ArgumentSide: ARGUMENT_SIDES,
  EntityKind: ENTITY_KINDS,
  NotificationKind: NOTIFICATION_KINDS,
  NotificationChannel: NOTIFICATION_CHANNELS,
  DeliveryStatus: DELIVERY_STATUSES,
};

async function databaseEnums(): Promise<Map<string, string[]>> {
  const rows = await sql<{ name: string; label: string }[]>`
    SELECT t.typname AS name, e.enumlabel AS label
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public'
    ORDER BY t.typname, e.enumsortorder`;
  const enums = new Map<string, string[]>();
  for (const row of rows) enums.set(row.name, [...(enums.get(row.name) ?? []), row.label]);
  return enums;
}

describe("one vocabulary: TypeScript lists and database enums", () => {
  test("every enum of the database has its list, and no list speaks for an enum that is gone", async () => {
    expect([...(await databaseEnums()).keys()].sort()).toEqual(Object.keys(LISTS).sort());
  });

  test.each(Object.keys(LISTS))("%s: the list holds exactly the database's values", async (name) => {
    const values = (await databaseEnums()).get(name) ?? [];
    expect([...(LISTS[name] ?? [])].sort()).toEqual([...values].sort());
  });
});
