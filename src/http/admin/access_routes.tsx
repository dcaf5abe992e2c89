/** @jsxImportSource hono/jsx */
/**
 * People and machines that may use Whistle: admin users (create, role, password, disable, end
 * sessions) and API tokens (create, shown once; revoke). Reading needs `read_access` (admin,
 * auditor); changing needs `manage_access` (admin).
 *
 * @module
 */

import { type Context, Hono } from "hono";
import { TokensPage } from "../../../views/admin/tokens_page.tsx";
import { type NewUserForm, UsersPage } from "../../../views/admin/users_page.tsx";
import type { MessageKey } from "../../../views/i18n/messages.ts";
import { API_ROLES, type ApiRole } from "../../access/api_token.ts";
import { listApiTokens, revokeApiToken } from "../../access/api_token_admin.ts";
import { createApiToken } from "../../access/create_api_token.ts";
import {
  checkPassword,
  createUser,
  MIN_PASSWORD_LENGTH,
  type UserProblem,
} from "../../people/create_user.ts";
import { hashPassword } from "../../people/password_hash.ts";
import { findUserById, listUsers, updateUser } from "../../people/user_repository.ts";
import { isUserRole, roleCan } from "../../people/user_role.ts";
import { countLiveSessions, revokeUserSessions } from "../../people/user_sessions.ts";
import { actorOf } from "./actor.ts";
import type { AdminDeps } from "./admin_deps.ts";
import type { AdminEnv } from "./admin_env.ts";
import { formText, isUuid, readForm } from "./admin_forms.ts";
import { setFlash } from "./flash.ts";
import { notFound, refuse } from "./refuse.tsx";
import { requirePermission } from "./require_permission.ts";
import { html, seeOther, viewOf } from "./respond.ts";

type Ctx = Context<AdminEnv>;

