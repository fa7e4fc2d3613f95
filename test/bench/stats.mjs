// Small, exact statistics for the bench: medians and percentiles of sorted samples.
export function percentile(samples, fraction) {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index];
}

export const median = (samples) => percentile(samples, 0.5);

export const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
