/**
 * The normalized shapes every ingest source produces and the store step consumes.
 * They carry upstream identity (external ids) only; database ids are the store's business.
 */

/** Where a publication lives upstream. */
export type IngestPlatform = "substack" | "disqus" | "wordpress" | "file";

export interface NormalizedPublication {
  /** The platform the content came from; "file" for our own CSV/JSON Lines format. */
  platform: IngestPlatform;
  /** The publication's address, e.g. "https://example.substack.com", when the source knows it. */
  baseUrl?: string;
  /** A display name; falls back to the forum short name or the site title. */
  name: string;
  /** The platform's own id for the publication (Substack publication_id, Disqus forum), when known. */
  externalId?: string;
}

export interface NormalizedPost {
  /** The upstream post id, always a string (Substack numeric ids are stringified). Unique per publication. */
  externalId: string;
  /** The URL slug; null when the source has none (Disqus threads, our file formats). */
  slug: string | null;
  /**
   * The post title; "" when the source gives none (e.g. a saved comments file): the store should then keep
   * a title it already has rather than overwrite it with "".
   */
  title: string;
  /** The subtitle, when the source has one. */
  subtitle?: string | null;
  /** The canonical public URL of the post. */
  url: string | null;
  /** When the post was published; null when unknown or unparseable. */
  publishedAt: Date | null;
  /** The post body as HTML; only set when it was fetched (Substack getPost) or present in the file. */
  bodyHtml?: string | null;
  /** The comment count the platform reports (Substack leaves out deleted/removed comments). */
  upstreamCommentCount?: number | null;
  /** Who may read the post ("everyone", "only_paid", "founding"), when known. */
  audience?: string | null;
  /** False when the platform says commenting is closed; undefined when unknown. */
  commentsOpen?: boolean;
}

export interface NormalizedCommentAuthor {
  /**
   * The platform's user id (Substack user_id, Disqus username, WordPress user id); null when anonymous or unknown.
   */
  externalId: string | null;
  /** Display name; "" when the source gives none (e.g. a deleted comment). */
  name: string;
  /** The @handle, when the platform has one. */
  handle?: string | null;
  /** Avatar URL, when known. */
  photoUrl?: string | null;
}

export interface NormalizedComment {
  /** The upstream comment id, always a string. Unique per publication. */
  externalId: string;
  /** The externalId of the post the comment belongs to. */
  postExternalId: string;
  /**
   * The externalId of the comment it replies to; null for a top-level comment. The parent may arrive
   * later in the same import (file formats): the store must resolve it after the batch, not reject it.
   */
  parentExternalId: string | null;
  /**
   * The ancestors' externalIds, root first, ending with parentExternalId; [] for a top-level comment.
   * When `ancestryComplete` is false this is only the known suffix of the chain (usually just the parent).
   */
  ancestorExternalIds: string[];
  /**
   * True when ancestorExternalIds is the whole chain (Substack gives whole trees); false when the source
   * streams comments without knowing grandparents (Disqus, CSV, JSON Lines): rebuild from parent links.
   */
  ancestryComplete: boolean;
  /** Who wrote it. */
  author: NormalizedCommentAuthor;
  /** Plain text (HTML sources are converted); null when deleted or removed upstream. */
  body: string | null;
  /** When it was posted. */
  postedAt: Date;
  /** When it was last edited; null when never edited or unknown. */
  editedAt: Date | null;
  /** True when the author or a moderator deleted it upstream. It still keeps its place in the tree. */
  deleted: boolean;
  /** The platform's status, e.g. "moderator_removed", "spam", "pending", "trash"; null when normal. */
  upstreamStatus: string | null;
  /** True when the platform's automatic moderation hid it (Substack automod_hidden_comments). */
  automodHidden: boolean;
  /** Reaction counts by reaction, e.g. { "❤": 3 }; {} when none or unknown. */
  reactions: Record<string, number>;
  /** The total reaction count as the platform reports it (or the sum of `reactions`). */
  reactionCount: number;
}

export interface IngestIssue {
  /** Where the problem is: "line 17", "<post> #42", "comments[3].children[0]", a URL or a file name. */
  location: string;
  /** What was wrong, in words a user can act on. Never contains credentials. */
  message: string;
}
