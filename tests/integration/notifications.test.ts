import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  GET as GET_MINE,
  PUT as PUT_MINE,
} from "@/app/api/publications/[publicationId]/notifications/mine/route";
import { GET, PUT } from "@/app/api/publications/[publicationId]/notifications/route";
import type { NotificationSettings } from "@/lib/schemas/notifications";
import { listPostSummaries } from "@/lib/server/analytics/post-summaries";
import { listOpenPostFlags } from "@/lib/server/flags";
import { checkSurges } from "@/lib/server/insights/surges";
import { deliverDue, enqueueNotification } from "@/lib/server/notifications/deliveries";
import { notifyHeldComments, notifySurges, sendDailyDigests } from "@/lib/server/notifications/sources";
import { resetDatabase, useTestDatabase } from "../support/database";
import { apiRequest, routeContext, signedIn, type TestSession } from "../support/sessions";
import { type BuiltThread, buildThread, type ThreadComment } from "./insights-fixture";

const { db, sql } = useTestDatabase();

/** What the local SMTP server received, and what the webhook receiver was sent. */
const mails: { to: string; subject: string; raw: string }[] = [];
const hooks: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let hookStatuses: number[] = [];
let smtp: SMTPServer;
let receiver: Server;
let hookUrl: string;
let author: TestSession;
let t: BuiltThread;

const NOW = new Date("2026-11-20T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => {
        raw += chunk.toString("utf8");
      });
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(", "),
          subject: /^Subject: (.*)$/mu.exec(raw)?.[1] ?? "",
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      hooks.push({ headers: request.headers, body });
      response.statusCode = hookStatuses.shift() ?? 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/marginalia`;
  // Before anything reads the environment: e-mail goes to the test's SMTP server; the receiver is on loopback.
  process.env.MARGINALIA_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.MARGINALIA_MAIL_FROM = "alerts@marginalia.test";
  process.env.MARGINALIA_WEBHOOK_ALLOW_HOSTS = `127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  await resetDatabase(sql);
  author = await signedIn("AUTHOR");
  const calm: ThreadComment[] = Array.from({ length: 30 }, (_, i) => ({
    key: `calm-${i}`,
    post: "hot",
    at: minutesAgo(24 * 60 - i * 30),
    author: `Regular ${i % 6}`,
    tone: "analytical",
    body: `A measured point number ${i}.`,
  }));
  const heated: ThreadComment[] = Array.from({ length: 10 }, (_, i) => ({
    key: `heat-${i}`,
    post: "hot",
    at: minutesAgo(50 - i * 5),
    author: `Regular ${i % 6}`,
    tone: i < 7 ? "hostile" : "skeptical",
    body: i < 7 ? `You are all fools, number ${i}.` : `I doubt this, number ${i}.`,
  }));
  const brigade: ThreadComment[] = Array.from({ length: 12 }, (_, i) => ({
    key: `new-${i}`,
    post: "raid",
    at: minutesAgo(40 - i * 3),
    author: `Stranger ${i}`,
    tone: "dismissive",
    body: `Nobody believes this newsletter ${i}.`,
  }));
  const quiet: ThreadComment[] = [
    {
      key: "old-raid",
      post: "raid",
      at: minutesAgo(3 * 24 * 60),
      author: "Regular 1",
      tone: "neutral",
      body: "Nice.",
    },
  ];
  t = await buildThread(db, {
    posts: [
      { key: "hot", title: "The partition of 1947" },
      { key: "raid", title: "Elections in the Balkans" },
    ],
    comments: [...calm, ...heated, ...quiet, ...brigade],
    commenterFirstSeen: Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`Stranger ${i}`, minutesAgo(90)]),
    ),
  });
});

