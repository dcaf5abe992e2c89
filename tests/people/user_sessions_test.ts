import assert from "node:assert/strict";
import { createUser } from "../../src/people/create_user.ts";
import { updateUser } from "../../src/people/user_repository.ts";
import {
  countLiveSessions,
  createSession,
  deleteOldSessions,
  findSession,
  revokeSession,
  revokeUserSessions,
} from "../../src/people/user_sessions.ts";
import { sha256Hex } from "../../src/lib/sha256.ts";
import { BACKEND, openTestDatabase } from "../support/test_database.ts";

Deno.test(`sessions expire, are revoked, and die with a disabled user (${BACKEND})`, async () => {
  const database = await openTestDatabase();
  try {
    const { db } = database;
    const now = new Date("2026-11-23T02:00:00Z");
    const created = await createUser(db, {
      name: "li",
      role: "auditor",
      password: "a long enough passphrase",
    }, { actor: "test", now });
    assert.ok(created.ok);
    const hour = 3_600_000;
    const one = await createSession(
      db,
      { userId: created.user.id, ip: "10.0.0.1", userAgent: "x" },
      now,
      hour,
    );
    const two = await createSession(
      db,
      { userId: created.user.id, ip: null, userAgent: null },
      now,
      hour,
    );

    const stored = await db.selectFrom("user_sessions").select("id").execute();
    assert.ok(stored.every((row) => row.id !== one.token), "only the token's hash is stored");
    assert.ok(stored.some((row) => row.id === sha256Hex(one.token)));

    const found = await findSession(db, one.token, now);
    assert.equal(found?.user.name, "li");
    assert.equal(found?.user.role, "auditor");
    assert.equal(found?.csrfToken, one.csrfToken);
    assert.equal(await findSession(db, one.token, new Date(now.getTime() + hour + 1)), undefined);
    assert.equal(await findSession(db, "not-a-token", now), undefined);
    assert.equal((await countLiveSessions(db, now)).get(created.user.id), 2);

    await revokeSession(db, found!.sessionId, now);
    assert.equal(await findSession(db, one.token, now), undefined);
    assert.ok(await findSession(db, two.token, now));

    await updateUser(db, created.user.id, { disabled_at: now, updated_at: now });
    assert.equal(
      await findSession(db, two.token, now),
      undefined,
      "a disabled user has no session",
    );
    await updateUser(db, created.user.id, { disabled_at: null, updated_at: now });
    assert.equal(await revokeUserSessions(db, created.user.id, now), 1);
    assert.equal(await findSession(db, two.token, now), undefined);

    await deleteOldSessions(db, new Date(now.getTime() + 10 * hour), hour);
    assert.equal((await db.selectFrom("user_sessions").select("id").execute()).length, 0);
  } finally {
    await database.close();
  }
});
