import assert from "node:assert/strict";
import { createUser } from "../../src/people/create_user.ts";
import type { User } from "../../src/people/user_repository.ts";
import type { UserRole } from "../../src/people/user_role.ts";
import type { TestWhistle } from "./test_whistle.ts";

/** The origin `app.request()` requests have (`http://localhost`). */
export const TEST_ORIGIN = "http://localhost";

/** The password test users get. */
export const TEST_PASSWORD = "correct horse battery";

/** A signed-in browser, as far as the admin can tell: a session cookie and a CSRF token. */
export interface AdminClient {
  user: User;
  cookie: string;
  csrf: string;
  /** A GET with the session cookie (and more headers, e.g. `HX-Request`). */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A form POST from the admin's origin, with the session cookie and the CSRF field added. */
  post(
    path: string,
    fields?: Record<string, string | string[]>,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

/** A form body from fields (repeated fields as arrays). */
export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body;
}

/** Creates a user with {@link TEST_PASSWORD}. */
export async function addUser(w: TestWhistle, name: string, role: UserRole): Promise<User> {
  const outcome = await createUser(w.database.db, { name, role, password: TEST_PASSWORD }, {
    actor: "test",
    now: new Date(),
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.user;
}

/** Creates a user with `role` and signs in as them through `POST /admin/login`. */
export async function signedIn(w: TestWhistle, name: string, role: UserRole): Promise<AdminClient> {
  const user = await addUser(w, name, role);
  const login = await w.app.request("/admin/login", {
    method: "POST",
    headers: { origin: TEST_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: formBody({ name, password: TEST_PASSWORD, next: "/admin" }),
  });
  assert.equal(login.status, 303, await login.text());
  const setCookie = login.headers.get("set-cookie") ?? "";
  const match = /whistle_session=([^;]+)/.exec(setCookie);
  assert.ok(match, `no session cookie in ${setCookie}`);
  const cookie = `whistle_session=${match[1]}`;
  const page = await w.app.request("/admin", { headers: { cookie } });
  assert.equal(page.status, 200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  assert.ok(csrf, "no CSRF token on the overview page");
  return {
    user,
    cookie,
    csrf,
    get: (path, headers = {}) =>
      Promise.resolve(w.app.request(path, { headers: { cookie, ...headers } })),
    post: (path, fields = {}, headers = {}) =>
      Promise.resolve(w.app.request(path, {
        method: "POST",
        headers: {
          cookie,
          origin: TEST_ORIGIN,
          "content-type": "application/x-www-form-urlencoded",
          ...headers,
        },
        body: formBody({ _csrf: csrf, ...fields }),
      })),
  };
}
