"use client";
import { type FormEvent, useId, useState } from "react";
import {
  useNotificationSettingsQuery,
  useSaveNotificationSettingsMutation,
} from "@/lib/client/use-notification-settings";
import type { NotificationKindName } from "@/lib/insights/notifications";
import type { NotificationSettings } from "@/lib/schemas/notifications";
import { KindChoices } from "./kind-choices";
import { LocalTime } from "./local-time";

const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface Recipient {
  email: string;
  kinds: NotificationKindName[];
}

function NotificationForm({
  publicationId,
  settings,
}: {
  publicationId: number;
  settings: NotificationSettings;
}) {
  const id = useId();
  const save = useSaveNotificationSettingsMutation(publicationId);
  const [recipients, setRecipients] = useState<Recipient[]>(settings.emailRecipients);
  const [webhookUrl, setWebhookUrl] = useState(settings.webhookUrl ?? "");
  const [webhookKinds, setWebhookKinds] = useState<NotificationKindName[]>(settings.webhookKinds);
  const [rotateSecret, setRotateSecret] = useState(false);
  const [digestHourUtc, setDigestHourUtc] = useState(settings.digestHourUtc);
  const [secret, setSecret] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSecret(null);
    save.mutate(
      {
        emailRecipients: recipients
          .filter((r) => r.email.trim() !== "")
          .map((r) => ({ ...r, email: r.email.trim() })),
        webhookUrl: webhookUrl.trim() === "" ? null : webhookUrl.trim(),
        webhookKinds,
        rotateSecret,
        digestHourUtc,
      },
      { onSuccess: (saved) => setSecret(saved.newWebhookSecret ?? null) },
    );
    setRotateSecret(false);
  };

  return (
    <form
      onSubmit={submit}
      className="notification-form"
      aria-label={`Notifications of ${settings.publicationName}`}
    >
      <h3>By e-mail</h3>
      {!settings.emailConfigured && (
        <p className="subtle" role="note">
          E-mail is off on this server: set MARGINALIA_SMTP_URL (and MARGINALIA_MAIL_FROM) to send it.
          Recipients saved here are kept for then.
        </p>
      )}
      {recipients.length === 0 && <p className="subtle">Nobody is told anything by e-mail.</p>}
      {recipients.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is the row
        <div key={i} className="recipient-row" data-testid="recipient-row">
          <label htmlFor={`${id}-email-${i}`}>E-mail address</label>
          <input
            id={`${id}-email-${i}`}
            type="email"
            value={r.email}
            required
            maxLength={254}
            onChange={(e) =>
              setRecipients(recipients.map((x, j) => (j === i ? { ...x, email: e.target.value } : x)))
            }
          />
          <KindChoices
            idPrefix={`${id}-kinds-${i}`}
            legend={`What ${r.email || "this address"} receives`}
            chosen={r.kinds}
            onChange={(kinds) => setRecipients(recipients.map((x, j) => (j === i ? { ...x, kinds } : x)))}
          />
          <button type="button" onClick={() => setRecipients(recipients.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => setRecipients([...recipients, { email: "", kinds: ["SURGE", "HELD_COMMENTS"] }])}
        disabled={recipients.length >= 20}
      >
        Add a recipient
      </button>

      <h3>By webhook</h3>
      <p className="subtle">
        A JSON POST to your address, signed: header X-Marginalia-Signature is t=&lt;unix
        time&gt;,v1=&lt;HMAC-SHA256 of "t.body" with the secret&gt;. Failed deliveries are retried with
        growing pauses. Public https addresses only (a receiver on your own network must be listed in
        MARGINALIA_WEBHOOK_ALLOW_HOSTS).
      </p>
      <label htmlFor={`${id}-webhook`}>Webhook address</label>
      <input
        id={`${id}-webhook`}
        type="url"
        value={webhookUrl}
        placeholder="https://example.com/hooks/marginalia"
        maxLength={2000}
        onChange={(e) => setWebhookUrl(e.target.value)}
      />
      <KindChoices
        idPrefix={`${id}-webhook-kinds`}
        legend="What the webhook receives"
        chosen={webhookKinds}
        onChange={setWebhookKinds}
      />
      {settings.hasWebhookSecret && (
        <label htmlFor={`${id}-rotate`}>
          <input
            id={`${id}-rotate`}
            type="checkbox"
            checked={rotateSecret}
            onChange={(e) => setRotateSecret(e.target.checked)}
          />{" "}
          Make a new signing secret (the old one stops working)
        </label>
      )}

      <h3>Daily digest</h3>
      <label htmlFor={`${id}-hour`}>Send it at (UTC)</label>
      <select
        id={`${id}-hour`}
        value={digestHourUtc}
        onChange={(e) => setDigestHourUtc(Number(e.target.value))}
      >
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {String(h).padStart(2, "0")}:00
          </option>
        ))}
      </select>

      <p>
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save notifications"}
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
      {secret && (
        <p role="status" className="secret-once" data-testid="webhook-secret">
          The webhook's signing secret, shown this once: <code>{secret}</code>
        </p>
      )}
    </form>
  );
}

function Deliveries({ settings }: { settings: NotificationSettings }) {
  if (settings.recentDeliveries.length === 0) return <p className="subtle">Nothing sent yet.</p>;
  return (
    <table className="data">
      <caption className="visually-hidden">Recent notifications</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">To</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {settings.recentDeliveries.map((d) => (
          <tr key={d.id}>
            <td>
              <LocalTime iso={d.createdAt} />
            </td>
            <td>{d.subject}</td>
            <td>
              {d.channel === "EMAIL" ? "E-mail: " : "Webhook: "}
              {d.target}
            </td>
            <td>
              {d.status.toLowerCase()}
              {d.attempts > 1 && ` after ${d.attempts} attempts`}
              {d.lastError && ` (${d.lastError})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The notifications section of the settings page: per publication, who is told what, and how; it opens on
 * `initialPublicationId` (the switcher's) when given, else the first publication.
 */
export function NotificationSettingsSection({
  publications,
  initialPublicationId,
}: {
  publications: { id: number; name: string }[];
  initialPublicationId?: number;
}) {
  const id = useId();
  const [publicationId, setPublicationId] = useState(
    publications.find((p) => p.id === initialPublicationId)?.id ?? publications[0]?.id ?? 0,
  );
  const query = useNotificationSettingsQuery(publicationId);
  if (publications.length === 0) return <p className="subtle">No publication yet.</p>;
  return (
    <div>
      {publications.length > 1 && (
        <p>
          <label htmlFor={`${id}-publication`}>Notifications of the publication</label>{" "}
          <select
            id={`${id}-publication`}
            value={publicationId}
            onChange={(e) => setPublicationId(Number(e.target.value))}
          >
            {publications.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </p>
      )}
      {query.error ? (
        <p className="error" role="alert">
          Could not load the notification settings: {query.error.message}
        </p>
      ) : !query.data ? (
        <p className="subtle">Loading…</p>
      ) : (
        <>
          <NotificationForm key={publicationId} publicationId={publicationId} settings={query.data} />
          <h3>Recent notifications</h3>
          <Deliveries settings={query.data} />
        </>
      )}
    </div>
  );
}
