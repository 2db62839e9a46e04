import { formatInteger } from "@/lib/analytics/format";

/**
 * Small charts drawn as plain SVG on the server: no script, no inline styles (a strict CSP allows them),
 * vector output for print and PDF. Every chart carries its numbers as a table beside it.
 */

export interface StackedSeries {
  key: string;
  label: string;
  color: string;
}

export function StackedBars({
  title,
  rows,
  series,
  xLabel,
  height = 160,
}: {
  title: string;
  rows: { label: string; values: Record<string, number> }[];
  series: StackedSeries[];
  xLabel: string;
  height?: number;
}) {
  const width = Math.max(240, rows.length * 28 + 40);
  const max = Math.max(1, ...rows.map((r) => series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0)));
  // Dates print as MM-DD under their bar; names are slanted so that long ones do not run into each other.
  const dated = rows.every((r) => /^\d{4}-\d{2}-\d{2}$/u.test(r.label));
  const plot = height - (dated ? 30 : 56);
  const band = (width - 40) / Math.max(1, rows.length);
  return (
    <figure className="svg-chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}: chart; the table below has its numbers`}
      >
        <line x1={34} y1={plot} x2={width} y2={plot} stroke="currentColor" strokeOpacity={0.3} />
        <text x={30} y={10} textAnchor="end" fontSize={10} fill="currentColor">
          {formatInteger(max)}
        </text>
        <text x={30} y={plot} textAnchor="end" fontSize={10} fill="currentColor">
          0
        </text>
        {rows.map((r, i) => {
          let y = plot;
          const x = 38 + i * band;
          return (
            <g key={r.label}>
              {series.map((s) => {
                const h = ((r.values[s.key] ?? 0) / max) * (plot - 12);
                y -= h;
                return h > 0 ? (
                  <rect key={s.key} x={x} y={y} width={Math.max(2, band - 6)} height={h} fill={s.color} />
                ) : null;
              })}
              {(rows.length <= 12 || i % Math.ceil(rows.length / 12) === 0) &&
                (dated ? (
                  <text x={x} y={height - 14} fontSize={9} fill="currentColor">
                    {r.label.slice(5)}
                  </text>
                ) : (
                  <text
                    x={x + band / 2}
                    y={plot + 12}
                    fontSize={9}
                    fill="currentColor"
                    textAnchor="end"
                    transform={`rotate(-35 ${x + band / 2} ${plot + 12})`}
                  >
                    {r.label}
                  </text>
                ))}
            </g>
          );
        })}
      </svg>
      <p className="svg-legend">
        {series.map((s) => (
          <span key={s.key}>
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" fill={s.color} />
            </svg>{" "}
            {s.label}
          </span>
        ))}
      </p>
      <details className="chart-table">
        <summary>{title} as a table</summary>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {series.map((s) => (
                  <td key={s.key} className="num">
                    {formatInteger(r.values[s.key] ?? 0)}
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

/** A trend line for a table cell; its numbers are read out (aria-label) and shown on hover (title). */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? 100 / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(22 - (v / max) * 20).toFixed(1)}`)
    .join(" ");
  const text = `${label}: ${values.join(", ")}`;
  return (
    <svg viewBox="0 0 100 24" width="100" height="24" role="img" aria-label={text} className="sparkline">
      <title>{text}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} />
    </svg>
  );
}

/** Horizontal share bar (e.g. positive / neutral / negative) with its counts as text. */
export function ShareBar({
  parts,
  label,
}: {
  parts: { key: string; label: string; value: number; color: string }[];
  label: string;
}) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  let x = 0;
  const text = parts.map((p) => `${formatInteger(p.value)} ${p.label}`).join(", ");
  return (
    <span className="share-bar">
      <svg
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        width="90"
        height="10"
        role="img"
        aria-label={`${label}: ${text}`}
      >
        {parts.map((p) => {
          const w = total === 0 ? 0 : (p.value / total) * 100;
          const rect = <rect key={p.key} x={x} y={0} width={w} height={8} fill={p.color} />;
          x += w;
          return rect;
        })}
      </svg>
      <span className="subtle">{text}</span>
    </span>
  );
}
