/**
 * The demo data set: one invented history-and-geopolitics newsletter ("The Long View" by the invented
 * historian Eleanor Voss), ten posts, and about 800 comments written for this project.
 *
 * `buildDemoPublication()` is pure and deterministic: no database, no clock, no Math.random. All
 * variation comes from a mulberry32 PRNG with a fixed seed, so every call returns the same data.
 */
import { DEMO_POSTS, type DemoPostSpec, type DemoStance, type DemoTone } from "./demo-posts";
import { CHAIN_SCRIPTS, type ChainStep, SPECIAL_COMMENTS, type SpecialCommentSpec } from "./demo-specials";
import {
  DEMO_COMMENTERS,
  type DemoCommenterSpec,
  FOCUS_TEMPLATES,
  GENERIC_SENTENCES,
  HOSTILE_AT_AUTHOR,
  HOSTILE_AT_COMMENTER,
  HOSTILE_FOLLOWUP,
  PERSONAL_SENTENCE,
  REPLY_AGREE,
  REPLY_DISAGREE,
  REPLY_NEUTRAL,
  SPAM_TEXT,
} from "./demo-voices";
import { createRng, type Rng } from "./prng";

export type { DemoStance, DemoTone } from "./demo-posts";
export { SPAM_TEXT, SPAMMER_EXTERNAL_ID } from "./demo-voices";

export interface DemoPost {
  externalId: string;
  slug: string;
  title: string;
  subtitle: string;
  url: string;
  publishedAt: Date;
  bodyHtml: string;
  audience: "everyone" | "only_paid";
}

export interface DemoCommenter {
  externalId: string;
  name: string;
  handle: string | null;
}

export interface DemoComment {
  externalId: string;
  postExternalId: string;
  parentExternalId: string | null;
  commenterExternalId: string;
  body: string | null;
  postedAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  upstreamStatus: string | null;
  automodHidden: boolean;
  reactions: Record<string, number>;
  reactionCount: number;
  /** The tone the writer intended, for checks only (the app scores comments itself). */
  intendedTone: DemoTone;
  intendedStance: DemoStance;
}

export interface DemoPublication {
  publication: { name: string; baseUrl: string; platform: "SUBSTACK" };
  posts: DemoPost[];
  commenters: DemoCommenter[];
  comments: DemoComment[];
}

export const DEMO_AUTHOR_NAME = "Eleanor Voss";

/** Every demo account's email ends with "@" + this; `marginalia db unseed-demo` finds them by it. */
export const DEMO_EMAIL_DOMAIN = "demo.marginalia.local";

/** The demo's accounts. Their passwords are random, made when the demo is loaded (lib/server/demo/seed.ts). */
export const DEMO_ACCOUNTS = [
  { email: `author@${DEMO_EMAIL_DOMAIN}`, name: DEMO_AUTHOR_NAME, role: "AUTHOR" },
  { email: `moderator@${DEMO_EMAIL_DOMAIN}`, name: "Demo Moderator", role: "MODERATOR" },
  { email: `viewer@${DEMO_EMAIL_DOMAIN}`, name: "Demo Viewer", role: "VIEWER" },
] as const satisfies ReadonlyArray<{ email: string; name: string; role: "AUTHOR" | "MODERATOR" | "VIEWER" }>;

const SEED = 0x10_6e_71_e7;
const BASE_URL = "https://thelongview.substack.com";
/** The demo publication's address: its identity in the database. */
export const DEMO_BASE_URL = BASE_URL;

/** Target shares of tone across each post's comments. */
const TONE_SHARES: ReadonlyArray<readonly [DemoTone, number]> = [
  ["analytical", 0.3],
  ["supportive", 0.22],
  ["neutral", 0.18],
  ["dismissive", 0.12],
  ["skeptical", 0.1],
  ["hostile", 0.08],
];

const HOUR_MS = 3_600_000;
const MAX_DEPTH = 6;

