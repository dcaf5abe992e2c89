/** @jsxImportSource hono/jsx */
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { Simulation } from "../../src/rulesets/simulation_repository.ts";
import { beijingDateTime, localName } from "./format.ts";
import type { ViewContext } from "./view_context.ts";

/** A simulation is still going (the panel keeps polling). */
export function simulationRunning(simulation: Simulation): boolean {
  return simulation.status === "queued" || simulation.status === "running";
}

/**
 * One simulation: while it runs, a `<progress>` bar that htmx refreshes every 500 ms (the
 * polling stops because the finished panel has no trigger); when done, how many cases move,
 * the "what moves where" table and each unit's change of load.
 */
export function SimulationPanel(
  props: {
    ctx: ViewContext;
    simulation: Simulation;
    /** Unit names: the draft's units, then the active version's. */
    documents: readonly RulesetDocument[];
    pollUrl: string;
    draftChanged: boolean;
  },
) {
  const { ctx, simulation } = props;
  const running = simulationRunning(simulation);
  const unitName = (code: string) => {
    for (const document of props.documents) {
      const unit = document.units.find((u) => u.code === code);
      if (unit) return localName(unit, ctx.lang);
    }
    return code;
  };
  const result = simulation.result;
  return (
    <section
      id="sim-panel"
      class="sim-panel"
      data-status={simulation.status}
      hx-get={running ? props.pollUrl : undefined}
      hx-trigger={running ? "every 500ms" : undefined}
      hx-swap={running ? "outerHTML" : undefined}
    >
      <p>
        <span class={`badge ${simulation.status === "failed" ? "err" : running ? "accent" : "ok"}`}>
          {ctx.t(`sim_status_${simulation.status}`)}
        </span>{" "}
        <span class="muted">
          {ctx.t("sim_period", {
            from: beijingDateTime(simulation.period_from),
            to: beijingDateTime(simulation.period_to),
          })} · {simulation.baseline === "active"
            ? ctx.t("sim_baseline_active")
            : ctx.t("sim_baseline_stored")}
        </span>
      </p>
      {running && (
        <p>
          {simulation.total > 0
            ? <progress value={simulation.processed} max={simulation.total}></progress>
            : <progress></progress>}{" "}
          <span class="muted">
            {ctx.t("sim_progress", { processed: simulation.processed, total: simulation.total })}
          </span>
        </p>
      )}
      {simulation.status === "failed" && <p class="flash flash-error">{simulation.error}</p>}
      {result && (
        <>
          {props.draftChanged && <p class="note">{ctx.t("sim_changed_since")}</p>}
          <p>
            <strong>
              {ctx.t("sim_summary", {
                cases: result.cases,
                moved: result.moved,
                unchanged: result.unchanged,
              })}
            </strong>
          </p>
          {result.draft_errors > 0 && (
            <p class="note">{ctx.t("sim_draft_errors", { n: result.draft_errors })}</p>
          )}
          <h3>{ctx.t("sim_moves")}</h3>
          {result.moves.length === 0
            ? <p class="muted">{ctx.t("sim_no_moves")}</p>
            : (
              <table class="plain" id="sim-moves">
                <thead>
                  <tr>
                    <th>{ctx.t("sim_from")}</th>
                    <th>{ctx.t("sim_to")}</th>
                    <th class="num">{ctx.t("sim_count")}</th>
                    <th>{ctx.t("sim_samples")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.moves.map((move) => (
                    <tr>
                      <td>
                        {unitName(move.from)} <span class="sub mono">{move.from}</span>
                      </td>
                      <td>
                        → {unitName(move.to)} <span class="sub mono">{move.to}</span>
                      </td>
                      <td class="num">{move.count}</td>
                      <td class="mono small">
                        {move.sample_case_ids.slice(0, 3).map((id) => id.slice(0, 8)).join(" ")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          {result.load.length > 0 && (
            <>
              <h3>{ctx.t("sim_load")}</h3>
              <table class="plain" id="sim-load">
                <thead>
                  <tr>
                    <th>{ctx.t("unit_name")}</th>
                    <th class="num">{ctx.t("sim_before")}</th>
                    <th class="num">{ctx.t("sim_after")}</th>
                    <th class="num">{ctx.t("sim_net")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.load.map((load) => (
                    <tr>
                      <td>
                        {unitName(load.unit)} <span class="sub mono">{load.unit}</span>
                      </td>
                      <td class="num">{load.before}</td>
                      <td class="num">{load.after}</td>
                      <td class={`num ${load.net > 0 ? "diff-added" : "diff-removed"}`}>
                        {load.net > 0 ? `+${load.net}` : load.net}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
