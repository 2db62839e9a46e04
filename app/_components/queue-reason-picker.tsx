"use client";
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { REJECT_REASON_LABELS, REJECT_REASONS, type RejectReason } from "@/lib/moderation/reasons";
import { ModerationDialog } from "./moderation-dialog";

/**
 * The reject dialog: a reason code (arrow keys or digits 1–8 pick one) and optional free text.
 * Enter confirms, Escape cancels.
 */
export function QueueReasonPicker(props: {
  count: number;
  onConfirm: (reason: RejectReason, note: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState<RejectReason>("OFFENSIVE");
  const [note, setNote] = useState("");
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    props.onConfirm(reason, note.trim());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      submit();
      return;
    }
    const isText = e.target instanceof HTMLInputElement && e.target.type === "text";
    const digit = Number(e.key);
    if (!isText && Number.isInteger(digit) && digit >= 1 && digit <= REJECT_REASONS.length) {
      const picked = REJECT_REASONS[digit - 1];
      if (picked) setReason(picked);
    }
  };
  return (
    <ModerationDialog
      title={props.count > 1 ? `Reject ${props.count} comments` : "Reject the comment"}
      onClose={props.onCancel}
    >
      <form onSubmit={submit} onKeyDown={onKeyDown}>
        <fieldset className="reason-list">
          <legend>Reason</legend>
          {REJECT_REASONS.map((value, index) => (
            <label key={value} className="reason-option">
              <input
                type="radio"
                name="reason"
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
                data-autofocus={index === 0 ? "" : undefined}
              />
              <kbd>{index + 1}</kbd> {REJECT_REASON_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          <label htmlFor="reject-note">Details (optional)</label>
          <input
            id="reject-note"
            type="text"
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="danger">
            Reject
          </button>
        </div>
      </form>
    </ModerationDialog>
  );
}
