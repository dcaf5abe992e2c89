import { type Histogram, percentileMinutes } from "./histogram.ts";
import { type Counters, emptyCounters } from "./kpi_counters.ts";

/** The KPIs of one row (a unit, a matter type, a day, or everything). Rates are 0..1 or null. */
export interface Kpis {
  /** New cases (counted for the unit that first got them). */
  received: number;
  /** Lead assignments that started (new, rerouted, escalated, reassigned, reopened). */
  assigned: number;
  accepted: number;
  acceptedOnTimeRate: number | null;
  resolved: number;
  resolvedOnTimeRate: number | null;
  overdueNow: number;
  escalations: number;
  returns: number;
  /** Returns per lead assignment. */
  returnRate: number | null;
  acceptP50: number | null;
  acceptP90: number | null;
  resolveP50: number | null;
  resolveP90: number | null;
  closed: number;
  /** (satisfied + basically satisfied) / closed with feedback. */
  satisfactionRate: number | null;
  reopened: number;
  /** Assisting units' work (协办), counted apart. */
  assist: {
    assigned: number;
    accepted: number;
    acceptedOnTimeRate: number | null;
    submitted: number;
    submittedOnTimeRate: number | null;
    submitP50: number | null;
    returned: number;
    escalated: number;
  };
  /** Extensions (延期), lead and assisting together. */
  extensions: {
    requested: number;
    granted: number;
    /** Lead resolutions after at least one extension. */
    resolvedExtended: number;
    onTimeExtendedRate: number | null;
    onTimeOriginalRate: number | null;
  };
}

const rate = (part: number, whole: number) => whole > 0 ? part / whole : null;

/**
 * Derives the KPIs from summed counters and histograms.
 *
 * @example
 * ```ts
 * import { deriveKpis } from "./derive_kpis.ts";
 * import { emptyCounters } from "./kpi_counters.ts";
 * const lead = { ...emptyCounters(), accepted: 4, accepted_on_time: 3 };
 * deriveKpis({ lead }).acceptedOnTimeRate; // 0.75
 * ```
 */
export function deriveKpis(input: {
  lead?: Counters;
  assist?: Counters;
  accept?: Histogram;
  resolve?: Histogram;
  submit?: Histogram;
  overdueNow?: number;
}): Kpis {
  const l = input.lead ?? emptyCounters();
  const a = input.assist ?? emptyCounters();
  const empty = new Map<number, number>();
  const feedback = l.satisfied + l.basic + l.unsatisfied;
  return {
    received: l.received,
    assigned: l.assigned,
    accepted: l.accepted,
    acceptedOnTimeRate: rate(l.accepted_on_time, l.accepted),
    resolved: l.resolved,
    resolvedOnTimeRate: rate(l.resolved_on_time, l.resolved),
    overdueNow: input.overdueNow ?? 0,
    escalations: l.escalated,
    returns: l.returned,
    returnRate: rate(l.returned, l.assigned),
    acceptP50: percentileMinutes(input.accept ?? empty, 0.5),
    acceptP90: percentileMinutes(input.accept ?? empty, 0.9),
    resolveP50: percentileMinutes(input.resolve ?? empty, 0.5),
    resolveP90: percentileMinutes(input.resolve ?? empty, 0.9),
    closed: l.closed,
    satisfactionRate: rate(l.satisfied + l.basic, feedback),
    reopened: l.reopened,
    assist: {
      assigned: a.assigned,
      accepted: a.accepted,
      acceptedOnTimeRate: rate(a.accepted_on_time, a.accepted),
      submitted: a.submitted,
      submittedOnTimeRate: rate(a.submitted_on_time, a.submitted),
      submitP50: percentileMinutes(input.submit ?? empty, 0.5),
      returned: a.returned,
      escalated: a.escalated,
    },
    extensions: {
      requested: l.extensions_requested + a.extensions_requested,
      granted: l.extensions_granted + a.extensions_granted,
      resolvedExtended: l.resolved_extended,
      onTimeExtendedRate: rate(l.resolved_extended_on_time, l.resolved_extended),
      onTimeOriginalRate: rate(l.resolved_extended_on_time_original, l.resolved_extended),
    },
  };
}
