/**
 * The content hash of a ruleset: what decisions and the decision log cite as its identity.
 *
 * @module
 */

import { canonicalJson } from "../lib/canonical_json.ts";
import { sha256Hex } from "../lib/sha256.ts";
import type { RulesetDocument } from "../routing/ruleset.ts";

/**
 * The SHA-256 (lowercase hex) of the ruleset's canonical JSON. Key order and formatting do not
 * change it; any change of a value, or of the order of units, matter types or rules, does.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rulesetContentHash } from "./content_hash.ts";
 * const hash = rulesetContentHash({
 *   name: "demo",
 *   fallback_unit: "YG",
 *   time_limit_classes: {},
 *   units: [],
 *   matter_types: [],
 *   exception_rules: [],
 * });
 * assert.match(hash, /^[0-9a-f]{64}$/);
 * ```
 */
export function rulesetContentHash(document: RulesetDocument): string {
  return sha256Hex(canonicalJson(document));
}
