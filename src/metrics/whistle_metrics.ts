/**
 * Whistle's Prometheus metrics, on a registry of their own (no default process metrics: under
 * Deno prom-client's `collectDefaultMetrics` reports wrong values).
 *
 * @module
 */

import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { IntakeObserver } from "../cases/receive_case.ts";
import type { NewCase } from "../cases/new_case.ts";
import type { DeliveryOutcome, LifecycleMetrics } from "../observability/lifecycle_metrics.ts";

/** Connections of a database pool (PostgreSQL through node-postgres). */
export interface PoolStats {
  /** Open connections, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

/** What the scrape reads from the running service. */
export interface MetricsSources {
  /** Cases waiting in the intake queue. */
  queueDepth(): number;
  /** The active ruleset version of this instance. */
  rulesetVersion(): number;
  /** The database pool's connections, or `null` when there is no pool (PGlite, postgres.js). */
  poolStats(): PoolStats | null;
}

/** Most distinct values one label keeps; further values are counted as `other`. */
const MAX_LABEL_VALUES = 200;

/**
 * Every metric Whistle exports, and the recorders that move them. One instance per service
 * (tests get their own, so counters never leak between tests).
 *
 * - `whistle_intake_cases_total{source,channel,outcome}`: cases posted, by outcome `created`,
 *   `existing` (a retry) or `refused` (unknown matter type, intake unavailable);
 * - `whistle_decision_seconds`: time of one routing decision (`decide()`);
 * - `whistle_http_request_duration_seconds{method,route,status}`: by the matched route
 *   pattern (never the raw path);
 * - `whistle_intake_queue_depth` (read at scrape), `whistle_intake_batch_size` and
 *   `whistle_intake_batch_seconds` (per group-commit transaction), `whistle_intake_batch_failures_total`;
 * - `whistle_warnings_total{unit}`, `whistle_escalations_total{unit,limit}`,
 *   `whistle_webhook_deliveries_total{outcome}` (see {@link LifecycleMetrics});
 * - `whistle_ruleset_active_version`; `whistle_db_pool_connections{state}` (PostgreSQL + `pg`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { WhistleMetrics } from "./whistle_metrics.ts";
 * const metrics = new WhistleMetrics({
 *   queueDepth: () => 0, rulesetVersion: () => 3, poolStats: () => null,
 * });
 * metrics.escalation("YG-MZJ", "resolve");
 * const text = await metrics.text();
 * assert.match(text, /whistle_escalations_total\{unit="YG-MZJ",limit="resolve"\} 1/);
 * assert.match(text, /whistle_ruleset_active_version 3/);
 * ```
 */
export class WhistleMetrics implements IntakeObserver, LifecycleMetrics {
  /** The registry `/metrics` renders. */
  readonly registry: Registry = new Registry();
  readonly #labels = new Map<string, Set<string>>();
  readonly #intake: Counter<"source" | "channel" | "outcome">;
  readonly #decision: Histogram;
  readonly #http: Histogram<"method" | "route" | "status">;
  readonly #batchSize: Histogram;
  readonly #batchSeconds: Histogram;
  readonly #batchFailures: Counter;
  readonly #warnings: Counter<"unit">;
  readonly #escalations: Counter<"unit" | "limit">;
  readonly #deliveries: Counter<"outcome">;

