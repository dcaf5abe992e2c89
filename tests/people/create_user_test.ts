import assert from "node:assert/strict";
import { createUser } from "../../src/people/create_user.ts";
import { verifyPassword } from "../../src/people/password_hash.ts";
import { findUserForSignIn } from "../../src/people/user_repository.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";

Deno.test(`createUser checks name, role and password, and stores an argon2id hash (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    const meta = { actor: "cli", now: new Date() };
    const bad = await createUser(db, { name: "x y", role: "root", password: "short" }, meta);
    assert.ok(!bad.ok);
    assert.deepEqual(bad.problems.map((p) => `${p.field}:${p.code}`), [
      "name:invalid",
      "role:invalid",
      "password:too_short",
    ]);
    const ok = await createUser(db, {
      name: "wang.admin",
      role: "admin",
      password: "a long enough one",
    }, meta);
    assert.ok(ok.ok);
    const stored = await findUserForSignIn(db, "wang.admin");
    assert.match(stored!.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.ok(await verifyPassword("a long enough one", stored!.password_hash));
    assert.ok(!(await verifyPassword("a long enough two", stored!.password_hash)));
    const taken = await createUser(db, {
      name: "WANG.ADMIN",
      role: "viewer",
      password: "a long enough one",
    }, meta);
    assert.ok(!taken.ok);
    assert.deepEqual(taken.problems, [{ field: "name", code: "taken" }]);
  } finally {
    await database.close();
  }
});
