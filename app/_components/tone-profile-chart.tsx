"use client";
import { Bar, BarChart, CartesianGrid, YAxis } from "recharts";
import { toneProfileRows } from "@/lib/analytics/chart-rows";
import { formatPercent } from "@/lib/analytics/format";
import { SENTIMENT_COLOR } from "@/lib/analytics/palette";
import type { Tone } from "@/lib/scoring/types";
import { ChartFrame, useHiddenSeries } from "./chart-frame";
import { CHART_MARGIN, percentTooltip, slantedCategoryAxis, yAxisLabel } from "./chart-parts";

const PUBLICATION_COLOR = "#8C8C8C";

/** A commenter's tone shares beside the whole publication's. */
export function ToneProfileChart({
  name,
  person,
  publication,
}: {
  name: string;
  person: Record<Tone, number>;
  publication: Record<Tone, number>;
}) {
  const [hidden, toggle] = useHiddenSeries();
  const rows = toneProfileRows(person, publication);
  const empty = Object.values(person).every((n) => n === 0);
  return (
    <ChartFrame
      title={`Tone profile: ${name} against the publication`}
      description="Share of each tone among their comments and among all comments"
      legend={[
        { key: "person", label: name, color: SENTIMENT_COLOR },
        { key: "publication", label: "Whole publication", color: PUBLICATION_COLOR },
      ]}
      hidden={hidden}
      onToggle={toggle}
      table={{
        columns: ["Tone", name, "Whole publication"],
        rows: rows.map((r) => [r.label, formatPercent(r.person), formatPercent(r.publication)]),
      }}
      isEmpty={empty}
      emptyMessage="None of their comments is scored yet: the scorer runs after each import (or run the score command)."
      testId="tone-profile-chart"
      glossary
      headingLevel={2}
    >
      <BarChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
        {slantedCategoryAxis("label", "tone")}
        <YAxis
          tickFormatter={(v: number) => formatPercent(v)}
          stroke="var(--muted)"
          label={yAxisLabel("share of comments")}
        />
        {percentTooltip()}
        {!hidden.has("person") && (
          <Bar dataKey="person" name={name} fill={SENTIMENT_COLOR} isAnimationActive={false} />
        )}
        {!hidden.has("publication") && (
          <Bar
            dataKey="publication"
            name="Whole publication"
            fill={PUBLICATION_COLOR}
            isAnimationActive={false}
          />
        )}
      </BarChart>
    </ChartFrame>
  );
}