  constructor(sources: MetricsSources) {
    const registers = [this.registry];
    this.#intake = new Counter({
      name: "whistle_intake_cases_total",
      help: "Cases posted to intake, by source, channel and outcome (created, existing, refused)",
      labelNames: ["source", "channel", "outcome"],
      registers,
    });
    this.#decision = new Histogram({
      name: "whistle_decision_seconds",
      help: "Time of one routing decision",
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1],
      registers,
    });
    this.#http = new Histogram({
      name: "whistle_http_request_duration_seconds",
      help: "HTTP request duration, by method, matched route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    new Gauge({
      name: "whistle_intake_queue_depth",
      help: "Cases waiting in the intake write queue",
      registers,
      collect() {
        this.set(sources.queueDepth());
      },
    });
    this.#batchSize = new Histogram({
      name: "whistle_intake_batch_size",
      help: "Cases per intake transaction (group commit)",
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
      registers,
    });
    this.#batchSeconds = new Histogram({
      name: "whistle_intake_batch_seconds",
      help: "Duration of one intake transaction",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    });
    this.#batchFailures = new Counter({
      name: "whistle_intake_batch_failures_total",
      help: "Intake transactions that failed (each of their cases was answered 503)",
      registers,
    });
    this.#warnings = new Counter({
      name: "whistle_warnings_total",
      help: "Deadline warnings raised, by owning unit",
      labelNames: ["unit"],
      registers,
    });
    this.#escalations = new Counter({
      name: "whistle_escalations_total",
      help: "Cases escalated past a limit, by the unit they left and the limit (accept, resolve)",
      labelNames: ["unit", "limit"],
      registers,
    });
    this.#deliveries = new Counter({
      name: "whistle_webhook_deliveries_total",
      help: "Webhook delivery attempts, by outcome",
      labelNames: ["outcome"],
      registers,
    });
    new Gauge({
      name: "whistle_ruleset_active_version",
      help: "The ruleset version this instance routes with",
      registers,
      collect() {
        this.set(sources.rulesetVersion());
      },
    });
    new Gauge({
      name: "whistle_db_pool_connections",
      help: "Database pool connections by state (total, idle, waiting); PostgreSQL with pg only",
      labelNames: ["state"],
      registers,
      collect() {
        const stats = sources.poolStats();
        if (!stats) return;
        this.set({ state: "total" }, stats.total);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "waiting" }, stats.waiting);
      },
    });
  }

  /** The content type of {@link text}. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text format (what `/metrics` answers). */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** {@link IntakeObserver}: one decision took `seconds`. */
  decided(seconds: number): void {
    this.#decision.observe(seconds);
  }

  /** {@link IntakeObserver}: what became of a posted case. */
  received(input: NewCase, outcome: "created" | "existing" | "refused"): void {
    this.#intake.inc({
      source: this.#bounded("source", input.source),
      channel: this.#bounded("channel", input.channel),
      outcome,
    });
  }

  /** One HTTP request ended; `route` is the matched pattern. */
  request(method: string, route: string, status: number, seconds: number): void {
    this.#http.observe(
      { method, route: this.#bounded("route", route), status: String(status) },
      seconds,
    );
  }

  /** One intake transaction ended (the queue's `onBatch` report). */
  batch(report: { size: number; ms: number; ok: boolean }): void {
    this.#batchSize.observe(report.size);
    this.#batchSeconds.observe(report.ms / 1000);
    if (!report.ok) this.#batchFailures.inc();
  }

  /** {@link LifecycleMetrics.warning} */
  warning(unit: string): void {
    this.#warnings.inc({ unit: this.#bounded("unit", unit) });
  }

  /** {@link LifecycleMetrics.escalation} */
  escalation(unit: string, limit: "accept" | "resolve"): void {
    this.#escalations.inc({ unit: this.#bounded("unit", unit), limit });
  }

  /** {@link LifecycleMetrics.webhookDelivery} */
  webhookDelivery(outcome: DeliveryOutcome): void {
    this.#deliveries.inc({ outcome });
  }

  /**
   * The value as a label, or `other` once the label has {@link MAX_LABEL_VALUES} values: sources
   * and channels come from callers, and an unbounded label would grow the scrape without limit.
   */
  #bounded(label: string, value: string): string {
    let seen = this.#labels.get(label);
    if (!seen) this.#labels.set(label, seen = new Set());
    if (seen.has(value)) return value;
    if (seen.size >= MAX_LABEL_VALUES) return "other";
    seen.add(value);
    return value;
  }
}