export function buildDemoPublication(): DemoPublication {
  const rng = createRng(SEED);
  const usedBodies = new Set<string>([SPAM_TEXT]);
  const posts: DemoPost[] = [];
  const comments: DemoComment[] = [];
  DEMO_POSTS.forEach((spec, index) => {
    posts.push(toPost(spec));
    comments.push(...buildPostComments(spec, index, rng, usedBodies));
  });
  return {
    publication: { name: "The Long View", baseUrl: BASE_URL, platform: "SUBSTACK" },
    posts,
    commenters: DEMO_COMMENTERS.map(({ externalId, name, handle }) => ({ externalId, name, handle })),
    comments,
  };
}

function toPost(spec: DemoPostSpec): DemoPost {
  return {
    externalId: spec.externalId,
    slug: spec.slug,
    title: spec.title,
    subtitle: spec.subtitle,
    url: `${BASE_URL}/p/${spec.slug}`,
    publishedAt: new Date(spec.publishedAt),
    bodyHtml: spec.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
    audience: spec.audience,
  };
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

// ───────────────────────────── one post's comments ─────────────────────────────

/** What a slot in the post's timeline is: free, a step of an argument thread, or a hand-placed comment. */
type Slot =
  | { kind: "free" }
  | { kind: "chain"; chain: number; step: ChainStep }
  | { kind: "one-off"; commenter: DemoCommenterSpec }
  | { kind: "special"; special: SpecialCommentSpec };

interface Draft {
  comment: DemoComment;
  depth: number;
  commenter: DemoCommenterSpec;
  special: boolean;
}

const commenterById = new Map(DEMO_COMMENTERS.map((c) => [c.externalId, c]));

function commenterOf(externalId: string): DemoCommenterSpec {
  const c = commenterById.get(externalId);
  if (!c) throw new Error(`unknown demo commenter ${externalId}`);
  return c;
}

function buildPostComments(spec: DemoPostSpec, postIndex: number, rng: Rng, usedBodies: Set<string>) {
  const n = spec.commentCount;
  const publishedAt = new Date(spec.publishedAt).getTime();
  const slots = planSlots(spec, postIndex, n);
  const times = commentTimes(n, publishedAt, rng);
  const remaining = toneDeck(n);
  const ctx: PostContext = { spec, usedPersonal: new Set() };
  for (const slot of slots) {
    if (slot.kind === "chain") remaining.set(slot.step.tone, (remaining.get(slot.step.tone) ?? 0) - 1);
    if (slot.kind === "special")
      remaining.set(slot.special.tone, (remaining.get(slot.special.tone) ?? 0) - 1);
  }

  const drafts: Draft[] = [];
  const lastOfChain = new Map<number, Draft>();
  let nextId = 58_000_000 + postIndex * 350_000 + rng.int(0, 9_999);

  for (let i = 0; i < n; i++) {
    const slot = slots[i] ?? { kind: "free" };
    const postedAt = times[i] ?? publishedAt;
    nextId += rng.int(3, 60);
    const externalId = String(nextId);
    let parent: Draft | null = null;
    let commenter: DemoCommenterSpec;
    let tone: DemoTone;
    let stance: DemoStance;
    let body: string;
    let automodHidden = false;
    let hearts: number | undefined;

    if (slot.kind === "special") {
      const s = slot.special;
      commenter = commenterOf(s.commenterExternalId);
      tone = s.tone;
      stance = s.stance;
      body = s.body;
      automodHidden = s.automodHidden ?? false;
      hearts = s.hearts;
      if (s.replyToCommenterExternalId) {
        parent =
          findLast(
            drafts,
            (d) => d.depth < MAX_DEPTH && d.commenter.externalId === s.replyToCommenterExternalId,
          ) ?? null;
      }
    } else {
      if (slot.kind === "chain") {
        commenter = commenterOf(slot.step.commenterExternalId);
        tone = slot.step.tone;
        stance = slot.step.stance;
        parent = lastOfChain.get(slot.chain) ?? null;
      } else if (slot.kind === "one-off") {
        // A reader who comments on this post only, once at least, in one of their own tones.
        commenter = slot.commenter;
        const own = TONE_SHARES.map(
          ([t]) => (commenter.tones[t] ?? 0) * Math.max(0.1, remaining.get(t) ?? 0),
        );
        tone = TONE_SHARES[Math.max(0, rng.weightedIndex(own))]?.[0] ?? "neutral";
        remaining.set(tone, (remaining.get(tone) ?? 0) - 1);
        stance = chooseStance(tone, commenter, null, rng);
      } else {
        tone = drawTone(remaining, rng);
        remaining.set(tone, (remaining.get(tone) ?? 0) - 1);
        parent = i > 0 && rng.chance(0.29) ? chooseParent(drafts, postedAt, rng) : null;
        commenter = chooseCommenter(spec.key, tone, parent, rng);
        stance = chooseStance(tone, commenter, parent, rng);
      }
      body = composeUnique(ctx, tone, stance, commenter, parent, rng, usedBodies);
    }

    const comment: DemoComment = {
      externalId,
      postExternalId: spec.externalId,
      parentExternalId: parent?.comment.externalId ?? null,
      commenterExternalId: commenter.externalId,
      body,
      postedAt: new Date(postedAt),
      editedAt: null,
      deleted: false,
      upstreamStatus: null,
      automodHidden,
      reactions: {},
      reactionCount: 0,
      intendedTone: tone,
      intendedStance: stance,
    };
    const hearts_ = hearts ?? drawHearts(tone, parent !== null, rng);
    if (hearts_ > 0) {
      comment.reactions = { "❤": hearts_ };
      comment.reactionCount = hearts_;
    }
    const draft: Draft = {
      comment,
      depth: parent ? parent.depth + 1 : 0,
      commenter,
      special: slot.kind === "special",
    };
    if (slot.kind === "chain") lastOfChain.set(slot.chain, draft);
    drafts.push(draft);
  }

  applyEdits(drafts, rng);
  applyDeletions(spec, drafts, rng);
  return drafts.map((d) => d.comment);
}

/** Places the hand-written comments and the argument threads on the post's timeline. */
function planSlots(spec: DemoPostSpec, postIndex: number, n: number): Slot[] {
  const slots: Slot[] = Array.from({ length: n }, () => ({ kind: "free" }));
  const take = (from: number): number => {
    for (let i = Math.max(0, Math.min(n - 1, from)); i < n; i++) if (slots[i]?.kind === "free") return i;
    throw new Error(`no free slot on ${spec.key} from ${from}`);
  };
  for (const special of SPECIAL_COMMENTS) {
    if (special.postKey === spec.key) slots[take(Math.round(special.at * n))] = { kind: "special", special };
  }
  for (const commenter of DEMO_COMMENTERS) {
    if (commenter.onlyPost === spec.key) slots[take(Math.round(0.22 * n))] = { kind: "one-off", commenter };
  }
  const chains = n >= 90 ? 2 : 1;
  for (let c = 0; c < chains; c++) {
    const script = CHAIN_SCRIPTS[(postIndex + c) % CHAIN_SCRIPTS.length] ?? [];
    let at = Math.round((c === 0 ? 0.12 : 0.45) * n);
    for (const step of script) {
      at = take(at);
      slots[at] = { kind: "chain", chain: c, step };
      at += 2;
    }
  }
  return slots;
}

/** Comment times after publication: most in the first 48 hours, a long tail up to two weeks. */
function commentTimes(n: number, publishedAt: number, rng: Rng): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < n; i++) {
    const hours = rng.chance(0.78) ? 0.08 + 48 * rng.next() ** 1.9 : 48 + 288 * rng.next() ** 1.6;
    offsets.push(Math.round((hours * HOUR_MS) / 1000) * 1000);
  }
  offsets.sort((a, b) => a - b);
  // Strictly increasing, at least a few seconds apart.
  for (let i = 1; i < n; i++) {
    const prev = offsets[i - 1] ?? 0;
    if ((offsets[i] ?? 0) <= prev) offsets[i] = prev + 7_000;
  }
  return offsets.map((o) => publishedAt + o);
}

