/**
 * Semantic checks of a matter type's Open311 attributes (its service definition): what the
 * schema cannot see because it needs more than one field.
 *
 * @module
 */

import type { MatterType } from "../routing/ruleset.ts";
import { type Finding, RULESET_FILES } from "./finding.ts";

const FILE = RULESET_FILES.matter_types;
const LISTS = new Set(["singlevaluelist", "multivaluelist"]);

/**
 * Checks the attributes of one matter type: unique codes, list datatypes with values (and only
 * those), unique value keys, and no required answer to an attribute that takes none
 * (`variable: false`). Two attributes with the same `order` are a warning. `item` names the
 * matter type in the findings; fields read like `attributes[1].values[0].key`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateMatterTypeAttributes } from "./validate_matter_type_attributes.ts";
 * const findings = validateMatterTypeAttributes({
 *   code: "MT-1", category: "dispute", name_zh: "纠纷", name_en: "Dispute", owner: "YG",
 *   time_limit_class: "small",
 *   attributes: [{
 *     variable: true, code: "kind", datatype: "singlevaluelist", required: true,
 *     datatype_description: "", order: 1, description: "纠纷类型",
 *   }],
 * }, "MT-1");
 * assert.deepEqual(findings.map((f) => [f.item, f.field]), [["MT-1", "attributes[0].values"]]);
 * ```
 */
export function validateMatterTypeAttributes(matter: MatterType, item: string): Finding[] {
  const attributes = matter.attributes ?? [];
  const findings: Finding[] = [];
  const error = (field: string, zh: string, en: string) =>
    findings.push({ severity: "error", file: FILE, item, field, message: { zh, en } });
  const codes = new Map<string, number>();
  const orders = new Map<number, number>();

  attributes.forEach((attribute, index) => {
    const at = `attributes[${index}]`;
    const first = codes.get(attribute.code);
    if (first !== undefined) {
      error(
        `${at}.code`,
        `属性编码“${attribute.code}”重复（第 #${first} 项与第 #${index} 项）；同一事项的属性编码必须唯一`,
        `attribute code "${attribute.code}" is used twice (#${first} and #${index}); codes must be unique within a matter type`,
      );
    } else {
      codes.set(attribute.code, index);
    }

    const isList = LISTS.has(attribute.datatype);
    const values = attribute.values ?? [];
    if (isList && values.length === 0) {
      error(
        `${at}.values`,
        `类型为 ${attribute.datatype} 的属性需要 values（可选项列表，每项 { key, name }）`,
        `a ${attribute.datatype} attribute needs "values": the choices, each { key, name }`,
      );
    }
    if (!isList && attribute.values !== undefined) {
      error(
        `${at}.values`,
        `只有 singlevaluelist 和 multivaluelist 类型的属性才有 values；${attribute.datatype} 类型请删除 values`,
        `only singlevaluelist and multivaluelist attributes have "values"; remove them from this ${attribute.datatype} attribute`,
      );
    }
    const keys = new Map<string, number>();
    values.forEach((value, v) => {
      const seen = keys.get(value.key);
      if (seen !== undefined) {
        error(
          `${at}.values[${v}].key`,
          `可选项 key“${value.key}”重复（第 #${seen} 项与第 #${v} 项）`,
          `value key "${value.key}" is used twice (#${seen} and #${v})`,
        );
      } else {
        keys.set(value.key, v);
      }
    });

    if (!attribute.variable && attribute.required) {
      error(
        `${at}.required`,
        "variable 为 false 的属性只供展示、不接收填写，不能设为 required",
        'an attribute with "variable": false only informs and takes no answer; it cannot be required',
      );
    }

    const sameOrder = orders.get(attribute.order);
    if (sameOrder !== undefined) {
      findings.push({
        severity: "warning",
        file: FILE,
        item,
        field: `${at}.order`,
        message: {
          zh:
            `属性 #${sameOrder} 与 #${index} 的 order 都是 ${attribute.order}；客户端的显示顺序将不确定`,
          en:
            `attributes #${sameOrder} and #${index} share order ${attribute.order}; clients may show them in either order`,
        },
      });
    } else {
      orders.set(attribute.order, index);
    }
  });
  return findings;
}
