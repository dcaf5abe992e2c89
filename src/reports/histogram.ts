/**
 * Time-to-accept and time-to-resolve are kept as histograms in the rollups (`kpi_daily`'s
 * columns `accept_b1` … `resolve_b35`): fixed buckets of minutes, one count per bucket per rollup
 * row. Percentiles come from the summed
 * histogram.
 *
 * **Precision:** a percentile is reported as the upper edge of the bucket that holds its rank,
 * so it is never below the true value and above it by at most that bucket's width: 5 minutes
 * up to 20 minutes, then steps of at most half the lower edge (45→60 min, 2→2.5 h, 1→1.25 d,
 * 2→2.5 d, 7→10 d, 21→30 d). Beyond 30 days the answer is "more than 30 days" (`Infinity`).
 *
 * @module
 */

/** Upper edges (inclusive) of buckets 1..34, in minutes; bucket 35 is everything above. */
export const BUCKET_EDGES_MINUTES: readonly number[] = [
  5,
  10,
  15,
  20,
  30,
  45,
  60,
  75,
  90,
  120,
  150,
  180,
  240,
  300,
  360,
  480,
  600,
  720,
  960,
  1200,
  1440,
  1800,
  2160,
  2880,
  3600,
  4320,
  5760,
  7200,
  8640,
  10080,
  14400,
  20160,
  30240,
  43200,
];

/** Counts by bucket number (1-based, as stored). */
export type Histogram = Map<number, number>;

/**
 * The `p` percentile (0 < p ≤ 1) in minutes: the upper edge of the bucket holding the
 * ceil(p·n)-th smallest value; null for an empty histogram, `Infinity` past the last edge.
 *
 * @example
 * ```ts
 * import { percentileMinutes } from "./histogram.ts";
 * // 30, 60 and 90 minutes fall in the buckets ending at 30, 60 and 90.
 * const h = new Map([[5, 1], [7, 1], [9, 1]]);
 * percentileMinutes(h, 0.5); // 60
 * percentileMinutes(h, 0.9); // 90
 * percentileMinutes(new Map(), 0.5); // null
 * ```
 */
export function percentileMinutes(histogram: Histogram, p: number): number | null {
  let total = 0;
  for (const n of histogram.values()) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bucket)!;
    if (seen >= rank) return BUCKET_EDGES_MINUTES[bucket - 1] ?? Infinity;
  }
  return Infinity;
}

/** Adds `other` into `into`. */
export function addHistogram(into: Histogram, other: Histogram): Histogram {
  for (const [bucket, n] of other) into.set(bucket, (into.get(bucket) ?? 0) + n);
  return into;
}
