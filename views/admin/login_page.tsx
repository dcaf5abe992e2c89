/** @jsxImportSource hono/jsx */
import { CsrfField, Layout } from "./layout.tsx";
import type { ViewContext } from "./view_context.ts";

/** The sign-in form; `error` is shown above it. */
export function LoginPage(
  props: { ctx: ViewContext; next: string; name?: string; error?: string | null },
) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t("login_title")} section="none">
      <section class="login">
        <h1>{ctx.t("login_title")}</h1>
        {props.error && <p class="flash flash-error" role="alert">{props.error}</p>}
        <form method="post" action="/admin/login">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="next" value={props.next} />
          <label>
            {ctx.t("login_name")}
            <input
              type="text"
              name="name"
              value={props.name ?? ""}
              autocomplete="username"
              autocapitalize="none"
              spellcheck={false}
              required
              autofocus
            />
          </label>
          <label>
            {ctx.t("login_password")}
            <input type="password" name="password" autocomplete="current-password" required />
          </label>
          <button type="submit" class="primary">{ctx.t("login_submit")}</button>
        </form>
        <p class="muted small">
          {ctx.t("login_hint")} <code class="nowrap">deno task user:create NAME --role admin</code>
        </p>
      </section>
    </Layout>
  );
}
