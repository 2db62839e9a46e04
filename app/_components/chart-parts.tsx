import { Bar, Tooltip, XAxis } from "recharts";
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

/** The category axis of the sentiment ranges: every label shown, slanted so they fit. */
export function slantedCategoryAxis(dataKey: string) {
  return (
    <XAxis
      dataKey={dataKey}
      stroke="var(--muted)"
      tick={{ fontSize: 10 }}
      interval={0}
      angle={-30}
      textAnchor="end"
      height={56}
    />
  );
}
