import type { Bilingual } from "../../src/routing/decision.ts";

/**
 * The exception-rule editor's state, as the views render it and the admin routes read it.
 *
 * @module
 */

/** One condition row of the structured editor. */
export interface ConditionRow {
  fact: string;
  operator: string;
  value: string;
}

/** The editor's state. */
export interface RuleForm {
  mode: "structured" | "json";
  /** The rule's name before this edit; `""` for a new rule. */
  originalName: string;
  name: string;
  description: string;
  priority: string;
  group: "all" | "any";
  rows: ConditionRow[];
  eventType: "assign" | "raise_level" | "assist";
  owner: string;
  levels: string;
  assist: string;
  json: string;
  /** Why a JSON rule cannot switch to the structured mode, if it cannot. */
  structuredBlocked: boolean;
}

/** A rule the form cannot turn into one (bad number, broken JSON), said in both languages. */
export interface FormProblem {
  field: string;
  message: Bilingual;
}
