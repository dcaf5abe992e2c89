import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { lockDataDir } from "../../src/db/data_dir_lock.ts";
import { openPglite } from "../../src/db/open_pglite.ts";
import { signIn } from "../../src/people/sign_in.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `deno task user:create …` (its file) with stdin that is not a terminal. */
async function userCreate(args: string[], env: Record<string, string>) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "--allow-write",
      "--allow-sys",
      `${ROOT}src/cli/user_create.ts`,
      ...args,
    ],
    env: { RUST_BACKTRACE: "0", DATABASE_URL: "", ...env },
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

Deno.test("user:create makes the first admin from WHISTLE_PASSWORD, and refuses what it cannot do", async () => {
  const dir = await Deno.makeTempDir({ prefix: "whistle-user-create-" });
  try {
    const env = { WHISTLE_DATA_DIR: dir };
    const noPassword = await userCreate(["wang", "--role", "admin"], env);
    assert.equal(noPassword.code, 1);
    assert.match(noPassword.stderr, /no terminal to type a password in: set WHISTLE_PASSWORD/);

    const usage = await userCreate(["wang"], { ...env, WHISTLE_PASSWORD: "x" });
    assert.equal(usage.code, 2);
    assert.match(
      usage.stderr,
      /usage: deno task user:create NAME --role admin\|policy_editor\|auditor\|viewer/,
    );

    const short = await userCreate(["wang", "--role", "admin"], {
      ...env,
      WHISTLE_PASSWORD: "short",
    });
    assert.equal(short.code, 1);
    assert.match(short.stderr, /at least 10 characters/);

    const made = await userCreate(["wang", "--role", "admin"], {
      ...env,
      WHISTLE_PASSWORD: "first admin passphrase",
    });
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /Created user "wang" with role admin/);

    const again = await userCreate(["wang", "--role", "viewer"], {
      ...env,
      WHISTLE_PASSWORD: "another passphrase",
    });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists \(use --reset/);

    const reset = await userCreate(["wang", "--reset"], {
      ...env,
      WHISTLE_PASSWORD: "a new admin passphrase",
    });
    assert.equal(reset.code, 0, reset.stderr);

    // While another process holds the embedded folder (the running service), it refuses.
    const lock = await lockDataDir(dir);
    try {
      const busy = await userCreate(["li", "--role", "viewer"], {
        ...env,
        WHISTLE_PASSWORD: "editor passphrase",
      });
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, /in use by another Whistle process/);
    } finally {
      lock.close();
    }

    const database = await openPglite(dir);
    try {
      const now = new Date();
      const ok = await signIn(database.db, {
        name: "wang",
        password: "a new admin passphrase",
        ip: null,
      }, now);
      assert.equal(ok.status, "ok");
      assert.equal(ok.status === "ok" && ok.user.role, "admin");
    } finally {
      await database.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
