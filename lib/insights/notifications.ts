/**
 * Notification contents and the delivery schedule (pure). Sending lives in lib/server/notifications.
 */

export type NotificationKindName = "SURGE" | "HELD_COMMENTS" | "DAILY_DIGEST";

export const NOTIFICATION_KIND_LABELS: Record<NotificationKindName, string> = {
  SURGE: "A thread turns (surge flags)",
  HELD_COMMENTS: "Comments held for review",
  DAILY_DIGEST: "Daily digest of what readers said",
};

export interface NotificationMessage {
  kind: NotificationKindName;
  subject: string;
  /** Plain text body (e-mail); the webhook carries it beside `data`. */
  text: string;
  data: Record<string, unknown>;
}

/** Attempts before a delivery is given up. */
export const MAX_DELIVERY_ATTEMPTS = 6;

/** Delay before retry number `attempt` (1-based): 30 s, 2 min, 8 min, 32 min, 2 h 8 min, capped at 6 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(6 * 3_600_000, 30_000 * 4 ** Math.max(0, attempt - 1));
}

export function surgeMessage(input: {
  publication: string;
  postId: number;
  postTitle: string;
  kind: "HOSTILE_SURGE" | "BRIGADING";
  summary: string;
  figures: Record<string, number>;
  flagId: number;
  baseUrl: string;
}): NotificationMessage {
  const what = input.kind === "HOSTILE_SURGE" ? "is turning hostile" : "may be brigaded";
  const link = `${input.baseUrl}/posts/${input.postId}`;
  return {
    kind: "SURGE",
    subject: `[${input.publication}] "${input.postTitle}" ${what}`,
    text: `The thread under "${input.postTitle}" ${what}.\n\n${input.summary}\n\nA flag is open on the post: ${link}\nResolve or dismiss it from the moderation page.`,
    data: {
      postId: input.postId,
      postTitle: input.postTitle,
      surge: input.kind,
      figures: input.figures,
      flagId: input.flagId,
      url: link,
    },
  };
}

export function heldCommentsMessage(input: {
  publication: string;
  count: number;
  samples: { commentId: number; postTitle: string; authorName: string; rule: string | null }[];
  baseUrl: string;
}): NotificationMessage {
  const lines = input.samples.map(
    (s) => `- ${s.authorName} on "${s.postTitle}"${s.rule ? ` (rule: ${s.rule})` : ""}`,
  );
  return {
    kind: "HELD_COMMENTS",
    subject: `[${input.publication}] ${input.count} comment${input.count === 1 ? "" : "s"} held for review`,
    text: `${input.count} new comment${input.count === 1 ? " was" : "s were"} held for review by the automatic rules:\n${lines.join("\n")}${input.count > input.samples.length ? `\n…and ${input.count - input.samples.length} more` : ""}\n\nThe queue: ${input.baseUrl}/moderation`,
    data: { count: input.count, comments: input.samples, url: `${input.baseUrl}/moderation` },
  };
}

export interface DigestPost {
  postId: number;
  title: string;
  comments: number;
  tones: Record<string, number>;
  pushback: string[];
  landed: string[];
}

export function digestMessage(input: {
  publication: string;
  day: string;
  posts: DigestPost[];
  held: number;
  openFlags: number;
  entities: { name: string; mentions: number; positive: number; negative: number }[];
  baseUrl: string;
}): NotificationMessage {
  const total = input.posts.reduce((n, p) => n + p.comments, 0);
  const postLines = input.posts.map((p) => {
    const tones = Object.entries(p.tones)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${n} ${t}`)
      .join(", ");
    const args = [
      p.pushback.length > 0 ? `  Pushback: ${p.pushback.join("; ")}` : null,
      p.landed.length > 0 ? `  What landed: ${p.landed.join("; ")}` : null,
    ].filter(Boolean);
    return [`- "${p.title}": ${p.comments} comments (${tones})`, ...args].join("\n");
  });
  const names = input.entities.map(
    (e) => `- ${e.name}: ${e.mentions} mentions (${e.positive} positive, ${e.negative} negative sentences)`,
  );
  return {
    kind: "DAILY_DIGEST",
    subject: `[${input.publication}] What readers said, ${input.day}: ${total} comments`,
    text: [
      `${total} comments in the last day.`,
      postLines.length > 0 ? `\nPosts:\n${postLines.join("\n")}` : "",
      names.length > 0 ? `\nNames readers mentioned:\n${names.join("\n")}` : "",
      `\n${input.held} held for review, ${input.openFlags} open flags. ${input.baseUrl}/`,
    ].join("\n"),
    data: {
      day: input.day,
      comments: total,
      posts: input.posts,
      held: input.held,
      openFlags: input.openFlags,
      entities: input.entities,
    },
  };
}
