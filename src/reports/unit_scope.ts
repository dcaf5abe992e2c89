import type { RulesetDocument } from "../routing/ruleset.ts";

/**
 * A unit and every unit below it in the ruleset's parent chain (a street and its communities
 * and grids; a district and everything in it).
 *
 * @example
 * ```ts
 * import { unitScope } from "./unit_scope.ts";
 * const doc = { units: [
 *   { code: "YG", parent: null }, { code: "S1", parent: "YG" }, { code: "C1", parent: "S1" },
 *   { code: "S2", parent: "YG" },
 * ] };
 * unitScope(doc, "S1"); // ["S1", "C1"]
 * ```
 */
export function unitScope(
  document: Pick<RulesetDocument, "units"> | { units: { code: string; parent: string | null }[] },
  code: string,
): string[] {
  const children = new Map<string, string[]>();
  for (const u of document.units) {
    if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u.code]);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (c: string) => {
    if (seen.has(c)) return;
    seen.add(c);
    out.push(c);
    for (const child of children.get(c) ?? []) walk(child);
  };
  walk(code);
  return out;
}
