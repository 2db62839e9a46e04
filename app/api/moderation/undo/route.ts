import { type UndoResult, undoBodySchema } from "@/lib/schemas/moderation-queue";
import { route } from "@/lib/server/api";
import { undoDecisions } from "@/lib/server/moderation/undo-decisions";

export const dynamic = "force-dynamic";

/** POST /api/moderation/undo: take back the caller's own recent queue decisions, each logged as undone. */
export const POST = route(
  { capability: "moderate", body: undoBodySchema },
  async ({ viewer, body }): Promise<UndoResult> => undoDecisions(viewer, body.decisionIds),
);
