"use client";
import { BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/analytics/format";
import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { toneShareRows } from "@/lib/analytics/tone-share";
import type { PostSummary } from "@/lib/schemas/posts";
import { TONES } from "@/lib/scoring/types";
import { ChartFrame } from "./chart-frame";
import { percentTooltip, stackedToneBars } from "./chart-parts";

/** Tone share per post, oldest to newest, stacked; the legend (shared with the overview) hides tones. */
export function ToneShareChart({
  posts,
  hidden,
  onToggle,
}: {
  posts: PostSummary[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
  const rows = toneShareRows(posts);
  return (
    <ChartFrame
      title="Tone of the comments, post by post"
      description="Share of each tone among a post's scored comments; posts oldest to newest"
      legend={TONES.map((t) => ({ key: t, label: TONE_LABELS[t], color: TONE_COLORS[t] }))}
      hidden={hidden}
      onToggle={onToggle}
      table={{
        columns: ["Post", ...TONES.map((t) => TONE_LABELS[t])],
        rows: rows.map((r) => [r.label, ...TONES.map((t) => formatPercent(r[t]))]),
      }}
      isEmpty={rows.length === 0}
      emptyMessage="No posts in this range: widen the date range."
      height={300}
      testId="tone-share-chart"
    >
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          dataKey="label"
          tick={false}
          label={{ value: "posts, oldest to newest", position: "insideBottom", fill: "var(--muted)" }}
        />
        <YAxis
          tickFormatter={(v: number) => formatPercent(v)}
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          stroke="var(--muted)"
        />
        {percentTooltip()}
        {stackedToneBars(hidden)}
      </BarChart>
    </ChartFrame>
  );
}
