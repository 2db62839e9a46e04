"use client";
import { type FormEvent, useState } from "react";
import { ModerationDialog } from "./moderation-dialog";

/** A one-line text prompt (the flag note, a moderator note): Enter confirms, Escape cancels. */
export function QueueTextDialog(props: {
  title: string;
  label: string;
  confirmLabel: string;
  onConfirm: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() !== "") props.onConfirm(text.trim());
  };
  return (
    <ModerationDialog title={props.title} onClose={props.onCancel}>
      <form onSubmit={submit}>
        <div className="form-row">
          <label htmlFor="queue-text">{props.label}</label>
          <input
            id="queue-text"
            type="text"
            className="wide"
            value={text}
            maxLength={2000}
            required
            data-autofocus=""
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={text.trim() === ""}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </ModerationDialog>
  );
}
