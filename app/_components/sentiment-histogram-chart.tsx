"use client";
import { Bar, BarChart, CartesianGrid, Tooltip, YAxis } from "recharts";
import { SENTIMENT_UNIT } from "@/lib/analytics/definitions";
import { formatDecimal, formatInteger, formatSignedDecimal } from "@/lib/analytics/format";
import { SENTIMENT_COLOR } from "@/lib/analytics/palette";
import { sentimentBinLabel } from "@/lib/analytics/sentiment-bins";
import type { SentimentHistogram } from "@/lib/schemas/post-figures";
import { ChartFrame } from "./chart-frame";
import { CHART_MARGIN, slantedCategoryAxis, yAxisLabel } from "./chart-parts";
import { TOOLTIP_STYLE } from "./chart-styles";

export function SentimentHistogramChart({ data, busy }: { data: SentimentHistogram; busy?: boolean }) {
  const rows = data.bins.map((bin) => ({ label: sentimentBinLabel(bin, formatDecimal), count: bin.count }));
  return (
    <ChartFrame
      title="Sentiment of the comments"
      description={
        data.mean === null
          ? "Sentiment per word: below 0 is negative, above 0 positive"
          : `Mean ${formatSignedDecimal(data.mean)} per word over ${formatInteger(data.total)} comments; below 0 is negative, above 0 positive`
      }
      legend={[{ key: "count", label: "Comments per sentiment range", color: SENTIMENT_COLOR }]}
      table={{
        columns: ["Sentiment per word", "Comments"],
        rows: rows.map((r) => [r.label, formatInteger(r.count)]),
      }}
      isEmpty={data.total === 0}
      busy={busy}
      testId="sentiment-histogram-chart"
      glossary
    >
      <BarChart data={rows} margin={CHART_MARGIN} barCategoryGap={1}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        {slantedCategoryAxis("label", SENTIMENT_UNIT)}
        <YAxis allowDecimals={false} stroke="var(--muted)" label={yAxisLabel("comments")} />
        <Tooltip
          formatter={(v) => formatInteger(Number(v))}
          contentStyle={TOOLTIP_STYLE}
          cursor={{ fill: "var(--border)" }}
        />
        <Bar dataKey="count" name="Comments" fill={SENTIMENT_COLOR} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
