import type { AttributeValue, MatterTypeAttribute } from "../routing/ruleset.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";

/** GeoReport v2's service definition: the attributes a request of this service may carry. */
export interface Open311ServiceDefinition {
  service_code: string;
  attributes: {
    variable: boolean;
    code: string;
    datatype: MatterTypeAttribute["datatype"];
    required: boolean;
    datatype_description: string;
    order: number;
    description: string;
    values: AttributeValue[];
  }[];
}

/**
 * The service definition of a matter type, its attributes sorted by `order`; `undefined` when
 * the active admission list has no such code.
 *
 * @example
 * ```ts ignore
 * serviceDefinition(whistle.ruleset.current, "MT-MZJ-005")?.attributes.length; // 0 in the demo
 * ```
 */
export function serviceDefinition(
  ruleset: CompiledRuleset,
  serviceCode: string,
): Open311ServiceDefinition | undefined {
  const matter = ruleset.matterTypes.get(serviceCode);
  if (!matter) return undefined;
  const attributes = [...(matter.attributes ?? [])]
    .sort((a, b) => a.order - b.order)
    .map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.order,
      description: a.description,
      values: a.values ?? [],
    }));
  return { service_code: matter.code, attributes };
}
