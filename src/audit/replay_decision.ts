import type { Queryable } from "../db/database.ts";
import { decide } from "../routing/decide.ts";
import type { CaseFacts } from "../routing/facts.ts";
import { CompiledVersionCache } from "./compiled_version_cache.ts";
import { findDecision } from "./find_decision.ts";

/** The parts of a routing decision a replay compares. */
export interface ReplaySummary {
  owner: unknown;
  list_owner: unknown;
  fallback: unknown;
  priority: unknown;
  /** Names of the matched rules, in the order the decision lists them. */
  matched_rules: string[];
  deadlines: { accept_by: unknown; resolve_by: unknown };
  /** Assisting units (协办), in order; `null` when the entry predates joint handling. */
  assisting: string[] | null;
}

/** One field where the replay disagrees with the log. */
export interface ReplayDifference {
  /**
   * `owner`, `list_owner`, `fallback`, `priority`, `matched_rules`, `assisting`,
   * `deadlines.accept_by`, `deadlines.resolve_by` or `ruleset_hash`.
   */
  field: string;
  logged: unknown;
  replayed: unknown;
}

/** What a replay found. */
export type ReplayOutcome =
  | {
    status: "replayed";
    seq: number;
    kind: string;
    /** True when every compared field is equal. */
    same: boolean;
    ruleset: { version: number; hash: string };
    /** The decision time used as `now`: the entry's `created_at`. */
    now: string;
    /** Units passed to `decide()` as excluded (from the logged `exclude`). */
    exclude: string[];
    logged: ReplaySummary;
    replayed: ReplaySummary;
    differences: ReplayDifference[];
  }
  | { status: "not_found" }
  /** The entry is not a routing decision, or what replaying needs is gone; `reason` says which. */
  | { status: "not_replayable"; kind: string; reason: string };

/** Kinds whose entries are outputs of `decide()` and can be run again. */
export const REPLAYABLE_KINDS: readonly string[] = ["route", "reroute"];

const defaultCache = new CompiledVersionCache(8);

function strings(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : null;
}

function assistingUnits(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((a) =>
    a !== null && typeof a === "object" && "unit" in a ? String(a.unit) : String(a)
  );
}

