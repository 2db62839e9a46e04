import type { NormalizedComment } from "@/lib/ingest/types";

/** A top-level comment as an importer yields it (null body: deleted); `over` changes what a test is about. */
export function normalizedComment(
  externalId: string,
  postExternalId: string,
  body: string | null,
  over: Partial<NormalizedComment> = {},
): NormalizedComment {
  return {
    externalId,
    postExternalId,
    parentExternalId: null,
    ancestorExternalIds: [],
    ancestryComplete: true,
    author: { externalId: `u-${externalId}`, name: `Reader ${externalId}` },
    body,
    postedAt: new Date("2026-06-01T10:00:00Z"),
    editedAt: null,
    deleted: body === null,
    upstreamStatus: null,
    automodHidden: false,
    reactions: {},
    reactionCount: 0,
    ...over,
  };
}
