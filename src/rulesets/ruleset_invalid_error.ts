/**
 * The error thrown when a ruleset is refused.
 *
 * @module
 */

import type { Finding } from "./finding.ts";

/**
 * A ruleset with at least one `error` finding. `findings` holds every finding (errors first, then
 * warnings); the message lists them one per line as `file › item › field: message`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RulesetInvalidError } from "./ruleset_invalid_error.ts";
 * const error = new RulesetInvalidError([{
 *   severity: "error",
 *   file: "units.json",
 *   item: "YG-S01-C01",
 *   field: "parent",
 *   message: { zh: "上级单位“YG-S09”不存在", en: 'parent "YG-S09" is not a unit in units.json' },
 * }]);
 * assert.equal(
 *   error.message,
 *   'ruleset refused: 1 error\nunits.json › YG-S01-C01 › parent: parent "YG-S09" is not a unit in units.json',
 * );
 * ```
 */
export class RulesetInvalidError extends Error {
  /** Every finding, errors first. */
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    const sorted = [
      ...findings.filter((finding) => finding.severity === "error"),
      ...findings.filter((finding) => finding.severity !== "error"),
    ];
    const errors = sorted.filter((finding) => finding.severity === "error").length;
    const warnings = sorted.length - errors;
    const summary = `ruleset refused: ${errors} error${errors === 1 ? "" : "s"}${
      warnings ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""
    }`;
    super([summary, ...sorted.map(formatFinding)].join("\n"));
    this.name = "RulesetInvalidError";
    this.findings = sorted;
  }
}

function formatFinding(finding: Finding): string {
  const where = [finding.file, finding.item, finding.field].filter((part) => part !== "");
  const prefix = finding.severity === "warning" ? "warning: " : "";
  return `${where.join(" › ")}: ${prefix}${finding.message.en}`;
}
