/**
 * When a label is shown as uncertain. Labels carry calibrated probabilities (temperature-scaled on held-out
 * folds), so below one half the label is more likely wrong than right; the dashboards mark such labels and
 * can leave them out of the charts. A person's correction is always certain.
 */
export const UNCERTAIN_BELOW = 0.5;

export function isUncertain(probability: number | null | undefined): boolean {
  return probability !== null && probability !== undefined && probability < UNCERTAIN_BELOW;
}
