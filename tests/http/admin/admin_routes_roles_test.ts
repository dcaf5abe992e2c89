/**
 * Walks every admin route as every role, with `app.request()`. The routes come from the app's
 * own router, so a new route without an entry in EXPECTED fails this test until someone decides
 * who may use it.
 *
 * - anonymous: every route but sign-in, the language switch and the static files redirects to
 *   the sign-in page;
 * - a role without the route's permission: 403;
 * - a role with it: a GET page answers 200 (or a redirect that is not to the sign-in page), a
 *   POST anything but 401/403/5xx.
 */
import assert from "node:assert/strict";
import { createApiToken } from "../../../src/access/create_api_token.ts";
import { type Permission, roleCan, type UserRole } from "../../../src/people/user_role.ts";
import { createDraft } from "../../../src/rulesets/create_draft.ts";
import { editDraft } from "../../../src/rulesets/edit_draft.ts";
import { publishDraft } from "../../../src/rulesets/publish_draft.ts";
import { startSimulation } from "../../../src/rulesets/start_simulation.ts";
import { simulationJobs } from "../../../src/rulesets/simulation_jobs.ts";
import { addUser, type AdminClient, signedIn, TEST_ORIGIN } from "../../support/admin_client.ts";
import { BACKEND } from "../../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../../support/test_whistle.ts";

type Access = Permission | "public";

/** Who may use each route: `METHOD path` as the router has it. */
const EXPECTED: Record<string, Access> = {
  "GET /admin/login": "public",
  "POST /admin/login": "public",
  "GET /admin/lang/:lang{zh|en}": "public",
  "GET /assets/:name": "public",
  "POST /admin/logout": "read",
  "GET /admin": "read",
  "GET /admin/units": "read",
  "GET /admin/matter-types": "read",
  "GET /admin/rules": "read",
  "GET /admin/drafts": "read",
  "GET /admin/drafts/:id": "read",
  "GET /admin/drafts/:id/matter-types": "read",
  "GET /admin/drafts/:id/matter-types/:code": "read",
  "GET /admin/drafts/:id/rules": "read",
  "GET /admin/drafts/:id/simulations": "read",
  "GET /admin/drafts/:id/simulations/:sid": "read",
  "GET /admin/versions": "read",
  "GET /admin/versions/diff": "read",
  "GET /admin/try": "read",
  "GET /admin/performance": "read",
  "GET /admin/performance/units/:code": "read",
  "GET /admin/performance/types/:code": "read",
  "GET /admin/performance/report": "read",
  "GET /admin/performance/performance.css": "public",
  "ALL /admin/*": "read",
  "POST /admin/drafts": "edit_rules",
  "POST /admin/drafts/:id/discard": "edit_rules",
  "GET /admin/drafts/:id/matter-types/:code/edit": "edit_rules",
  "POST /admin/drafts/:id/matter-types": "edit_rules",
  "POST /admin/drafts/:id/matter-types/:code": "edit_rules",
  "POST /admin/drafts/:id/matter-types/:code/delete": "edit_rules",
  "GET /admin/drafts/:id/rules/new": "edit_rules",
  "GET /admin/drafts/:id/rules/:name/edit": "edit_rules",
  "POST /admin/drafts/:id/rules": "edit_rules",
  "POST /admin/drafts/:id/rules/editor": "edit_rules",
  "POST /admin/drafts/:id/rules/check": "edit_rules",
  "POST /admin/drafts/:id/rules/:name/delete": "edit_rules",
  "POST /admin/drafts/:id/simulations": "edit_rules",
  "GET /admin/drafts/:id/publish": "edit_rules",
  "POST /admin/drafts/:id/publish": "edit_rules",
  "GET /admin/versions/:version/rollback": "edit_rules",
  "POST /admin/versions/:version/rollback": "edit_rules",
  "GET /admin/users": "read_access",
  "GET /admin/tokens": "read_access",
  "POST /admin/users": "manage_access",
  "POST /admin/users/:id/role": "manage_access",
  "POST /admin/users/:id/password": "manage_access",
  "POST /admin/users/:id/disable": "manage_access",
  "POST /admin/users/:id/sessions/revoke": "manage_access",
  "POST /admin/tokens": "manage_access",
  "POST /admin/tokens/:id/revoke": "manage_access",
};

/** The admin routes the app has, as `METHOD path`, each once. */
function adminRoutes(w: TestWhistle): string[] {
  const keys = w.app.routes
    .filter((r) =>
      r.path === "/admin" || r.path.startsWith("/admin/") || r.path.startsWith("/assets/")
    )
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}

/** Ids the routes' parameters are filled with. */
interface Fixture {
  draftId: string;
  simulationId: string;
  userId: string;
  tokenId: string;
}

