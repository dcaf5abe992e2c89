/**
 * What ruleset validation reports: one problem, where it is, and what to do about it.
 *
 * @module
 */

import type { Bilingual } from "../routing/decision.ts";

/** The four files of a ruleset directory (`rules/`), by the part of the document they hold. */
export const RULESET_FILES = {
  ruleset: "ruleset.json",
  units: "units.json",
  matter_types: "matter_types.json",
  exception_rules: "exception_rules.json",
} as const;

/** The name of one of the four ruleset files, e.g. `"units.json"`. */
export type RulesetFileName = (typeof RULESET_FILES)[keyof typeof RULESET_FILES];

/**
 * One problem found in a ruleset.
 *
 * - `error`: the ruleset is refused (it cannot be loaded, published or activated).
 * - `warning`: the ruleset works, but something looks unintended.
 */
export interface Finding {
  severity: "error" | "warning";
  /** The file the problem is in, e.g. `"units.json"`. */
  file: string;
  /**
   * The item: a unit or matter-type code, a rule name, `time_limit_classes.<name>` in
   * `ruleset.json`, `#3` (the item at index 3, counting from 0) when the item has no usable
   * code or name, or `""` for the file as a whole.
   */
  item: string;
  /** A dotted path inside the item, e.g. `conditions.all[1].operator`; `""` for the item itself. */
  field: string;
  /** What is wrong and what would be right, in both languages. */
  message: Bilingual;
}
