/** Scores in rule details: two decimals, enough to compare with a threshold. */
export function formatScore(value: number): string {
  return value.toFixed(2);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
