/** Sign-in, sessions, CSRF, security headers and the language of the admin. */
import assert from "node:assert/strict";
import { LOGIN_MAX_FAILURES } from "../../../src/people/login_throttle.ts";
import {
  addUser,
  formBody,
  signedIn,
  TEST_ORIGIN,
  TEST_PASSWORD,
} from "../../support/admin_client.ts";
import { BACKEND } from "../../support/test_database.ts";
import { startTestWhistle, type TestWhistle } from "../../support/test_whistle.ts";

function test(name: string, fn: (w: TestWhistle) => Promise<void>) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const w = await startTestWhistle();
    try {
      await fn(w);
    } finally {
      await w.close();
    }
  });
}

function login(
  w: TestWhistle,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return Promise.resolve(w.app.request("/admin/login", {
    method: "POST",
    headers: {
      origin: TEST_ORIGIN,
      "content-type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body: formBody(fields),
  }));
}

test("signing in sets an HttpOnly, SameSite session cookie and goes back where it was asked", async (w) => {
  await addUser(w, "li", "viewer");
  const anonymous = await w.app.request("/admin/versions?x=1");
  assert.equal(anonymous.status, 303);
  assert.equal(anonymous.headers.get("location"), "/admin/login?next=%2Fadmin%2Fversions%3Fx%3D1");

  const res = await login(w, { name: "li", password: TEST_PASSWORD, next: "/admin/versions?x=1" });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get("location"), "/admin/versions?x=1");
  const cookie = res.headers.get("set-cookie")!;
  assert.match(cookie, /^whistle_session=[\w-]{43};/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  assert.match(cookie, /Path=\/admin/);
  assert.doesNotMatch(cookie, /Secure/, "plain http: no Secure (it would never come back)");

  const https = await w.app.request("https://whistle.example/admin/login", {
    method: "POST",
    headers: {
      origin: "https://whistle.example",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: formBody({ name: "li", password: TEST_PASSWORD }),
  });
  assert.match(https.headers.get("set-cookie")!, /Secure/);

  const offsite = await login(w, {
    name: "li",
    password: TEST_PASSWORD,
    next: "https://evil.example/",
  });
  assert.equal(offsite.headers.get("location"), "/admin", "never back to another site");
});

test("a wrong password says so without telling which part was wrong; five lock the pair", async (w) => {
  await addUser(w, "wang", "admin");
  const wrong = await login(w, { name: "wang", password: "nope" });
  assert.equal(wrong.status, 401);
  assert.match(await wrong.text(), /用户名或密码不正确/);
  const unknown = await login(w, { name: "nobody", password: "nope" });
  assert.equal(unknown.status, 401);
  for (let i = 1; i < LOGIN_MAX_FAILURES; i++) {
    await (await login(w, { name: "wang", password: "x" })).body?.cancel();
  }
  const locked = await login(w, { name: "wang", password: TEST_PASSWORD });
  assert.equal(locked.status, 429);
  assert.ok(Number(locked.headers.get("retry-after")) > 0);
  assert.match(await locked.text(), /分钟后再试/);
});

test("sign-in from another site is refused (origin check)", async (w) => {
  await addUser(w, "li", "viewer");
  const res = await login(w, { name: "li", password: TEST_PASSWORD }, {
    origin: "https://evil.example",
  });
  assert.equal(res.status, 403);
  assert.equal(res.headers.get("set-cookie"), null);
});

test("every state-changing request needs the session's CSRF token and the admin's origin", async (w) => {
  const editor = await signedIn(w, "li", "policy_editor");
  const post = (headers: Record<string, string>, fields: Record<string, string>) =>
    w.app.request("/admin/drafts", {
      method: "POST",
      headers: {
        cookie: editor.cookie,
        "content-type": "application/x-www-form-urlencoded",
        ...headers,
      },
      body: formBody(fields),
    });
  assert.equal((await post({ origin: TEST_ORIGIN }, { note: "no token" })).status, 403);
  assert.equal((await post({ origin: TEST_ORIGIN }, { note: "x", _csrf: "wrong" })).status, 403);
  assert.equal(
    (await post({ origin: "https://evil.example" }, { note: "x", _csrf: editor.csrf })).status,
    403,
  );
  const viaHeader = await post({ origin: TEST_ORIGIN, "x-csrf-token": editor.csrf }, {
    note: "htmx",
  });
  assert.equal(viaHeader.status, 303);
  const viaField = await post({ origin: TEST_ORIGIN }, { note: "form", _csrf: editor.csrf });
  assert.equal(viaField.status, 303);
  const htmx = await post({ origin: TEST_ORIGIN, "hx-request": "true" }, { note: "x" });
  assert.equal(htmx.status, 403);
  assert.equal(htmx.headers.get("hx-retarget"), "#flash", "htmx shows the refusal as a notice");
});

test("pages carry a CSP that allows only this origin, and are not cached", async (w) => {
  const viewer = await signedIn(w, "zhao", "viewer");
  const res = await viewer.get("/admin");
  const csp = res.headers.get("content-security-policy")!;
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /style-src 'self';/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(res.headers.get("cache-control"), "no-store");
  const html = await res.text();
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /style="/, "no inline styles (CSP)");
  assert.doesNotMatch(html, /<script>/, "no inline scripts (CSP)");

  const css = await w.app.request(/href="(\/assets\/admin\.css\?v=\w+)"/.exec(html)![1]);
  assert.equal(css.status, 200);
  assert.match(css.headers.get("cache-control")!, /max-age=31536000, immutable/);
  const js = await w.app.request(/src="(\/assets\/htmx\.min\.js\?v=\w+)"/.exec(html)![1]);
  assert.equal(js.status, 200);
  assert.match(await js.text(), /htmx/);
});

test("sign-out ends the session in the database, not just in the browser", async (w) => {
  const viewer = await signedIn(w, "zhao", "viewer");
  const out = await viewer.post("/admin/logout");
  assert.equal(out.status, 303);
  assert.equal(out.headers.get("location"), "/admin/login");
  const after = await viewer.get("/admin");
  assert.equal(after.status, 303, "the old cookie opens nothing");
});

test("the language follows Accept-Language until the switch is used, then the cookie", async (w) => {
  const viewer = await signedIn(w, "zhao", "viewer");
  const zh = await (await viewer.get("/admin/units")).text();
  assert.match(zh, /<html lang="zh-CN">/);
  assert.match(zh, /云冈区民政局/);
  const en = await (await viewer.get("/admin/units", { "accept-language": "en-US,en;q=0.9" }))
    .text();
  assert.match(en, /<html lang="en">/);
  assert.match(en, /Yungang District Civil Affairs Bureau|Civil Affairs/);
  const switched = await viewer.get("/admin/lang/en?next=/admin/units");
  assert.equal(switched.status, 303);
  assert.equal(switched.headers.get("location"), "/admin/units");
  assert.match(switched.headers.get("set-cookie")!, /whistle_lang=en; Max-Age=31536000/);
  const remembered = await (await viewer.get("/admin/units", {
    cookie: `${viewer.cookie}; whistle_lang=en`,
    "accept-language": "zh-CN",
  })).text();
  assert.match(remembered, /<html lang="en">/);
  const evil = await viewer.get("/admin/lang/en?next=https://evil.example");
  assert.equal(evil.headers.get("location"), "/admin");
});
