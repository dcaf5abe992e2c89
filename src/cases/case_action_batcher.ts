import type { Kysely } from "kysely";
import type { Database } from "../db/database.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { CaseActionError } from "./case_action_error.ts";
import type { CaseActor } from "./case_actor.ts";
import {
  type ActionContext,
  applyCaseActions,
  type CaseActionRunner,
  type LifecycleDeps,
  lockCases,
} from "./run_case_action.ts";

/** Tuning of the batcher. */
export interface CaseActionBatcherOptions {
  /** Most actions (distinct cases) in one transaction. */
  maxBatch: number;
  /** Transactions in flight at once. */
  writers: number;
}

/** What the batcher reports after each transaction. */
export interface ActionBatchReport {
  size: number;
  ms: number;
  ok: boolean;
  /** Why the transaction failed (its actions are then run one by one). */
  error?: unknown;
}

interface Waiting {
  deps: LifecycleDeps;
  caseId: string;
  actor: CaseActor;
  now: Date;
  ruleset: CompiledRuleset;
  action: (ctx: ActionContext) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for case actions: each action waits for a transaction that it shares with the
 * actions waiting at the same moment (on distinct cases, up to `maxBatch`). The transaction locks
 * their cases in id order, runs each action as it would run alone (`applyCaseActions`: the same
 * action functions, re-planning and logs), commits, then answers each. When a batch fails (an
 * action refused, a lost connection), each of its actions is run again in a transaction of its
 * own, so a refusal fails only its own action and changes nothing. Plug it in as
 * `LifecycleDeps.actions`; every `acceptCase`, `resolveCase`… then goes through it.
 *
 * It trades latency for throughput (an action waits for the transaction in flight): for bulk
 * work such as the demo seed, not for the API.
 *
 * @example
 * ```ts ignore
 * const actions = new CaseActionBatcher(db, { maxBatch: 500, writers: 2 });
 * const deps = { db, ruleset, clock: () => new Date(), actions };
 * await Promise.all(ids.map((id) => acceptCase(deps, id, actor, {})));
 * await actions.close();
 * ```
 */
export class CaseActionBatcher implements CaseActionRunner {
  #waiting: Waiting[] = [];
  #active = 0;
  #writers = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: CaseActionBatcherOptions,
    private readonly onBatch: (report: ActionBatchReport) => void = () => {},
  ) {}

  /** Runs one action in the next shared transaction; resolves after its commit. */
  run<T>(
    deps: LifecycleDeps,
    caseId: string,
    actor: CaseActor,
    action: (ctx: ActionContext) => Promise<T>,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({
        deps,
        caseId,
        actor,
        now: deps.clock(),
        ruleset: deps.ruleset.current,
        action,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (this.#active < this.options.writers) {
        this.#active++;
        const writer: Promise<void> = this.#write().finally(() => this.#writers.delete(writer));
        this.#writers.add(writer);
      }
    });
  }

  /** Resolves when every action already submitted is answered. */
  async close(): Promise<void> {
    while (this.#writers.size > 0) await Promise.all(this.#writers);
  }

  async #write(): Promise<void> {
    // Let the actions submitted in the same turn of the event loop join the first batch.
    await new Promise((r) => setTimeout(r, 0));
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#take();
        if (!(await this.#commit(batch)) && batch.length > 1) {
          for (const one of batch) await this.#commit([one]);
        }
      }
    } finally {
      this.#active--;
    }
  }

  /** Up to `maxBatch` waiting actions on distinct cases under one ruleset, oldest first. */
  #take(): Waiting[] {
    const batch: Waiting[] = [];
    const cases = new Set<string>();
    const rest: Waiting[] = [];
    const ruleset = this.#waiting[0].ruleset;
    for (const w of this.#waiting) {
      if (batch.length < this.options.maxBatch && w.ruleset === ruleset && !cases.has(w.caseId)) {
        batch.push(w);
        cases.add(w.caseId);
      } else {
        rest.push(w);
      }
    }
    this.#waiting = rest;
    return batch;
  }

  /** One transaction for `batch`; false when it failed (a lone action is then rejected). */
  async #commit(batch: Waiting[]): Promise<boolean> {
    const started = performance.now();
    const missing: Waiting[] = [];
    try {
      const { results, after, notices } = await this.db.transaction().execute(async (trx) => {
        const locked = await lockCases(trx, batch.map((w) => w.caseId));
        const items = [];
        for (const w of batch) {
          const l = locked.get(w.caseId);
          if (!l) missing.push(w);
          else items.push({ locked: l, actor: w.actor, now: w.now, action: w.action });
        }
        return await applyCaseActions(trx, batch[0].deps, batch[0].ruleset, items);
      });
      const present = batch.filter((w) => !missing.includes(w));
      present.forEach((w, i) => w.resolve(results[i]));
      for (const w of missing) w.reject(CaseActionError.notFound(`No case ${w.caseId}`));
      for (const fn of after) fn();
      if (notices > 0) new Set(batch.map((w) => w.deps.onNotices)).forEach((fn) => fn?.());
      this.onBatch({ size: batch.length, ms: performance.now() - started, ok: true });
      return true;
    } catch (error) {
      this.onBatch({ size: batch.length, ms: performance.now() - started, ok: false, error });
      if (batch.length === 1) batch[0].reject(error);
      return false;
    }
  }
}
