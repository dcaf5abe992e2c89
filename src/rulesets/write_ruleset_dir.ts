/**
 * Writes a ruleset back to its directory of reviewable JSON files.
 *
 * @module
 */

import { join } from "node:path";
import type { RulesetDocument } from "../routing/ruleset.ts";
import { rulesetFileTexts } from "./ruleset_file_texts.ts";

/**
 * Writes `ruleset.json`, `units.json`, `matter_types.json` and `exception_rules.json` into `dir`
 * (created if missing), in the layout of `rules/`: 2-space JSON, keys in a fixed order, a
 * trailing newline. Loading them again gives an equal document, and rewriting an unchanged
 * ruleset leaves an empty git diff. Other files in `dir` (such as `README.md`) are left alone.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRulesetDir } from "./load_ruleset_dir.ts";
 * import { writeRulesetDir } from "./write_ruleset_dir.ts";
 * const dir = await Deno.makeTempDir();
 * await writeRulesetDir(dir, {
 *   name: "demo",
 *   fallback_unit: "YG",
 *   time_limit_classes: {
 *     small: { name_zh: "小事", name_en: "Small matter", normal: { accept: "PT30M", resolve: "PT2H" } },
 *   },
 *   units: [{ code: "YG", name_zh: "云冈区", name_en: "Yungang District", tier: "city", parent: null }],
 *   matter_types: [],
 *   exception_rules: [],
 * });
 * const { document } = await loadRulesetDir(dir);
 * assert.equal(document.units[0].code, "YG");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeRulesetDir(dir: string, document: RulesetDocument): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  await Promise.all(
    Object.entries(rulesetFileTexts(document)).map(([file, text]) =>
      Deno.writeTextFile(join(dir, file), text)
    ),
  );
}
