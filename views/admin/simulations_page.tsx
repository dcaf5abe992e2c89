/** @jsxImportSource hono/jsx */
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { Finding } from "../../src/rulesets/finding.ts";
import type { RulesetDraftMeta } from "../../src/rulesets/ruleset_draft_repository.ts";
import type { Simulation } from "../../src/rulesets/simulation_repository.ts";
import { DraftHeader, draftHref } from "./draft_header.tsx";
import { beijingDateTime } from "./format.ts";
import { CsrfField, Layout } from "./layout.tsx";
import { SimulationPanel, simulationRunning } from "./simulation_panel.tsx";
import type { ViewContext } from "./view_context.ts";

/** A draft's simulate tab: start a simulation, the selected one, earlier ones. */
export function SimulationsPage(
  props: {
    ctx: ViewContext;
    draft: { meta: RulesetDraftMeta; findings: readonly Finding[]; activeVersion: number };
    documents: readonly RulesetDocument[];
    simulations: Simulation[];
    selected: Simulation | null;
  },
) {
  const { ctx, draft, selected } = props;
  const base = `${draftHref(draft.meta.id, "simulate")}`;
  return (
    <Layout
      ctx={ctx}
      title={ctx.t("sim_title")}
      section="drafts"
      head={selected && simulationRunning(selected) && (
        <noscript>
          <meta http-equiv="refresh" content="2" />
        </noscript>
      )}
    >
      <DraftHeader
        ctx={ctx}
        draft={draft.meta}
        findings={draft.findings}
        activeVersion={draft.activeVersion}
        tab="simulate"
      />
      <p class="muted">{ctx.t("sim_help")}</p>
      {ctx.can("edit_rules") && (
        <form method="post" action={base} class="row">
          <CsrfField ctx={ctx} />
          <label>
            {ctx.t("sim_days")}
            <input type="number" name="days" value="30" min={1} max={366} size={5} />
          </label>
          <label>
            {ctx.t("sim_baseline")}
            <select name="baseline">
              <option value="active">{ctx.t("sim_baseline_active")}</option>
              <option value="stored">{ctx.t("sim_baseline_stored")}</option>
            </select>
          </label>
          <button type="submit" class="primary">{ctx.t("sim_start")}</button>
        </form>
      )}
      {selected && (
        <SimulationPanel
          ctx={ctx}
          simulation={selected}
          documents={props.documents}
          pollUrl={`${base}/${selected.id}`}
          draftChanged={selected.draft_hash !== draft.meta.content_hash}
        />
      )}
      {props.simulations.length > 0 && (
        <>
          <h2>{ctx.t("sim_previous")}</h2>
          <table class="plain">
            <thead>
              <tr>
                <th>{ctx.t("col_created")}</th>
                <th>{ctx.t("col_status")}</th>
                <th class="num">{ctx.t("sim_count")}</th>
                <th class="num">{ctx.t("sim_moved")}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {props.simulations.map((simulation) => (
                <tr>
                  <td>{beijingDateTime(simulation.created_at)}</td>
                  <td>{ctx.t(`sim_status_${simulation.status}`)}</td>
                  <td class="num">{simulation.result?.cases ?? simulation.processed}</td>
                  <td class="num">{simulation.result?.moved ?? "—"}</td>
                  <td>
                    <a href={`${base}/${simulation.id}`}>{ctx.t("sim_open")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}
