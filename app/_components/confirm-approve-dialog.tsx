"use client";
import { type FormEvent, useId } from "react";
import { GRAVE_CONCERN_LABELS } from "@/lib/moderation/grave-concerns";
import type { QueueItem } from "@/lib/schemas/moderation-queue";
import { ModerationDialog } from "./moderation-dialog";

const EXCERPT = 240;

/**
 * Approving a comment held for a threat, an attack on a group or abuse of a commenter publishes it as
 * acceptable: this asks first. Enter confirms (the confirm button has the focus), Escape cancels.
 */
export function ConfirmApproveDialog({
  grave,
  count,
  onConfirm,
  onCancel,
}: {
  /** The comments among those to approve that carry a grave concern. */
  grave: QueueItem[];
  /** How many comments the approval covers in all. */
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const listId = useId();
  const concerns = [...new Set(grave.flatMap((item) => item.concerns))].map((c) => GRAVE_CONCERN_LABELS[c]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onConfirm();
  };
  const [only] = grave;
  const held = only?.status === "SYSTEM_WITHHELD" ? "held" : "flagged";
  return (
    <ModerationDialog
      title={
        count === 1
          ? `Approve a comment ${held} for ${concerns.join(" and ")}?`
          : `Approve ${count} comments?`
      }
      onClose={onCancel}
    >
      <form onSubmit={submit}>
        {count > 1 && (
          <p>
            {grave.length} of them {grave.length === 1 ? "is" : "are"} held or flagged for{" "}
            {concerns.join(", ")}.
          </p>
        )}
        {grave.length === 1 && only ? (
          <blockquote className="confirm-excerpt" id={listId}>
            {only.body.length > EXCERPT ? `${only.body.slice(0, EXCERPT)}…` : only.body}
          </blockquote>
        ) : (
          <ul id={listId} className="confirm-list">
            {grave.map((item) => (
              <li key={item.id}>
                {item.commenter?.name ?? item.authorName}:{" "}
                {item.body.length > 80 ? `${item.body.slice(0, 80)}…` : item.body}
              </li>
            ))}
          </ul>
        )}
        <p className="subtle">
          Approving keeps it published as acceptable. You can undo it for a few seconds after.
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" data-autofocus="" aria-describedby={listId}>
            Approve anyway <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </ModerationDialog>
  );
}
