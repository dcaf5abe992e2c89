/**
 * How ruleset versions, drafts, findings and simulations look in API answers.
 *
 * @module
 */

import type { Kysely } from "kysely";
import type { Database } from "../../db/database.ts";
import type { Finding } from "../../rulesets/finding.ts";
import { reviewRuleset } from "../../rulesets/review_ruleset.ts";
import type { RulesetDraft, RulesetDraftMeta } from "../../rulesets/ruleset_draft_repository.ts";
import type { RulesetVersion } from "../../rulesets/ruleset_version_repository.ts";
import { listSimulations, type Simulation } from "../../rulesets/simulation_repository.ts";
import type { ErrorDetail } from "../error_body.ts";

const LIST_FIELDS: Record<string, string> = {
  "units.json": "units",
  "matter_types.json": "matter_types",
  "exception_rules.json": "exception_rules",
};

/**
 * Where a finding points, as one path into the ruleset document:
 * `matter_types["MT-MZJ-005"].owner`, `exception_rules["night"].conditions.all[0].operator`,
 * `units[3].parent` (an item without a usable code), `time_limit_classes.small.normal.resolve`,
 * `fallback_unit`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findingPath } from "./rulesets_views.ts";
 * assert.equal(
 *   findingPath({
 *     severity: "error", file: "matter_types.json", item: "MT-1", field: "owner",
 *     message: { zh: "", en: "" },
 *   }),
 *   'matter_types["MT-1"].owner',
 * );
 * ```
 */
export function findingPath(finding: Finding): string {
  const list = LIST_FIELDS[finding.file];
  let base = finding.item;
  if (list !== undefined) {
    const index = /^#(\d+)$/.exec(finding.item);
    base = finding.item === ""
      ? list
      : index
      ? `${list}[${index[1]}]`
      : `${list}[${JSON.stringify(finding.item)}]`;
  }
  return [base, finding.field].filter((part) => part !== "").join(".");
}

/** Findings as error details (errors first), each naming its place in the document. */
export function findingDetails(findings: readonly Finding[]): ErrorDetail[] {
  return [...findings]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
    .map((finding) => ({
      field: findingPath(finding),
      message: finding.severity === "warning"
        ? `warning: ${finding.message.en}`
        : finding.message.en,
    }));
}

/** Counts and lists findings. */
export function validationJson(findings: Finding[]) {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return { errors, warnings: findings.length - errors, findings };
}

/** A version's metadata. */
export function versionMetaJson(version: Omit<RulesetVersion, "document">, active: boolean) {
  return {
    version: version.version,
    content_hash: version.content_hash,
    author: version.author,
    note: version.note,
    created_at: version.created_at.toISOString(),
    active,
  };
}

/** A draft's metadata. */
export function draftMetaJson(draft: RulesetDraftMeta) {
  return {
    id: draft.id,
    base_version: draft.base_version,
    note: draft.note,
    status: draft.status,
    revision: draft.revision,
    content_hash: draft.content_hash,
    author: draft.author,
    created_at: draft.created_at.toISOString(),
    updated_by: draft.updated_by,
    updated_at: draft.updated_at.toISOString(),
    published_version: draft.published_version,
    published_at: draft.published_at?.toISOString() ?? null,
  };
}

/** A simulation; `currentDraftHash` tells whether the draft changed since. */
export function simulationJson(simulation: Simulation, currentDraftHash: string | null) {
  const { processed, total } = simulation;
  return {
    id: simulation.id,
    draft_id: simulation.draft_id,
    draft_hash: simulation.draft_hash,
    draft_changed: currentDraftHash !== null && currentDraftHash !== simulation.draft_hash,
    baseline: simulation.baseline,
    baseline_version: simulation.baseline_version,
    period: {
      from: simulation.period_from.toISOString(),
      to: simulation.period_to.toISOString(),
    },
    status: simulation.status,
    progress: {
      processed,
      total,
      percent: total > 0
        ? Math.min(100, Math.round((processed / total) * 1000) / 10)
        : simulation.status === "succeeded"
        ? 100
        : 0,
    },
    error: simulation.error,
    created_by: simulation.created_by,
    created_at: simulation.created_at.toISOString(),
    started_at: simulation.started_at?.toISOString() ?? null,
    finished_at: simulation.finished_at?.toISOString() ?? null,
  };
}

/** A draft with its document, findings and simulations (without their results). */
export async function draftJson(db: Kysely<Database>, draft: RulesetDraft) {
  const simulations = await listSimulations(db, draft.id);
  return {
    ...draftMetaJson(draft),
    document: draft.document,
    validation: validationJson(reviewRuleset(draft.document)),
    simulations: simulations.map((simulation) => simulationJson(simulation, draft.content_hash)),
  };
}
