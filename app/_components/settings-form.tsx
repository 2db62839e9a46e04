"use client";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useRerunRulesMutation, useSaveSettingsMutation } from "@/lib/client/use-settings-mutation";
import {
  isRuleOn,
  percentTextToThreshold,
  RULE_CATALOG,
  thresholdToPercentText,
  withRuleSwitched,
} from "@/lib/moderation/rule-catalog";
import { type ModerationSettings, moderationSettingsSchema } from "@/lib/moderation/settings";
import { RULE_NAMES, type RuleName } from "@/lib/moderation/types";
import type { PublicationSettings } from "@/lib/schemas/moderation-settings";

/** Scores the scorer gives from 0 to 1, typed as percents like the queue shows them. */
type PercentField =
  | "threatHoldThreshold"
  | "hostilityHoldThreshold"
  | "identityAttackHoldThreshold"
  | "insultFlagThreshold";
type CountField =
  | "maxLinks"
  | "repeatTextMinCount"
  | "repeatTextWindowHours"
  | "repeatTextMinLength"
  | "newCommenterCommentCount";
type Field = PercentField | CountField;

interface FieldSpec {
  field: Field;
  label: string;
  unit: string;
  /** Empty turns this check off (the rule's other checks still run). */
  optional: boolean;
  min: number;
  max: number;
}

const pct = (field: PercentField, label: string): FieldSpec => ({
  field,
  label,
  unit: "%",
  optional: true,
  min: 0,
  max: 100,
});

/** The numbers each rule reads, next to its switch. */
const RULE_FIELDS: Readonly<Record<RuleName, readonly FieldSpec[]>> = {
  "commenter-status": [],
  "banned-words": [],
  threat: [pct("threatHoldThreshold", "Hold at a threat score of")],
  hostility: [
    pct("hostilityHoldThreshold", "Hold at a hostile-tone score of"),
    pct("identityAttackHoldThreshold", "Hold at an attack-on-a-group score of"),
    pct("insultFlagThreshold", "Flag at an insult score of"),
  ],
  "repeat-text": [
    {
      field: "repeatTextMinCount",
      label: "Hold at this many copies",
      unit: "copies",
      optional: true,
      min: 2,
      max: 100,
    },
    { field: "repeatTextWindowHours", label: "Within", unit: "hours", optional: false, min: 1, max: 2160 },
    {
      field: "repeatTextMinLength",
      label: "Texts shorter than this never count",
      unit: "characters",
      optional: false,
      min: 0,
      max: 10_000,
    },
  ],
  links: [{ field: "maxLinks", label: "Hold above", unit: "links", optional: true, min: 0, max: 100 }],
  "new-commenter": [
    {
      field: "newCommenterCommentCount",
      label: "Hold until a commenter has",
      unit: "earlier comments",
      optional: false,
      min: 1,
      max: 100,
    },
  ],
  "suspect-words": [],
  "scorer-flag": [],
};

const FIELD_LABELS: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.values(RULE_FIELDS)
    .flat()
    .map((f) => [f.field, f.label]),
  ["bannedWords", "Banned words"],
  ["suspectWords", "Suspect words"],
]);

const PERCENT_FIELDS = new Set<Field>([
  "threatHoldThreshold",
  "hostilityHoldThreshold",
  "identityAttackHoldThreshold",
  "insultFlagThreshold",
]);

interface FormState {
  bannedWords: string;
  suspectWords: string;
  numbers: Record<Field, string>;
  /** The rule switches as settings (disabledRules, holdFirstComment), so isRuleOn reads them. */
  switches: Pick<ModerationSettings, "disabledRules" | "holdFirstComment">;
}

function toForm(s: ModerationSettings): FormState {
  const fields = Object.values(RULE_FIELDS).flat();
  const numbers = Object.fromEntries(
    fields.map(({ field }) => {
      const value = s[field];
      if (PERCENT_FIELDS.has(field)) return [field, thresholdToPercentText(value)];
      return [field, value === null ? "" : String(value)];
    }),
  ) as Record<Field, string>;
  return {
    bannedWords: s.bannedWords.join("\n"),
    suspectWords: s.suspectWords.join("\n"),
    numbers,
    switches: { disabledRules: [...s.disabledRules], holdFirstComment: s.holdFirstComment },
  };
}

function fromForm(f: FormState): unknown {
  const numbers = Object.values(RULE_FIELDS)
    .flat()
    .map(({ field, optional }) => {
      const text = f.numbers[field];
      if (PERCENT_FIELDS.has(field)) return [field, percentTextToThreshold(text)];
      if (text.trim() === "") return [field, optional ? null : Number.NaN];
      return [field, Number(text)];
    });
  return {
    bannedWords: f.bannedWords.split("\n"),
    suspectWords: f.suspectWords.split("\n"),
    ...Object.fromEntries(numbers),
    holdFirstComment: f.switches.holdFirstComment,
    disabledRules: f.switches.disabledRules,
  };
}

/** A settings error as a sentence naming the field as the form does. */
function issueText(path: PropertyKey[], message: string): string {
  const field = String(path[0] ?? "");
  const label = FIELD_LABELS[field] ?? (field || "Settings");
  const unit = PERCENT_FIELDS.has(field as Field) ? " (a percent from 0 to 100)" : "";
  return `${label}${unit}: ${message}`;
}

