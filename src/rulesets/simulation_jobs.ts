import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import { runSimulation, type RunSimulationOptions } from "./run_simulation.ts";

/**
 * The simulations this instance is running in the background. A job runs in the instance that
 * accepted it and reports progress in its `simulations` row, so any instance can answer a poll.
 */
export class SimulationJobs {
  readonly #jobs = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: Pick<RunSimulationOptions, "pageSize"> = {},
  ) {}

  /** Starts a queued simulation in the background; its outcome lands in its row. */
  start(simulationId: string): void {
    const controller = new AbortController();
    const done = runSimulation(this.db, simulationId, {
      ...this.options,
      signal: controller.signal,
    }).finally(() => this.#jobs.delete(simulationId));
    this.#jobs.set(simulationId, { controller, done });
  }

  /** How many simulations are running here. */
  get running(): number {
    return this.#jobs.size;
  }

  /** Waits until every running simulation has finished (tests, tools). */
  async idle(): Promise<void> {
    while (this.#jobs.size > 0) await Promise.all([...this.#jobs.values()].map((j) => j.done));
  }

  /** Stops every running simulation (each is marked failed) and waits for them to end. */
  async stop(): Promise<void> {
    for (const job of this.#jobs.values()) job.controller.abort();
    await this.idle();
  }
}

const registry = new WeakMap<Kysely<Database>, SimulationJobs>();

/**
 * The simulation jobs of the instance that owns `db` (one registry per open database, so the
 * HTTP routes that start jobs and `close()` that stops them share it without more wiring).
 */
export function simulationJobs(db: Kysely<Database>): SimulationJobs {
  let jobs = registry.get(db);
  if (!jobs) {
    jobs = new SimulationJobs(db);
    registry.set(db, jobs);
  }
  return jobs;
}
