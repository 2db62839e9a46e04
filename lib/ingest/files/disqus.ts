/**
 * Disqus export XML: `<thread dsq:id>` elements become posts, `<post dsq:id>` elements become comments.
 * Comments keep the parent id as written (the parent may come later in the file: the store resolves it);
 * messages are HTML and are converted to plain text. Memory: one element at a time plus the set of
 * thread ids (to report comments whose thread never appears).
 */
import type { NormalizedComment, NormalizedPost } from "@/lib/ingest/types";
import { parseIsoDate } from "./dates";
import type { ImportEvent, ImportInput } from "./events";
import { htmlToText } from "./html-text";
import { parseXmlStream, type XmlHandler } from "./xml-stream";

/** Fields of a <thread> or <post> element, keyed by child path, e.g. "title", "author/name". */
type Fields = Map<string, string>;

interface OpenRecord {
  kind: "thread" | "post";
  number: number;
  id: string | null;
  fields: Fields;
  threadRef: string | null;
  parentRef: string | null;
}

const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === "true";

function createDisqusHandler(emit: (event: ImportEvent) => void): XmlHandler {
  const knownThreads = new Set<string>();
  const missingThreads = new Map<string, string>();
  let threadCount = 0;
  let postCount = 0;
  let publicationSent = false;
  let record: OpenRecord | null = null;
  const path: string[] = [];
  let textParts: string[] | null = null;

  const issue = (location: string, message: string) => emit({ type: "issue", issue: { location, message } });

  function finishThread(open: OpenRecord): void {
    const location = `<thread> #${open.number}`;
    if (!open.id) {
      issue(location, "thread without dsq:id skipped");
      return;
    }
    const forum = open.fields.get("forum")?.trim();
    if (forum && !publicationSent) {
      publicationSent = true;
      emit({ type: "publication", publication: { platform: "disqus", name: forum, externalId: forum } });
    }
    if (knownThreads.has(open.id)) return;
    knownThreads.add(open.id);
    missingThreads.delete(open.id);
    const post: NormalizedPost = {
      externalId: open.id,
      slug: null,
      title: open.fields.get("title")?.trim() ?? "",
      url: open.fields.get("link")?.trim() || null,
      publishedAt: parseIsoDate(open.fields.get("createdAt")),
      commentsOpen: !isTrue(open.fields.get("isClosed")),
    };
    emit({ type: "post", post });
  }

  function finishPost(open: OpenRecord): void {
    const location = `<post> #${open.number}`;
    if (!open.id) {
      issue(location, "post without dsq:id skipped");
      return;
    }
    if (!open.threadRef) {
      issue(location, `comment ${open.id} has no <thread dsq:id>; skipped`);
      return;
    }
    const postedAt = parseIsoDate(open.fields.get("createdAt"));
    if (!postedAt) {
      issue(location, `comment ${open.id} has no valid <createdAt>; skipped`);
      return;
    }
    if (!knownThreads.has(open.threadRef) && !missingThreads.has(open.threadRef)) {
      missingThreads.set(open.threadRef, location);
    }
    const deleted = isTrue(open.fields.get("isDeleted"));
    const anonymous = isTrue(open.fields.get("author/isAnonymous"));
    const username = open.fields.get("author/username")?.trim() || null;
    const comment: NormalizedComment = {
      externalId: open.id,
      postExternalId: open.threadRef,
      parentExternalId: open.parentRef,
      ancestorExternalIds: open.parentRef ? [open.parentRef] : [],
      ancestryComplete: open.parentRef === null,
      author: {
        externalId: anonymous ? null : username,
        name: open.fields.get("author/name")?.trim() || username || "",
        handle: anonymous ? null : username,
      },
      body: deleted ? null : htmlToText(open.fields.get("message") ?? ""),
      postedAt,
      editedAt: null,
      deleted,
      upstreamStatus: isTrue(open.fields.get("isSpam")) ? "spam" : null,
      automodHidden: false,
      reactions: {},
      reactionCount: 0,
    };
    emit({ type: "comment", comment });
  }

  return {
    openTag(name, attributes, depth) {
      path.push(name);
      if (depth === 2 && (name === "thread" || name === "post")) {
        const number = name === "thread" ? ++threadCount : ++postCount;
        record = {
          kind: name,
          number,
          id: attributes["dsq:id"] ?? null,
          fields: new Map(),
          threadRef: null,
          parentRef: null,
        };
        return;
      }
      if (!record || depth < 3) return;
      if (depth === 3 && record.kind === "post" && name === "thread")
        record.threadRef = attributes["dsq:id"] ?? null;
      else if (depth === 3 && record.kind === "post" && name === "parent")
        record.parentRef = attributes["dsq:id"] ?? null;
      else textParts = [];
    },
    text(text) {
      textParts?.push(text);
    },
    closeTag(_name, depth) {
      if (record && depth >= 3 && textParts) {
        record.fields.set(path.slice(2).join("/"), textParts.join(""));
        textParts = null;
      }
      if (record && depth === 2) {
        if (record.kind === "thread") finishThread(record);
        else finishPost(record);
        record = null;
      }
      path.pop();
    },
    end() {
      for (const [threadId, location] of missingThreads) {
        issue(location, `thread ${threadId} is referenced by comments but not defined in the file`);
      }
    },
  };
}

export function parseDisqus(input: ImportInput): AsyncGenerator<ImportEvent> {
  return parseXmlStream(input, createDisqusHandler);
}
