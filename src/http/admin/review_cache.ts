/**
 * The findings of a ruleset document, remembered by content hash: validation is a pure function
 * of the document, and pages of one draft ask for it again and again (a 2,000-item admission
 * list takes tens of milliseconds to review).
 *
 * @module
 */

import type { RulesetDocument } from "../../routing/ruleset.ts";
import type { Finding } from "../../rulesets/finding.ts";
import { reviewRuleset } from "../../rulesets/review_ruleset.ts";

const LIMIT = 32;
const cache = new Map<string, readonly Finding[]>();

/**
 * `reviewRuleset(document)`, remembered for the last few content hashes.
 *
 * @example
 * ```ts ignore
 * const findings = reviewedFindings(draft.content_hash, draft.document);
 * ```
 */
export function reviewedFindings(hash: string, document: RulesetDocument): readonly Finding[] {
  const known = cache.get(hash);
  if (known) {
    cache.delete(hash);
    cache.set(hash, known);
    return known;
  }
  const findings = reviewRuleset(document);
  cache.set(hash, findings);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return findings;
}

/** Findings of one list file grouped by item (a code or rule name). */
export function findingsByItem(
  findings: readonly Finding[],
  file: string,
): Map<string, Finding[]> {
  const byItem = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.file !== file) continue;
    const list = byItem.get(finding.item);
    if (list) list.push(finding);
    else byItem.set(finding.item, [finding]);
  }
  return byItem;
}
