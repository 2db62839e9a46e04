import { z } from "zod";
import type { ImportSource, ImportStatus, Platform } from "@/lib/db/generated/enums";
import { calendarDay } from "./bounds";

/** The database enums ImportSource, ImportStatus and Platform. */
export const IMPORT_SOURCES = ["SUBSTACK", "FILE"] as const satisfies readonly ImportSource[];
export const IMPORT_STATUSES = [
  "QUEUED",
  "RUNNING",
  "SUCCEEDED",
  "PARTIAL",
  "FAILED",
] as const satisfies readonly ImportStatus[];
/** How a run ended: an ImportStatus other than QUEUED and RUNNING. */
export type FinishedImportStatus = Exclude<ImportStatus, "QUEUED" | "RUNNING">;
export const PLATFORMS = ["SUBSTACK", "DISQUS", "WORDPRESS", "FILE"] as const satisfies readonly Platform[];

/** One import run as the imports page shows it. Dates are ISO strings. */
export const importRunSchema = z.object({
  id: z.number().int(),
  publicationId: z.number().int().nullable(),
  publicationName: z.string().nullable(),
  source: z.enum(IMPORT_SOURCES),
  status: z.enum(IMPORT_STATUSES),
  /** True when RUNNING but silent for over two minutes: the process was killed; the next run resumes it. */
  stalled: z.boolean(),
  postsTotal: z.number().int().nullable(),
  postsDone: z.number().int(),
  commentsNew: z.number().int(),
  commentsUpdated: z.number().int(),
  commentsUnchanged: z.number().int(),
  commentsVanished: z.number().int(),
  issueCount: z.number().int(),
  /** How often the run was taken up again after its process stopped (killed, database lost). */
  resumes: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
});
export type ImportRunView = z.infer<typeof importRunSchema>;

export const importRunDetailSchema = importRunSchema.extend({
  errors: z.array(z.object({ location: z.string(), message: z.string(), at: z.string().optional() })),
});
export type ImportRunDetail = z.infer<typeof importRunDetailSchema>;

export const publicationViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  baseUrl: z.string(),
  platform: z.enum(PLATFORMS),
  syncIntervalMinutes: z.number().int().nullable(),
  lastSyncedAt: z.string().nullable(),
  posts: z.number().int(),
  comments: z.number().int(),
});

export const importsResponseSchema = z.object({
  publications: z.array(publicationViewSchema),
  runs: z.array(importRunSchema),
});
export type ImportsResponse = z.infer<typeof importsResponseSchema>;

/**
 * Names of the variables that may hold a Substack session cookie for app-started imports and scheduled syncs.
 * Only SUBSTACK_…: the value is sent as a cookie to the publication's address, so any other name could send one of
 * the server's own secrets (DATABASE_URL, BETTER_AUTH_SECRET) to a host of the caller's choice.
 */
export const SUBSTACK_COOKIE_ENV = /^SUBSTACK_[A-Z0-9_]+$/;

/** POST /api/imports */
export const startImportSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .min(4)
    .max(300)
    .refine((u) => {
      try {
        const parsed = new URL(/^https?:\/\//i.test(u) ? u : `https://${u}`);
        return parsed.hostname.includes(".");
      } catch {
        return false;
      }
    }, "enter the publication's address, e.g. https://example.substack.com"),
  since: calendarDay.optional(),
  posts: z.number().int().min(1).max(10_000).optional(),
  cookieEnv: z
    .string()
    .regex(SUBSTACK_COOKIE_ENV, "the name of a server environment variable starting with SUBSTACK_")
    .optional(),
});
export type StartImportInput = z.infer<typeof startImportSchema>;

/** PUT /api/publications/[publicationId]/schedule: minutes between syncs, or null for none. */
export const SYNC_INTERVALS = [15, 60, 360, 1440] as const;
export const scheduleSchema = z.strictObject({
  intervalMinutes: z.union([
    z.literal(SYNC_INTERVALS[0]),
    z.literal(60),
    z.literal(360),
    z.literal(1440),
    z.null(),
  ]),
});
