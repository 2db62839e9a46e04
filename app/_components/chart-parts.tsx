import { Bar, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/analytics/format";
import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { TONES } from "@/lib/scoring/types";
import { TOOLTIP_STYLE } from "./chart-styles";

/*
 * Pieces several charts share. They are plain functions returning recharts elements (not components), so
 * recharts sees the Bar and Tooltip elements themselves among the chart's children.
 */

/** The tooltip of a chart whose values are shares (0..1); `labelFormatter` names the hovered category. */
export function percentTooltip(labelFormatter?: typeof postTooltipLabel) {
  return (
    <Tooltip
      formatter={(v) => formatPercent(Number(v))}
      labelFormatter={labelFormatter}
      contentStyle={TOOLTIP_STYLE}
      cursor={{ fill: "var(--border)" }}
    />
  );
}

/** One bar per key, stacked, in the palette's colours, leaving out the keys the legend has hidden. */
export function stackedBars<K extends string>(
  stackId: string,
  keys: readonly K[],
  labels: Readonly<Record<K, string>>,
  colors: Readonly<Record<K, string>>,
  hidden: ReadonlySet<string> = new Set(),
) {
  return keys
    .filter((k) => !hidden.has(k))
    .map((k) => (
      <Bar
        key={k}
        dataKey={k}
        name={labels[k]}
        stackId={stackId}
        fill={colors[k]}
        isAnimationActive={false}
      />
    ));
}

/** One stacked bar per tone, leaving out the tones the legend has hidden. */
export function stackedToneBars(hidden: ReadonlySet<string>) {
  return stackedBars("tone", TONES, TONE_LABELS, TONE_COLORS, hidden);
}

/** A category axis whose every label is shown, slanted so they fit (sentiment ranges, tones, posts). */
export function slantedCategoryAxis(dataKey: string, label?: string) {
  return (
    <XAxis
      dataKey={dataKey}
      stroke="var(--muted)"
      tick={{ fontSize: 11 }}
      interval={0}
      angle={-30}
      textAnchor="end"
      height={label ? 78 : 60}
      label={label ? xAxisLabel(label) : undefined}
    />
  );
}

/** The label of a horizontal axis, under its ticks: what is measured and in which unit. */
export function xAxisLabel(value: string) {
  return { value, position: "insideBottom" as const, offset: 0, fill: "var(--muted)", fontSize: 12 };
}

/** The label of a vertical axis, turned along it. */
export function yAxisLabel(value: string) {
  return {
    value,
    angle: -90,
    position: "insideLeft" as const,
    offset: 4,
    fill: "var(--muted)",
    fontSize: 12,
    style: { textAnchor: "middle" as const },
  };
}

/** Room around a chart for the axis labels. */
export const CHART_MARGIN = { top: 8, right: 12, bottom: 8, left: 8 } as const;

/** The x axis of a chart of posts over time: each post's date (or short title), all shown when they fit. */
export function postXAxis() {
  return (
    <XAxis
      dataKey="tick"
      stroke="var(--muted)"
      tick={{ fontSize: 11 }}
      minTickGap={4}
      height={40}
      label={xAxisLabel("posts, by publication date")}
    />
  );
}

/** A tooltip heading for rows of posts: the full title and the axis tick (the date). */
export function postTooltipLabel(_label: unknown, payload: readonly { payload?: unknown }[] | undefined) {
  const row = payload?.[0]?.payload as { label?: string; tick?: string } | undefined;
  return row ? `${row.label ?? ""} (${row.tick ?? ""})` : "";
}

/** A vertical axis of shares (0..1) shown as percents, from 0% to 100%, with its label. */
export function percentYAxis(label: string) {
  return (
    <YAxis
      domain={[0, 1]}
      ticks={[0, 0.25, 0.5, 0.75, 1]}
      tickFormatter={(v: number) => formatPercent(v)}
      stroke="var(--muted)"
      label={yAxisLabel(label)}
    />
  );
}
