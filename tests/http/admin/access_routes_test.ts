/** Users and API tokens in the admin: only admins change them; auditors read them. */
import assert from "node:assert/strict";
import { signedIn, TEST_PASSWORD } from "../../support/admin_client.ts";
import { BACKEND } from "../../support/test_database.ts";
import { startTestWhistle } from "../../support/test_whistle.ts";

Deno.test(`admins create users and API tokens; a token is shown once and can be revoked (${BACKEND})`, async () => {
  const w = await startTestWhistle();
  try {
    const admin = await signedIn(w, "wang.admin", "admin");
    const created = await admin.post("/admin/users", {
      name: "Li.Hua",
      role: "policy_editor",
      password: TEST_PASSWORD,
    });
    assert.equal(created.status, 303);
    const flash = /whistle_flash=([^;]+)/.exec(created.headers.get("set-cookie") ?? "")?.[1];
    assert.ok(flash, "the next page gets a notice");
    const users = await (await admin.get("/admin/users", {
      cookie: `${admin.cookie}; whistle_flash=${flash}`,
    })).text();
    assert.match(users, /li\.hua/);
    assert.match(users, /<p class="flash flash-ok">已创建用户 li\.hua。<\/p>/);

    const bad = await admin.post("/admin/users", { name: "x", role: "root", password: "short" });
    assert.equal(bad.status, 422);
    const badText = await bad.text();
    assert.match(badText, /用户名须为/);
    assert.match(badText, /密码至少 10 个字符/);

    const self = admin.user.id;
    const demote = await admin.post(`/admin/users/${self}/role`, { role: "viewer" });
    assert.equal(demote.status, 409, "an admin cannot demote themself");

    const token = await admin.post("/admin/tokens", { name: "grid-app", role: "intake" });
    assert.equal(token.status, 200);
    const page = await token.text();
    const secret = /id="new-token">(wst_[\w-]+)</.exec(page)?.[1];
    assert.ok(secret, "the new token is on the page once");
    assert.equal(
      (await w.call("POST", "/api/v1/decide", {}, { authorization: `Bearer ${secret}` })).status,
      400,
    );
    const list = await (await admin.get("/admin/tokens")).text();
    assert.doesNotMatch(list, new RegExp(secret), "and never again");

    const id = /action="\/admin\/tokens\/([0-9a-f-]{36})\/revoke"/.exec(list)?.[1];
    assert.ok(id);
    const unitWithoutCode = await admin.post("/admin/tokens", { name: "unit", role: "unit" });
    assert.equal(unitWithoutCode.status, 422);

    const auditor = await signedIn(w, "zhao.audit", "auditor");
    assert.equal((await auditor.get("/admin/tokens")).status, 200);
    assert.doesNotMatch(await (await auditor.get("/admin/tokens")).text(), /id="new-token-form"/);
    assert.equal((await auditor.post(`/admin/tokens/${id}/revoke`)).status, 403);
    assert.equal((await admin.post(`/admin/tokens/${id}/revoke`)).status, 303);
    assert.match(await (await admin.get("/admin/tokens")).text(), /已吊销/);
  } finally {
    await w.close();
  }
});

Deno.test(`disabling a user ends their sessions at once (${BACKEND})`, async () => {
  const w = await startTestWhistle();
  try {
    const admin = await signedIn(w, "wang.admin", "admin");
    const editor = await signedIn(w, "li.editor", "policy_editor");
    assert.equal((await editor.get("/admin")).status, 200);
    assert.equal(
      (await admin.post(`/admin/users/${editor.user.id}/disable`, { disabled: "1" })).status,
      303,
    );
    assert.equal((await editor.get("/admin")).status, 303);
    assert.equal(
      (await admin.post(`/admin/users/${admin.user.id}/disable`, { disabled: "1" })).status,
      409,
    );
  } finally {
    await w.close();
  }
});
