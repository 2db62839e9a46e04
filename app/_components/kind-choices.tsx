"use client";
import { NOTIFICATION_KIND_LABELS, type NotificationKindName } from "@/lib/insights/notifications";
import { NOTIFICATION_KINDS } from "@/lib/schemas/notifications";

/** What reaches one recipient: a checkbox per kind of notification, under a legend read by screen readers. */
export function KindChoices({
  idPrefix,
  chosen,
  onChange,
  legend,
}: {
  idPrefix: string;
  chosen: NotificationKindName[];
  onChange: (kinds: NotificationKindName[]) => void;
  legend: string;
}) {
  return (
    <fieldset className="kind-choices">
      <legend className="visually-hidden">{legend}</legend>
      {NOTIFICATION_KINDS.map((kind) => (
        <label key={kind} htmlFor={`${idPrefix}-${kind}`}>
          <input
            id={`${idPrefix}-${kind}`}
            type="checkbox"
            checked={chosen.includes(kind)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, kind] : chosen.filter((k) => k !== kind))
            }
          />{" "}
          {NOTIFICATION_KIND_LABELS[kind]}
        </label>
      ))}
    </fieldset>
  );
}