function ruleNames(rules: readonly unknown[]): string[] {
  return rules.map((rule) =>
    rule !== null && typeof rule === "object" && "name" in rule ? String(rule.name) : ""
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs a logged routing decision again and says whether it comes out the same: the logged
 * ruleset version is loaded from `ruleset_versions` and compiled (the last few are cached),
 * and `decide()` gets the logged facts, the logged decision time (`created_at`) as `now`, and
 * the logged `exclude` list (`facts.exclude`, else `outcome.exclude`: the units a reroute passed
 * over). Compared: owner, list owner, fallback, priority, the matched rule names in order, the
 * assisting units, both deadlines, and the version's content hash against the logged one. The
 * reason text is not compared: its wording belongs to the code, not to the rules.
 *
 * Entries that are not routing decisions (`publish`, `escalate`, `override`, a reroute that
 * only records an assisting unit leaving or the return limit sending the case to manual
 * dispatch) are `not_replayable`, as is one whose ruleset version is missing or no longer
 * compiles.
 *
 * @example
 * ```ts ignore
 * const outcome = await replayDecision(db, 42);
 * if (outcome.status === "replayed" && !outcome.same) console.log(outcome.differences);
 * ```
 */
export async function replayDecision(
  db: Queryable,
  seq: number,
  options: { cache?: CompiledVersionCache } = {},
): Promise<ReplayOutcome> {
  const entry = await findDecision(db, seq);
  if (!entry) return { status: "not_found" };
  const notReplayable = (reason: string): ReplayOutcome => ({
    status: "not_replayable",
    kind: entry.kind,
    reason,
  });
  if (!REPLAYABLE_KINDS.includes(entry.kind)) {
    return notReplayable(
      `Entry ${seq} is a ${entry.kind}, not a routing decision; only ${
        REPLAYABLE_KINDS.join(" and ")
      } entries can be replayed`,
    );
  }
  if (entry.ruleset_version === null) {
    return notReplayable(`Entry ${seq} names no ruleset version`);
  }
  if (typeof entry.facts.type !== "string") {
    return notReplayable(`Entry ${seq} has no matter type in its facts`);
  }
  const compiled = await (options.cache ?? defaultCache).get(db, entry.ruleset_version);
  if (compiled.status === "not_found") {
    return notReplayable(`Ruleset version ${entry.ruleset_version} is not stored`);
  }
  if (compiled.status === "not_compilable") {
    return notReplayable(
      `Ruleset version ${entry.ruleset_version} no longer compiles: ${compiled.error}`,
    );
  }
  const ruleset = compiled.ruleset;
  // A reroute is a decide() output only when the case was routed again: not when an assisting
  // unit left (no deadlines logged), nor when the return limit sent it to manual dispatch.
  if (entry.kind === "reroute" && entry.outcome.deadlines === undefined) {
    return notReplayable(
      `Entry ${seq} records an assisting unit leaving the case; the case was not routed again`,
    );
  }
  const returns = entry.outcome.returns;
  const maxReturns = ruleset.lifecycle?.maxReturns;
  if (
    entry.kind === "reroute" && typeof returns === "number" && typeof maxReturns === "number" &&
    returns >= maxReturns
  ) {
    return notReplayable(
      `Entry ${seq} sent the case to manual dispatch after ${returns} returns (the ruleset's ` +
        `limit is ${maxReturns}); decide() did not choose its owner`,
    );
  }
  const exclude = strings(entry.facts.exclude) ?? strings(entry.outcome.exclude) ?? [];
  const decision = await decide(
    ruleset,
    entry.facts as unknown as CaseFacts,
    entry.created_at,
    { exclude },
  );

  const deadlines = (entry.outcome.deadlines ?? {}) as Record<string, unknown>;
  const logged: ReplaySummary = {
    owner: entry.outcome.owner,
    list_owner: entry.outcome.list_owner,
    fallback: entry.outcome.fallback,
    priority: entry.outcome.priority,
    matched_rules: ruleNames(entry.matched_rules),
    deadlines: { accept_by: deadlines.accept_by, resolve_by: deadlines.resolve_by },
    assisting: assistingUnits(entry.outcome.assisting),
  };
  const replayed: ReplaySummary = {
    owner: decision.owner,
    list_owner: decision.list_owner,
    fallback: decision.fallback,
    priority: decision.priority,
    matched_rules: decision.matched_rules.map((rule) => rule.name),
    deadlines: {
      accept_by: decision.deadlines.accept_by,
      resolve_by: decision.deadlines.resolve_by,
    },
    assisting: assistingUnits(decision.assisting),
  };
  const differences: ReplayDifference[] = [];
  for (const field of ["owner", "list_owner", "fallback", "priority", "matched_rules"] as const) {
    if (!same(logged[field], replayed[field])) {
      differences.push({ field, logged: logged[field], replayed: replayed[field] });
    }
  }
  // Entries logged before joint handling existed have no assisting list to compare.
  if (logged.assisting !== null && !same(logged.assisting, replayed.assisting)) {
    differences.push({
      field: "assisting",
      logged: logged.assisting,
      replayed: replayed.assisting,
    });
  }
  for (const field of ["accept_by", "resolve_by"] as const) {
    if (!same(logged.deadlines[field], replayed.deadlines[field])) {
      differences.push({
        field: `deadlines.${field}`,
        logged: logged.deadlines[field],
        replayed: replayed.deadlines[field],
      });
    }
  }
  if (entry.ruleset_hash !== null && entry.ruleset_hash !== ruleset.hash) {
    differences.push({ field: "ruleset_hash", logged: entry.ruleset_hash, replayed: ruleset.hash });
  }
  return {
    status: "replayed",
    seq,
    kind: entry.kind,
    same: differences.length === 0,
    ruleset: { version: ruleset.version, hash: ruleset.hash },
    now: entry.created_at.toISOString(),
    exclude,
    logged,
    replayed,
    differences,
  };
}
