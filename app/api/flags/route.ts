import { z } from "zod";
import type { OpenPostFlagList } from "@/lib/schemas/post-flags";
import { route } from "@/lib/server/api";
import { listOpenPostFlags } from "@/lib/server/flags";

export const dynamic = "force-dynamic";

/** GET /api/flags: every open flag on a post, newest first (the overview's flagged posts). */
export const GET = route(
  { capability: "read", query: z.strictObject({}) },
  async (): Promise<OpenPostFlagList> => ({ flags: await listOpenPostFlags() }),
);