function toneDeck(n: number): Map<DemoTone, number> {
  return new Map(TONE_SHARES.map(([tone, share]) => [tone, share * n]));
}

function drawTone(remaining: Map<DemoTone, number>, rng: Rng): DemoTone {
  const entries = [...remaining.entries()];
  const i = rng.weightedIndex(entries.map(([, count]) => Math.max(0, count)));
  const entry = i >= 0 ? entries[i] : undefined;
  return entry ? entry[0] : "analytical";
}

/** Replies go mostly to recent comments, with a pull towards threads that are already going. */
function chooseParent(drafts: Draft[], now: number, rng: Rng): Draft | null {
  const candidates = drafts.filter((d) => d.depth < MAX_DEPTH && d.commenter.kind !== "spammer");
  const weights = candidates.map((d) => {
    const ageHours = (now - d.comment.postedAt.getTime()) / HOUR_MS;
    return Math.exp(-ageHours / 10) * (1 + 0.6 * d.depth) * (1 + Math.min(d.comment.reactionCount, 20) / 10);
  });
  const i = rng.weightedIndex(weights);
  return i >= 0 ? (candidates[i] ?? null) : null;
}

function chooseCommenter(postKey: string, tone: DemoTone, parent: Draft | null, rng: Rng): DemoCommenterSpec {
  const pool = DEMO_COMMENTERS.filter(
    (c) => c.kind !== "spammer" && (c.onlyPost === undefined || c.onlyPost === postKey),
  );
  const weights = pool.map((c) =>
    parent && parent.commenter.externalId === c.externalId ? 0 : c.activity * (c.tones[tone] ?? 0),
  );
  const i = rng.weightedIndex(weights);
  const chosen = i >= 0 ? pool[i] : undefined;
  return chosen ?? commenterOf("31800412");
}

