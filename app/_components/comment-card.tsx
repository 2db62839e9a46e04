"use client";
import Link from "next/link";
import { useMemo, useRef } from "react";
import { explainLabel, explanationLine } from "@/lib/analytics/label-explanation";
import type { ThreadComment } from "@/lib/schemas/thread";
import { CueText } from "./cue-text";
import { SentimentBadge, StanceBadge, ToneBadge } from "./label-badges";
import { LabelCorrectionForm } from "./label-correction-form";
import { LocalTime } from "./local-time";
import { useRovingFocus } from "./use-roving-focus";

/** Indentation stops growing here (CSS classes depth-1 … depth-8) so deep threads stay readable. */
const MAX_INDENT = 8;

/** The line under the labels: why the tone was given, or why it is uncertain. */
function LabelWhy({ comment }: { comment: ThreadComment }) {
  const line = useMemo(() => {
    if (comment.tone === null) return null;
    const explanation = explainLabel({
      tone: comment.tone,
      stance: comment.stance,
      corrected: comment.corrected && comment.tone !== comment.scoredTone,
      toneScores: comment.toneScores,
      secondaryTone: comment.secondaryTone,
      cues: comment.cues,
    });
    return explanationLine(explanation, {
      stance: comment.stance,
      corrected: comment.corrected && comment.tone !== comment.scoredTone,
      scoredTone: comment.scoredTone,
    });
  }, [comment]);
  if (!line) return null;
  return (
    <p className={line.uncertain ? "comment-why uncertain" : "comment-why"} data-testid="label-why">
      {line.uncertain && <span className="badge badge-uncertain">Uncertain</span>}
      {line.text}
      {comment.labelEvidence && (
        <span className="comment-evidence" data-testid="label-evidence">
          {" "}
          Your language model quoted: “{comment.labelEvidence}”
        </span>
      )}
    </p>
  );
}

/**
 * One comment: author, time, labels, flags, the one-line why, and the body as text with its cue spans
 * highlighted. The labels and highlights are one tab stop (arrow keys move within it). A deleted or removed
 * comment shows as "[deleted]" and keeps its place (its replies follow it).
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
  const ref = useRef<HTMLElement>(null);
  const onKeyDown = useRovingFocus(ref);
  const depth = indent ? Math.min(comment.depth, MAX_INDENT) : 0;
  const classes = ["comment", depth > 0 && `depth-${depth}`, comment.tone && `tone-${comment.tone}`];
  // The explanation group's tab stop, rendered by the server: the first of the badges, else the first word.
  const firstStop = comment.tone
    ? "tone"
    : comment.stance
      ? "stance"
      : comment.sentiment
        ? "sentiment"
        : "cue";
  return (
    <article
      ref={ref}
      id={`comment-${comment.id}`}
      className={classes.filter(Boolean).join(" ")}
      data-testid="comment"
      data-comment-id={comment.id}
      data-tone={comment.tone ?? undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      aria-label={`Comment by ${removed ? "a deleted account" : comment.authorName}${comment.depth > 0 ? `, reply at depth ${comment.depth}` : ""}`}
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
            source={comment.labelSource}
            explain={firstStop === "tone" ? "first" : true}
          />
        )}
        {comment.stance && (
          <StanceBadge stance={comment.stance} explain={firstStop === "stance" ? "first" : true} />
        )}
        {comment.sentiment && (
          <SentimentBadge
            comparative={comment.sentiment.comparative}
            explain={firstStop === "sentiment" ? "first" : true}
          />
        )}
        {comment.automodHidden && <span className="badge badge-warn">Hidden by automod</span>}
        {comment.status === "REJECTED" && <span className="badge badge-warn">Rejected</span>}
        {comment.status === "SYSTEM_WITHHELD" && <span className="badge badge-warn">Withheld</span>}
        {(comment.openFlags > 0 || comment.scorerFlag) && (
          <span className="badge badge-flag">
            Flagged{comment.flagReasons.length > 0 ? `: ${flagReasonText(comment.flagReasons)}` : ""}
          </span>
        )}
      </header>
      {!removed && <LabelWhy comment={comment} />}
      {removed ? (
        <p className="comment-body deleted">[deleted]</p>
      ) : (
        <p className="comment-body">
          <CueText body={comment.body ?? ""} cues={comment.cues} firstStop={firstStop === "cue"} />
        </p>
      )}
      {canModerate && !removed && <LabelCorrectionForm comment={comment} />}
    </article>
  );
}

/** Flag reasons as words: "THREAT", "personal-abuse" -> "threat", "personal abuse". */
function flagReasonText(reasons: readonly string[]): string {
  return reasons.map((r) => r.replaceAll(/[_-]/g, " ").toLowerCase()).join(", ");
}
