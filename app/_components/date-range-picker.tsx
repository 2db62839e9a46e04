"use client";
import { useId } from "react";
import type { DateRange } from "@/lib/schemas/date-range";

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Presets counted back from today (inclusive). */
const PRESETS = [
  { key: "all", label: "All time", days: null },
  { key: "30", label: "Last 30 days", days: 30 },
  { key: "90", label: "Last 90 days", days: 90 },
  { key: "365", label: "Last 12 months", days: 365 },
] as const;

function presetRange(days: number | null): DateRange {
  if (days === null) return {};
  const today = new Date();
  return { from: day(new Date(today.getTime() - (days - 1) * DAY_MS)), to: day(today) };
}

/** The overview's date range: presets or two dates; changes go to the URL. */
export function DateRangePicker({ range, onChange }: { range: DateRange; onChange: (r: DateRange) => void }) {
  const id = useId();
  return (
    <fieldset className="range-picker" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="visually-hidden">Date range</legend>
      <span className="range-presets" style={{ display: "inline-flex", gap: 6 }}>
        {PRESETS.map((p) => {
          const r = presetRange(p.days);
          const active = r.from === range.from && r.to === range.to;
          return (
            <button
              key={p.key}
              type="button"
              aria-pressed={active}
              className={active ? "primary" : undefined}
              onClick={() => onChange(r)}
            >
              {p.label}
            </button>
          );
        })}
      </span>
      <span>
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={range.from ?? ""}
          max={range.to}
          onChange={(e) => onChange({ ...range, from: e.target.value || undefined })}
        />
      </span>
      <span>
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={range.to ?? ""}
          min={range.from}
          onChange={(e) => onChange({ ...range, to: e.target.value || undefined })}
        />
      </span>
    </fieldset>
  );
}
