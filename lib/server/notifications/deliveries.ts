import "server-only";
import { createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import nodemailer from "nodemailer";
import type { JSONValue } from "postgres";
import type { Sql } from "@/lib/db/sql";
import { env } from "@/lib/env";
import {
  MAX_DELIVERY_ATTEMPTS,
  type NotificationKindName,
  type NotificationMessage,
  retryDelayMs,
} from "@/lib/insights/notifications";
import { emailRecipientSchema } from "@/lib/schemas/notifications";
import { resolvePublicAddress } from "@/lib/server/net/outbound-guard";

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
  const rows: { channel: "EMAIL" | "WEBHOOK"; target: string }[] = [];
  if (env().MARGINALIA_SMTP_URL && Array.isArray(settings.email_recipients)) {
    const to = settings.email_recipients.flatMap((r) => {
      const parsed = emailRecipientSchema.safeParse(r);
      return parsed.success && parsed.data.kinds.includes(message.kind) ? [parsed.data.email] : [];
    });
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

/** POSTs JSON to a vetted address (no redirects followed); resolves with the status, rejects on network errors. */
async function postJson(target: string, body: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(target);
  const { address, family } = await resolvePublicAddress(url);
  // Connect to the address that was checked, whatever the name resolves to a moment later.
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        timeout: WEBHOOK_TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("timeout", () =>
      request.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`)),
    );
    request.on("error", reject);
    request.end(body);
  });
}

interface DueRow {
  id: number;
  publication_id: number;
  publication_name: string;
  kind: NotificationKindName;
  channel: "EMAIL" | "WEBHOOK";
  target: string;
  subject: string;
  payload: { text: string; data: Record<string, unknown> };
  attempts: number;
  created_at: Date;
  secret: string | null;
}

/** An error as stored and shown: its message only, cut short, never a URL's credentials or a secret. */
function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error))
    .replace(/\/\/[^/@\s]*@/gu, "//…@")
    .slice(0, 300);
}

/**
 * Sends the deliveries that are due (claimed with SKIP LOCKED, so workers never send one twice); a failure
 * is retried later with backoff, and given up after MAX_DELIVERY_ATTEMPTS. Returns how many were sent.
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
  try {
    await sql.begin(async (tx) => {
      const due = await tx<DueRow[]>`
        SELECT d.id, d.publication_id, p.name AS publication_name, d.kind::text AS kind, d.channel::text AS channel,
          d.target, d.subject, d.payload, d.attempts, d.created_at, s.webhook_secret AS secret
        FROM notification_delivery d
        JOIN publication p ON p.id = d.publication_id
        LEFT JOIN notification_settings s ON s.publication_id = d.publication_id
        WHERE d.status = 'PENDING' AND d.next_attempt_at <= ${now}
        ORDER BY d.next_attempt_at, d.id
        LIMIT ${options.limit ?? 20}
        FOR UPDATE OF d SKIP LOCKED`;
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
            const status = await postJson(d.target, body, {
              "user-agent": "Marginalia-Webhook/1",
              "x-marginalia-event": d.kind,
              "x-marginalia-delivery": String(d.id),
              "x-marginalia-signature": webhookSignature(d.secret, Math.floor(now.getTime() / 1000), body),
            });
            if (status < 200 || status >= 300) throw new Error(`the receiver answered ${status}`);
          }
          await tx`UPDATE notification_delivery SET status = 'SENT', attempts = attempts + 1, sent_at = ${now}, last_error = NULL
                   WHERE id = ${d.id}`;
          sent += 1;
        } catch (error) {
          const attempts = d.attempts + 1;
          const givenUp = attempts >= MAX_DELIVERY_ATTEMPTS;
          await tx`
            UPDATE notification_delivery SET attempts = ${attempts}, last_error = ${errorText(error)},
              status = ${givenUp ? "FAILED" : "PENDING"}::"DeliveryStatus",
              next_attempt_at = ${new Date(now.getTime() + retryDelayMs(attempts))}
            WHERE id = ${d.id}`;
          if (givenUp) failed += 1;
        }
      }
    });
  } finally {
    transport?.close();
  }
  return { sent, failed };
}
