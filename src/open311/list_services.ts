import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { categoryLabel } from "./category_label.ts";
import type { Locale } from "./locale.ts";

/** One service of GeoReport v2's `GET services`: a matter type of the admission list. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** True when the matter type has attributes: fetch `services/{code}` for its definition. */
  metadata: boolean;
  /** Always `realtime`: a posted request gets its id (the case id) at once. */
  type: "realtime";
  keywords: string;
  group: string;
}

/**
 * The matter types of the active ruleset as Open311 services, in admission-list order, with
 * names in `locale`: the service name is the matter type's name, the group its category, the
 * description names the owning unit.
 *
 * @example
 * ```ts ignore
 * listServices(whistle.ruleset.current, "zh")[0];
 * // { service_code: "MT-ZFW-001", service_name: "邻里矛盾纠纷调解", group: "矛盾纠纷", ... }
 * ```
 */
export function listServices(ruleset: CompiledRuleset, locale: Locale): Open311Service[] {
  return ruleset.document.matter_types.map((matter) => {
    const unit = ruleset.units.get(matter.owner);
    const unitName = unit ? (locale === "zh" ? unit.name_zh : unit.name_en) : matter.owner;
    const name = locale === "zh" ? matter.name_zh : matter.name_en;
    const group = categoryLabel(matter.category, locale);
    return {
      service_code: matter.code,
      service_name: name,
      description: locale === "zh"
        ? `${name}（承办单位：${unitName}）`
        : `${name} (handled by ${unitName})`,
      metadata: (matter.attributes ?? []).length > 0,
      type: "realtime",
      keywords: [group, unitName, matter.category].join(","),
      group,
    };
  });
}
