import type { SelectHTMLAttributes } from "react";
import { STANCE_LABELS } from "@/lib/analytics/chart-rows";
import { TONE_LABELS } from "@/lib/analytics/palette";
import { COMMENT_STATUS_FILTERS, type CommentStatusFilter } from "@/lib/schemas/comment-filters";
import { SENTIMENT_LABELS, STANCES, TONES } from "@/lib/scoring/types";

export interface FilterOption {
  value: string;
  label: string;
}

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

/** The options of the comment filters every list of comments offers (post page, search, a name's mentions). */
export const COMMENT_FILTER_OPTIONS = {
  tone: TONES.map((t) => ({ value: t, label: TONE_LABELS[t] })),
  stance: STANCES.map((s) => ({ value: s, label: STANCE_LABELS[s] })),
  sentiment: SENTIMENT_LABELS.map((s) => ({ value: s, label: SENTIMENT_NAMES[s] })),
  status: COMMENT_STATUS_FILTERS.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
} satisfies Record<string, FilterOption[]>;

/**
 * One labelled filter: a select whose first option ("" = `anyLabel`) means no filter. The rest of the props go
 * to the select, so it serves a GET form (`name`, `defaultValue`) and a controlled client form alike.
 */
export function FilterSelect({
  id,
  label,
  anyLabel,
  options,
  ...select
}: {
  id: string;
  label: string;
  anyLabel: string;
  options: readonly FilterOption[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "children">) {
  return (
    <span>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
