"use client";
import { useEffect, useId, useState } from "react";
import { CONFIDENCE_FILTERS, type CommentFilters } from "@/lib/schemas/comment-filters";
import { COMMENT_FILTER_OPTIONS, FilterSelect } from "./filter-select";

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
      <FilterSelect
        id={`${id}-tone`}
        label="Tone"
        anyLabel="Any tone"
        options={COMMENT_FILTER_OPTIONS.tone}
        value={filters.tone ?? ""}
        onChange={(e) => set("tone", e.target.value)}
      />
      <FilterSelect
        id={`${id}-stance`}
        label="Stance"
        anyLabel="Any stance"
        options={COMMENT_FILTER_OPTIONS.stance}
        value={filters.stance ?? ""}
        onChange={(e) => set("stance", e.target.value)}
      />
      <FilterSelect
        id={`${id}-sentiment`}
        label="Sentiment"
        anyLabel="Any sentiment"
        options={COMMENT_FILTER_OPTIONS.sentiment}
        value={filters.sentiment ?? ""}
        onChange={(e) => set("sentiment", e.target.value)}
      />
      <FilterSelect
        id={`${id}-status`}
        label="Status"
        anyLabel="Any status"
        options={COMMENT_FILTER_OPTIONS.status}
        value={filters.status ?? ""}
        onChange={(e) => set("status", e.target.value)}
      />
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
