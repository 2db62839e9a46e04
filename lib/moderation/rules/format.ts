/**
 * Scores and thresholds in rule details, as whole percents like everywhere else ("threat 93% ≥ 60%"); a
 * threshold set between whole percents keeps its decimal. Not locale-formatted: details are stored text.
 */
export function formatScore(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
