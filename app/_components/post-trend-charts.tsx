"use client";
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Line, LineChart, Tooltip, YAxis } from "recharts";
import type { PostTrendRow } from "@/lib/analytics/chart-rows";
import { SENTIMENT_UNIT } from "@/lib/analytics/definitions";
import { formatDecimal, formatInteger, formatPercent, formatSignedDecimal } from "@/lib/analytics/format";
import { SECOND_SERIES_COLOR, SENTIMENT_COLOR } from "@/lib/analytics/palette";
import { ChartFrame, useHiddenSeries } from "./chart-frame";
import { CHART_MARGIN, percentYAxis, postTooltipLabel, postXAxis, yAxisLabel } from "./chart-parts";
import { TOOLTIP_STYLE } from "./chart-styles";

/** Mean sentiment per post with the interquartile spread as a band; the legend hides either series. */
export function SentimentTrendChart({ rows }: { rows: PostTrendRow[] }) {
  const [hidden, toggle] = useHiddenSeries();
  return (
    <ChartFrame
      title="Mean sentiment per post, with the spread"
      description="Sentiment per word (0 is neutral); the band runs from the lower to the upper quartile of a post's comments"
      legend={[
        { key: "mean", label: "Mean", color: SENTIMENT_COLOR },
        { key: "spread", label: "Middle half of comments", color: SECOND_SERIES_COLOR },
      ]}
      hidden={hidden}
      onToggle={toggle}
      table={{
        columns: ["Post", "Published", "Mean", "Lower quartile", "Upper quartile"],
        rows: rows.map((r) => [
          r.label,
          r.tick,
          r.meanSentiment === null ? "—" : formatSignedDecimal(r.meanSentiment),
          r.spread ? formatSignedDecimal(r.spread[0]) : "—",
          r.spread ? formatSignedDecimal(r.spread[1]) : "—",
        ]),
      }}
      isEmpty={rows.length === 0}
      emptyMessage="No posts in this range: widen the date range."
      testId="sentiment-trend-chart"
      glossary
    >
      <ComposedChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        {postXAxis()}
        <YAxis
          tickFormatter={(v: number) => formatDecimal(v)}
          stroke="var(--muted)"
          label={yAxisLabel(SENTIMENT_UNIT)}
        />
        <Tooltip
          contentStyle={TOOLTIP_STYLE}
          labelFormatter={postTooltipLabel}
          formatter={(v) =>
            Array.isArray(v)
              ? v.map((n) => formatSignedDecimal(Number(n))).join(" to ")
              : formatSignedDecimal(Number(v))
          }
        />
        {!hidden.has("spread") && (
          <Area
            dataKey="spread"
            name="Middle half"
            stroke="none"
            fill={SECOND_SERIES_COLOR}
            fillOpacity={0.2}
            isAnimationActive={false}
          />
        )}
        {!hidden.has("mean") && (
          <Line
            dataKey="meanSentiment"
            name="Mean"
            stroke={SENTIMENT_COLOR}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
            connectNulls
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}

/** Comments per post. */
export function CommentsPerPostChart({ rows }: { rows: PostTrendRow[] }) {
  return (
    <ChartFrame
      title="Comments per post"
      description="Comments with text (deleted ones left out)"
      legend={[{ key: "comments", label: "Comments", color: SENTIMENT_COLOR }]}
      table={{
        columns: ["Post", "Published", "Comments"],
        rows: rows.map((r) => [r.label, r.tick, formatInteger(r.comments)]),
      }}
      isEmpty={rows.length === 0}
      emptyMessage="No posts in this range: widen the date range."
      testId="comments-per-post-chart"
    >
      <BarChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        {postXAxis()}
        <YAxis allowDecimals={false} stroke="var(--muted)" label={yAxisLabel("comments")} />
        <Tooltip
          formatter={(v) => formatInteger(Number(v))}
          labelFormatter={postTooltipLabel}
          contentStyle={TOOLTIP_STYLE}
          cursor={{ fill: "var(--border)" }}
        />
        <Bar dataKey="comments" name="Comments" fill={SENTIMENT_COLOR} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** Share of a post's scored comments that disagree with it. */
export function DisagreementChart({ rows }: { rows: PostTrendRow[] }) {
  return (
    <ChartFrame
      title="Disagreement rate per post"
      description="Share of scored comments whose stance is disagree"
      legend={[{ key: "disagree", label: "Disagree", color: SECOND_SERIES_COLOR }]}
      table={{
        columns: ["Post", "Published", "Disagree"],
        rows: rows.map((r) => [
          r.label,
          r.tick,
          r.disagreeRate === null ? "—" : formatPercent(r.disagreeRate),
        ]),
      }}
      isEmpty={rows.length === 0}
      emptyMessage="No posts in this range: widen the date range."
      testId="disagreement-chart"
      glossary
    >
      <LineChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        {postXAxis()}
        {percentYAxis("share disagreeing")}
        <Tooltip
          formatter={(v) => formatPercent(Number(v))}
          labelFormatter={postTooltipLabel}
          contentStyle={TOOLTIP_STYLE}
        />
        <Line
          dataKey="disagreeRate"
          name="Disagree"
          stroke={SECOND_SERIES_COLOR}
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </ChartFrame>
  );
}
