/**
 * Test helpers: copies of the shipped `rules/` in temp dirs, edited one file at a time.
 *
 * @module
 */

import { RULESET_FILES, type RulesetFileName } from "../../src/rulesets/finding.ts";

/** The shipped ruleset directory. */
export const SHIPPED_RULES_DIR = new URL("../../rules/", import.meta.url).pathname;

/** A temp copy of `rules/` (the four JSON files), with `edit` applied to one parsed file. */
export async function rulesCopy(
  file?: RulesetFileName,
  edit?: (json: unknown) => unknown,
): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "whistle_rules_" });
  for (const name of Object.values(RULESET_FILES)) {
    let text = await Deno.readTextFile(`${SHIPPED_RULES_DIR}${name}`);
    if (name === file && edit) text = `${JSON.stringify(edit(JSON.parse(text)), null, 2)}\n`;
    await Deno.writeTextFile(`${dir}/${name}`, text);
  }
  return dir;
}

/** A temp copy of `rules/` with one file replaced by `text` as is. */
export async function rulesCopyWithText(file: RulesetFileName, text: string): Promise<string> {
  const dir = await rulesCopy();
  await Deno.writeTextFile(`${dir}/${file}`, text);
  return dir;
}

/** A JSON array's items as records, for editing. */
export function items(json: unknown): Record<string, unknown>[] {
  if (!Array.isArray(json)) throw new Error("expected a JSON array");
  return json;
}

/** The item whose `key` equals `value`. */
export function itemBy(json: unknown, key: string, value: string): Record<string, unknown> {
  const found = items(json).find((item) => item[key] === value);
  if (!found) throw new Error(`no item with ${key} = ${value}`);
  return found;
}