/** An open draft with a simulation, a second published version, a user and a token. */
async function fixture(w: TestWhistle): Promise<Fixture> {
  const db = w.database.db;
  const meta = { actor: "user:test", now: new Date() };
  const first = await createDraft(db, { from: "version" }, { ...meta, note: "v2", author: "test" });
  if (!first.ok) throw new Error("no draft");
  await editDraft(db, first.draft.id, {
    kind: "patch_matter_type",
    code: "MT-MZJ-005",
    changes: { owner: "YG-SFJ" },
  }, meta);
  const published = await publishDraft(db, first.draft.id, { ...meta, note: "", requestId: null });
  assert.equal(published.status, "published");
  await w.ruleset.refresh();
  const open = await createDraft(db, { from: "version" }, {
    ...meta,
    note: "open",
    author: "test",
  });
  if (!open.ok) throw new Error("no draft");
  const now = new Date();
  const started = await startSimulation(db, open.draft.id, {
    from: new Date(now.getTime() - 86_400_000),
    to: now,
    baseline: "active",
  }, { actor: "user:test" });
  if (started.status !== "started") throw new Error("no simulation");
  await simulationJobs(db).idle();
  const target = await addUser(w, "walk-target", "viewer");
  const { id: tokenId } = await createApiToken(db, { name: "walk-token" }, now);
  return {
    draftId: open.draft.id,
    simulationId: started.simulation.id,
    userId: target.id,
    tokenId,
  };
}

/** A concrete URL for a route pattern. */
function urlFor(pattern: string, f: Fixture): string {
  const id = pattern.startsWith("/admin/users/")
    ? f.userId
    : pattern.startsWith("/admin/tokens/")
    ? f.tokenId
    : f.draftId;
  return pattern
    .replace("/*", "/no-such-page")
    .replace(/:lang\{[^}]*\}/, "en")
    .replace(":name{[^/]+}", "x")
    .replace("/assets/:name", "/assets/admin.css")
    .replace(":id", id)
    .replace(":sid", f.simulationId)
    .replace(":code", pattern.includes("/units/") ? "YG-MZJ" : "MT-MZJ-005")
    .replace(":name", "gas-leak-to-fire-brigade")
    .replace(":version", "1") +
    (pattern === "/admin/versions/diff" ? "?from=1&to=2" : "");
}

/** Sends one request to a route, as `client` (or anonymously). */
async function send(
  w: TestWhistle,
  method: string,
  url: string,
  client: AdminClient | null,
): Promise<Response> {
  const verb = method === "ALL" ? "GET" : method;
  if (client) return verb === "GET" ? await client.get(url) : await client.post(url);
  return await w.app.request(url, {
    method: verb,
    headers: verb === "GET"
      ? {}
      : { origin: TEST_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: verb === "GET" ? undefined : "",
  });
}

function allowed(access: Access, role: UserRole | null): boolean {
  if (access === "public") return true;
  return role !== null && roleCan(role, access);
}

const ROLES: (UserRole | null)[] = [null, "viewer", "auditor", "policy_editor", "admin"];

for (const role of ROLES) {
  Deno.test(`every admin route as ${role ?? "anonymous"} (${BACKEND})`, async () => {
    const w = await startTestWhistle();
    try {
      const routes = adminRoutes(w);
      const unknown = routes.filter((key) => !(key in EXPECTED));
      assert.deepEqual(unknown, [], "routes without an expected permission: add them to EXPECTED");
      const gone = Object.keys(EXPECTED).filter((key) => !routes.includes(key));
      assert.deepEqual(gone, [], "EXPECTED names routes the app no longer has");

      const f = await fixture(w);
      const client = role ? await signedIn(w, `walk-${role}`, role) : null;
      // Pages first, then changes (which may remove what later pages show), logout last.
      const ordered = [...routes].sort((a, b) => rank(a) - rank(b));
      const problems: string[] = [];
      for (const key of ordered) {
        const [method, pattern] = key.split(" ");
        const access = EXPECTED[key];
        const url = urlFor(pattern, f);
        const res = await send(w, method, url, client);
        const location = res.headers.get("location") ?? res.headers.get("hx-redirect") ?? "";
        await res.body?.cancel();
        // requirePermission sends the signed-out to `/admin/login?next=…`.
        const toLogin = (res.status === 303 || res.status === 200) &&
          location.startsWith("/admin/login?next=");
        const what = `${key} → ${res.status} ${location}`;
        if (Deno.env.get("WHISTLE_TEST_VERBOSE")) console.log(role, what);
        if (res.status >= 500) problems.push(`${what}: server error`);
        else if (!allowed(access, role)) {
          if (role === null && !toLogin) problems.push(`${what}: expected a redirect to sign in`);
          if (role !== null && res.status !== 403) problems.push(`${what}: expected 403`);
        } else if (res.status === 401 && !(key === "POST /admin/login")) {
          problems.push(`${what}: refused`);
        } else if (res.status === 403 || (toLogin && access !== "public")) {
          problems.push(`${what}: expected access for ${role}`);
        } else if (method === "GET" && access !== "public") {
          const ok = res.status === 200 || (res.status === 303 && !toLogin);
          if (!ok) problems.push(`${what}: expected the page`);
        } else if (method === "ALL" && res.status !== 404) {
          problems.push(`${what}: expected the not-found page`);
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await w.close();
    }
  });
}

/** GET before POST; destructive POSTs and sign-out last. */
function rank(key: string): number {
  if (key.startsWith("GET") || key.startsWith("ALL")) return 0;
  if (key.includes("/logout")) return 9;
  if (/discard|delete|revoke|disable|password|rollback|publish/.test(key)) return 5;
  return 1;
}
