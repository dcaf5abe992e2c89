/**
 * Counting what a simulated ruleset would change, case by case, in constant memory per owner
 * pair (never per case).
 *
 * @module
 */

/** Cases that would move from one owner to another. */
export interface SimulationMove {
  from: string;
  to: string;
  count: number;
  /** The first few cases (in replay order) that would move so. */
  sample_case_ids: string[];
}

/** How the load of one unit would change over the period. */
export interface UnitLoadChange {
  unit: string;
  /** Cases of the period it owns under the baseline. */
  before: number;
  /** Cases of the period it would own under the draft. */
  after: number;
  gained: number;
  lost: number;
  /** `after - before` (= gained - lost). */
  net: number;
}

/** The counts of a simulation. */
export interface SimulationCounts {
  cases: number;
  moved: number;
  unchanged: number;
  /** Most moved first. */
  moves: SimulationMove[];
  /** Units that gain or lose cases; biggest net change first. */
  load: UnitLoadChange[];
}

/**
 * Accumulates owner changes: one `add()` per replayed case, then `counts()`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SimulationTally } from "./simulation_tally.ts";
 * const tally = new SimulationTally(2);
 * tally.add("c1", "YG-MZJ", "YG-SFJ");
 * tally.add("c2", "YG-MZJ", "YG-SFJ");
 * tally.add("c3", "YG-MZJ", "YG-SFJ");
 * tally.add("c4", "YG-ZFW", "YG-ZFW");
 * const counts = tally.counts();
 * assert.deepEqual(counts.moves, [
 *   { from: "YG-MZJ", to: "YG-SFJ", count: 3, sample_case_ids: ["c1", "c2"] },
 * ]);
 * assert.deepEqual(counts.load.map((l) => [l.unit, l.net]), [["YG-MZJ", -3], ["YG-SFJ", 3]]);
 * assert.equal(counts.unchanged, 1);
 * ```
 */
export class SimulationTally {
  readonly #samples: number;
  readonly #moves = new Map<string, SimulationMove>();
  readonly #before = new Map<string, number>();
  readonly #after = new Map<string, number>();
  #cases = 0;
  #moved = 0;

  /** `samples`: how many case ids to keep per move. */
  constructor(samples = 5) {
    this.#samples = samples;
  }

  /** Cases counted so far. */
  get cases(): number {
    return this.#cases;
  }

  /** Counts one case: its owner under the baseline and under the draft. */
  add(caseId: string, from: string, to: string): void {
    this.#cases++;
    this.#before.set(from, (this.#before.get(from) ?? 0) + 1);
    this.#after.set(to, (this.#after.get(to) ?? 0) + 1);
    if (from === to) return;
    this.#moved++;
    const key = `${from}\u0000${to}`;
    let move = this.#moves.get(key);
    if (!move) {
      move = { from, to, count: 0, sample_case_ids: [] };
      this.#moves.set(key, move);
    }
    move.count++;
    if (move.sample_case_ids.length < this.#samples) move.sample_case_ids.push(caseId);
  }

  /** The counts so far. */
  counts(): SimulationCounts {
    const moves = [...this.#moves.values()]
      .map((move) => ({ ...move, sample_case_ids: [...move.sample_case_ids] }))
      .sort((a, b) => b.count - a.count || compare(a.from, b.from) || compare(a.to, b.to));
    const gained = new Map<string, number>();
    const lost = new Map<string, number>();
    for (const move of moves) {
      lost.set(move.from, (lost.get(move.from) ?? 0) + move.count);
      gained.set(move.to, (gained.get(move.to) ?? 0) + move.count);
    }
    const load = [...new Set([...gained.keys(), ...lost.keys()])]
      .map((unit) => {
        const before = this.#before.get(unit) ?? 0;
        const after = this.#after.get(unit) ?? 0;
        return {
          unit,
          before,
          after,
          gained: gained.get(unit) ?? 0,
          lost: lost.get(unit) ?? 0,
          net: after - before,
        };
      })
      .sort((a, b) =>
        Math.abs(b.net) - Math.abs(a.net) || a.net - b.net || compare(a.unit, b.unit)
      );
    return {
      cases: this.#cases,
      moved: this.#moved,
      unchanged: this.#cases - this.#moved,
      moves,
      load,
    };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
