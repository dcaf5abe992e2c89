import assert from "node:assert/strict";
import { createUser } from "../../src/people/create_user.ts";
import {
  LOGIN_LOCK_MS,
  LOGIN_MAX_FAILURES,
  LOGIN_WINDOW_MS,
} from "../../src/people/login_throttle.ts";
import { signIn } from "../../src/people/sign_in.ts";
import { updateUser } from "../../src/people/user_repository.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";

const PASSWORD = "a long enough passphrase";

function test(
  name: string,
  fn: (db: Awaited<ReturnType<typeof openTestDatabase>>["db"]) => Promise<void>,
) {
  Deno.test(`${name} (${BACKEND})`, async () => {
    const database = await openTestDatabase();
    try {
      await fn(database.db);
    } finally {
      await database.close();
    }
  });
}

test("a user signs in with the right password only, by name in any case", async (db) => {
  const now = new Date("2026-11-23T02:00:00Z");
  const created = await createUser(db, {
    name: "Li.Hua",
    role: "policy_editor",
    password: PASSWORD,
  }, {
    actor: "test",
    now,
  });
  assert.ok(created.ok);
  assert.equal(created.user.name, "li.hua");
  const ok = await signIn(db, { name: "LI.HUA ", password: PASSWORD, ip: "10.0.0.1" }, now);
  assert.equal(ok.status, "ok");
  assert.equal(ok.status === "ok" && ok.user.role, "policy_editor");
  assert.equal(
    (await signIn(db, { name: "li.hua", password: "wrong", ip: "10.0.0.1" }, now)).status,
    "invalid",
  );
  assert.equal(
    (await signIn(db, { name: "nobody", password: PASSWORD, ip: "10.0.0.1" }, now)).status,
    "invalid",
  );
  await updateUser(db, created.user.id, { disabled_at: now, updated_at: now });
  assert.equal(
    (await signIn(db, { name: "li.hua", password: PASSWORD, ip: "10.0.0.1" }, now)).status,
    "invalid",
  );
});

test("five failures lock a name from one address for a while; others are not locked", async (db) => {
  let now = new Date("2026-11-23T02:00:00Z");
  await createUser(db, { name: "wang", role: "admin", password: PASSWORD }, { actor: "test", now });
  for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
    const attempt = await signIn(db, { name: "wang", password: `guess ${i}`, ip: "10.0.0.9" }, now);
    assert.equal(attempt.status, "invalid");
  }
  const locked = await signIn(db, { name: "wang", password: PASSWORD, ip: "10.0.0.9" }, now);
  assert.equal(locked.status, "throttled", "even the right password waits");
  assert.ok(locked.status === "throttled" && locked.retryAfterSeconds > 0);
  const elsewhere = await signIn(db, { name: "wang", password: PASSWORD, ip: "10.0.0.10" }, now);
  assert.equal(elsewhere.status, "ok", "another address is not locked");

  now = new Date(now.getTime() + LOGIN_LOCK_MS + 1_000);
  assert.equal(
    (await signIn(db, { name: "wang", password: PASSWORD, ip: "10.0.0.9" }, now)).status,
    "ok",
  );
});

test("failures spread over more than the window do not lock", async (db) => {
  let now = new Date("2026-11-23T02:00:00Z");
  await createUser(db, { name: "zhao", role: "viewer", password: PASSWORD }, {
    actor: "test",
    now,
  });
  for (let i = 0; i < LOGIN_MAX_FAILURES * 2; i++) {
    await signIn(db, { name: "zhao", password: "nope", ip: "10.0.0.3" }, now);
    if (i % (LOGIN_MAX_FAILURES - 1) === LOGIN_MAX_FAILURES - 2) {
      now = new Date(now.getTime() + LOGIN_WINDOW_MS + 1_000);
    }
  }
  assert.equal(
    (await signIn(db, { name: "zhao", password: PASSWORD, ip: "10.0.0.3" }, now)).status,
    "ok",
  );
});
