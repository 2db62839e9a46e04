import type { Capability } from "@/lib/server/permissions";

/**
 * Who may call each route handler, as the issue specifies it (not read off the code: the test compares the
 * two). Keys are "METHOD /api/path/[param]" exactly as the folder names spell them. Every route handler
 * under app/api must have a row; tests/integration/permission-matrix.test.ts fails for a missing or stale one.
 *
 *   read       AUTHOR, MODERATOR, VIEWER   (dashboards, threads, charts, exports)
 *   moderate   AUTHOR, MODERATOR           (queue, flags, decisions, notes, commenter status, label corrections)
 *   administer AUTHOR                      (users, imports, word lists and settings)
 */
export const ROUTE_CAPABILITIES: Readonly<Record<string, Capability>> = {
  // Overview, post page, commenter page, exports (issue 5).
  "GET /api/posts": "read",
  "GET /api/posts/agreement": "read",
  "GET /api/posts/headline": "read",
  "GET /api/posts/[postId]": "read",
  "GET /api/posts/[postId]/commenters": "read",
  "GET /api/posts/[postId]/comments": "read",
  "GET /api/posts/[postId]/depth": "read",
  "GET /api/posts/[postId]/export": "read",
  "GET /api/publications/[publicationId]/export": "read",
  "GET /api/posts/[postId]/reading-list": "read",
  "GET /api/posts/[postId]/sentiment": "read",
  "GET /api/posts/[postId]/stances": "read",
  "GET /api/posts/[postId]/timeline": "read",
  "GET /api/posts/[postId]/tones": "read",
  "GET /api/posts/compare": "read",
  "GET /api/commenters/[commenterId]": "read",
  "POST /api/comments/[commentId]/correction": "moderate",

  // Imports and schedules.
  "GET /api/imports": "administer",
  "POST /api/imports": "administer",
  "GET /api/imports/[runId]": "administer",
  "PUT /api/publications/[publicationId]/schedule": "administer",

  // Learning from corrections (issue 10): moderators correct labels and may see what came of it; the
  // author decides which model labels the comments.
  "GET /api/publications/[publicationId]/models": "moderate",
  "POST /api/publications/[publicationId]/models/refit": "administer",
  "POST /api/publications/[publicationId]/models/deactivate": "administer",
  "POST /api/publications/[publicationId]/models/[modelId]/activate": "administer",

  // The moderation queue and its actions (issue 6).
  "GET /api/moderation/queue": "moderate",
  "GET /api/moderation/counts": "moderate",
  "POST /api/moderation/bulk": "moderate",
  "POST /api/moderation/undo": "moderate",
  "GET /api/moderation/commenters/[commenterId]": "moderate",
  "GET /api/moderation/log": "moderate",
  "GET /api/moderation/log/csv": "moderate",
  "POST /api/comments/[commentId]/approve": "moderate",
  "POST /api/comments/[commentId]/reject": "moderate",
  "POST /api/comments/[commentId]/flag": "moderate",
  "POST /api/comments/[commentId]/notes": "moderate",
  "POST /api/commenters/[commenterId]/status": "moderate",
  "POST /api/commenters/[commenterId]/notes": "moderate",

  // Flags on posts: moderators raise them, everyone sees them, the author closes them.
  "GET /api/flags": "read",
  "GET /api/posts/[postId]/flags": "read",
  "POST /api/posts/[postId]/flags": "moderate",
  "POST /api/flags/[flagId]/resolve": "administer",
  "POST /api/flags/[flagId]/dismiss": "administer",

  // Insights (issue 14): everyone reads; the author configures notifications.
  "GET /api/search": "read",
  "GET /api/posts/[postId]/arguments": "read",
  "GET /api/posts/[postId]/report": "read",
  "GET /api/entities": "read",
  "GET /api/entities/[entityId]": "read",
  "GET /api/publications/[publicationId]/notifications": "administer",
  "PUT /api/publications/[publicationId]/notifications": "administer",
  "GET /api/publications/[publicationId]/notifications/mine": "moderate",
  "PUT /api/publications/[publicationId]/notifications/mine": "moderate",

  // Settings and users.
  "GET /api/settings/moderation": "administer",
  "PUT /api/settings/moderation": "administer",
  "POST /api/settings/moderation/rerun": "administer",
  "GET /api/users": "administer",
  "POST /api/users": "administer",
  "PATCH /api/users/[userId]": "administer",
  "POST /api/users/[userId]/disable": "administer",
  "POST /api/users/[userId]/enable": "administer",
  "POST /api/users/[userId]/password": "administer",
  "DELETE /api/users/[userId]/sessions": "administer",
};

/** Values for path parameters: ids that exist nowhere, so an allowed call answers 400 or 404 and changes nothing. */
export const DUMMY_PARAMS: Readonly<Record<string, string>> = {
  postId: "999999",
  commentId: "999999",
  commenterId: "999999",
  flagId: "999999",
  runId: "999999",
  publicationId: "999999",
  modelId: "999999",
  userId: "no-such-user",
  entityId: "999999",
};
