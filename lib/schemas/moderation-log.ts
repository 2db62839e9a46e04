import { z } from "zod";
import type { ModerationActionKind, ModerationTargetType } from "@/lib/db/generated/enums";
import { bigRowIdText, calendarDay, rowIdText } from "./bounds";

/** The database enums ModerationActionKind and ModerationTargetType: what the log can be filtered by. */
export const LOG_ACTIONS = [
  "COMMENT_APPROVED",
  "COMMENT_REJECTED",
  "COMMENT_WITHHELD",
  "COMMENT_FLAGGED",
  "POST_FLAGGED",
  "FLAG_RESOLVED",
  "FLAG_DISMISSED",
  "NOTE_ADDED",
  "COMMENTER_STATUS_CHANGED",
  "LABEL_CORRECTED",
  "IMPORT_STARTED",
  "IMPORT_RESUMED",
  "IMPORT_FINISHED",
  "SETTINGS_CHANGED",
  "RULES_RERUN",
  "USER_CREATED",
  "USER_ROLE_CHANGED",
  "DECISION_UNDONE",
  "PUBLICATION_MODEL_REFITTED",
  "PUBLICATION_MODEL_ACTIVATED",
  "PUBLICATION_MODEL_DEACTIVATED",
  "USER_DISABLED",
  "USER_ENABLED",
  "USER_PASSWORD_RESET",
  "USER_SESSIONS_REVOKED",
] as const satisfies readonly ModerationActionKind[];
export const LOG_TARGET_TYPES = [
  "COMMENT",
  "POST",
  "COMMENTER",
  "PUBLICATION",
  "IMPORT_RUN",
  "USER",
] as const satisfies readonly ModerationTargetType[];

/**
 * Filters of the log page, its JSON route and its CSV export. `actor` is a user id or "system"; dates are
 * whole UTC days, both ends included; `publicationId` keeps one publication's rows (the routes fill it from
 * the switcher when the request does not name one).
 */
export const logFiltersSchema = z.strictObject({
  actor: z.string().min(1).max(100).optional(),
  action: z.enum(LOG_ACTIONS).optional(),
  targetType: z.enum(LOG_TARGET_TYPES).optional(),
  targetId: z.string().min(1).max(100).optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  publicationId: rowIdText.optional(),
});
export type LogFilters = z.infer<typeof logFiltersSchema>;

export const logQuerySchema = logFiltersSchema.extend({
  cursor: bigRowIdText.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LogQuery = z.output<typeof logQuerySchema>;

export interface LogRow {
  id: string;
  createdAt: string;
  actorId: string | null;
  /** Name, email and role of the actor when the row was written (null for the system). */
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string;
  targetId: string;
  commentId: number | null;
  postId: number | null;
  commenterId: number | null;
  publicationId: number | null;
  reason: string | null;
  rule: string | null;
  matchedText: string | null;
  note: string | null;
  before: unknown;
  after: unknown;
}

export interface LogPage {
  rows: LogRow[];
  nextCursor: string | null;
}
