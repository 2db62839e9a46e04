import { Bar, Tooltip } from "recharts";
import { formatPercent } from "@/lib/analytics/format";
import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { TONES } from "@/lib/scoring/types";
import { TOOLTIP_STYLE } from "./chart-styles";

/*
 * Pieces several charts share. They are plain functions returning recharts elements (not components), so
 * recharts sees the Bar and Tooltip elements themselves among the chart's children.
 */

/** The tooltip of a chart whose values are shares (0..1). */
export function percentTooltip() {
  return (
    <Tooltip
      formatter={(v) => formatPercent(Number(v))}
      contentStyle={TOOLTIP_STYLE}
      cursor={{ fill: "var(--border)" }}
    />
  );
}

/** One stacked bar per tone in the palette's colours, leaving out the tones the legend has hidden. */
export function stackedToneBars(hidden: ReadonlySet<string>) {
  return TONES.filter((t) => !hidden.has(t)).map((t) => (
    <Bar
      key={t}
      dataKey={t}
      name={TONE_LABELS[t]}
      stackId="tone"
      fill={TONE_COLORS[t]}
      isAnimationActive={false}
    />
  ));
}
