"use client";
import Link from "next/link";
import { formatSignedDecimal } from "@/lib/analytics/format";
import { TONE_COLORS } from "@/lib/analytics/palette";
import type { ThreadComment } from "@/lib/schemas/thread";
import { CueText } from "./cue-text";
import { StanceBadge, ToneBadge } from "./label-badges";
import { LabelCorrectionForm } from "./label-correction-form";
import { LocalTime } from "./local-time";

/** Indentation stops growing here so deep threads stay readable; the depth is still announced. */
const MAX_INDENT = 8;

/**
 * One comment: author, time, labels, flags, and the body as text with its cue spans highlighted. A deleted
 * or removed comment shows as "[deleted]" and keeps its place (its replies follow it).
 */
export function CommentCard({
  comment,
  canModerate,
  indent = true,
}: {
  comment: ThreadComment;
  canModerate: boolean;
  indent?: boolean;
}) {
  const removed = comment.body === null;
  return (
    <article
      className="comment"
      data-testid="comment"
      data-comment-id={comment.id}
      data-tone={comment.tone ?? undefined}
      aria-label={`Comment by ${removed ? "a deleted account" : comment.authorName}${comment.depth > 0 ? `, reply at depth ${comment.depth}` : ""}`}
      style={{
        ...(indent ? { marginInlineStart: `${Math.min(comment.depth, MAX_INDENT) * 1.25}rem` } : {}),
        ...(comment.tone ? { borderInlineStartColor: TONE_COLORS[comment.tone] } : {}),
      }}
    >
      <header className="comment-head">
        <strong>
          {removed ? (
            "Deleted comment"
          ) : comment.commenterId !== null ? (
            <Link href={`/commenters/${comment.commenterId}`}>{comment.authorName}</Link>
          ) : (
            comment.authorName
          )}
        </strong>
        <span className="subtle">
          <LocalTime iso={comment.postedAt} />
          {comment.editedAt && " · edited"}
          {comment.reactionCount > 0 && ` · ${comment.reactionCount} reactions`}
        </span>
        {comment.tone && (
          <ToneBadge
            tone={comment.tone}
            corrected={comment.corrected && comment.tone !== comment.scoredTone}
          />
        )}
        {comment.stance && <StanceBadge stance={comment.stance} />}
        {comment.sentiment && (
          <span className="badge" title="Sentiment per word (AFINN comparative score)">
            Sentiment {formatSignedDecimal(comment.sentiment.comparative)}
          </span>
        )}
        {comment.automodHidden && <span className="badge badge-warn">Hidden by automod</span>}
        {comment.status === "REJECTED" && <span className="badge badge-warn">Rejected</span>}
        {comment.status === "SYSTEM_WITHHELD" && <span className="badge badge-warn">Withheld</span>}
        {(comment.openFlags > 0 || comment.scorerFlag) && (
          <span className="badge badge-flag" title={comment.flagReasons.join(", ")}>
            Flagged{comment.flagReasons.length > 0 ? `: ${comment.flagReasons.join(", ").toLowerCase()}` : ""}
          </span>
        )}
      </header>
      {removed ? (
        <p className="comment-body deleted">[deleted]</p>
      ) : (
        <p className="comment-body">
          <CueText body={comment.body ?? ""} cues={comment.cues} />
        </p>
      )}
      {canModerate && !removed && <LabelCorrectionForm comment={comment} />}
    </article>
  );
}
