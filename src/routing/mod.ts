/**
 * The routing core: ruleset types, case facts, `compileRuleset()` and `decide()`. Pure: no
 * database, no HTTP, no clock.
 *
 * @example
 * ```ts
 * import { type CompiledRuleset, compileRuleset, decide } from "./mod.ts";
 * const ruleset: CompiledRuleset = compileRuleset({
 *   name: "demo",
 *   fallback_unit: "CENTER",
 *   time_limit_classes: {
 *     standard: { name_zh: "标准", name_en: "Standard", normal: { accept: "PT2H", resolve: "P2D" } },
 *   },
 *   units: [{ code: "CENTER", name_zh: "区综治中心", name_en: "District center", tier: "district", parent: null }],
 *   matter_types: [],
 *   exception_rules: [],
 * }, { version: 1, hash: "demo" });
 * const decision = await decide(ruleset, {
 *   type: "MT-UNKNOWN",
 *   urgency: "normal",
 *   channel: "web",
 *   source: "portal",
 *   text: "路灯不亮",
 *   reported_at: "2026-03-02T01:00:00Z",
 * }, new Date("2026-03-02T01:00:00Z"));
 * if (!decision.fallback || decision.owner !== "CENTER") throw new Error(decision.reason.en);
 * ```
 *
 * @module
 */

// `export *` for the contract modules: every name they export is public.
export * from "./ruleset.ts";
export * from "./facts.ts";
export * from "./decision.ts";
export * from "./duration.ts";
export { type CompiledRuleset, compileRuleset } from "./compile_ruleset.ts";
export { decide } from "./decide.ts";
