/** @jsxImportSource hono/jsx */
import { API_ROLES } from "../../src/access/api_token.ts";
import type { ApiTokenListing } from "../../src/access/api_token_admin.ts";
import { beijingDateTime } from "./format.ts";
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** API tokens; admins create them (shown once) and revoke them. */
export function TokensPage(
  props: {
    ctx: ViewContext;
    tokens: ApiTokenListing[];
    created?: { name: string; token: string } | null;
    form?: { name: string; role: string; unit: string; problems: string[] };
  },
) {
  const { ctx } = props;
  const manage = ctx.can("manage_access");
  return (
    <Layout ctx={ctx} title={ctx.t("tokens_title")} section="tokens">
      <h1>{ctx.t("tokens_title")}</h1>
      <p class="muted">{ctx.t("tokens_help")}</p>
      {props.created && (
        <section class="note" id="token-created">
          <p>{ctx.t("token_created", { name: props.created.name })}</p>
          <p class="token-once" id="new-token">{props.created.token}</p>
        </section>
      )}
      {manage && (
        <form method="post" action="/admin/tokens" class="row" id="new-token-form">
          <CsrfField ctx={ctx} />
          <label>
            {ctx.t("token_name")}
            <input type="text" name="name" value={props.form?.name ?? ""} required size={20} />
          </label>
          <label>
            {ctx.t("token_role")}
            <select name="role">
              {API_ROLES.map((role) => (
                <option value={role} selected={role === (props.form?.role ?? "intake")}>
                  {role}
                </option>
              ))}
            </select>
          </label>
          <label>
            {ctx.t("token_unit")}
            <input
              type="text"
              name="unit"
              value={props.form?.unit ?? ""}
              size={18}
              placeholder={ctx.t("token_unit_help")}
            />
          </label>
          <button type="submit" class="primary">{ctx.t("token_create")}</button>
        </form>
      )}
      {props.form?.problems.map((problem) => <p key={problem} class="field-error">{problem}</p>)}
      <table class="plain" id="tokens">
        <thead>
          <tr>
            <th>{ctx.t("token_name")}</th>
            <th>{ctx.t("token_role")}</th>
            <th>{ctx.t("token_unit")}</th>
            <th>{ctx.t("col_created")}</th>
            <th>{ctx.t("col_status")}</th>
            {manage && <th></th>}
          </tr>
        </thead>
        <tbody>
          {props.tokens.map((token) => (
            <tr>
              <td>{token.name}</td>
              <td class="code">{token.role}</td>
              <td class="code">{token.unit_code ?? ""}</td>
              <td>{beijingDateTime(token.created_at)}</td>
              <td>
                {token.revoked_at
                  ? (
                    <span class="badge err">
                      {ctx.t("token_revoked")} {beijingDateTime(token.revoked_at)}
                    </span>
                  )
                  : <span class="badge ok">{ctx.t("token_live")}</span>}
              </td>
              {manage && (
                <td class="actions">
                  {!token.revoked_at && (
                    <form
                      method="post"
                      action={`/admin/tokens/${token.id}/revoke`}
                      class="inline"
                      hx-post={`/admin/tokens/${token.id}/revoke`}
                      hx-confirm={ctx.t("confirm_remove", { item: token.name })}
                    >
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="danger">{ctx.t("token_revoke")}</button>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
