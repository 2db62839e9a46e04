"use client";
import { type FormEvent, useState } from "react";
import {
  useCloseFlagMutation,
  useFlagPostMutation,
  usePostFlagsQuery,
} from "@/lib/client/use-post-flags-query";
import { POST_FLAG_REASON_LABELS, POST_FLAG_REASONS, type PostFlagReason } from "@/lib/moderation/reasons";
import type { OpenPostFlagList } from "@/lib/schemas/post-flags";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function reasonLabel(reason: string): string {
  return (POST_FLAG_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}

/**
 * Flags on posts: moderators raise them (reason + note), the author resolves or dismisses them with a note.
 */
export function ModerationPostFlags(props: {
  initialData: OpenPostFlagList;
  posts: { id: number; title: string }[];
  canResolve: boolean;
}) {
  const { data } = usePostFlagsQuery(props.initialData);
  const flagPost = useFlagPostMutation();
  const closeFlag = useCloseFlagMutation();
  const [postId, setPostId] = useState<number | "">("");
  const [reason, setReason] = useState<PostFlagReason>("HEATED_THREAD");
  const [note, setNote] = useState("");
  const [notes, setNotes] = useState<Record<number, string>>({});
  const flags = data?.flags ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (postId === "" || note.trim() === "") return;
    flagPost.mutate({ postId, reason, note: note.trim() }, { onSuccess: () => setNote("") });
  };

  return (
    <section className="panel" id="post-flags" aria-labelledby="post-flags-title">
      <h2 id="post-flags-title">Flagged posts</h2>
      {flags.length === 0 ? (
        <p className="subtle">No open flags on posts.</p>
      ) : (
        <ul className="flag-list" data-testid="post-flag-list">
          {flags.map((flag) => (
            <li key={flag.id} data-testid="post-flag">
              <div>
                <span className="badge badge-flag">{reasonLabel(flag.reason)}</span>{" "}
                <a href={`/posts/${flag.post.id}`}>{flag.post.title || "(untitled)"}</a>{" "}
                <span className="subtle">
                  by {flag.raisedBy ?? "the system"},{" "}
                  <time dateTime={flag.createdAt} suppressHydrationWarning>
                    {when.format(new Date(flag.createdAt))}
                  </time>
                </span>
              </div>
              {flag.note && <p className="flag-note">{flag.note}</p>}
              {props.canResolve && (
                <div className="flag-close">
                  <label className="visually-hidden" htmlFor={`flag-note-${flag.id}`}>
                    Note for flag {flag.id}
                  </label>
                  <input
                    id={`flag-note-${flag.id}`}
                    type="text"
                    placeholder="What you did (optional)"
                    value={notes[flag.id] ?? ""}
                    maxLength={2000}
                    onChange={(e) => setNotes({ ...notes, [flag.id]: e.target.value })}
                  />
                  <button
                    type="button"
                    className="primary"
                    disabled={closeFlag.isPending}
                    onClick={() =>
                      closeFlag.mutate({ flagId: flag.id, outcome: "resolve", note: notes[flag.id] ?? "" })
                    }
                  >
                    Resolve
                  </button>
                  <button
                    type="button"
                    disabled={closeFlag.isPending}
                    onClick={() =>
                      closeFlag.mutate({ flagId: flag.id, outcome: "dismiss", note: notes[flag.id] ?? "" })
                    }
                  >
                    Dismiss
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {closeFlag.error && (
        <p className="error" role="alert">
          {closeFlag.error.message}
        </p>
      )}

      <form className="flag-post-form" onSubmit={submit} aria-label="Flag a post">
        <h3>Flag a post for the author</h3>
        <div className="form-inline">
          <div>
            <label htmlFor="flag-post">Post</label>
            <select
              id="flag-post"
              value={postId}
              onChange={(e) => setPostId(e.target.value === "" ? "" : Number(e.target.value))}
            >
              <option value="">Choose a post…</option>
              {props.posts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title || "(untitled)"}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="flag-post-reason">Reason</label>
            <select
              id="flag-post-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value as PostFlagReason)}
            >
              {POST_FLAG_REASONS.map((r) => (
                <option key={r} value={r}>
                  {POST_FLAG_REASON_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="grow">
            <label htmlFor="flag-post-note">Note</label>
            <input
              id="flag-post-note"
              type="text"
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="primary"
            disabled={flagPost.isPending || postId === "" || note.trim() === ""}
          >
            Flag post
          </button>
        </div>
        {flagPost.error && (
          <p className="error" role="alert">
            {flagPost.error.message}
          </p>
        )}
        {flagPost.isSuccess && <p role="status">Post flagged.</p>}
      </form>
    </section>
  );
}
