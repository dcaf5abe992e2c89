/**
 * The background sweep each instance runs: every `intervalMs` it fires the timers due by the
 * injected clock, batch after batch (each its own transaction), until none is left or the
 * per-round cap is reached.
 *
 * @module
 */

import { calendarGaps, describeGaps } from "./calendar_gaps.ts";
import { type SweepDeps, sweepDueTimers, type SweepReport } from "./sweep_due_timers.ts";

/** How a sweeper runs. */
export interface SweeperOptions {
  /** Between rounds (ms); 0 runs no background loop (call `sweepOnce()` yourself). */
  intervalMs: number;
  /** Most timers per transaction. */
  batchSize: number;
  /** Most batches per round, so one round never runs unbounded. */
  maxBatchesPerRound?: number;
  /**
   * Batch transactions in flight at once (default 1). With 2 on PostgreSQL, one batch's
   * database work overlaps the next one's computing; `SKIP LOCKED` keeps them apart.
   */
  concurrency?: number;
  clock: () => Date;
  /** How often to look for deadlines in uncovered years and log them (ms, default 60 s). */
  calendarCheckMs?: number;
}

/** A running sweeper. */
export interface Sweeper {
  /** One round now (waits for a round already running); the totals of its batches. */
  sweepOnce(): Promise<SweepReport>;
  /** Stops the loop and waits for the round in progress. */
  stop(): Promise<void>;
}

/**
 * Starts the sweeper loop (unless `intervalMs` is 0). Errors (the database away) are logged
 * once per outage and the next round tries again.
 *
 * @example
 * ```ts ignore
 * const sweeper = startSweeper(deps, { intervalMs: 5_000, batchSize: 500, clock: () => new Date() });
 * await sweeper.sweepOnce(); // tests drive it by hand with an injected clock
 * await sweeper.stop();
 * ```
 */
export function startSweeper(deps: SweepDeps, options: SweeperOptions): Sweeper {
  let stopped = false;
  let running: Promise<SweepReport> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failing = false;
  let lastCalendarCheck = 0;
  let lastGapText = "";
  const maxBatches = options.maxBatchesPerRound ?? 100;

  const round = async (): Promise<SweepReport> => {
    const total: SweepReport = {
      claimed: 0,
      warned: 0,
      escalated: 0,
      resumed: 0,
      breached: 0,
      obsolete: 0,
    };
    const now = options.clock();
    let batches = 0;
    let drained = false;
    const worker = async () => {
      while (!drained && !stopped && batches < maxBatches) {
        batches++;
        const report = await sweepDueTimers(deps, now, options.batchSize);
        for (const key of Object.keys(total) as (keyof SweepReport)[]) total[key] += report[key];
        if (report.claimed < options.batchSize) drained = true;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
    if (Date.now() - lastCalendarCheck >= (options.calendarCheckMs ?? 60_000)) {
      lastCalendarCheck = Date.now();
      const text = describeGaps(await calendarGaps(deps.db));
      if (text && text !== lastGapText) {
        deps.logger?.warn("holiday calendar missing", { detail: text });
      }
      lastGapText = text;
    }
    return total;
  };

  const sweepOnce = (): Promise<SweepReport> => {
    if (running) return running.then(() => sweepOnce());
    running = round().finally(() => {
      running = null;
    });
    return running;
  };

  const loop = async () => {
    if (stopped) return;
    try {
      const report = await sweepOnce();
      if (failing) deps.logger?.info("sweeper works again");
      failing = false;
      if (report.escalated || report.warned || report.resumed) {
        deps.logger?.info("sweep", { ...report });
      }
    } catch (error) {
      if (!failing) {
        deps.logger?.warn("sweep failed; retrying", {
          error: error instanceof Error ? error.message : String(error),
        });
      }
      failing = true;
    }
    if (!stopped) timer = setTimeout(loop, options.intervalMs);
  };
  if (options.intervalMs > 0) timer = setTimeout(loop, options.intervalMs);

  return {
    sweepOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
