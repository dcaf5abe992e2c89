/**
 * Rulesets as files and documents: load `rules/`, validate, write back, hash.
 *
 * @module
 */

export { rulesetContentHash } from "./content_hash.ts";
export { type Finding, RULESET_FILES, type RulesetFileName } from "./finding.ts";
export { type LoadedRuleset, loadRulesetDir } from "./load_ruleset_dir.ts";
export { type ParsedRuleset, parseRulesetDocument } from "./parse_ruleset_document.ts";
export { rulesetFileTexts } from "./ruleset_file_texts.ts";
export { RulesetInvalidError } from "./ruleset_invalid_error.ts";
export {
  conditionSchema,
  exceptionRuleSchema,
  exceptionRulesFileSchema,
  matterTypeSchema,
  matterTypesFileSchema,
  ruleEventSchema,
  rulesetDocumentSchema,
  rulesetFileSchema,
  timeLimitClassSchema,
  topLevelConditionSchema,
  unitSchema,
  unitsFileSchema,
} from "./ruleset_schema.ts";
export { validateRuleset } from "./validate_ruleset.ts";
export { writeRulesetDir } from "./write_ruleset_dir.ts";
