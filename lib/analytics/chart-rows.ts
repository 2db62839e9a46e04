import { postTickLabels } from "@/lib/analytics/format";
import { STANCE_COLORS, TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { STANCES, type Stance, TONES, type Tone } from "@/lib/scoring/types";

export interface LabelRow {
  key: string;
  label: string;
  color: string;
  count: number;
  /** count / total, 0 when the total is 0. */
  share: number;
}

const share = (count: number, total: number) => (total === 0 ? 0 : count / total);

/** One bar per tone, in the palette's order, with its share of the total. */
export function toneRows(tones: Record<Tone, number>): LabelRow[] {
  const total = TONES.reduce((sum, t) => sum + tones[t], 0);
  return TONES.map((t) => ({
    key: t,
    label: TONE_LABELS[t],
    color: TONE_COLORS[t],
    count: tones[t],
    share: share(tones[t], total),
  }));
}

export const STANCE_LABELS: Record<Stance, string> = {
  agree: "Agree",
  disagree: "Disagree",
  neutral: "Neutral",
};

/** One bar per stance, with its share of the total. */
export function stanceRows(stances: Record<Stance, number>): LabelRow[] {
  const total = STANCES.reduce((sum, s) => sum + stances[s], 0);
  return STANCES.map((s) => ({
    key: s,
    label: STANCE_LABELS[s],
    color: STANCE_COLORS[s],
    count: stances[s],
    share: share(stances[s], total),
  }));
}

export interface ToneShareGroup extends Record<Tone, number> {
  group: string;
  total: number;
}

/** Tone shares (0..1) of several groups (top-level vs replies, posts side by side) for stacked bars. */
export function toneShareGroups(
  groups: readonly { group: string; tones: Record<Tone, number> }[],
): ToneShareGroup[] {
  return groups.map(({ group, tones }) => {
    const total = TONES.reduce((sum, t) => sum + tones[t], 0);
    const row = { group, total } as ToneShareGroup;
    for (const t of TONES) row[t] = share(tones[t], total);
    return row;
  });
}

/** One post on the overview's charts over time; the tone keys hold the tone's share (0..1) of scored comments. */
export interface PostTrendRow extends Record<Tone, number> {
  postId: number;
  /** The full title. */
  label: string;
  /** The axis tick: the publication date, or a short title (postTickLabels). */
  tick: string;
  publishedAt: string | null;
  comments: number;
  meanSentiment: number | null;
  /** [p25, p75] of the comparative sentiment, for a band around the mean; null when nothing is scored. */
  spread: [number, number] | null;
  /** Share of scored comments that disagree (0..1); null when nothing is scored. */
  disagreeRate: number | null;
}

/**
 * The overview's over-time rows: one per post, oldest first (posts without a date first, by id). A post
 * without scored comments gets tone shares of 0 rather than NaN, so it keeps its place on the axis.
 */
export function postTrendRows(
  posts: readonly {
    id: number;
    title: string;
    publishedAt: string | null;
    comments: number;
    scored: number;
    meanSentiment: number | null;
    sentimentQuartiles: { p25: number; p75: number } | null;
    stances: Record<Stance, number>;
    tones: Record<Tone, number>;
  }[],
): PostTrendRow[] {
  const sorted = [...posts].sort(
    (a, b) => (a.publishedAt ?? "").localeCompare(b.publishedAt ?? "") || a.id - b.id,
  );
  const ticks = postTickLabels(sorted);
  return sorted.map((p, i) => {
    const toneTotal = TONES.reduce((sum, t) => sum + p.tones[t], 0);
    const shares = Object.fromEntries(TONES.map((t) => [t, share(p.tones[t], toneTotal)])) as Record<
      Tone,
      number
    >;
    return {
      ...shares,
      postId: p.id,
      label: p.title || "(untitled)",
      tick: ticks[i] ?? "",
      publishedAt: p.publishedAt,
      comments: p.comments,
      meanSentiment: p.meanSentiment,
      spread: p.sentimentQuartiles ? [p.sentimentQuartiles.p25, p.sentimentQuartiles.p75] : null,
      disagreeRate: p.scored === 0 ? null : p.stances.disagree / p.scored,
    };
  });
}

export interface ToneProfileRow {
  key: Tone;
  label: string;
  color: string;
  /** Share (0..1) of the person's comments with this tone. */
  person: number;
  /** Share (0..1) of all the publication's comments with this tone. */
  publication: number;
}

/** A commenter's tone shares beside the publication's, one row per tone. */
export function toneProfileRows(
  person: Record<Tone, number>,
  publication: Record<Tone, number>,
): ToneProfileRow[] {
  const personTotal = TONES.reduce((sum, t) => sum + person[t], 0);
  const publicationTotal = TONES.reduce((sum, t) => sum + publication[t], 0);
  return TONES.map((t) => ({
    key: t,
    label: TONE_LABELS[t],
    color: TONE_COLORS[t],
    person: share(person[t], personTotal),
    publication: share(publication[t], publicationTotal),
  }));
}

/**
 * Sentiment histograms of several posts as one row per bin with each post's SHARE of its comments in that
 * bin (posts of different sizes stay comparable); keys are `post-<id>`.
 */
export function sentimentComparisonRows(
  posts: readonly { id: number; sentimentBins: readonly { count: number }[] }[],
  binLabels: readonly string[],
): Record<string, number | string>[] {
  return binLabels.map((label, i) => {
    const row: Record<string, number | string> = { label };
    for (const post of posts) {
      const total = post.sentimentBins.reduce((sum, b) => sum + b.count, 0);
      row[`post-${post.id}`] = share(post.sentimentBins[i]?.count ?? 0, total);
    }
    return row;
  });
}

/** Okabe–Ito colours for up to six compared posts (distinct from one another for colour-blind readers). */
export const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"] as const;
