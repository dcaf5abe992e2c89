/** @jsxImportSource hono/jsx */
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import type { RulesetDiff } from "../../src/rulesets/diff_rulesets.ts";
import type { RulesetVersionMeta } from "../../src/rulesets/ruleset_version_queries.ts";
import { DiffView } from "./diff_view.tsx";
import { beijingDateTime } from "./format.ts";
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** Two versions and their diff, for the compare page and the rollback confirmation. */
export interface VersionDiff {
  from: { version: number; document: RulesetDocument };
  to: { version: number; document: RulesetDocument };
  diff: RulesetDiff;
}

function CompareForm(
  props: { ctx: ViewContext; versions: RulesetVersionMeta[]; from?: number; to?: number },
) {
  const { ctx, versions } = props;
  const options = (selected: number | undefined) =>
    versions.map((v) => (
      <option value={String(v.version)} selected={v.version === selected}>
        v{v.version}
        {v.active ? ` (${ctx.t("version_active")})` : ""}
      </option>
    ));
  return (
    <form method="get" action="/admin/versions/diff" class="toolbar">
      <label>
        {ctx.t("version_from")}
        <select name="from">{options(props.from ?? versions[1]?.version)}</select>
      </label>
      <label>
        {ctx.t("version_to")}
        <select name="to">{options(props.to ?? versions[0]?.version)}</select>
      </label>
      <button type="submit">{ctx.t("version_compare")}</button>
    </form>
  );
}

/** Every version, newest first, with the active one marked; compare any two; re-activate. */
export function VersionsPage(
  props: { ctx: ViewContext; versions: RulesetVersionMeta[]; compared?: VersionDiff | null },
) {
  const { ctx, versions, compared } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("versions_title")} section="versions">
      <h1>{ctx.t("versions_title")}</h1>
      {versions.length > 1 && (
        <CompareForm
          ctx={ctx}
          versions={versions}
          from={compared?.from.version}
          to={compared?.to.version}
        />
      )}
      {compared && (
        <section>
          <h2>
            {ctx.t("version_diff_title", {
              from: compared.from.version,
              to: compared.to.version,
            })}
          </h2>
          <DiffView
            ctx={ctx}
            diff={compared.diff}
            before={compared.from.document}
            after={compared.to.document}
          />
        </section>
      )}
      <h2>{ctx.t("versions_title")}</h2>
      <table class="plain" id="versions">
        <thead>
          <tr>
            <th>{ctx.t("version_col")}</th>
            <th>{ctx.t("col_created")}</th>
            <th>{ctx.t("col_author")}</th>
            <th>{ctx.t("draft_note")}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v, i) => (
            <tr>
              <td>
                <strong>v{v.version}</strong>{" "}
                {v.active && <span class="badge ok">{ctx.t("version_active")}</span>}
              </td>
              <td>{beijingDateTime(v.created_at)}</td>
              <td>{v.author}</td>
              <td>{v.note}</td>
              <td class="actions">
                {versions[i + 1] && (
                  <a
                    class="button"
                    href={`/admin/versions/diff?from=${versions[i + 1].version}&to=${v.version}`}
                  >
                    {ctx.t("version_compare")}
                  </a>
                )}{" "}
                {!v.active && ctx.can("edit_rules") && (
                  <a class="button" href={`/admin/versions/${v.version}/rollback`}>
                    {ctx.t("version_rollback")}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** The rollback confirmation: what re-activating a version changes, and the button. */
export function RollbackPage(props: { ctx: ViewContext; compared: VersionDiff }) {
  const { ctx, compared } = props;
  const target = compared.to.version;
  return (
    <Layout ctx={ctx} title={ctx.t("rollback_title", { version: target })} section="versions">
      <h1>{ctx.t("rollback_title", { version: target })}</h1>
      <p class="muted">
        {ctx.t("rollback_help", { version: target, active: compared.from.version })}
      </p>
      <DiffView
        ctx={ctx}
        diff={compared.diff}
        before={compared.from.document}
        after={compared.to.document}
      />
      <form method="post" action={`/admin/versions/${target}/rollback`} class="row">
        <CsrfField ctx={ctx} />
        <label class="grow">
          {ctx.t("rollback_note")}
          <input type="text" name="note" maxlength={500} />
        </label>
        <button type="submit" class="primary">{ctx.t("rollback_confirm")}</button>
        <a class="button" href="/admin/versions">{ctx.t("cancel")}</a>
      </form>
    </Layout>
  );
}
