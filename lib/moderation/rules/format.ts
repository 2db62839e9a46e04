/**
 * Scores and thresholds in rule details, as whole percents like everywhere else in the app ("threat 93% ≥
 * 60%"). Not locale-formatted: details are stored text.
 */
export function formatScore(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
