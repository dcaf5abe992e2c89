/** @jsxImportSource hono/jsx */
import type { RulesetDocument, Unit } from "../../src/routing/ruleset.ts";
import { localName } from "./format.ts";
import { Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

const AREA_TIERS = new Set(["city", "district", "street", "community", "grid"]);

/**
 * The units as a tree (district → streets → communities → grids), then departments and
 * enterprises with their parents, then a table of every unit. Each unit shows how many matter
 * types it owns. Names in the page language.
 */
export function UnitsPage(props: { ctx: ViewContext; document: RulesetDocument; version: number }) {
  const { ctx, document } = props;
  const byCode = new Map(document.units.map((unit) => [unit.code, unit]));
  const children = new Map<string, Unit[]>();
  for (const unit of document.units) {
    if (unit.parent === null) continue;
    const list = children.get(unit.parent) ?? [];
    list.push(unit);
    children.set(unit.parent, list);
  }
  const owned = new Map<string, number>();
  for (const mt of document.matter_types) owned.set(mt.owner, (owned.get(mt.owner) ?? 0) + 1);
  const name = (code: string | null) => {
    if (code === null) return "—";
    const unit = byCode.get(code);
    return unit ? localName(unit, ctx.lang) : code;
  };
  const tier = (unit: Unit) => ctx.t(`tier_${unit.tier}`);
  const roots = document.units.filter((unit) => unit.parent === null || !byCode.has(unit.parent));

  const Branch = (branch: { unit: Unit; depth: number }): ReturnType<typeof Layout> => {
    const kids = (children.get(branch.unit.code) ?? []).filter((u) => AREA_TIERS.has(u.tier));
    return (
      <li>
        <span>{localName(branch.unit, ctx.lang)}</span>
        <span class="tier">{tier(branch.unit)}</span>{" "}
        <span class="sub mono">{branch.unit.code}</span>
        {branch.unit.code === document.fallback_unit && (
          <span class="badge accent">{ctx.t("fallback_unit")}</span>
        )}
        {kids.length > 0 && branch.depth < 12 && (
          <ul>
            {kids.map((kid) => <Branch key={kid.code} unit={kid} depth={branch.depth + 1} />)}
          </ul>
        )}
      </li>
    );
  };

  const departments = document.units.filter((unit) => !AREA_TIERS.has(unit.tier));
  return (
    <Layout ctx={ctx} title={ctx.t("units_title")} section="units">
      <h1>
        {ctx.t("units_title")} <span class="badge">v{props.version}</span>
      </h1>
      <p class="muted">{ctx.t("units_help")}</p>
      <div class="two-col">
        <section>
          <h2>{ctx.t("units_hierarchy")}</h2>
          <ul class="tree">
            {roots.map((unit) => <Branch key={unit.code} unit={unit} depth={0} />)}
          </ul>
        </section>
        <section>
          <h2>{ctx.t("units_departments")}</h2>
          <table class="plain">
            <thead>
              <tr>
                <th>{ctx.t("unit_name")}</th>
                <th>{ctx.t("unit_parent")}</th>
                <th class="num">{ctx.t("unit_owns")}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((unit) => (
                <tr>
                  <td>
                    {localName(unit, ctx.lang)}
                    <div class="sub mono">{unit.code} · {tier(unit)}</div>
                  </td>
                  <td>{name(unit.parent)}</td>
                  <td class="num">
                    {owned.get(unit.code)
                      ? (
                        <a href={`/admin/matter-types?owner=${encodeURIComponent(unit.code)}`}>
                          {owned.get(unit.code)}
                        </a>
                      )
                      : 0}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <h2>{ctx.t("nav_units")} ({document.units.length})</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{ctx.t("unit_code")}</th>
              <th>{ctx.t("unit_name")}</th>
              <th>{ctx.t("unit_tier")}</th>
              <th>{ctx.t("unit_parent")}</th>
              <th class="num">{ctx.t("unit_owns")}</th>
            </tr>
          </thead>
          <tbody>
            {document.units.map((unit) => (
              <tr>
                <td class="code">{unit.code}</td>
                <td>{localName(unit, ctx.lang)}</td>
                <td>{tier(unit)}</td>
                <td>
                  {name(unit.parent)} <span class="sub mono">{unit.parent ?? ""}</span>
                </td>
                <td class="num">{owned.get(unit.code) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