function chooseStance(
  tone: DemoTone,
  commenter: DemoCommenterSpec,
  parent: Draft | null,
  rng: Rng,
): DemoStance {
  switch (tone) {
    case "supportive":
      return "agree";
    case "neutral":
      return "neutral";
    case "skeptical":
    case "dismissive":
      return "disagree";
    case "analytical":
      // The contrarian argues against the post; the warm supporter argues for it.
      if (commenter.externalId === "40291577") return "disagree";
      if (commenter.externalId === "29877341") return "agree";
      return rng.chance(0.68) ? "agree" : "disagree";
    case "hostile":
      if (parent) {
        // Insulting the commenter being replied to: the opposite of their stance.
        const ps = parent.comment.intendedStance;
        return ps === "disagree" ? "agree" : ps === "agree" ? "disagree" : "neutral";
      }
      return rng.chance(0.75) ? "agree" : "disagree";
  }
}

function firstName(c: DemoCommenterSpec): string {
  return c.name.split(" ")[0] ?? c.name;
}

function fill(template: string, name: string): string {
  return template.replaceAll("{name}", name);
}

/** Per-post state of the composer: first-person sentences already used on this post. */
interface PostContext {
  spec: DemoPostSpec;
  usedPersonal: Set<string>;
}

function pickDistinct(ctx: PostContext, pool: readonly string[], count: number, rng: Rng): string[] {
  const fresh = pool.filter((s) => !PERSONAL_SENTENCE.test(s) || !ctx.usedPersonal.has(s));
  return rng.shuffle(fresh.length >= count ? fresh : pool).slice(0, count);
}

