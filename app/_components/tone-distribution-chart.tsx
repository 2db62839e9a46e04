"use client";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { toneRows } from "@/lib/analytics/chart-rows";
import { formatInteger, formatPercent } from "@/lib/analytics/format";
import type { ToneDistribution } from "@/lib/schemas/post-figures";
import { ChartFrame } from "./chart-frame";
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
    >
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" stroke="var(--muted)" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} stroke="var(--muted)" />
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
