"use client";
import { type FormEvent, type KeyboardEvent, useState } from "react";
import { COMMENT_REASON_LABELS, COMMENT_REASONS, type CommentReason } from "@/lib/moderation/reasons";
import { ModerationDialog } from "./moderation-dialog";

/**
 * Rejecting starts on the reason and takes an optional note. Flagging starts in the note, because someone
 * else picks the comment up later and needs to know why; the reason (Other unless picked) is a Shift+Tab away.
 */
const MODES = {
  reject: {
    verb: "Reject",
    noteLabel: "Details (optional)",
    noteRequired: false,
    button: "danger",
    defaultReason: "OFFENSIVE",
  },
  flag: {
    verb: "Flag",
    noteLabel: "Why should someone look at it?",
    noteRequired: true,
    button: "primary",
    defaultReason: "OTHER",
  },
} as const;

/**
 * The reject or flag dialog: a reason code (arrow keys or digits 1–8 pick one) and free text.
 * Enter confirms, Escape cancels.
 */
export function QueueReasonPicker(props: {
  mode: keyof typeof MODES;
  count: number;
  onConfirm: (reason: CommentReason, note: string) => void;
  onCancel: () => void;
}) {
  const mode = MODES[props.mode];
  const [reason, setReason] = useState<CommentReason>(mode.defaultReason);
  const [note, setNote] = useState("");
  const complete = !mode.noteRequired || note.trim() !== "";
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (complete) props.onConfirm(reason, note.trim());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      submit();
      return;
    }
    const isText = e.target instanceof HTMLInputElement && e.target.type === "text";
    const digit = Number(e.key);
    if (!isText && Number.isInteger(digit) && digit >= 1 && digit <= COMMENT_REASONS.length) {
      const picked = COMMENT_REASONS[digit - 1];
      if (picked) setReason(picked);
    }
  };
  return (
    <ModerationDialog
      title={props.count > 1 ? `${mode.verb} ${props.count} comments` : `${mode.verb} the comment`}
      onClose={props.onCancel}
    >
      <form onSubmit={submit} onKeyDown={onKeyDown}>
        <fieldset className="reason-list">
          <legend>Reason</legend>
          {COMMENT_REASONS.map((value, index) => (
            <label key={value} className="reason-option">
              <input
                type="radio"
                name="reason"
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
                data-autofocus={index === 0 && !mode.noteRequired ? "" : undefined}
              />
              <kbd>{index + 1}</kbd> {COMMENT_REASON_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          <label htmlFor="reason-note">{mode.noteLabel}</label>
          <input
            id="reason-note"
            type="text"
            value={note}
            maxLength={2000}
            required={mode.noteRequired}
            data-autofocus={mode.noteRequired ? "" : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className={mode.button} disabled={!complete}>
            {mode.verb}
          </button>
        </div>
      </form>
    </ModerationDialog>
  );
}
