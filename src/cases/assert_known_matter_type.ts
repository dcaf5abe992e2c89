import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { CaseInputError } from "./case_input_error.ts";

/** Throws {@link CaseInputError} on `type` unless the active admission list has the matter type. */
export function assertKnownMatterType(ruleset: CompiledRuleset, type: string): void {
  if (!ruleset.matterTypes.has(type)) {
    throw new CaseInputError(
      "type",
      `Unknown matter type "${type}": it is not in the admission list of ruleset version ${ruleset.version}`,
    );
  }
}
