"use client";
import { BarChart, CartesianGrid, Line, LineChart, Tooltip, YAxis } from "recharts";
import {
  SERIES_COLORS,
  STANCE_LABELS,
  sentimentComparisonRows,
  toneShareGroups,
} from "@/lib/analytics/chart-rows";
import { SENTIMENT_UNIT } from "@/lib/analytics/definitions";
import {
  formatDecimal,
  formatInteger,
  formatPercent,
  formatSignedDecimal,
  shortTitle,
} from "@/lib/analytics/format";
import { STANCE_COLORS, TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { sentimentBinLabel } from "@/lib/analytics/sentiment-bins";
import type { Comparison } from "@/lib/schemas/compare";
import { STANCES, TONES } from "@/lib/scoring/types";
import { ChartFrame, useHiddenSeries } from "./chart-frame";
import {
  CHART_MARGIN,
  percentTooltip,
  percentYAxis,
  slantedCategoryAxis,
  stackedBars,
  stackedToneBars,
  yAxisLabel,
} from "./chart-parts";
import { TOOLTIP_STYLE } from "./chart-styles";
import { TableScroll } from "./table-scroll";

const short = (title: string) => shortTitle(title, 28);

/** Two or more posts on the same charts: tone shares, stance split and sentiment distribution. */
export function CompareCharts({ comparison }: { comparison: Comparison }) {
  const [hiddenTones, toggleTone] = useHiddenSeries();
  const [hiddenPosts, togglePost] = useHiddenSeries();
  const posts = comparison.posts;
  const toneRows = toneShareGroups(posts.map((p) => ({ group: short(p.title), tones: p.tones })));
  const stanceRows = posts.map((p) => {
    const total = STANCES.reduce((sum, s) => sum + p.stances[s], 0);
    return {
      group: short(p.title),
      ...Object.fromEntries(STANCES.map((s) => [s, total === 0 ? 0 : p.stances[s] / total])),
    };
  });
  const binLabels = (posts[0]?.sentimentBins ?? []).map((b) => sentimentBinLabel(b, formatDecimal));
  const sentimentRows = sentimentComparisonRows(posts, binLabels);
  const postLegend = posts.map((p, i) => ({
    key: `post-${p.id}`,
    label: short(p.title),
    color: SERIES_COLORS[i % SERIES_COLORS.length] ?? "#888",
  }));

  return (
    <div className="chart-grid">
      <ChartFrame
        title="Tone, post by post"
        description="Share of each tone among each post's scored comments"
        legend={TONES.map((t) => ({ key: t, label: TONE_LABELS[t], color: TONE_COLORS[t] }))}
        hidden={hiddenTones}
        onToggle={toggleTone}
        table={{
          columns: ["Post", ...TONES.map((t) => TONE_LABELS[t])],
          rows: toneRows.map((r) => [r.group, ...TONES.map((t) => formatPercent(r[t]))]),
        }}
        testId="compare-tone-chart"
        glossary
      >
        <BarChart data={toneRows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          {slantedCategoryAxis("group", "post")}
          {percentYAxis("share of scored comments")}
          {percentTooltip()}
          {stackedToneBars(hiddenTones)}
        </BarChart>
      </ChartFrame>
      <ChartFrame
        title="Stance, post by post"
        description="Share of each stance among each post's scored comments"
        legend={STANCES.map((s) => ({ key: s, label: STANCE_LABELS[s], color: STANCE_COLORS[s] }))}
        table={{
          columns: ["Post", ...STANCES.map((s) => STANCE_LABELS[s])],
          rows: stanceRows.map((r) => [
            r.group,
            ...STANCES.map((s) => formatPercent(Number((r as Record<string, unknown>)[s] ?? 0))),
          ]),
        }}
        testId="compare-stance-chart"
        glossary
      >
        <BarChart data={stanceRows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          {slantedCategoryAxis("group", "post")}
          {percentYAxis("share of scored comments")}
          {percentTooltip()}
          {stackedBars("stance", STANCES, STANCE_LABELS, STANCE_COLORS)}
        </BarChart>
      </ChartFrame>
      <ChartFrame
        title="Sentiment distribution"
        description="Share of each post's comments in each sentiment range (per word)"
        legend={postLegend}
        hidden={hiddenPosts}
        onToggle={togglePost}
        table={{
          columns: ["Sentiment per word", ...posts.map((p) => short(p.title))],
          rows: sentimentRows.map((r) => [
            String(r.label),
            ...posts.map((p) => formatPercent(Number(r[`post-${p.id}`] ?? 0))),
          ]),
        }}
        testId="compare-sentiment-chart"
        glossary
      >
        <LineChart data={sentimentRows} margin={CHART_MARGIN}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          {slantedCategoryAxis("label", SENTIMENT_UNIT)}
          <YAxis
            tickFormatter={(v: number) => formatPercent(v)}
            stroke="var(--muted)"
            label={yAxisLabel("share of the post's comments")}
          />
          <Tooltip formatter={(v) => formatPercent(Number(v))} contentStyle={TOOLTIP_STYLE} />
          {postLegend
            .filter((p) => !hiddenPosts.has(p.key))
            .map((p) => (
              <Line
                key={p.key}
                dataKey={p.key}
                name={p.label}
                stroke={p.color}
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            ))}
        </LineChart>
      </ChartFrame>
      <div className="chart">
        <h3>Key figures</h3>
        <TableScroll label="Key figures table">
          <table className="data" data-testid="compare-figures">
            <thead>
              <tr>
                <th scope="col">Post</th>
                <th scope="col" className="num">
                  Comments
                </th>
                <th scope="col" className="num">
                  Disagree
                </th>
                <th scope="col" className="num">
                  Mean sentiment
                </th>
              </tr>
            </thead>
            <tbody>
              {posts.map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={`/posts/${p.id}`}>{p.title || "(untitled)"}</a>
                  </td>
                  <td className="num">{formatInteger(p.comments)}</td>
                  <td className="num">
                    {p.scored === 0 ? "—" : formatPercent(p.stances.disagree / p.scored)}
                  </td>
                  <td className="num">
                    {p.meanSentiment === null ? "—" : formatSignedDecimal(p.meanSentiment)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
    </div>
  );
}
