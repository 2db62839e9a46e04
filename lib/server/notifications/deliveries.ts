import "server-only";
import { createHmac } from "node:crypto";
import nodemailer from "nodemailer";
import type { JSONValue } from "postgres";
import type { NotificationChannel } from "@/lib/db/generated/enums";
import type { Sql } from "@/lib/db/sql";
import { env } from "@/lib/env";
import {
  MAX_DELIVERY_ATTEMPTS,
  type NotificationKindName,
  type NotificationMessage,
  retryDelayMs,
} from "@/lib/insights/notifications";
import { emailRecipientSchema } from "@/lib/schemas/notifications";
import { webhookGuard } from "./webhook-guard";

/**
 * Notifications go out through a table of deliveries: one row per message and channel, sent by the insights
 * job, retried with exponential backoff (lib/insights/notifications.ts) until sent or given up, visible on the
 * settings page. Nothing is queued for a publication without settings, and no e-mail without SMTP settings.
 */

/** Queues a message for the publication's subscribers of its kind; returns the delivery ids. */
export async function enqueueNotification(
  sql: Sql,
  publicationId: number,
  message: NotificationMessage,
  now: Date = new Date(),
): Promise<number[]> {
  const [settings] = await sql<
    { email_recipients: unknown; webhook_url: string | null; webhook_kinds: string[] }[]
  >`
    SELECT email_recipients, webhook_url, webhook_kinds::text[] AS webhook_kinds
    FROM notification_settings WHERE publication_id = ${publicationId}`;
  if (!settings) return [];
  const rows: { channel: NotificationChannel; target: string }[] = [];
  if (env().MARGINALIA_SMTP_URL) {
    const chosen = Array.isArray(settings.email_recipients)
      ? settings.email_recipients.flatMap((r) => {
          const parsed = emailRecipientSchema.safeParse(r);
          return parsed.success && parsed.data.kinds.includes(message.kind) ? [parsed.data.email] : [];
        })
      : [];
    // Authors and moderators who chose it themselves (lib/server/notifications/subscriptions.ts).
    const subscribed = await sql<{ email: string }[]>`
      SELECT u.email FROM notification_subscription n JOIN "user" u ON u.id = n.user_id
      WHERE n.publication_id = ${publicationId} AND ${message.kind}::"NotificationKind" = ANY(n.kinds)
        AND u.disabled_at IS NULL AND u.role IN ('AUTHOR', 'MODERATOR')
      ORDER BY u.email`;
    const to = [
      ...new Map([...chosen, ...subscribed.map((s) => s.email)].map((e) => [e.toLowerCase(), e])).values(),
    ];
    if (to.length > 0) rows.push({ channel: "EMAIL", target: to.join(", ") });
  }
  if (settings.webhook_url && settings.webhook_kinds.includes(message.kind))
    rows.push({ channel: "WEBHOOK", target: settings.webhook_url });
  const ids: number[] = [];
  for (const row of rows) {
    const [inserted] = await sql<{ id: number }[]>`
      INSERT INTO notification_delivery (publication_id, kind, channel, target, subject, payload, next_attempt_at, created_at)
      VALUES (${publicationId}, ${message.kind}::"NotificationKind", ${row.channel}::"NotificationChannel", ${row.target},
              ${message.subject}, ${sql.json({ text: message.text, data: message.data } as unknown as JSONValue)}, ${now}, ${now})
      RETURNING id`;
    ids.push(inserted!.id);
  }
  return ids;
}

/** The signature header of a webhook body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs JSON through the guarded fetch imports use (public https addresses only, the checked address pinned);
 * redirects are not followed (a 3xx counts as a failed delivery). Resolves with the status.
 */
