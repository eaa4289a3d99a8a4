// Figures the benches print: one definition, so every bench's p95 means the same.

/** The 95th percentile by nearest rank (the value below which 95 % of the samples lie). */
export function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * 0.95) - 1))]!;
}
