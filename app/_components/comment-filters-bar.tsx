"use client";
import { useEffect, useId, useState } from "react";
import { STANCE_LABELS } from "@/lib/analytics/chart-rows";
import { TONE_LABELS } from "@/lib/analytics/palette";
import {
  COMMENT_STATUS_FILTERS,
  CONFIDENCE_FILTERS,
  type CommentFilters,
  type CommentStatusFilter,
} from "@/lib/schemas/comment-filters";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";

const STATUS_LABELS: Record<CommentStatusFilter, string> = {
  visible: "Visible",
  deleted: "Deleted or removed",
  hidden: "Hidden by automod",
  flagged: "Flagged",
  rejected: "Rejected",
  withheld: "Withheld",
  corrected: "Corrected by a person",
};

const SENTIMENT_NAMES = { positive: "Positive", negative: "Negative", neutral: "Neutral" } as const;

const CONFIDENCE_NAMES: Record<(typeof CONFIDENCE_FILTERS)[number], string> = {
  confident: "Sure (a person's, or 50% and up)",
  uncertain: "Uncertain (under 50%)",
};

/** The post page's filters; every change goes to the URL (and so to the list and the charts together). */
export function CommentFiltersBar({
  filters,
  onChange,
}: {
  filters: CommentFilters;
  onChange: (f: CommentFilters) => void;
}) {
  const id = useId();
  const [text, setText] = useState(filters.q ?? "");
  // Free text waits for a pause in typing before it filters.
  useEffect(() => {
    const value = text.trim();
    if (value === (filters.q ?? "")) return;
    const timer = setTimeout(() => onChange({ ...filters, q: value || undefined }), 350);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);
  useEffect(() => setText(filters.q ?? ""), [filters.q]);

  const set = <K extends keyof CommentFilters>(key: K, value: string) =>
    onChange({ ...filters, [key]: value === "" ? undefined : value });
  const active = Object.values(filters).some((v) => v !== undefined);

  return (
    <form className="filters" aria-label="Filter the comments" onSubmit={(e) => e.preventDefault()}>
      <span>
        <label htmlFor={`${id}-tone`}>Tone</label>
        <select id={`${id}-tone`} value={filters.tone ?? ""} onChange={(e) => set("tone", e.target.value)}>
          <option value="">Any tone</option>
          {TONES.map((t) => (
            <option key={t} value={t}>
              {TONE_LABELS[t]}
            </option>
          ))}
        </select>
      </span>
      <span>
        <label htmlFor={`${id}-stance`}>Stance</label>
        <select
          id={`${id}-stance`}
          value={filters.stance ?? ""}
          onChange={(e) => set("stance", e.target.value)}
        >
          <option value="">Any stance</option>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {STANCE_LABELS[s]}
            </option>
          ))}
        </select>
      </span>
      <span>
        <label htmlFor={`${id}-sentiment`}>Sentiment</label>
        <select
          id={`${id}-sentiment`}
          value={filters.sentiment ?? ""}
          onChange={(e) => set("sentiment", e.target.value)}
        >
          <option value="">Any sentiment</option>
          {SENTIMENT_LABELS.map((s) => (
            <option key={s} value={s}>
              {SENTIMENT_NAMES[s]}
            </option>
          ))}
        </select>
      </span>
      <span>
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filters.status ?? ""}
          onChange={(e) => set("status", e.target.value)}
        >
          <option value="">Any status</option>
          {COMMENT_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </span>
      <span>
        <label htmlFor={`${id}-confidence`}>Tone label</label>
        <select
          id={`${id}-confidence`}
          value={filters.confidence ?? ""}
          onChange={(e) => set("confidence", e.target.value)}
        >
          <option value="">Sure or uncertain</option>
          {CONFIDENCE_FILTERS.map((c) => (
            <option key={c} value={c}>
              {CONFIDENCE_NAMES[c]}
            </option>
          ))}
        </select>
      </span>
      <span className="filters-text">
        <label htmlFor={`${id}-q`}>Text</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          maxLength={200}
          placeholder="Words in the comment or the author's name"
          onChange={(e) => setText(e.target.value)}
        />
      </span>
      <button type="button" onClick={() => onChange({})} disabled={!active}>
        Clear filters
      </button>
    </form>
  );
}