function composeUnique(
  ctx: PostContext,
  tone: DemoTone,
  stance: DemoStance,
  commenter: DemoCommenterSpec,
  parent: Draft | null,
  rng: Rng,
  usedBodies: Set<string>,
): string {
  let parts: string[] = [];
  let body = "";
  for (let attempt = 0; attempt < 40; attempt++) {
    parts = compose(ctx, tone, stance, commenter, parent, rng, attempt >= 20);
    body = parts.join(" ");
    if (!usedBodies.has(body)) break;
  }
  usedBodies.add(body);
  for (const part of parts) if (PERSONAL_SENTENCE.test(part)) ctx.usedPersonal.add(part);
  return body;
}

/** Builds a 2–4 sentence comment from the post's topic pools and the tone-level pools. */
function compose(
  ctx: PostContext,
  tone: DemoTone,
  stance: DemoStance,
  commenter: DemoCommenterSpec,
  parent: Draft | null,
  rng: Rng,
  long: boolean,
): string[] {
  const pools = ctx.spec.pools;
  const parentName = parent ? firstName(parent.commenter) : "";
  const parts: string[] = [];

  if (tone === "hostile") {
    let topic: readonly string[];
    if (parent) {
      topic = HOSTILE_AT_COMMENTER.map((t) => fill(t, parentName));
    } else if (stance === "disagree") {
      topic = HOSTILE_AT_AUTHOR;
    } else {
      topic = pools.hostile;
    }
    const signature = commenter.signatures?.hostile;
    if (signature && rng.chance(0.4)) parts.push(rng.pick(signature));
    parts.push(...pickDistinct(ctx, topic, long || rng.chance(0.3) ? 2 : 1, rng));
    if (!parent && stance === "agree" && (parts.length < 2 || rng.chance(0.4))) {
      parts.push(rng.pick(GENERIC_SENTENCES.hostile));
    }
    if (parent && parts.length < 2) parts.push(rng.pick(HOSTILE_FOLLOWUP));
    if (parts.length < 2) parts.push(rng.pick(GENERIC_SENTENCES.dismissive));
    return parts;
  }

  // Opening: a response to the parent, or the reader's signature line.
  if (parent && rng.chance(0.6)) {
    const ps = parent.comment.intendedStance;
    let openers: readonly string[] | undefined;
    if (tone === "neutral") openers = REPLY_NEUTRAL;
    else if (ps === stance && stance !== "neutral") openers = REPLY_AGREE;
    else if (ps !== "neutral" && stance !== "neutral") openers = REPLY_DISAGREE[tone];
    if (openers) parts.push(fill(rng.pick(openers), parentName));
  } else {
    const signature = commenter.signatures?.[tone];
    if (signature && rng.chance(0.35)) parts.push(rng.pick(signature));
  }

  const topicPool: readonly string[] =
    tone === "analytical"
      ? stance === "disagree"
        ? pools.analyticalDisagree
        : pools.analyticalAgree
      : tone === "skeptical"
        ? pools.skeptical
        : tone === "dismissive"
          ? pools.dismissive
          : tone === "supportive"
            ? pools.supportive
            : pools.neutral;
  const topicCount = long || rng.chance(0.35) ? 2 : 1;
  const topic = pickDistinct(ctx, topicPool, topicCount, rng);
  // Now and then one topic sentence is a template naming what the post is about.
  const templates = FOCUS_TEMPLATES[templateKey(tone, stance)];
  if (rng.chance(0.4)) {
    const sentence = rng.pick(templates).replace("{focus}", rng.pick(ctx.spec.focus));
    topic[topic.length > 1 && rng.chance(0.5) ? 1 : 0] = sentence;
  }
  const generic = GENERIC_SENTENCES[tone];
  const wantGeneric = parts.length + topic.length < 2 || long || rng.chance(0.5);
  // Skip generic sentences that echo a topic sentence ("We'll see whether…" followed by "We'll see.").
  const echoes = (g: string) => topic.some((t) => t.toLowerCase().includes(g.slice(0, 8).toLowerCase()));
  const fresh = generic.filter((g) => !echoes(g));
  const extra = wantGeneric ? pickDistinct(ctx, fresh.length > 0 ? fresh : generic, 1, rng) : [];
  if (tone === "supportive" && rng.chance(0.5)) parts.push(...extra, ...topic);
  else parts.push(...topic, ...extra);
  return parts.slice(0, 4);
}

