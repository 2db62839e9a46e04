"use client";
import { BarChart, CartesianGrid } from "recharts";
import type { PostTrendRow } from "@/lib/analytics/chart-rows";
import { formatPercent } from "@/lib/analytics/format";
import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { TONES } from "@/lib/scoring/types";
import { ChartFrame } from "./chart-frame";
import {
  CHART_MARGIN,
  percentTooltip,
  percentYAxis,
  postTooltipLabel,
  postXAxis,
  stackedToneBars,
} from "./chart-parts";

/** Tone share per post, oldest to newest, stacked; the legend (shared with the overview) hides tones. */
export function ToneShareChart({
  rows,
  hidden,
  onToggle,
}: {
  rows: PostTrendRow[];
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
  return (
    <ChartFrame
      title="Tone of the comments, post by post"
      description="Share of each tone among a post's scored comments; posts oldest to newest"
      legend={TONES.map((t) => ({ key: t, label: TONE_LABELS[t], color: TONE_COLORS[t] }))}
      hidden={hidden}
      onToggle={onToggle}
      table={{
        columns: ["Post", "Published", ...TONES.map((t) => TONE_LABELS[t])],
        rows: rows.map((r) => [r.label, r.tick, ...TONES.map((t) => formatPercent(r[t]))]),
      }}
      isEmpty={rows.length === 0}
      emptyMessage="No posts in this range: widen the date range."
      height={320}
      testId="tone-share-chart"
      glossary
    >
      <BarChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        {postXAxis()}
        {percentYAxis("share of scored comments")}
        {percentTooltip(postTooltipLabel)}
        {stackedToneBars(hidden)}
      </BarChart>
    </ChartFrame>
  );
}
