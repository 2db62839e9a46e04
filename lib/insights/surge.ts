/**
 * When a thread turns: a post's recent comments compared with its own past and with the publication.
 * Pure statistics; the job (lib/server/insights/surges.ts) gathers the counts and raises the flag.
 *
 * - Hostile surge: the share of hostile or flagged comments among the recent ones is well above both
 *   baselines: at least `minHostile` of them, at least `ratio` times the higher baseline, and unlikely by
 *   chance (one-sided exact binomial tail below `alpha` at the baseline rate).
 * - Brigading: a burst (at least `burstRatio` times the post's usual hourly rate, at least `minBurst`
 *   comments in the hour) mostly from commenters first seen in the last day, well above the publication's
 *   usual share of such newcomers.
 */

export interface SurgeCounts {
  /** Comments in the window (the last hour, or the last N when the hour is quiet). */
  windowComments: number;
  windowHostile: number;
  /** Comments in the last hour, and how many of them came from commenters first seen within a day. */
  hourComments: number;
  hourNewcomers: number;
  /** The post before the window. */
  postComments: number;
  postHostile: number;
  /** Hours between the post's first comment and the window (at least 1). */
  postActiveHours: number;
  /** The publication over the last 30 days. */
  publicationComments: number;
  publicationHostile: number;
  publicationNewcomers: number;
}

export interface SurgeOptions {
  minHostile: number;
  ratio: number;
  alpha: number;
  /** Shares below this are raised to it (a spotless history must not make one rude comment a surge). */
  floor: number;
  /** The post's own history counts as a baseline from this many comments. */
  minPostHistory: number;
  minBurst: number;
  burstRatio: number;
  minNewcomers: number;
  newcomerShare: number;
}

export const DEFAULT_SURGE_OPTIONS: SurgeOptions = {
  minHostile: 4,
  ratio: 2,
  alpha: 0.01,
  floor: 0.03,
  minPostHistory: 20,
  minBurst: 10,
  burstRatio: 3,
  minNewcomers: 6,
  newcomerShare: 0.5,
};

export type SurgeKind = "HOSTILE_SURGE" | "BRIGADING";

export interface Surge {
  kind: SurgeKind;
  /** The numbers that triggered it, for the flag's note, the log and notifications. */
  figures: Record<string, number>;
  summary: string;
}

/** P(X >= k) for X ~ Binomial(n, p), summed exactly in log space (n is at most a few thousand). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logChoose = (a: number, b: number) => {
    let s = 0;
    for (let i = 1; i <= b; i += 1) s += Math.log((a - b + i) / i);
    return s;
  };
  let total = 0;
  let logTerm = logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p);
  for (let i = k; i <= n; i += 1) {
    total += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1)) + Math.log(p / (1 - p));
  }
  return Math.min(1, total);
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const share = (k: number, n: number) => (n > 0 ? k / n : 0);

export function detectSurges(c: SurgeCounts, options: SurgeOptions = DEFAULT_SURGE_OPTIONS): Surge[] {
  const surges: Surge[] = [];

  const windowShare = share(c.windowHostile, c.windowComments);
  const postShare = c.postComments >= options.minPostHistory ? share(c.postHostile, c.postComments) : null;
  const publicationShare = share(c.publicationHostile, c.publicationComments);
  const baseline = Math.max(options.floor, publicationShare, postShare ?? 0);
  const hostileP = binomialTail(c.windowHostile, c.windowComments, baseline);
  if (
    c.windowHostile >= options.minHostile &&
    windowShare >= options.ratio * baseline &&
    hostileP < options.alpha
  ) {
    surges.push({
      kind: "HOSTILE_SURGE",
      figures: {
        windowComments: c.windowComments,
        windowHostile: c.windowHostile,
        windowShare,
        postShare: postShare ?? -1,
        publicationShare,
        baseline,
        pValue: hostileP,
      },
      summary:
        `${c.windowHostile} of the last ${c.windowComments} comments are hostile or flagged (${pct(windowShare)}), ` +
        `against ${postShare === null ? "too little history on this post" : `${pct(postShare)} on this post before`} and ` +
        `${pct(publicationShare)} across the publication in the last 30 days (chance of this at the usual rate: ${hostileP.toPrecision(2)}).`,
    });
  }

  const usualRate = c.postComments / Math.max(1, c.postActiveHours);
  const newcomerShare = share(c.hourNewcomers, c.hourComments);
  const usualNewcomers = Math.max(options.floor, share(c.publicationNewcomers, c.publicationComments));
  const newcomerP = binomialTail(c.hourNewcomers, c.hourComments, usualNewcomers);
  if (
    c.hourComments >= options.minBurst &&
    c.hourComments >= options.burstRatio * usualRate &&
    c.hourNewcomers >= options.minNewcomers &&
    newcomerShare >= options.newcomerShare &&
    newcomerShare >= options.ratio * usualNewcomers &&
    newcomerP < options.alpha
  ) {
    surges.push({
      kind: "BRIGADING",
      figures: {
        hourComments: c.hourComments,
        hourNewcomers: c.hourNewcomers,
        newcomerShare,
        usualNewcomerShare: usualNewcomers,
        usualHourlyRate: usualRate,
        pValue: newcomerP,
      },
      summary:
        `${c.hourComments} comments in the last hour (usually ${usualRate.toFixed(1)} an hour on this post), ` +
        `${c.hourNewcomers} of them (${pct(newcomerShare)}) from commenters first seen within a day, against ` +
        `${pct(usualNewcomers)} usually (chance of this at the usual rate: ${newcomerP.toPrecision(2)}).`,
    });
  }
  return surges;
}