function RuleRow({
  rule,
  on,
  onSwitch,
  children,
}: {
  rule: RuleName;
  on: boolean;
  onSwitch: (on: boolean) => void;
  children?: ReactNode;
}) {
  const id = useId();
  const { title, description } = RULE_CATALOG[rule];
  return (
    <li className={on ? "rule" : "rule rule-off"} data-testid={`rule-${rule}`}>
      <div className="rule-head">
        <input
          id={`${id}-switch`}
          type="checkbox"
          role="switch"
          aria-checked={on}
          className="switch"
          checked={on}
          aria-describedby={`${id}-about`}
          onChange={(e) => onSwitch(e.target.checked)}
        />
        <label htmlFor={`${id}-switch`} className="rule-title">
          {title}
        </label>
        <span className="rule-state" aria-hidden="true">
          {on ? "On" : "Off"}
        </span>
      </div>
      <p className="subtle rule-about" id={`${id}-about`}>
        {description}
      </p>
      {children && <div className="rule-fields">{children}</div>}
    </li>
  );
}

/** An author's rules, word lists and thresholds for one publication, validated by the same schema as the server. */
/** `initialPublicationId`: the publication the form opens on (the switcher's), else the first by name. */
export function SettingsForm({
  publications,
  initialPublicationId,
}: {
  publications: PublicationSettings[];
  initialPublicationId?: number;
}) {
  const [publicationId, setPublicationId] = useState(
    publications.find((p) => p.id === initialPublicationId)?.id ?? publications[0]?.id ?? 0,
  );
  const current = publications.find((p) => p.id === publicationId);
  const [form, setForm] = useState<FormState | null>(current ? toForm(current.settings) : null);
  const [issues, setIssues] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const save = useSaveSettingsMutation();
  const rerun = useRerunRulesMutation();
  if (!current || !form) {
    return (
      <p className="empty">
        No publication yet. Import one on the <a href="/imports">Imports</a> page; its rules appear here.
      </p>
    );
  }

  const choose = (id: number) => {
    const next = publications.find((p) => p.id === id);
    setPublicationId(id);
    if (next) setForm(toForm(next.settings));
    setIssues([]);
    setMessage("");
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = moderationSettingsSchema.safeParse(fromForm(form));
    if (!parsed.success) {
      setIssues(parsed.error.issues.map((i) => issueText(i.path, i.message)));
      return;
    }
    setIssues([]);
    save.mutate(
      { publicationId, settings: parsed.data },
      {
        onSuccess: (answer) => {
          setForm(toForm(answer.settings));
          setMessage(answer.changed ? "Saved. New comments use these settings." : "Nothing changed.");
        },
      },
    );
  };
  const setNumber = (field: Field, value: string) =>
    setForm({ ...form, numbers: { ...form.numbers, [field]: value } });
  const fields = (rule: RuleName) =>
    RULE_FIELDS[rule].map((spec) => (
      <span key={spec.field} className="rule-field">
        <label htmlFor={`setting-${spec.field}`}>{spec.label}</label>
        <span className="with-unit">
          <input
            id={`setting-${spec.field}`}
            type="number"
            inputMode="decimal"
            min={spec.min}
            max={spec.max}
            step={spec.unit === "%" ? "any" : 1}
            value={form.numbers[spec.field]}
            required={!spec.optional}
            placeholder={spec.optional ? "off" : undefined}
            aria-describedby={spec.optional ? "settings-empty-hint" : undefined}
            onChange={(e) => setNumber(spec.field, e.target.value)}
          />
          <span className="unit">{spec.unit}</span>
        </span>
      </span>
    ));
  const words = (rule: "banned-words" | "suspect-words") => {
    const key = rule === "banned-words" ? "bannedWords" : "suspectWords";
    const id = rule === "banned-words" ? "banned-words" : "suspect-words";
    return (
      <span className="rule-field rule-words">
        <label htmlFor={id}>
          {rule === "banned-words" ? "Banned words" : "Suspect words"}, one per line; * matches any letters
        </label>
        <textarea
          id={id}
          rows={6}
          className="wide"
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      </span>
    );
  };

  return (
    <form className="panel settings-form" onSubmit={submit} aria-label="Moderation settings">
      {publications.length > 1 && (
        <div className="form-row">
          <label htmlFor="settings-publication">Publication</label>
          <select
            id="settings-publication"
            value={publicationId}
            onChange={(e) => choose(Number(e.target.value))}
          >
            {publications.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {current.invalidStored && (
        <p className="error" role="alert">
          The stored settings did not validate; the defaults are shown and saving replaces them.
        </p>
      )}
      <h2 id="rules-title">Rules, in the order they run</h2>
      <p className="subtle" id="settings-empty-hint">
        Scores are the scorer's, from 0% to 100%, as the queue shows them. Leave a number empty to turn that
        one check off; the switch turns the whole rule off.
      </p>
      <ul className="rule-list" aria-labelledby="rules-title">
        {RULE_NAMES.map((rule) => (
          <RuleRow
            key={rule}
            rule={rule}
            on={isRuleOn(form.switches, rule)}
            onSwitch={(on) => setForm({ ...form, switches: withRuleSwitched(form.switches, rule, on) })}
          >
            {rule === "banned-words" || rule === "suspect-words" ? words(rule) : fields(rule)}
          </RuleRow>
        ))}
      </ul>
      {issues.length > 0 && (
        <ul className="error" role="alert">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      {save.error && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          disabled={rerun.isPending}
          onClick={() =>
            rerun.mutate(publicationId, {
              onSuccess: (r) =>
                setMessage(
                  r.queued
                    ? "Re-run queued: the rules go over the undecided comments in the background; the moderation log shows what they decided."
                    : "A re-run is already queued; it will use these settings.",
                ),
            })
          }
        >
          {rerun.isPending ? "Queueing…" : "Re-run rules over existing comments"}
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          Save settings
        </button>
      </div>
      {rerun.error && (
        <p className="error" role="alert">
          {rerun.error.message}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </form>
  );
}
