/**
 * The statistics the bench reports: medians of rounds and percentiles of samples.
 */

/**
 * The value at quantile `q` (0 to 1) of the samples, by nearest rank: `quantile(xs, 0.5)` is
 * the median (the upper one for an even count), `quantile(xs, 0.99)` the p99.
 *
 * @param samples - the values, in any order; not modified.
 * @param q - the quantile, from 0 to 1.
 * @returns the value, or `NaN` when there are no samples.
 * @example
 * ```ts
 * quantile([3, 1, 2], 0.5); // 2
 * ```
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return q === 0.5 ? (sorted[sorted.length >> 1] ?? NaN) : (sorted[rank] ?? NaN);
}

/**
 * The median of the samples (the upper one for an even count).
 *
 * @param samples - the values.
 * @returns the median, or `NaN` when there are none.
 */
export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}
