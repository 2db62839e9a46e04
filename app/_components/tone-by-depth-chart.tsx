"use client";
import { BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { toneShareGroups } from "@/lib/analytics/chart-rows";
import { formatInteger, formatPercent } from "@/lib/analytics/format";
import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import type { ToneByDepth } from "@/lib/schemas/post-figures";
import { TONES } from "@/lib/scoring/types";
import { ChartFrame, useHiddenSeries } from "./chart-frame";
import { CHART_MARGIN, percentTooltip, stackedToneBars, xAxisLabel, yAxisLabel } from "./chart-parts";

export function ToneByDepthChart({ data, busy }: { data: ToneByDepth; busy?: boolean }) {
  const [hidden, toggle] = useHiddenSeries();
  const rows = toneShareGroups([
    { group: `Top-level (${formatInteger(data.topLevel.total)})`, tones: data.topLevel.tones },
    { group: `Replies (${formatInteger(data.replies.total)})`, tones: data.replies.tones },
  ]);
  return (
    <ChartFrame
      title="Tone by thread depth"
      description="Share of each tone in top-level comments and in replies"
      legend={TONES.map((t) => ({ key: t, label: TONE_LABELS[t], color: TONE_COLORS[t] }))}
      hidden={hidden}
      onToggle={toggle}
      table={{
        columns: ["Where", ...TONES.map((t) => TONE_LABELS[t])],
        rows: rows.map((r) => [r.group, ...TONES.map((t) => formatPercent(r[t]))]),
      }}
      isEmpty={data.topLevel.total + data.replies.total === 0}
      busy={busy}
      height={230}
      testId="tone-by-depth-chart"
      glossary
    >
      <BarChart data={rows} layout="vertical" margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
        <XAxis
          type="number"
          domain={[0, 1]}
          tickFormatter={(v: number) => formatPercent(v)}
          stroke="var(--muted)"
          height={40}
          label={xAxisLabel("share of the comments there")}
        />
        <YAxis
          type="category"
          dataKey="group"
          width={124}
          stroke="var(--muted)"
          tick={{ fontSize: 12 }}
          label={yAxisLabel("where in the thread")}
        />
        {percentTooltip()}
        {stackedToneBars(hidden)}
      </BarChart>
    </ChartFrame>
  );
}
