"use client";
import { type ReactElement, type ReactNode, useCallback, useId, useRef, useState } from "react";
import { ResponsiveContainer } from "recharts";
import { chartFilename, downloadPng, downloadSvg } from "@/lib/client/chart-download";
import { GlossaryButton } from "./glossary";
import { TableScroll } from "./table-scroll";

export interface LegendItem {
  key: string;
  label: string;
  color: string;
}

export interface ChartTable {
  columns: string[];
  /** Cells already formatted for the viewer's locale. */
  rows: (string | number)[][];
}

/** Which series of a chart are hidden; toggled from the legend. */
export function useHiddenSeries(): [ReadonlySet<string>, (key: string) => void] {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((key: string) => {
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  return [hidden, toggle];
}

/**
 * The one frame every chart sits in: a visible title, a visible legend (toggle buttons when the chart lets
 * series be hidden), the chart, its numbers as a table, and SVG / PNG downloads of what is drawn.
 */
export function ChartFrame({
  title,
  description,
  legend,
  hidden,
  onToggle,
  table,
  height = 260,
  isEmpty = false,
  emptyMessage = "No comment matches these filters: clear a filter above to see this chart.",
  busy = false,
  testId,
  glossary = false,
  headingLevel = 3,
  children,
}: {
  title: string;
  description?: ReactNode;
  legend: LegendItem[];
  hidden?: ReadonlySet<string>;
  onToggle?: (key: string) => void;
  table: ChartTable;
  height?: number;
  isEmpty?: boolean;
  emptyMessage?: string;
  busy?: boolean;
  testId?: string;
  /** Offer the definitions of the labels (for charts of tones, stances or sentiment). */
  glossary?: boolean;
  /** 3 under a section's h2; 2 when the chart is a page's own section. */
  headingLevel?: 2 | 3;
  children: ReactElement;
}) {
  const titleId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const svg = () => chartRef.current?.querySelector<SVGSVGElement>("svg.recharts-surface") ?? null;
  const onDownload = async (format: "svg" | "png") => {
    setDownloadError(null);
    const element = svg();
    if (!element) {
      setDownloadError("There is no drawn chart to download yet.");
      return;
    }
    try {
      if (format === "svg") downloadSvg(element, title, chartFilename(title));
      else await downloadPng(element, title, chartFilename(title));
    } catch (err) {
      setDownloadError(err instanceof Error ? err.message : "The download failed.");
    }
  };

  return (
    <figure className="chart" aria-labelledby={titleId} aria-busy={busy} data-testid={testId}>
      <figcaption className="chart-head">
        {headingLevel === 2 ? <h2 id={titleId}>{title}</h2> : <h3 id={titleId}>{title}</h3>}
        {description && <p className="subtle chart-description">{description}</p>}
      </figcaption>
      <ul
        className="chart-legend"
        aria-label={`${title}: legend${onToggle ? " (press to show or hide a series)" : ""}`}
      >
        {legend.map((item) => {
          const off = hidden?.has(item.key) ?? false;
          const swatch = <span className="swatch" style={{ background: item.color }} aria-hidden="true" />;
          return (
            <li key={item.key}>
              {onToggle ? (
                <button
                  type="button"
                  className="legend-toggle"
                  aria-pressed={!off}
                  onClick={() => onToggle(item.key)}
                  data-off={off || undefined}
                >
                  {swatch}
                  {item.label}
                </button>
              ) : (
                <span className="legend-item">
                  {swatch}
                  {item.label}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {glossary && <GlossaryButton />}
      {isEmpty ? (
        <p className="empty chart-empty">{emptyMessage}</p>
      ) : (
        <div ref={chartRef} className="chart-canvas" style={{ height }}>
          <ResponsiveContainer>{children}</ResponsiveContainer>
        </div>
      )}
      <div className="chart-tools">
        <details className="table-view">
          <summary>Show as table</summary>
          <TableScroll label={`${title}: the numbers`}>
            <table className="data">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {table.columns.map((c, i) => (
                    <th key={c} scope="col" className={i === 0 ? undefined : "num"}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={String(row[0])}>
                    {row.map((cell, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                      <td key={i} className={i === 0 ? undefined : "num"}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
        {!isEmpty && (
          <span className="chart-downloads">
            <button type="button" onClick={() => onDownload("svg")} aria-label={`Download “${title}” as SVG`}>
              SVG
            </button>
            <button type="button" onClick={() => onDownload("png")} aria-label={`Download “${title}” as PNG`}>
              PNG
            </button>
          </span>
        )}
      </div>
      {downloadError && (
        <p className="error" role="alert">
          {downloadError}
        </p>
      )}
    </figure>
  );
}
