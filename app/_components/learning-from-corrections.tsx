"use client";
import { useState } from "react";
import {
  useActivateModelMutation,
  useDeactivateModelsMutation,
  usePublicationLearningQuery,
  useRefitMutation,
} from "@/lib/client/use-publication-models";
import type {
  HeadComparisonView,
  PublicationLearning,
  PublicationModelView,
  RefitAnswer,
} from "@/lib/schemas/publication-models";
import { LocalTime } from "./local-time";

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** One head's held-out agreement, before → after. */
function Agreement({ head }: { head: HeadComparisonView | null | undefined }) {
  if (!head) return <span className="subtle">no held-out corrections</span>;
  if (!head.measured) return <span className="subtle">not measured ({head.heldOut} held out)</span>;
  const change =
    head.after.accuracy > head.before.accuracy
      ? "rose"
      : head.after.accuracy < head.before.accuracy
        ? "fell"
        : "unchanged";
  return (
    <span title={`macro-F1 ${head.before.macroF1.toFixed(2)} → ${head.after.macroF1.toFixed(2)}`}>
      {percent(head.before.accuracy)} → {percent(head.after.accuracy)}{" "}
      <span className="subtle">
        ({change}, {head.heldOut} held out)
      </span>
    </span>
  );
}

function modelStatus(m: PublicationModelView): string {
  if (m.active) return m.stale ? "Labels comments (stale: refit due)" : "Labels comments";
  if (m.stale) return `Stale: refitted from scorer ${m.baseVersion}`;
  if (m.metrics && !m.metrics.decision.activate && !m.activatedAt)
    return `Kept aside: ${m.metrics.decision.reason}`;
  return "Not in use";
}

function refitMessage(answer: RefitAnswer): string {
  if (answer.status === "too_few")
    return (
      `Not enough corrections yet: ${answer.corrections.tone} of tone and ${answer.corrections.stance} of stance; ` +
      `a refit needs ${answer.minCorrections} of one of them.`
    );
  const m = answer.model;
  return m.active
    ? `Model ${m.id} refitted on ${m.corrections} corrected comments now labels the comments ` +
        `(${answer.relabelled} relabelled).`
    : `Model ${m.id} refitted on ${m.corrections} corrected comments was kept aside: ` +
        `${m.metrics?.decision.reason ?? "see its row"}.`;
}

/** One publication: its corrections, its models and the switch between them and the shipped scorer. */
function PublicationLearningPanel({
  initial,
  showName,
}: {
  initial: PublicationLearning;
  showName: boolean;
}) {
  const { data } = usePublicationLearningQuery(initial);
  const id = data.publicationId;
  const refit = useRefitMutation(id);
  const activate = useActivateModelMutation(id);
  const deactivate = useDeactivateModelsMutation(id);
  const [message, setMessage] = useState("");
  const busy = refit.isPending || activate.isPending || deactivate.isPending;
  const error = refit.error ?? activate.error ?? deactivate.error;
  const { corrections: counts } = data;
  const headingId = `learning-${id}`;

  return (
    <section className="learning-publication" aria-labelledby={headingId}>
      <h3 id={headingId} className={showName ? undefined : "visually-hidden"}>
        {data.name}
      </h3>
      <p>
        {counts.total} corrected comment{counts.total === 1 ? "" : "s"}: {counts.tone} with a tone,{" "}
        {counts.stance} with a stance.{" "}
        {counts.tone < data.minCorrections && counts.stance < data.minCorrections
          ? `Refitting starts at ${data.minCorrections} corrections of tone or of stance.`
          : data.due.due
            ? "A refit is due; the background job makes it within minutes."
            : `The next automatic refit waits for more corrections (${data.due.reason}).`}
      </p>
      <p>
        Labels shown now:{" "}
        <strong>{data.activeModelId === null ? "the shipped scorer" : `model ${data.activeModelId}`}</strong>
      </p>
      {data.models.length === 0 ? (
        <p className="empty">No model refitted yet.</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Models refitted on the corrections of {data.name}</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Refitted</th>
              <th scope="col" className="num">
                Corrections
              </th>
              <th scope="col">Tone agreement</th>
              <th scope="col">Stance agreement</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.models.map((m) => (
              <tr key={m.id} aria-current={m.active ? "true" : undefined}>
                <th scope="row">Model {m.id}</th>
                <td>
                  <LocalTime iso={m.createdAt} />
                </td>
                <td className="num">{m.corrections}</td>
                <td>
                  <Agreement head={m.metrics?.tone} />
                </td>
                <td>
                  <Agreement head={m.metrics?.stance} />
                </td>
                <td>{modelStatus(m)}</td>
                <td>
                  {!m.stale && (
                    <button
                      type="button"
                      aria-disabled={busy || m.active}
                      aria-label={m.active ? `Model ${m.id} is in use` : `Switch to model ${m.id}`}
                      onClick={() => {
                        if (busy || m.active) return;
                        activate.mutate(m.id, {
                          onSuccess: (r) =>
                            setMessage(`Model ${m.id} now labels the comments (${r.relabelled} relabelled).`),
                        });
                      }}
                    >
                      {m.active ? "In use" : "Switch to this version"}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* aria-disabled, not disabled: a button keeps the keyboard focus while its request runs. */}
      <div className="dialog-actions">
        <button
          type="button"
          aria-disabled={busy || data.activeModelId === null}
          onClick={() => {
            if (busy || data.activeModelId === null) return;
            deactivate.mutate(undefined, {
              onSuccess: (r) =>
                setMessage(
                  r.changed
                    ? `Back to the shipped scorer (${r.relabelled} comments relabelled).`
                    : "The shipped scorer already labels the comments.",
                ),
            });
          }}
        >
          Go back to the shipped scorer
        </button>
        <button
          type="button"
          className="primary"
          aria-disabled={busy}
          onClick={() => {
            if (busy) return;
            refit.mutate(undefined, { onSuccess: (r) => setMessage(refitMessage(r)) });
          }}
        >
          {refit.isPending ? "Refitting…" : "Refit now"}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}

/**
 * "Learning from corrections" on the settings page: per publication, the models refitted on its corrections
 * with their agreement on held-out corrections, which one labels the comments, and the switches.
 */
export function LearningFromCorrections({ publications }: { publications: PublicationLearning[] }) {
  return (
    <section className="panel" aria-labelledby="learning-heading">
      <h2 id="learning-heading">Learning from corrections</h2>
      <p className="subtle">
        Every tone or stance a moderator or you correct teaches the scorer how this publication's readers
        write. Once a head has enough corrections a refit learns from them, starting from the shipped scorer.
        Agreement is measured on corrections kept out of the refit: the labels shown at the time → the refit.
        A refit whose agreement did not drop labels the comments at once; you can switch versions or go back
        to the shipped scorer at any time. Each switch is in the moderation log.
      </p>
      {publications.length === 0 ? (
        <p className="empty">No publication yet: import one first.</p>
      ) : (
        publications.map((p) => (
          <PublicationLearningPanel key={p.publicationId} initial={p} showName={publications.length > 1} />
        ))
      )}
    </section>
  );
}
