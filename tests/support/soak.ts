/**
 * How hard the fault and load tests push: short in `npm test` (CI), long in `npm run test:soak`, which sets
 * MARGINALIA_SOAK=1. Each test prints what it measured either way.
 */
export const SOAK = process.env.MARGINALIA_SOAK === "1";

export function soakOr<T>(ci: T, soak: T): T {
  return SOAK ? soak : ci;
}

/** One line of figures, prefixed so the soak run's output can be read (and grepped) at a glance. */
export function report(name: string, figures: Record<string, string | number>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${v}`);
  process.stdout.write(`[figures] ${name}: ${parts.join(" ")}\n`);
}

/** The q-quantile (0..1) of some numbers (nearest rank). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