afterAll(async () => {
  for (const name of ["MARGINALIA_SMTP_URL", "MARGINALIA_MAIL_FROM", "MARGINALIA_WEBHOOK_ALLOW_HOSTS"])
    delete process.env[name];
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function saveSettings(body: unknown) {
  const response = await PUT(
    apiRequest(`/api/publications/${t.publicationId}/notifications`, {
      method: "PUT",
      session: author,
      body,
    }),
    routeContext({ publicationId: String(t.publicationId) }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as NotificationSettings;
}

describe("surges and notifications", () => {
  test("nothing is queued or sent without settings", async () => {
    const ids = await enqueueNotification(sql, t.publicationId, {
      kind: "SURGE",
      subject: "x",
      text: "x",
      data: {},
    });
    expect(ids).toEqual([]);
    expect(await sql`SELECT 1 FROM notification_delivery`).toHaveLength(0);
  });

  test("the author chooses who is told what; the signing secret is shown once", async () => {
    const saved = await saveSettings({
      emailRecipients: [
        { email: "author@newsletter.test", kinds: ["SURGE", "DAILY_DIGEST"] },
        { email: "mod@newsletter.test", kinds: ["SURGE", "HELD_COMMENTS"] },
      ],
      webhookUrl: hookUrl,
      webhookKinds: ["SURGE", "HELD_COMMENTS"],
      digestHourUtc: 8,
    });
    expect(saved.newWebhookSecret).toMatch(/^[0-9a-f]{64}$/u);
    expect(saved).toMatchObject({ hasWebhookSecret: true, emailConfigured: true, webhookUrl: hookUrl });
    const read = await GET(
      apiRequest(`/api/publications/${t.publicationId}/notifications`, { session: author }),
      routeContext({ publicationId: String(t.publicationId) }),
    );
    const text = await read.text();
    expect(text).not.toContain(saved.newWebhookSecret!);
    (globalThis as { secret?: string }).secret = saved.newWebhookSecret;
  });

  test("a hostile surge and a brigade raise system post flags with their figures, once", async () => {
    const raised = await checkSurges(sql, NOW);
    expect(raised.map((r) => [r.postId, r.surge.kind])).toEqual([
      [t.posts.hot, "HOSTILE_SURGE"],
      [t.posts.raid, "BRIGADING"],
    ]);
    const flags = await listOpenPostFlags();
    const hot = flags.find((f) => f.post.id === t.posts.hot)!;
    expect(hot).toMatchObject({ reason: "HEATED_THREAD", raisedBy: null });
    expect(hot.note).toMatch(
      /^7 of the last 10 comments are hostile or flagged \(70%\), against 0% on this post before/u,
    );
    expect(flags.find((f) => f.post.id === t.posts.raid)).toMatchObject({ reason: "BRIGADING_SUSPECTED" });
    // The overview's flagged posts show the figures too.
    const summaries = await listPostSummaries();
    expect(summaries.find((p) => p.id === t.posts.hot)?.systemPostFlagNotes).toEqual([hot.note]);
    expect(summaries.find((p) => p.id === t.posts.raid)?.systemPostFlagNotes[0]).toMatch(
      /^12 comments in the last hour .* from commenters first seen within a day/u,
    );
    const log = await sql<{ actor_id: string | null; rule: string }[]>`
      SELECT actor_id, rule FROM moderation_action WHERE action = 'POST_FLAGGED' ORDER BY id`;
    expect(log).toEqual([
      { actor_id: null, rule: "surge:hostile" },
      { actor_id: null, rule: "surge:brigading" },
    ]);
    expect(await checkSurges(sql, new Date(NOW.getTime() + 60_000))).toEqual([]);
    (globalThis as { raised?: typeof raised }).raised = raised;
  });

  test("surge notices go by e-mail to those who chose them and to the signed webhook", async () => {
    const raised = (globalThis as { raised?: Awaited<ReturnType<typeof checkSurges>> }).raised!;
    expect(await notifySurges(sql, raised, NOW)).toBe(4);
    expect(await deliverDue(sql, { now: NOW })).toEqual({ sent: 4, failed: 0 });
    expect(mails.map((m) => m.to)).toEqual([
      "author@newsletter.test, mod@newsletter.test",
      "author@newsletter.test, mod@newsletter.test",
    ]);
    const subjects = await sql<{ subject: string }[]>`SELECT subject FROM notification_delivery ORDER BY id`;
    expect(subjects[0]!.subject).toBe(`[Insights Weekly 1] "The partition of 1947" is turning hostile`);
    expect(mails[0]!.raw).toContain("=22The_partition");
    expect(mails[0]!.raw).toContain("7 of the last 10 comments are hostile or flagged");
    expect(hooks).toHaveLength(2);
    const hook = hooks[0]!;
    const signature = String(hook.headers["x-marginalia-signature"]);
    const [, ts, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/u.exec(signature)!;
    const secret = (globalThis as { secret?: string }).secret!;
    expect(createHmac("sha256", secret).update(`${ts}.${hook.body}`).digest("hex")).toBe(mac);
    expect(JSON.parse(hook.body)).toMatchObject({
      kind: "SURGE",
      data: { surge: "HOSTILE_SURGE", postId: t.posts.hot },
    });
    expect(hook.headers["x-marginalia-event"]).toBe("SURGE");
  });

  test("a failing webhook is retried with backoff, then delivered", async () => {
    hooks.length = 0;
    hookStatuses = [500];
    await sql`INSERT INTO moderation_action (action, target_type, target_id, comment_id, publication_id, rule)
              VALUES ('COMMENT_WITHHELD', 'COMMENT', ${String(t.comments["heat-0"])}, ${t.comments["heat-0"]!},
                      ${t.publicationId}, 'hostility')`;
    expect(await notifyHeldComments(sql, NOW)).toBe(2);
    expect(await notifyHeldComments(sql, NOW)).toBe(0);
    expect(await deliverDue(sql, { now: NOW })).toEqual({ sent: 1, failed: 0 });
    const [pending] = await sql<{ attempts: number; next_attempt_at: Date; last_error: string }[]>`
      SELECT attempts, next_attempt_at, last_error FROM notification_delivery WHERE status = 'PENDING'`;
    expect(pending).toMatchObject({ attempts: 1, last_error: "the receiver answered 500" });
    expect(pending!.next_attempt_at.getTime() - NOW.getTime()).toBe(30_000);
    expect(await deliverDue(sql, { now: new Date(NOW.getTime() + 29_000) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDue(sql, { now: new Date(NOW.getTime() + 31_000) })).toEqual({ sent: 1, failed: 0 });
    expect(hooks).toHaveLength(2);
    expect(mails.at(-1)!.subject).toContain("1 comment held for review");
    expect(mails.at(-1)!.to).toBe("mod@newsletter.test");
  });

  test("two workers at once send each delivery once, outside a transaction", async () => {
    hooks.length = 0;
    const mailsBefore = mails.length;
    const later = new Date(NOW.getTime() + 2 * 3_600_000);
    for (let i = 0; i < 4; i += 1)
      await enqueueNotification(
        sql,
        t.publicationId,
        { kind: "SURGE", subject: `c${i}`, text: "t", data: {} },
        later,
      );
    const [a, b] = await Promise.all([deliverDue(sql, { now: later }), deliverDue(sql, { now: later })]);
    expect(a.sent + b.sent).toBe(8);
    expect(hooks).toHaveLength(4);
    expect(new Set(hooks.map((h) => h.headers["x-marginalia-delivery"])).size).toBe(4);
    expect(mails.length - mailsBefore).toBe(4);
    expect(await sql`SELECT 1 FROM notification_delivery WHERE status = 'PENDING'`).toHaveLength(0);
  });

  test("the daily digest goes once a day at its hour, to those who chose it", async () => {
    const before = new Date("2026-11-20T07:59:00Z");
    expect(await sendDailyDigests(sql, before)).toBe(0);
    const at = new Date("2026-11-20T12:00:00Z");
    expect(await sendDailyDigests(sql, at)).toBe(1);
    expect(await sendDailyDigests(sql, new Date("2026-11-20T13:00:00Z"))).toBe(0);
    await deliverDue(sql, { now: new Date(at.getTime() + 60_000) });
    const digest = mails.at(-1)!;
    expect(digest.to).toBe("author@newsletter.test");
    const [row] = await sql<{ subject: string; payload: { text: string } }[]>`
      SELECT subject, payload FROM notification_delivery WHERE kind = 'DAILY_DIGEST'`;
    expect(row!.subject).toBe("[Insights Weekly 1] What readers said, 2026-11-20: 51 comments");
    expect(row!.payload.text).toContain(
      '"The partition of 1947": 39 comments (29 analytical, 7 hostile, 3 skeptical)',
    );
    expect(row!.payload.text).toContain('"Elections in the Balkans": 12 comments (12 dismissive)');
  });
});

describe("webhook addresses (the import guard's rules)", () => {
  async function saveWebhook(webhookUrl: string) {
    return PUT(
      apiRequest(`/api/publications/${t.publicationId}/notifications`, {
        method: "PUT",
        session: author,
        body: { emailRecipients: [], webhookUrl, webhookKinds: ["SURGE"], digestHourUtc: 8 },
      }),
      routeContext({ publicationId: String(t.publicationId) }),
    );
  }

  test.each([
    ["https://169.254.169.254/latest", "not a public address"],
    ["https://10.1.2.3/hook", "not a public address"],
    ["https://[::1]/hook", "not a public address"],
    ["https://[::ffff:127.0.0.1]/hook", "not a public address"],
    // The allowed receiver is allowed on its own port only.
    ["http://127.0.0.1:9/hook", "only https"],
    ["http://203.0.113.9/hook", "only https"],
  ])("%s is refused when saved (%s)", async (url, why) => {
    const response = await saveWebhook(url);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(why);
  });

  test("a delivery to an address that is no longer allowed is refused without connecting, and retried", async () => {
    const saved = await saveWebhook(hookUrl);
    expect(saved.status).toBe(200);
    hooks.length = 0;
    await sql`UPDATE notification_settings SET webhook_url = 'https://127.0.0.1:9/hook'
              WHERE publication_id = ${t.publicationId}`;
    const later = new Date(NOW.getTime() + 3 * 3_600_000);
    const [id] = await enqueueNotification(
      sql,
      t.publicationId,
      { kind: "SURGE", subject: "s", text: "t", data: {} },
      later,
    );
    expect(await deliverDue(sql, { now: later })).toEqual({ sent: 0, failed: 0 });
    const [row] = await sql<{ status: string; attempts: number; last_error: string }[]>`
      SELECT status, attempts, last_error FROM notification_delivery WHERE id = ${id!}`;
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row!.last_error).toContain("not a public address");
    expect(hooks).toHaveLength(0);
  });
});

describe("authors and moderators choose what reaches them", () => {
  test("a moderator's own choice adds their address; a disabled or demoted account gets nothing", async () => {
    const moderator = await signedIn("MODERATOR");
    const [user] = await sql<{ email: string }[]>`SELECT email FROM "user" WHERE id = ${moderator.userId}`;
    const [publication] = await sql<{ id: number }[]>`
      INSERT INTO publication (platform, name, base_url, updated_at) VALUES ('FILE', 'Second', 'second', now())
      RETURNING id`;
    const pub = publication!.id;
    const mine = (session: TestSession, body?: unknown) =>
      (body === undefined ? GET_MINE : PUT_MINE)(
        apiRequest(`/api/publications/${pub}/notifications/mine`, {
          method: body === undefined ? "GET" : "PUT",
          session,
          ...(body === undefined ? {} : { body }),
        }),
        routeContext({ publicationId: String(pub) }),
      );
    const before = await mine(moderator);
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ publicationId: pub, email: user!.email, kinds: [] });
    // Nothing is queued for a publication nobody configured.
    const message = { kind: "SURGE" as const, subject: "s", text: "t", data: {} };
    expect(await enqueueNotification(sql, pub, message, NOW)).toEqual([]);

    const saved = await mine(moderator, { kinds: ["HELD_COMMENTS", "SURGE"] });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ kinds: ["SURGE", "HELD_COMMENTS"] });
    expect((await (await mine(moderator)).json()) as { kinds: string[] }).toMatchObject({
      kinds: ["SURGE", "HELD_COMMENTS"],
    });
    // The publication got its settings row (so the held-comment step looks at it), with nothing else on.
    const [settings] = await sql<{ email_recipients: unknown; webhook_url: string | null }[]>`
      SELECT email_recipients, webhook_url FROM notification_settings WHERE publication_id = ${pub}`;
    expect(settings).toEqual({ email_recipients: [], webhook_url: null });

    const targets = async (kind: "SURGE" | "DAILY_DIGEST") => {
      const ids = await enqueueNotification(sql, pub, { ...message, kind }, NOW);
      if (ids.length === 0) return [];
      return (
        await sql<{ target: string }[]>`SELECT target FROM notification_delivery WHERE id IN ${sql(ids)}`
      ).map((r) => r.target);
    };
    expect(await targets("SURGE")).toEqual([user!.email]);
    expect(await targets("DAILY_DIGEST")).toEqual([]);
    await sql`UPDATE "user" SET role = 'VIEWER' WHERE id = ${moderator.userId}`;
    expect(await targets("SURGE")).toEqual([]);
    await sql`UPDATE "user" SET role = 'MODERATOR', disabled_at = now() WHERE id = ${moderator.userId}`;
    expect(await targets("SURGE")).toEqual([]);
    await sql`UPDATE "user" SET disabled_at = NULL WHERE id = ${moderator.userId}`;

    const bad = await mine(moderator, { kinds: ["EVERYTHING"] });
    expect(bad.status).toBe(400);
    const viewer = await signedIn("VIEWER");
    expect((await mine(viewer, { kinds: ["SURGE"] })).status).toBe(403);
  });
});