/** Users and API tokens. */
export function accessRoutes(deps: AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const read = requirePermission("read_access");
  const manage = requirePermission("manage_access");

  const usersPage = async (c: Ctx, form?: NewUserForm, status: 200 | 422 = 200) => {
    const [users, sessions] = await Promise.all([
      listUsers(deps.db),
      countLiveSessions(deps.db, deps.clock()),
    ]);
    return html(
      c,
      <UsersPage ctx={viewOf(c)} users={users} sessions={sessions} form={form} />,
      status,
    );
  };

  const problemText = (c: Ctx, problem: UserProblem) =>
    viewOf(c).t(problemKey(problem), { min: MIN_PASSWORD_LENGTH });

  app.get("/users", read, async (c) => await usersPage(c));

  app.post("/users", manage, async (c) => {
    const form = await readForm(c);
    const input = {
      name: formText(form, "name", 100),
      role: formText(form, "role", 40),
      password: typeof form.password === "string" ? form.password : "",
    };
    const outcome = await createUser(deps.db, input, { actor: actorOf(c), now: deps.clock() });
    if (!outcome.ok) {
      const problems = outcome.problems.map((p) => problemText(c, p));
      return await usersPage(c, { name: input.name, role: input.role, problems }, 422);
    }
    setFlash(c, "ok", "user_created", { name: outcome.user.name });
    return seeOther(c, "/admin/users");
  });

  /** Loads the user of `:id` for a change, refusing changes that would lock the admin out. */
  const target = async (c: Ctx, options: { notSelf?: boolean } = {}) => {
    const id = c.req.param("id") ?? "";
    const user = isUuid(id) ? await findUserById(deps.db, id) : undefined;
    if (!user) return { response: await notFound(c) };
    if (options.notSelf && user.id === c.get("session")?.user.id) {
      return { response: await refuse(c, 409, "error_conflict_title", "user_not_self") };
    }
    return { user };
  };

  app.post("/users/:id/role", manage, async (c) => {
    const form = await readForm(c);
    const role = formText(form, "role", 40);
    const self = c.get("session")?.user.id === c.req.param("id");
    const demotesSelf = self && !(isUserRole(role) && roleCan(role, "manage_access"));
    const found = await target(c, { notSelf: demotesSelf });
    if (found.response) return found.response;
    if (!isUserRole(role)) return refuse(c, 400, "error_bad_request_title", "problem_role_invalid");
    await updateUser(deps.db, found.user.id, { role, updated_at: deps.clock() });
    setFlash(c, "ok", "user_updated", { name: found.user.name });
    return seeOther(c, "/admin/users");
  });

  app.post("/users/:id/password", manage, async (c) => {
    const found = await target(c);
    if (found.response) return found.response;
    const form = await readForm(c);
    const password = typeof form.password === "string" ? form.password : "";
    const problem = checkPassword(password);
    if (problem) {
      return refuse(c, 400, "error_bad_request_title", problemKey(problem), {
        min: MIN_PASSWORD_LENGTH,
      });
    }
    const now = deps.clock();
    await updateUser(deps.db, found.user.id, {
      password_hash: await hashPassword(password),
      updated_at: now,
    });
    await revokeUserSessions(deps.db, found.user.id, now);
    setFlash(c, "ok", "user_updated", { name: found.user.name });
    return seeOther(c, "/admin/users");
  });

  app.post("/users/:id/disable", manage, async (c) => {
    const found = await target(c, { notSelf: true });
    if (found.response) return found.response;
    const form = await readForm(c);
    const now = deps.clock();
    const disable = formText(form, "disabled") !== "0";
    await updateUser(deps.db, found.user.id, {
      disabled_at: disable ? now : null,
      updated_at: now,
    });
    if (disable) await revokeUserSessions(deps.db, found.user.id, now);
    setFlash(c, "ok", "user_updated", { name: found.user.name });
    return seeOther(c, "/admin/users");
  });

  app.post("/users/:id/sessions/revoke", manage, async (c) => {
    const found = await target(c);
    if (found.response) return found.response;
    await revokeUserSessions(deps.db, found.user.id, deps.clock());
    setFlash(c, "ok", "user_updated", { name: found.user.name });
    return seeOther(c, "/admin/users");
  });

  const tokensPage = async (
    c: Ctx,
    extra: Pick<Parameters<typeof TokensPage>[0], "created" | "form"> = {},
    status: 200 | 422 = 200,
  ) => {
    const tokens = await listApiTokens(deps.db);
    return html(c, <TokensPage ctx={viewOf(c)} tokens={tokens} {...extra} />, status);
  };

  app.get("/tokens", read, async (c) => await tokensPage(c));

  app.post("/tokens", manage, async (c) => {
    const form = await readForm(c);
    const name = formText(form, "name", 200);
    const role = formText(form, "role", 40);
    const unit = formText(form, "unit", 100);
    const ctx = viewOf(c);
    const problems: string[] = [];
    if (name.length < 1 || name.length > 100) problems.push(ctx.t("token_name_invalid"));
    if (!(API_ROLES as readonly string[]).includes(role) || (role === "unit") !== (unit !== "")) {
      problems.push(ctx.t("token_unit_invalid"));
    }
    if (problems.length > 0) {
      return await tokensPage(c, { form: { name, role, unit, problems } }, 422);
    }
    const { token } = await createApiToken(
      deps.db,
      { name, role: role as ApiRole, unitCode: unit || null },
      deps.clock(),
    );
    return await tokensPage(c, { created: { name, token } });
  });

  app.post("/tokens/:id/revoke", manage, async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) return notFound(c);
    const tokens = await listApiTokens(deps.db);
    const token = tokens.find((t) => t.id === id);
    if (!token || !(await revokeApiToken(deps.db, id, deps.clock()))) return notFound(c);
    setFlash(c, "ok", "token_revoked_note", { name: token.name });
    return seeOther(c, "/admin/tokens");
  });

  return app;
}

/** The message that explains a problem with a new user or password. */
function problemKey(problem: UserProblem): MessageKey {
  switch (problem.field) {
    case "name":
      return problem.code === "taken" ? "problem_name_taken" : "problem_name_invalid";
    case "role":
      return "problem_role_invalid";
    case "password":
      return problem.code === "too_long"
        ? "problem_password_too_long"
        : "problem_password_too_short";
  }
}
