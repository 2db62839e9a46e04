"use client";
import { forwardRef } from "react";
import { formatPercent } from "@/lib/analytics/format";
import { GRAVE_CONCERN_LABELS } from "@/lib/moderation/grave-concerns";
import { ruleTitle } from "@/lib/moderation/rule-catalog";
import { COMMENTER_STATUS_LABELS, type QueueItem } from "@/lib/schemas/moderation-queue";
import { LocalTime } from "./local-time";

const STATUS_LABELS: Record<QueueItem["status"], string> = {
  NONE: "Published",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  SYSTEM_WITHHELD: "Held",
};

export interface QueueItemProps {
  item: QueueItem;
  focused: boolean;
  selected: boolean;
  busy: boolean;
  onFocus: () => void;
  onToggleSelect: () => void;
  onApprove: () => void;
  onReject: () => void;
  onFlag: () => void;
  onNote: () => void;
  onOpenCommenter: (commenterId: number) => void;
}

/** One comment in the queue. The body is rendered as text: markup in a comment shows literally. */
export const QueueItemCard = forwardRef<HTMLElement, QueueItemProps>(function QueueItemCard(props, ref) {
  const { item, focused, selected, busy } = props;
  const signals = item.scores
    ? (
        [
          ["hostility", item.scores.hostility],
          ["threat", item.scores.threat],
          ["insult", item.scores.insult],
          ["identity attack", item.scores.identityAttack],
        ] as const
      ).filter(([, value]) => value >= 0.2)
    : [];
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the queue's own j/k keys move focus; a click only points at the item
    <article
      ref={ref}
      className="queue-item"
      data-testid="queue-item"
      data-comment-id={item.id}
      aria-current={focused ? "true" : undefined}
      aria-busy={busy || undefined}
      tabIndex={-1}
      onClick={props.onFocus}
    >
      <header className="queue-item-head">
        <input
          type="checkbox"
          aria-label={`Select the comment by ${item.commenter?.name ?? item.authorName}`}
          checked={selected}
          onChange={props.onToggleSelect}
        />
        {item.commenter ? (
          <button
            type="button"
            className="link-button"
            onClick={() => item.commenter && props.onOpenCommenter(item.commenter.id)}
          >
            {item.commenter.name}
          </button>
        ) : (
          <span>{item.authorName}</span>
        )}
        {item.commenter && item.commenter.status !== "ACTIVE" && (
          <span className="badge badge-warn">{COMMENTER_STATUS_LABELS[item.commenter.status]}</span>
        )}
        {item.commenter && item.commenter.rejectedCount > 0 && (
          <span className="badge">{item.commenter.rejectedCount} rejected before</span>
        )}
        <span className="subtle">on</span>
        <a href={`/posts/${item.post.id}`}>{item.post.title || "(untitled)"}</a>
        <span className="subtle">
          <LocalTime iso={item.postedAt} />
        </span>
        <span className={`badge status-${item.status.toLowerCase()}`}>{STATUS_LABELS[item.status]}</span>
        {item.concerns.length > 0 && (
          <span className="badge badge-warn" data-testid="grave-concerns">
            {item.status === "SYSTEM_WITHHELD" ? "Held" : "Flagged"} for{" "}
            {item.concerns.map((c) => GRAVE_CONCERN_LABELS[c]).join(", ")}
          </span>
        )}
      </header>
      <p className="queue-body" data-testid="queue-body">
        {item.body}
      </p>
      {(item.flags.length > 0 || signals.length > 0) && (
        <ul className="queue-signals">
          {item.flags.map((flag) => (
            <li key={flag.id}>
              <span className="badge badge-flag">{flag.reason.replaceAll("_", " ").toLowerCase()}</span>{" "}
              {flag.raisedBy === null
                ? `by the rule “${ruleTitle(flag.rule ?? "unknown")}”`
                : `flagged by ${flag.raisedBy}`}
              {flag.matchedText && (
                <>
                  {" "}
                  matched <q>{flag.matchedText}</q>
                </>
              )}
              {flag.note && <span className="subtle"> — {flag.note}</span>}
            </li>
          ))}
          {signals.length > 0 && (
            <li className="subtle">
              Scorer: {signals.map(([name, value]) => `${name} ${formatPercent(value)}`).join(" · ")}
            </li>
          )}
        </ul>
      )}
      <div className="queue-actions">
        <button type="button" className="primary" onClick={props.onApprove} disabled={busy}>
          Approve <kbd>a</kbd>
        </button>
        <button type="button" className="danger" onClick={props.onReject} disabled={busy}>
          Reject… <kbd>r</kbd>
        </button>
        <button type="button" onClick={props.onFlag} disabled={busy}>
          Flag… <kbd>f</kbd>
        </button>
        <button type="button" onClick={props.onNote} disabled={busy}>
          Note… <kbd>n</kbd>
        </button>
        {item.upstreamUrl && (
          <a className="button" href={item.upstreamUrl} target="_blank" rel="noreferrer noopener">
            Open on Substack<span aria-hidden="true"> ↗</span>
          </a>
        )}
        <span className="subtle queue-priority" title="Priority: higher is reviewed first">
          priority {Math.round(item.priority)}
        </span>
      </div>
    </article>
  );
});