async function postJson(
  guardedFetch: typeof fetch,
  target: string,
  body: string,
  headers: Record<string, string>,
): Promise<number> {
  const response = await guardedFetch(target, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  await response.body?.cancel();
  return response.status;
}

interface DueRow {
  id: number;
  publication_id: number;
  publication_name: string;
  kind: NotificationKindName;
  channel: NotificationChannel;
  target: string;
  subject: string;
  payload: { text: string; data: Record<string, unknown> };
  attempts: number;
  created_at: Date;
  secret: string | null;
}

/**
 * An error as stored and shown: its message and its causes' (fetch says only "fetch failed", its cause why),
 * cut short, never a URL's credentials or a secret.
 */
function errorText(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 4; depth++) {
    messages.push(e instanceof Error ? e.message : String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  return messages
    .join(": ")
    .replace(/\/\/[^/@\s]*@/gu, "//…@")
    .slice(0, 300);
}

/** A claimed delivery is someone's for this long; a worker that died while sending leaves it due again then. */
const CLAIM_MS = 5 * 60_000;

/**
 * Sends the deliveries that are due; a failure is retried later with backoff, and given up after
 * MAX_DELIVERY_ATTEMPTS. Rows are claimed first (SKIP LOCKED, then moved past the claim period) and sent outside
 * any transaction, so no connection waits on a slow receiver and two workers never send one row at once. At least
 * once: a worker killed between sending and recording sends it again after the claim period (receivers can
 * tell by X-Marginalia-Delivery). Returns how many were sent and how many were given up.
 */
export async function deliverDue(
  sql: Sql,
  options: { now?: Date; limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const now = options.now ?? new Date();
  let sent = 0;
  let failed = 0;
  const smtp = env().MARGINALIA_SMTP_URL;
  const transport = smtp ? nodemailer.createTransport(smtp) : null;
  const guard = webhookGuard();
  try {
    const due = (
      await sql<DueRow[]>`
        WITH claimed AS (
          SELECT id FROM notification_delivery
          WHERE status = 'PENDING' AND next_attempt_at <= ${now}
          ORDER BY next_attempt_at, id
          LIMIT ${options.limit ?? 20}
          FOR UPDATE SKIP LOCKED)
        UPDATE notification_delivery d SET next_attempt_at = ${new Date(now.getTime() + CLAIM_MS)}
        FROM claimed c JOIN notification_delivery x ON x.id = c.id
          JOIN publication p ON p.id = x.publication_id
          LEFT JOIN notification_settings s ON s.publication_id = x.publication_id
        WHERE d.id = c.id
        RETURNING d.id, d.publication_id, p.name AS publication_name, d.kind::text AS kind,
          d.channel::text AS channel, d.target, d.subject, d.payload, d.attempts, d.created_at,
          s.webhook_secret AS secret`
    ).sort((a, b) => a.id - b.id);
    for (const d of due) {
      try {
        if (d.channel === "EMAIL") {
          if (!transport) throw new Error("e-mail is not configured (MARGINALIA_SMTP_URL)");
          await transport.sendMail({
            from: env().MARGINALIA_MAIL_FROM,
            to: d.target,
            subject: d.subject,
            text: d.payload.text,
          });
        } else {
          if (!d.secret) throw new Error("the webhook has no signing secret");
          const body = JSON.stringify({
            id: d.id,
            kind: d.kind,
            publication: { id: d.publication_id, name: d.publication_name },
            subject: d.subject,
            text: d.payload.text,
            data: d.payload.data,
            createdAt: d.created_at.toISOString(),
          });
          const status = await postJson(guard.fetch, d.target, body, {
            "user-agent": "Marginalia-Webhook/1",
            "x-marginalia-event": d.kind,
            "x-marginalia-delivery": String(d.id),
            "x-marginalia-signature": webhookSignature(d.secret, Math.floor(now.getTime() / 1000), body),
          });
          if (status < 200 || status >= 300) throw new Error(`the receiver answered ${status}`);
        }
        await sql`UPDATE notification_delivery SET status = 'SENT', attempts = attempts + 1, sent_at = ${now}, last_error = NULL
                 WHERE id = ${d.id}`;
        sent += 1;
      } catch (error) {
        const attempts = d.attempts + 1;
        const givenUp = attempts >= MAX_DELIVERY_ATTEMPTS;
        await sql`
          UPDATE notification_delivery SET attempts = ${attempts}, last_error = ${errorText(error)},
            status = ${givenUp ? "FAILED" : "PENDING"}::"DeliveryStatus",
            next_attempt_at = ${new Date(now.getTime() + retryDelayMs(attempts))}
          WHERE id = ${d.id}`;
        if (givenUp) failed += 1;
      }
    }
  } finally {
    transport?.close();
  }
  return { sent, failed };
}
