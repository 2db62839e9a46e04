"use client";
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatInteger } from "@/lib/analytics/format";
import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { cumulativeTimelineRows } from "@/lib/analytics/timeline";
import type { Timeline } from "@/lib/schemas/post-figures";
import { TONES } from "@/lib/scoring/types";
import { ChartFrame, useHiddenSeries } from "./chart-frame";
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
    >
      <AreaChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          dataKey="index"
          tickFormatter={(i: number) => String(i + 1)}
          stroke="var(--muted)"
          label={{ value: unit, position: "insideBottomRight", offset: -4, fill: "var(--muted)" }}
        />
        <YAxis allowDecimals={false} stroke="var(--muted)" />
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
