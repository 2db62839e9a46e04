"use client";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, YAxis } from "recharts";
import { toneRows } from "@/lib/analytics/chart-rows";
import { formatInteger, formatPercent } from "@/lib/analytics/format";
import type { ToneDistribution } from "@/lib/schemas/post-figures";
import { ChartFrame } from "./chart-frame";
import { CHART_MARGIN, slantedCategoryAxis, yAxisLabel } from "./chart-parts";
import { TOOLTIP_STYLE } from "./chart-styles";

export function ToneDistributionChart({ data, busy }: { data: ToneDistribution; busy?: boolean }) {
  const rows = toneRows(data.tones);
  return (
    <ChartFrame
      title="Tone of the comments"
      description={`${formatInteger(data.total)} scored comments`}
      legend={rows.map((r) => ({ key: r.key, label: r.label, color: r.color }))}
      table={{
        columns: ["Tone", "Comments", "Share"],
        rows: rows.map((r) => [r.label, formatInteger(r.count), formatPercent(r.share)]),
      }}
      isEmpty={data.total === 0}
      busy={busy}
      testId="tone-distribution-chart"
      glossary
    >
      <BarChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        {slantedCategoryAxis("label", "tone")}
        <YAxis allowDecimals={false} stroke="var(--muted)" label={yAxisLabel("comments")} />
        <Tooltip
          formatter={(v) => formatInteger(Number(v))}
          contentStyle={TOOLTIP_STYLE}
          cursor={{ fill: "var(--border)" }}
        />
        <Bar dataKey="count" name="Comments" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.key} fill={r.color} data-tone={r.key} data-count={r.count} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
