/**
 * How suspensions (挂起) stop the clock: each suspension pauses every limit of the case, until
 * the case's suspension allowance (the matter type's `max_suspension`) is used up; after that
 * the clock runs again even while the case stays suspended. Pure.
 *
 * @module
 */

import type { Pause } from "./deadline.ts";

/** A suspension as stored: when it began and, once resumed, when it ended. */
export interface SuspensionSpan {
  suspended_at: Date;
  resumed_at: Date | null;
  /** When a suspension still open is set to resume by itself, if it is. */
  resume_at?: Date | null;
}

/**
 * The pauses suspensions give, oldest first, together at most `allowanceMs` long. A suspension
 * still open is counted as lasting until its `resume_at`, or else until its share of the
 * allowance runs out, so deadlines stay finite: they are what they will be if nobody resumes
 * the case by hand.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { effectivePauses, type SuspensionSpan } from "./effective_pauses.ts";
 * const day = 86_400_000;
 * const spans: SuspensionSpan[] = [
 *   { suspended_at: new Date(0), resumed_at: new Date(2 * day) },
 *   { suspended_at: new Date(5 * day), resumed_at: null },
 * ];
 * // An allowance of 3 days: 2 days for the first, the last day for the one still open.
 * assert.deepEqual(effectivePauses(spans, 3 * day).map((p) => [p.from.getTime(), p.to.getTime()]), [
 *   [0, 2 * day],
 *   [5 * day, 6 * day],
 * ]);
 * ```
 */
export function effectivePauses(spans: readonly SuspensionSpan[], allowanceMs: number): Pause[] {
  const sorted = [...spans].sort((a, b) => a.suspended_at.getTime() - b.suspended_at.getTime());
  const pauses: Pause[] = [];
  let left = Math.max(0, allowanceMs);
  for (const span of sorted) {
    if (left <= 0) break;
    const from = span.suspended_at.getTime();
    const end = span.resumed_at ?? span.resume_at ?? null;
    const length = end ? Math.max(0, end.getTime() - from) : Infinity;
    const counted = Math.min(length, left);
    if (counted <= 0) continue;
    pauses.push({ from: new Date(from), to: new Date(from + counted) });
    left -= counted;
  }
  return pauses;
}