function templateKey(tone: Exclude<DemoTone, "hostile">, stance: DemoStance): keyof typeof FOCUS_TEMPLATES {
  if (tone === "analytical") return stance === "disagree" ? "analyticalDisagree" : "analyticalAgree";
  return tone;
}

/** "❤" counts: most comments get 0–3, a few popular ones 20–60. */
function drawHearts(tone: DemoTone, isReply: boolean, rng: Rng): number {
  const popularChance = tone === "analytical" || tone === "supportive" ? (isReply ? 0.01 : 0.045) : 0.006;
  if (rng.chance(popularChance)) return rng.int(20, 60);
  const r = rng.next();
  const damp = tone === "hostile" || tone === "dismissive" ? 0.2 : isReply ? 0.1 : 0;
  if (r < 0.42 + damp) return 0;
  if (r < 0.68 + damp / 2) return 1;
  if (r < 0.84) return 2;
  if (r < 0.95) return 3;
  return rng.int(4, 9);
}

/** A few comments were edited a little after posting. */
function applyEdits(drafts: Draft[], rng: Rng): void {
  for (const d of drafts) {
    if (d.special || d.comment.body === null || !rng.chance(0.035)) continue;
    d.comment.editedAt = new Date(d.comment.postedAt.getTime() + rng.int(2, 45) * 60_000);
    if (rng.chance(0.5) && !d.comment.body.includes("(Edit"))
      d.comment.body = `${d.comment.body} (Edit: fixed a typo.)`;
  }
}

/**
 * Deletions: on every post one or two comments deleted by their writers that keep live replies under
 * them, now and then a deleted leaf, and on two posts a hostile comment removed by a moderator.
 */
function applyDeletions(spec: DemoPostSpec, drafts: Draft[], rng: Rng): void {
  const childCount = new Map<string, number>();
  for (const d of drafts) {
    const p = d.comment.parentExternalId;
    if (p) childCount.set(p, (childCount.get(p) ?? 0) + 1);
  }
  const eligible = (d: Draft) => !d.special && d.comment.editedAt === null && d.comment.reactionCount < 20;
  const withReplies = rng.shuffle(
    drafts.filter((d) => eligible(d) && (childCount.get(d.comment.externalId) ?? 0) > 0),
  );
  const deleteCount = drafts.length >= 90 ? 2 : 1;
  for (const d of withReplies.slice(0, deleteCount)) markDeleted(d);
  if (rng.chance(0.6)) {
    const leaves = drafts.filter(
      (d) => eligible(d) && !d.comment.deleted && !childCount.has(d.comment.externalId),
    );
    if (leaves.length > 0) markDeleted(rng.pick(leaves));
  }
  if (spec.key === "sahel" || spec.key === "vienna") {
    const hostile = drafts.filter(
      (d) => eligible(d) && !d.comment.deleted && d.comment.intendedTone === "hostile",
    );
    const target = hostile.length > 0 ? rng.pick(hostile) : undefined;
    if (target) {
      target.comment.body = null;
      target.comment.upstreamStatus = "moderator_removed";
      target.comment.reactions = {};
      target.comment.reactionCount = 0;
    }
  }
}

function markDeleted(d: Draft): void {
  d.comment.body = null;
  d.comment.deleted = true;
  d.comment.reactions = {};
  d.comment.reactionCount = 0;
}

function findLast<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && predicate(item)) return item;
  }
  return undefined;
}
