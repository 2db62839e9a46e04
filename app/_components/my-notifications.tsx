"use client";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { fetchJson } from "@/lib/client/fetch-json";
import type { NotificationKindName } from "@/lib/insights/notifications";
import type { MySubscription } from "@/lib/schemas/notifications";
import { KindChoices } from "./kind-choices";

function PublicationChoice({ initial }: { initial: MySubscription }) {
  const id = useId();
  const [kinds, setKinds] = useState<NotificationKindName[]>(initial.kinds);
  const save = useMutation({
    mutationFn: (chosen: NotificationKindName[]) =>
      fetchJson<MySubscription>(`/api/publications/${initial.publicationId}/notifications/mine`, {
        method: "PUT",
        body: JSON.stringify({ kinds: chosen }),
      }),
    onSuccess: (saved) => setKinds(saved.kinds),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(kinds);
  };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{initial.publicationName}</h2>
      <KindChoices
        idPrefix={id}
        chosen={kinds}
        onChange={setKinds}
        legend={`What reaches you from ${initial.publicationName}`}
      />
      <p>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
      </p>
      {save.error && (
        <p className="error" role="alert">
          Not saved: {save.error.message}
        </p>
      )}
      {save.isSuccess && (
        <p role="status" className="subtle">
          Saved.
        </p>
      )}
    </form>
  );
}

/** The signed-in author's or moderator's own notification choices, one small form per publication. */
export function MyNotifications({ subscriptions }: { subscriptions: MySubscription[] }) {
  if (subscriptions.length === 0) return <p className="subtle">No publication yet.</p>;
  return (
    <>
      {!subscriptions[0]?.emailConfigured && (
        <p className="subtle" role="note">
          E-mail is off on this server (MARGINALIA_SMTP_URL is not set): your choices are kept for when it is
          on.
        </p>
      )}
      {subscriptions.map((s) => (
        <PublicationChoice key={s.publicationId} initial={s} />
      ))}
    </>
  );
}
