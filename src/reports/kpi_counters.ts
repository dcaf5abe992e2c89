/** The counters of `kpi_daily`, one per measure (see the rollup migration). */
export const COUNTER_NAMES = [
  "received",
  "assigned",
  "accepted",
  "accepted_on_time",
  "resolved",
  "resolved_on_time",
  "resolved_on_time_original",
  "resolved_extended",
  "resolved_extended_on_time",
  "resolved_extended_on_time_original",
  "submitted",
  "submitted_on_time",
  "returned",
  "escalated",
  "closed",
  "satisfied",
  "basic",
  "unsatisfied",
  "reopened",
  "extensions_requested",
  "extensions_granted",
] as const;

/** One counter's name. */
export type CounterName = typeof COUNTER_NAMES[number];

/** Summed counters. */
export type Counters = Record<CounterName, number>;

/** All zero. */
export function emptyCounters(): Counters {
  return Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Counters;
}
