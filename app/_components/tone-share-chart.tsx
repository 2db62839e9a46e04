"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { TONE_COLORS, TONE_LABELS } from "@/lib/analytics/palette";
import { toneShareRows } from "@/lib/analytics/tone-share";
import type { PostSummary } from "@/lib/schemas/posts";
import { TONES } from "@/lib/scoring/types";

const percent = (v: number) => `${Math.round(v * 100)}%`;

export function ToneShareChart({ posts }: { posts: PostSummary[] }) {
  const rows = toneShareRows(posts);
  return (
    <figure style={{ margin: 0 }} data-testid="tone-share-chart">
      <div style={{ width: "100%", height: 300 }}>
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="label" tick={false} label={{ value: "posts, oldest to newest", position: "insideBottom", fill: "var(--muted)" }} />
            <YAxis tickFormatter={percent} domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} stroke="var(--muted)" />
            <Tooltip formatter={(v) => percent(Number(v))} contentStyle={{ background: "var(--panel)", border: "1px solid var(--border)" }} />
            <Legend />
            {TONES.map((t) => (
              <Bar key={t} dataKey={t} name={TONE_LABELS[t]} stackId="tone" fill={TONE_COLORS[t]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="table-view">
        <summary>Show the numbers as a table</summary>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Post</th>
              {TONES.map((t) => (
                <th key={t} scope="col" className="num">
                  {TONE_LABELS[t]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <td>{r.label}</td>
                {TONES.map((t) => (
                  <td key={t} className="num">
                    {percent(r[t])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
