import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import { IntakeUnavailableError } from "./intake_errors.ts";
import type { IntakeItem, IntakeOutcome } from "./intake_item.ts";
import { writeIntakeBatch } from "./write_intake_batch.ts";

/** Tuning of the group commit. */
export interface IntakeQueueOptions {
  /** Most cases in one transaction. */
  maxBatch: number;
  /** How long an idle writer waits for company before it writes (ms); 0 writes at once. */
  maxWaitMs: number;
  /** Most cases waiting; beyond it intake answers 503 with Retry-After. */
  maxPending: number;
  /**
   * Transactions in flight at once (default 1). With 2, one writer inserts its cases while the
   * other holds the decision-log chain lock through its commit; the chain itself stays serial.
   */
  writers?: number;
  /** The webhook URL of a unit, when it has one (new cases notify their units). */
  webhookUrl?: (unit: string) => string | undefined;
}

/** What the queue reports after each transaction (for metrics and logs). */
export interface BatchReport {
  size: number;
  ms: number;
  ok: boolean;
  error?: unknown;
}

interface Waiting {
  item: IntakeItem;
  resolve: (outcome: IntakeOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * The intake write path: group commit. A request submits its routed case and awaits a promise;
 * one writer takes everything waiting (up to `maxBatch`), stores it in one transaction, then
 * answers each. Requests that arrive while a transaction is in flight share the next one. A
 * failed transaction rejects each of its requests, so a failure is never a silent 2xx.
 *
 * @example
 * ```ts ignore
 * const queue = new IntakeQueue(db, { maxBatch: 500, maxWaitMs: 0, maxPending: 10_000 });
 * const outcome = await queue.submit(item); // resolves after commit
 * await queue.close(); // on shutdown: refuse new items, write what waits
 * ```
 */
export class IntakeQueue {
  #waiting: Waiting[] = [];
  /** Writers between start and the synchronous end of their loop (decides whether to start one). */
  #active = 0;
  /** Writers not yet settled (what close() waits for). */
  #writers = new Set<Promise<void>>();
  #closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: IntakeQueueOptions,
    private readonly onBatch: (report: BatchReport) => void = () => {},
  ) {}

  /** Cases waiting for a transaction. */
  get depth(): number {
    return this.#waiting.length;
  }

  /** False once {@link close} was called. */
  get accepting(): boolean {
    return !this.#closed;
  }

  /** Stores one routed case; resolves once it is committed. */
  submit(item: IntakeItem): Promise<IntakeOutcome> {
    if (this.#closed) {
      return Promise.reject(new IntakeUnavailableError("Whistle is shutting down", 5));
    }
    if (this.#waiting.length >= this.options.maxPending) {
      return Promise.reject(
        new IntakeUnavailableError(
          `Intake queue is full (${this.options.maxPending} cases waiting)`,
          1,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      if (this.#active < (this.options.writers ?? 1)) {
        this.#active++;
        const writer: Promise<void> = this.#write().finally(() => this.#writers.delete(writer));
        this.#writers.add(writer);
      }
    });
  }

  /** Refuses new cases and resolves when everything already submitted is answered. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#writers.size > 0) await Promise.all(this.#writers);
  }

  async #write(): Promise<void> {
    if (this.options.maxWaitMs > 0) {
      await new Promise((r) => setTimeout(r, this.options.maxWaitMs));
    } else {
      await Promise.resolve();
    }
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.options.maxBatch);
        const started = performance.now();
        try {
          // One atomic statement: no BEGIN/COMMIT round trips (see storeNewCases).
          const outcomes = await writeIntakeBatch(this.db, batch.map((w) => w.item), {
            webhookUrl: this.options.webhookUrl,
          });
          batch.forEach((w, i) => w.resolve(outcomes[i]));
          this.onBatch({ size: batch.length, ms: performance.now() - started, ok: true });
        } catch (error) {
          const failure = new IntakeUnavailableError(
            "The case could not be stored (database unavailable). Retry with the same source and external_id: a retry never creates a second case.",
            2,
            { cause: error },
          );
          batch.forEach((w) => w.reject(failure));
          this.onBatch({ size: batch.length, ms: performance.now() - started, ok: false, error });
        }
      }
    } finally {
      // Synchronously after the last look at the queue: a case submitted from now on starts a
      // writer of its own instead of waiting for this one.
      this.#active--;
    }
  }
}
