import { z } from "zod";
import type { FlagStatus } from "@/lib/db/generated/enums";
import { POST_FLAG_REASONS } from "@/lib/moderation/reasons";

/** POST /api/posts/[postId]/flags */
export const flagPostBodySchema = z.strictObject({
  reason: z.enum(POST_FLAG_REASONS),
  note: z.string().trim().min(1, "say what the author should look at").max(2000),
});

/** POST /api/flags/[flagId]/resolve and /dismiss */
export const closeFlagBodySchema = z.strictObject({ note: z.string().trim().max(2000).default("") });

export interface OpenPostFlag {
  id: number;
  reason: string;
  note: string | null;
  raisedBy: string | null;
  createdAt: string;
  post: { id: number; title: string; url: string | null };
}

export interface OpenPostFlagList {
  flags: OpenPostFlag[];
}

export interface ClosedFlag {
  id: number;
  status: Exclude<FlagStatus, "OPEN">;
}
