"use client";
import { ModerationDialog } from "./moderation-dialog";
import { QUEUE_SHORTCUTS } from "./queue-shortcuts";

/** The "?" overlay: every key of QUEUE_SHORTCUTS, the same map the key handler reads. */
export function QueueHelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <ModerationDialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="data shortcuts">
        <tbody>
          {QUEUE_SHORTCUTS.map((s) => (
            <tr key={s.key}>
              <td>
                <kbd>{s.key}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="subtle">
        With comments selected (<kbd>x</kbd>), <kbd>a</kbd> <kbd>r</kbd> <kbd>f</kbd> <kbd>n</kbd> act on the
        whole selection. Keys are ignored while you type in a field; <kbd>Esc</kbd> closes a dialog.
      </p>
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} data-autofocus="">
          Close
        </button>
      </div>
    </ModerationDialog>
  );
}
