/**
 * WordPress WXR export: each `<item>` is a post, its `<wp:comment>` children its comments.
 * `wp:comment_parent` 0 means top level. Pingbacks and trackbacks are not reader comments and are skipped.
 * `wp:comment_approved` maps to upstreamStatus: 1 → null, 0 → "pending", "spam", "trash" as written.
 * Memory: one item's comment ancestry (to give complete ancestors when parents come first).
 */
import type { NormalizedComment, NormalizedPost } from "@/lib/ingest/types";
import { parseWordPressGmt } from "./dates";
import type { ImportEvent, ImportInput } from "./events";
import { htmlToText } from "./html-text";
import { parseXmlStream, type XmlHandler } from "./xml-stream";

const SKIPPED_COMMENT_TYPES = new Set(["pingback", "trackback"]);
const SKIPPED_POST_TYPES = new Set(["attachment", "nav_menu_item", "revision"]);

const APPROVAL_STATUS: Record<string, string | null> = {
  "1": null,
  approve: null,
  "0": "pending",
  hold: "pending",
};

interface ItemState {
  number: number;
  fields: Map<string, string>;
  postSent: boolean;
  skipped: boolean;
  /** Ancestors of this item's comments seen so far, for complete ancestry when parents come first. */
  ancestry: Map<string, { ancestors: string[]; complete: boolean }>;
}

function createWxrHandler(emit: (event: ImportEvent) => void): XmlHandler {
  const path: string[] = [];
  let textParts: string[] | null = null;
  let channelFields = new Map<string, string>();
  let publicationSent = false;
  let itemCount = 0;
  let commentCount = 0;
  let item: ItemState | null = null;
  let comment: Map<string, string> | null = null;

  const issue = (location: string, message: string) => emit({ type: "issue", issue: { location, message } });

  function sendPublication(): void {
    if (publicationSent) return;
    publicationSent = true;
    const name = channelFields.get("title")?.trim();
    const link = channelFields.get("link")?.trim();
    if (!name && !link) return;
    emit({
      type: "publication",
      publication: { platform: "wordpress", name: name || link || "", ...(link ? { baseUrl: link } : {}) },
    });
    channelFields = new Map();
  }

  /** Sends the item's post once its id is known; called at the first comment and at the item's end. */
  function sendPost(open: ItemState): void {
    if (open.postSent || open.skipped) return;
    const type = open.fields.get("wp:post_type")?.trim();
    if (type && SKIPPED_POST_TYPES.has(type)) {
      open.skipped = true;
      return;
    }
    const id = open.fields.get("wp:post_id")?.trim();
    if (!id) {
      open.skipped = true;
      issue(`<item> #${open.number}`, "item without <wp:post_id> skipped, with its comments");
      return;
    }
    open.postSent = true;
    const commentStatus = open.fields.get("wp:comment_status")?.trim();
    const post: NormalizedPost = {
      externalId: id,
      slug: open.fields.get("wp:post_name")?.trim() || null,
      title: open.fields.get("title")?.trim() ?? "",
      url: open.fields.get("link")?.trim() || null,
      publishedAt: parseWordPressGmt(open.fields.get("wp:post_date_gmt")),
      bodyHtml: open.fields.get("content:encoded") ?? null,
    };
    if (commentStatus) post.commentsOpen = commentStatus === "open";
    emit({ type: "post", post });
  }

  function finishComment(open: ItemState, fields: Map<string, string>, number: number): void {
    const location = `<wp:comment> #${number}`;
    if (open.skipped) return;
    const type = fields.get("wp:comment_type")?.trim();
    if (type && SKIPPED_COMMENT_TYPES.has(type)) return;
    const id = fields.get("wp:comment_id")?.trim();
    if (!id) {
      issue(location, "comment without <wp:comment_id> skipped");
      return;
    }
    const postedAt =
      parseWordPressGmt(fields.get("wp:comment_date_gmt")) ??
      parseWordPressGmt(fields.get("wp:comment_date"));
    if (!postedAt) {
      issue(location, `comment ${id} has no valid <wp:comment_date_gmt>; skipped`);
      return;
    }
    const parentRaw = fields.get("wp:comment_parent")?.trim() ?? "0";
    const parent = parentRaw === "" || parentRaw === "0" ? null : parentRaw;
    const known = parent ? open.ancestry.get(parent) : null;
    const ancestors = parent ? (known ? [...known.ancestors, parent] : [parent]) : [];
    const complete = parent === null || (known?.complete ?? false);
    open.ancestry.set(id, { ancestors, complete });
    const approved = fields.get("wp:comment_approved")?.trim() ?? "1";
    const userId = fields.get("wp:comment_user_id")?.trim();
    const status = approved in APPROVAL_STATUS ? (APPROVAL_STATUS[approved] ?? null) : approved;
    const normalized: NormalizedComment = {
      externalId: id,
      postExternalId: open.fields.get("wp:post_id")?.trim() ?? "",
      parentExternalId: parent,
      ancestorExternalIds: ancestors,
      ancestryComplete: complete,
      author: {
        externalId: userId && userId !== "0" ? userId : null,
        name: fields.get("wp:comment_author")?.trim() ?? "",
      },
      body: htmlToText(fields.get("wp:comment_content") ?? ""),
      postedAt,
      editedAt: null,
      deleted: false,
      upstreamStatus: status,
      automodHidden: false,
      reactions: {},
      reactionCount: 0,
    };
    emit({ type: "comment", comment: normalized });
  }

  return {
    openTag(name, _attributes, depth) {
      path.push(name);
      if (depth === 3 && name === "item") {
        sendPublication();
        item = {
          number: ++itemCount,
          fields: new Map(),
          postSent: false,
          skipped: false,
          ancestry: new Map(),
        };
        return;
      }
      if (item && depth === 4 && name === "wp:comment") {
        commentCount++;
        sendPost(item);
        comment = new Map();
        return;
      }
      // Only leaf fields of the channel, an item or a comment are collected.
      if ((depth === 3 && path[1] === "channel") || (item && depth === 4) || (comment && depth === 5))
        textParts = [];
      else textParts = null;
    },
    text(text) {
      textParts?.push(text);
    },
    closeTag(name, depth) {
      if (textParts) {
        const value = textParts.join("");
        if (comment && depth === 5) comment.set(name, value);
        else if (item && depth === 4) item.fields.set(name, value);
        else if (depth === 3 && !item) channelFields.set(name, value);
        textParts = null;
      }
      if (item && comment && depth === 4 && name === "wp:comment") {
        finishComment(item, comment, commentCount);
        comment = null;
      } else if (item && depth === 3 && name === "item") {
        sendPost(item);
        item = null;
      }
      path.pop();
    },
    end() {
      sendPublication();
    },
  };
}

export function parseWxr(input: ImportInput): AsyncGenerator<ImportEvent> {
  return parseXmlStream(input, createWxrHandler);
}
