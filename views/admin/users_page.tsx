/** @jsxImportSource hono/jsx */
import { MIN_PASSWORD_LENGTH } from "../../src/people/create_user.ts";
import type { User } from "../../src/people/user_repository.ts";
import { USER_ROLES } from "../../src/people/user_role.ts";
import { beijingDateTime } from "./format.ts";
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** The create form's values and what was wrong with them. */
export interface NewUserForm {
  name: string;
  role: string;
  problems: string[];
}

/** Users with their roles and live sessions; admins create, change and disable them. */
export function UsersPage(
  props: {
    ctx: ViewContext;
    users: User[];
    sessions: ReadonlyMap<string, number>;
    form?: NewUserForm;
  },
) {
  const { ctx } = props;
  const manage = ctx.can("manage_access");
  const roleOptions = (selected: string) =>
    USER_ROLES.map((role) => (
      <option value={role} selected={role === selected}>{ctx.t(`role_${role}`)}</option>
    ));
  return (
    <Layout ctx={ctx} title={ctx.t("users_title")} section="users">
      <h1>{ctx.t("users_title")}</h1>
      {manage && (
        <form method="post" action="/admin/users" class="row" id="new-user">
          <CsrfField ctx={ctx} />
          <label>
            {ctx.t("user_name")}
            <input type="text" name="name" value={props.form?.name ?? ""} required size={16} />
          </label>
          <label>
            {ctx.t("user_role")}
            <select name="role">{roleOptions(props.form?.role ?? "viewer")}</select>
          </label>
          <label>
            {ctx.t("user_password", { min: MIN_PASSWORD_LENGTH })}
            <input type="password" name="password" autocomplete="new-password" required />
          </label>
          <button type="submit" class="primary">{ctx.t("user_create")}</button>
        </form>
      )}
      {props.form?.problems.map((problem) => <p key={problem} class="field-error">{problem}</p>)}
      <table class="plain" id="users">
        <thead>
          <tr>
            <th>{ctx.t("user_name")}</th>
            <th>{ctx.t("user_role")}</th>
            <th class="num">{ctx.t("user_sessions")}</th>
            <th>{ctx.t("col_created")}</th>
            {manage && <th>{ctx.t("actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => {
            const base = `/admin/users/${user.id}`;
            return (
              <tr>
                <td>
                  <strong>{user.name}</strong>{" "}
                  {user.disabled_at && <span class="badge err">{ctx.t("user_disabled")}</span>}
                </td>
                <td>{ctx.t(`role_${user.role}`)}</td>
                <td class="num">{props.sessions.get(user.id) ?? 0}</td>
                <td>
                  {beijingDateTime(user.created_at)} <span class="sub">{user.created_by}</span>
                </td>
                {manage && (
                  <td>
                    <form method="post" action={`${base}/role`} class="inline">
                      <CsrfField ctx={ctx} />
                      <select name="role" aria-label={ctx.t("user_role")}>
                        {roleOptions(user.role)}
                      </select>{" "}
                      <button type="submit">{ctx.t("user_change_role")}</button>
                    </form>{" "}
                    <form method="post" action={`${base}/password`} class="inline">
                      <CsrfField ctx={ctx} />
                      <input
                        type="password"
                        name="password"
                        autocomplete="new-password"
                        placeholder={ctx.t("user_new_password")}
                        size={12}
                        aria-label={ctx.t("user_new_password")}
                      />{" "}
                      <button type="submit">{ctx.t("user_set_password")}</button>
                    </form>{" "}
                    <form method="post" action={`${base}/sessions/revoke`} class="inline">
                      <CsrfField ctx={ctx} />
                      <button type="submit">{ctx.t("user_signout_all")}</button>
                    </form>{" "}
                    <form method="post" action={`${base}/disable`} class="inline">
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="disabled" value={user.disabled_at ? "0" : "1"} />
                      <button type="submit" class={user.disabled_at ? "" : "danger"}>
                        {user.disabled_at ? ctx.t("user_enable") : ctx.t("user_disable")}
                      </button>
                    </form>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}
