/**
 * Item-by-item changes to a ruleset document, as pure functions: what a draft's edits do.
 *
 * @module
 */

import type {
  ExceptionRule,
  MatterType,
  RulesetDocument,
  TimeLimitClass,
  Unit,
} from "../routing/ruleset.ts";

/** One change to one item of a ruleset document. */
export type RulesetEdit =
  | { kind: "put_unit"; unit: Unit }
  | { kind: "patch_unit"; code: string; changes: Partial<Omit<Unit, "code">> }
  | { kind: "delete_unit"; code: string }
  | { kind: "put_matter_type"; matterType: MatterType }
  | { kind: "patch_matter_type"; code: string; changes: Partial<Omit<MatterType, "code">> }
  | { kind: "delete_matter_type"; code: string }
  | { kind: "put_exception_rule"; rule: ExceptionRule }
  | { kind: "delete_exception_rule"; name: string }
  | { kind: "set_fallback"; unit: string }
  | { kind: "put_time_limit_class"; name: string; timeLimitClass: TimeLimitClass }
  | { kind: "delete_time_limit_class"; name: string };

/** The edited document, or why the edit has nothing to act on. */
export type EditOutcome =
  | { ok: true; document: RulesetDocument; created: boolean }
  | { ok: false; problem: "item_not_found"; item: string };

/**
 * Applies one edit and returns a new document (the input is not changed). A `put` replaces the
 * item with the same key in place, or appends it (`created: true`); a `patch` merges fields into
 * an existing item; a `delete` removes it. Deleting, patching a missing item answers
 * `item_not_found`. References are not checked here: deleting a unit that still owns a matter
 * type leaves a document whose validation names the dangling owner.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { editRulesetDocument } from "./edit_ruleset_document.ts";
 * const document = {
 *   name: "demo", fallback_unit: "YG", time_limit_classes: {}, units: [], exception_rules: [],
 *   matter_types: [{
 *     code: "MT-1", category: "dispute", name_zh: "纠纷", name_en: "Dispute",
 *     owner: "YG-ZFW", time_limit_class: "standard",
 *   }],
 * };
 * const edited = editRulesetDocument(document, {
 *   kind: "patch_matter_type", code: "MT-1", changes: { owner: "YG-SFJ" },
 * });
 * assert.ok(edited.ok);
 * assert.equal(edited.document.matter_types[0].owner, "YG-SFJ");
 * assert.equal(document.matter_types[0].owner, "YG-ZFW");
 * ```
 */
export function editRulesetDocument(document: RulesetDocument, edit: RulesetEdit): EditOutcome {
  switch (edit.kind) {
    case "put_unit": {
      const { list, created } = put(document.units, (u) => u.code === edit.unit.code, edit.unit);
      return { ok: true, document: { ...document, units: list }, created };
    }
    case "patch_unit": {
      const list = patch(document.units, (u) => u.code === edit.code, edit.changes);
      return list
        ? { ok: true, document: { ...document, units: list }, created: false }
        : missing(edit.code);
    }
    case "delete_unit": {
      const list = remove(document.units, (u) => u.code === edit.code);
      return list
        ? { ok: true, document: { ...document, units: list }, created: false }
        : missing(edit.code);
    }
    case "put_matter_type": {
      const code = edit.matterType.code;
      const { list, created } = put(document.matter_types, (m) => m.code === code, edit.matterType);
      return { ok: true, document: { ...document, matter_types: list }, created };
    }
    case "patch_matter_type": {
      const list = patch(document.matter_types, (m) => m.code === edit.code, edit.changes);
      return list
        ? { ok: true, document: { ...document, matter_types: list }, created: false }
        : missing(edit.code);
    }
    case "delete_matter_type": {
      const list = remove(document.matter_types, (m) => m.code === edit.code);
      return list
        ? { ok: true, document: { ...document, matter_types: list }, created: false }
        : missing(edit.code);
    }
    case "put_exception_rule": {
      const name = edit.rule.name;
      const { list, created } = put(document.exception_rules, (r) => r.name === name, edit.rule);
      return { ok: true, document: { ...document, exception_rules: list }, created };
    }
    case "delete_exception_rule": {
      const list = remove(document.exception_rules, (r) => r.name === edit.name);
      return list
        ? { ok: true, document: { ...document, exception_rules: list }, created: false }
        : missing(edit.name);
    }
    case "set_fallback":
      return { ok: true, document: { ...document, fallback_unit: edit.unit }, created: false };
    case "put_time_limit_class": {
      const created = !Object.hasOwn(document.time_limit_classes, edit.name);
      return {
        ok: true,
        document: {
          ...document,
          time_limit_classes: { ...document.time_limit_classes, [edit.name]: edit.timeLimitClass },
        },
        created,
      };
    }
    case "delete_time_limit_class": {
      if (!Object.hasOwn(document.time_limit_classes, edit.name)) return missing(edit.name);
      const { [edit.name]: _removed, ...rest } = document.time_limit_classes;
      return { ok: true, document: { ...document, time_limit_classes: rest }, created: false };
    }
  }
}

function missing(item: string): EditOutcome {
  return { ok: false, problem: "item_not_found", item };
}

function put<T>(list: readonly T[], same: (item: T) => boolean, item: T) {
  const index = list.findIndex(same);
  if (index === -1) return { list: [...list, item], created: true };
  return { list: list.map((existing, i) => (i === index ? item : existing)), created: false };
}

function patch<T>(
  list: readonly T[],
  same: (item: T) => boolean,
  changes: Partial<NoInfer<T>>,
) {
  const index = list.findIndex(same);
  if (index === -1) return null;
  const defined = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
  return list.map((existing, i) => (i === index ? { ...existing, ...defined } : existing));
}

function remove<T>(list: readonly T[], same: (item: T) => boolean) {
  const index = list.findIndex(same);
  if (index === -1) return null;
  return list.filter((_, i) => i !== index);
}
