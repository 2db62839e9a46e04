"use client";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { stanceRows } from "@/lib/analytics/chart-rows";
import { formatInteger, formatPercent } from "@/lib/analytics/format";
import type { StanceSplit } from "@/lib/schemas/post-figures";
import { ChartFrame } from "./chart-frame";
import { CHART_MARGIN, xAxisLabel, yAxisLabel } from "./chart-parts";
import { TOOLTIP_STYLE } from "./chart-styles";

export function StanceSplitChart({ data, busy }: { data: StanceSplit; busy?: boolean }) {
  const rows = stanceRows(data.stances);
  return (
    <ChartFrame
      title="Stance toward the post"
      description={`${formatInteger(data.total)} scored comments, judged against the post's main argument`}
      legend={rows.map((r) => ({ key: r.key, label: r.label, color: r.color }))}
      table={{
        columns: ["Stance", "Comments", "Share"],
        rows: rows.map((r) => [r.label, formatInteger(r.count), formatPercent(r.share)]),
      }}
      isEmpty={data.total === 0}
      busy={busy}
      testId="stance-split-chart"
      glossary
    >
      <BarChart data={rows} layout="vertical" margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
        <XAxis
          type="number"
          allowDecimals={false}
          stroke="var(--muted)"
          height={40}
          label={xAxisLabel("comments")}
        />
        <YAxis
          type="category"
          dataKey="label"
          stroke="var(--muted)"
          width={88}
          label={yAxisLabel("stance")}
        />
        <Tooltip
          formatter={(v) => formatInteger(Number(v))}
          contentStyle={TOOLTIP_STYLE}
          cursor={{ fill: "var(--border)" }}
        />
        <Bar dataKey="count" name="Comments" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.key} fill={r.color} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
