"use client";
import { type FormEvent, useState } from "react";
import { useRerunRulesMutation, useSaveSettingsMutation } from "@/lib/client/use-settings-mutation";
import { type ModerationSettings, moderationSettingsSchema } from "@/lib/moderation/settings";
import { RULE_NAMES, type RuleName } from "@/lib/moderation/types";
import type { PublicationSettings } from "@/lib/schemas/moderation-settings";

type NumberField =
  | "hostilityHoldThreshold"
  | "identityAttackHoldThreshold"
  | "insultFlagThreshold"
  | "threatHoldThreshold"
  | "maxLinks"
  | "repeatTextMinCount";

const OPTIONAL_NUMBERS: { field: NumberField; label: string; step: string; max: number }[] = [
  { field: "hostilityHoldThreshold", label: "Hold at hostility (0–1)", step: "0.05", max: 1 },
  { field: "identityAttackHoldThreshold", label: "Hold at identity attack (0–1)", step: "0.05", max: 1 },
  { field: "threatHoldThreshold", label: "Hold at threat (0–1)", step: "0.05", max: 1 },
  { field: "insultFlagThreshold", label: "Flag at insult (0–1)", step: "0.05", max: 1 },
  { field: "maxLinks", label: "Hold above this many links", step: "1", max: 100 },
  { field: "repeatTextMinCount", label: "Hold text posted this many times", step: "1", max: 100 },
];

interface FormState {
  bannedWords: string;
  suspectWords: string;
  numbers: Record<NumberField, string>;
  holdFirstComment: boolean;
  newCommenterCommentCount: string;
  repeatTextWindowHours: string;
  repeatTextMinLength: string;
  disabledRules: RuleName[];
}

function toForm(s: ModerationSettings): FormState {
  const numbers = Object.fromEntries(
    OPTIONAL_NUMBERS.map(({ field }) => [field, s[field] === null ? "" : String(s[field])]),
  ) as Record<NumberField, string>;
  return {
    bannedWords: s.bannedWords.join("\n"),
    suspectWords: s.suspectWords.join("\n"),
    numbers,
    holdFirstComment: s.holdFirstComment,
    newCommenterCommentCount: String(s.newCommenterCommentCount),
    repeatTextWindowHours: String(s.repeatTextWindowHours),
    repeatTextMinLength: String(s.repeatTextMinLength),
    disabledRules: [...s.disabledRules],
  };
}

function fromForm(f: FormState): unknown {
  const lines = (text: string) => text.split("\n");
  const optional = (text: string) => (text.trim() === "" ? null : Number(text));
  return {
    bannedWords: lines(f.bannedWords),
    suspectWords: lines(f.suspectWords),
    ...Object.fromEntries(OPTIONAL_NUMBERS.map(({ field }) => [field, optional(f.numbers[field])])),
    holdFirstComment: f.holdFirstComment,
    newCommenterCommentCount: Number(f.newCommenterCommentCount),
    repeatTextWindowHours: Number(f.repeatTextWindowHours),
    repeatTextMinLength: Number(f.repeatTextMinLength),
    disabledRules: f.disabledRules,
  };
}

/** An author's word lists and thresholds for one publication, validated by the same schema as the server. */
export function SettingsForm({ publications }: { publications: PublicationSettings[] }) {
  const [publicationId, setPublicationId] = useState(publications[0]?.id ?? 0);
  const current = publications.find((p) => p.id === publicationId);
  const [form, setForm] = useState<FormState | null>(current ? toForm(current.settings) : null);
  const [issues, setIssues] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const save = useSaveSettingsMutation();
  const rerun = useRerunRulesMutation();
  if (!current || !form) return <p className="empty">No publication yet: import one first.</p>;

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
      setIssues(parsed.error.issues.map((i) => `${i.path.join(".") || "settings"}: ${i.message}`));
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
  const toggleRule = (rule: RuleName) =>
    setForm({
      ...form,
      disabledRules: form.disabledRules.includes(rule)
        ? form.disabledRules.filter((r) => r !== rule)
        : [...form.disabledRules, rule],
    });

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
      <div className="grid">
        <div className="form-row">
          <label htmlFor="banned-words">Banned words (reject), one per line; * matches any letters</label>
          <textarea
            id="banned-words"
            rows={8}
            className="wide"
            value={form.bannedWords}
            onChange={(e) => setForm({ ...form, bannedWords: e.target.value })}
          />
        </div>
        <div className="form-row">
          <label htmlFor="suspect-words">Suspect words (flag for a look), one per line</label>
          <textarea
            id="suspect-words"
            rows={8}
            className="wide"
            value={form.suspectWords}
            onChange={(e) => setForm({ ...form, suspectWords: e.target.value })}
          />
        </div>
      </div>
      <fieldset className="settings-numbers">
        <legend>Thresholds (leave empty to turn a check off)</legend>
        {OPTIONAL_NUMBERS.map(({ field, label, step, max }) => (
          <div key={field}>
            <label htmlFor={`setting-${field}`}>{label}</label>
            <input
              id={`setting-${field}`}
              type="number"
              min={0}
              max={max}
              step={step}
              value={form.numbers[field]}
              onChange={(e) => setForm({ ...form, numbers: { ...form.numbers, [field]: e.target.value } })}
            />
          </div>
        ))}
        <div>
          <label htmlFor="setting-window">Repeat window (hours)</label>
          <input
            id="setting-window"
            type="number"
            min={1}
            step="1"
            value={form.repeatTextWindowHours}
            onChange={(e) => setForm({ ...form, repeatTextWindowHours: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="setting-min-length">Shortest text counted as a repeat</label>
          <input
            id="setting-min-length"
            type="number"
            min={0}
            step="1"
            value={form.repeatTextMinLength}
            onChange={(e) => setForm({ ...form, repeatTextMinLength: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor="setting-new-count">New commenter: fewer prior comments than</label>
          <input
            id="setting-new-count"
            type="number"
            min={1}
            step="1"
            value={form.newCommenterCommentCount}
            onChange={(e) => setForm({ ...form, newCommenterCommentCount: e.target.value })}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.holdFirstComment}
            onChange={(e) => setForm({ ...form, holdFirstComment: e.target.checked })}
          />{" "}
          Hold new commenters' first comments
        </label>
      </fieldset>
      <fieldset className="settings-rules">
        <legend>Rules turned off</legend>
        {RULE_NAMES.map((rule) => (
          <label key={rule} className="checkbox">
            <input
              type="checkbox"
              checked={form.disabledRules.includes(rule)}
              onChange={() => toggleRule(rule)}
            />{" "}
            {rule}
          </label>
        ))}
      </fieldset>
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
                setMessage(`Re-ran the rules over ${r.checked} undecided comment(s); ${r.decided} changed.`),
            })
          }
        >
          {rerun.isPending ? "Re-running…" : "Re-run rules over existing comments"}
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
