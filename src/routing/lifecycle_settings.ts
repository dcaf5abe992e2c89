/**
 * The ruleset's lifecycle settings with their defaults, and the per-matter-type policies they
 * give (suspension allowance, extensions).
 *
 * @module
 */

import { type Duration, parseDuration } from "./duration.ts";
import type { ExtensionPolicy, LifecycleSettings, MatterType } from "./ruleset.ts";

/** Defaults of every lifecycle setting. */
export const LIFECYCLE_DEFAULTS = {
  warn_at: 0.8,
  max_returns: 3,
  urgent_raise_levels: 0,
  max_suspension: "P30D",
  extensions: { max_count: 1, max_length: "P7D" },
} as const;

/** An extension policy, parsed. */
export interface CompiledExtensionPolicy {
  maxCount: number;
  /** `null`: no length limit. */
  maxLength: Duration | null;
  /** The ISO text of `maxLength`, for messages. */
  maxLengthText: string | null;
}

/** Lifecycle settings, defaults filled in and durations parsed. */
export interface CompiledLifecycle {
  readonly warnAt: number;
  readonly maxReturns: number;
  readonly urgentRaiseLevels: number;
  readonly maxSuspension: Duration;
  readonly extensions: CompiledExtensionPolicy;
}

function extensionPolicy(policy: ExtensionPolicy): CompiledExtensionPolicy {
  const maxLength = policy.max_length ? parseDuration(policy.max_length) : null;
  return {
    maxCount: Math.max(0, Math.floor(policy.max_count)),
    maxLength,
    maxLengthText: maxLength ? policy.max_length! : null,
  };
}

/**
 * Fills in the defaults of `lifecycle` (warn at 80 %, 3 returns, no urgent raise, 30 days of
 * suspension, one extension of at most 7 days).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import {
 *   type CompiledExtensionPolicy, type CompiledLifecycle, compileLifecycle, extensionPolicyFor,
 *   LIFECYCLE_DEFAULTS, maxSuspensionFor,
 * } from "./lifecycle_settings.ts";
 * const lifecycle: CompiledLifecycle = compileLifecycle({ max_returns: 2 });
 * assert.equal(lifecycle.maxReturns, 2);
 * assert.equal(lifecycle.warnAt, LIFECYCLE_DEFAULTS.warn_at);
 * const type = { code: "T", category: "dispute", name_zh: "纠纷", name_en: "Dispute", owner: "U",
 *   time_limit_class: "standard", extensions: { max_count: 0 } };
 * const policy: CompiledExtensionPolicy = extensionPolicyFor(lifecycle, type);
 * assert.equal(policy.maxCount, 0);
 * assert.equal(maxSuspensionFor(lifecycle, type).days, 30);
 * ```
 */
export function compileLifecycle(lifecycle: LifecycleSettings = {}): CompiledLifecycle {
  const warnAt = lifecycle.warn_at;
  return {
    warnAt: typeof warnAt === "number" && warnAt > 0 && warnAt < 1
      ? warnAt
      : LIFECYCLE_DEFAULTS.warn_at,
    maxReturns: Number.isInteger(lifecycle.max_returns) && lifecycle.max_returns! >= 1
      ? lifecycle.max_returns!
      : LIFECYCLE_DEFAULTS.max_returns,
    urgentRaiseLevels:
      Number.isInteger(lifecycle.urgent_raise_levels) && lifecycle.urgent_raise_levels! >= 0
        ? lifecycle.urgent_raise_levels!
        : LIFECYCLE_DEFAULTS.urgent_raise_levels,
    maxSuspension: (lifecycle.max_suspension && parseDuration(lifecycle.max_suspension)) ||
      parseDuration(LIFECYCLE_DEFAULTS.max_suspension)!,
    extensions: extensionPolicy(lifecycle.extensions ?? LIFECYCLE_DEFAULTS.extensions),
  };
}

/** The most suspended time that stops the clock for cases of `type`. */
export function maxSuspensionFor(lifecycle: CompiledLifecycle, type?: MatterType): Duration {
  return (type?.max_suspension && parseDuration(type.max_suspension)) || lifecycle.maxSuspension;
}

/** The extensions cases of `type` may get. */
export function extensionPolicyFor(
  lifecycle: CompiledLifecycle,
  type?: MatterType,
): CompiledExtensionPolicy {
  return type?.extensions ? extensionPolicy(type.extensions) : lifecycle.extensions;
}
