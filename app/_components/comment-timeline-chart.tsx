"use client";
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatInteger } from "@/lib/analytics/format";
import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { cumulativeTimelineRows } from "@/lib/analytics/timeline";
import type { Timeline } from "@/lib/schemas/post-figures";
import { TONES } from "@/lib/scoring/types";
import { ChartFrame, useHiddenSeries } from "./chart-frame";
import { CHART_MARGIN, xAxisLabel, yAxisLabel } from "./chart-parts";
import { TOOLTIP_STYLE } from "./chart-styles";

const UNIT = { hour: "hours", day: "days", week: "weeks" } as const;

export function CommentTimelineChart({ data, busy }: { data: Timeline; busy?: boolean }) {
  const [hidden, toggle] = useHiddenSeries();
  const rows = cumulativeTimelineRows(data);
  const unit = UNIT[data.bucket];
  const shown = TONES.filter((t) => !hidden.has(t));
  return (
    <ChartFrame
      title="Comments over time since publication"
      description={`Cumulative, by tone; ${unit} after publication`}
      legend={TONES.map((t) => ({ key: t, label: TONE_LABELS[t], color: TONE_COLORS[t] }))}
      hidden={hidden}
      onToggle={toggle}
      table={{
        columns: [`${unit} after`, ...TONES.map((t) => TONE_LABELS[t]), "Total"],
        rows: rows.map((r) => [
          r.index + 1,
          ...TONES.map((t) => formatInteger(r[t])),
          formatInteger(r.total),
        ]),
      }}
      isEmpty={rows.length === 0}
      busy={busy}
      testId="comment-timeline-chart"
      glossary
    >
      <AreaChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          dataKey="index"
          tickFormatter={(i: number) => String(i + 1)}
          stroke="var(--muted)"
          height={40}
          label={xAxisLabel(`${unit} after publication`)}
        />
        <YAxis allowDecimals={false} stroke="var(--muted)" label={yAxisLabel("comments so far")} />
        <Tooltip
          labelFormatter={(i) => `${Number(i) + 1} ${unit} after publication`}
          formatter={(v) => formatInteger(Number(v))}
          contentStyle={TOOLTIP_STYLE}
        />
        {shown.map((t) => (
          <Area
            key={t}
            type="stepAfter"
            dataKey={t}
            name={TONE_LABELS[t]}
            stackId="tone"
            stroke={TONE_COLORS[t]}
            fill={TONE_COLORS[t]}
            fillOpacity={0.75}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ChartFrame>
  );
}
