"use client";
import { type FormEvent, useId, useState } from "react";
import { STANCE_LABELS } from "@/lib/analytics/chart-rows";
import { TONE_LABELS } from "@/lib/analytics/palette";
import { useLabelCorrectionMutation } from "@/lib/client/use-label-correction-mutation";
import type { ThreadComment } from "@/lib/schemas/thread";
import { STANCES, type Stance, TONES, type Tone } from "@/lib/scoring/types";

/** Correct a comment's tone and stance in place, or confirm the scorer's labels (both count for agreement). */
export function LabelCorrectionForm({ comment }: { comment: ThreadComment }) {
  const id = useId();
  const mutation = useLabelCorrectionMutation();
  const [tone, setTone] = useState<Tone | "">(comment.tone ?? "");
  const [stance, setStance] = useState<Stance | "">(comment.stance ?? "");
  const [saved, setSaved] = useState<string | null>(null);

  const submit = (body: { tone?: Tone; stance?: Stance }, message: string) => {
    setSaved(null);
    mutation.mutate({ commentId: comment.id, ...body }, { onSuccess: () => setSaved(message) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit({ ...(tone ? { tone } : {}), ...(stance ? { stance } : {}) }, "Correction saved.");
  };
  const canConfirm = comment.scoredTone !== null && comment.scoredStance !== null;

  return (
    <details className="correction">
      <summary>Correct labels</summary>
      <form
        onSubmit={onSubmit}
        className="correction-form"
        aria-label={`Correct the labels of ${comment.authorName}'s comment`}
      >
        <span>
          <label htmlFor={`${id}-tone`}>Tone</label>
          <select id={`${id}-tone`} value={tone} onChange={(e) => setTone(e.target.value as Tone)}>
            {comment.tone === null && <option value="">—</option>}
            {TONES.map((t) => (
              <option key={t} value={t}>
                {TONE_LABELS[t]}
                {t === comment.scoredTone ? " (scorer)" : ""}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label htmlFor={`${id}-stance`}>Stance</label>
          <select id={`${id}-stance`} value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
            {comment.stance === null && <option value="">—</option>}
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
                {s === comment.scoredStance ? " (scorer)" : ""}
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className="primary" disabled={mutation.isPending || (!tone && !stance)}>
          Save correction
        </button>
        {canConfirm && (
          <button
            type="button"
            disabled={mutation.isPending}
            onClick={() =>
              submit(
                { tone: comment.scoredTone ?? undefined, stance: comment.scoredStance ?? undefined },
                "Scorer's labels confirmed.",
              )
            }
          >
            Scorer is right
          </button>
        )}
        <span aria-live="polite" className="subtle">
          {mutation.isPending ? "Saving…" : saved}
        </span>
        {mutation.error && (
          <span className="error" role="alert">
            Could not save the correction: {mutation.error.message}
          </span>
        )}
      </form>
    </details>
  );
}
