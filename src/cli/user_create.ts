/**
 * `deno task user:create NAME --role ROLE [--reset]`: creates a user of the browser admin (the
 * first admin too). ROLE is admin, policy_editor, auditor or viewer. The password comes from
 * `WHISTLE_PASSWORD`, or is asked for (twice, not echoed) when run at a terminal; without
 * either the task refuses. `--reset` sets a new password for an existing user instead and signs
 * them out everywhere. On the embedded database, stop the service first: its folder belongs to
 * one process.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { migrateToLatest } from "../db/migrate_to_latest.ts";
import { openDatabase } from "../db/open_database.ts";
import { checkPassword, createUser, MIN_PASSWORD_LENGTH } from "../people/create_user.ts";
import { hashPassword } from "../people/password_hash.ts";
import { findUserForSignIn, updateUser } from "../people/user_repository.ts";
import { isUserRole, USER_ROLES } from "../people/user_role.ts";
import { revokeUserSessions } from "../people/user_sessions.ts";
import { readConfig } from "../runtime/config.ts";
import { PasswordUnavailableError, readPassword } from "./read_password.ts";
import { runCli } from "./run_cli.ts";

const USAGE = `usage: deno task user:create NAME --role ${USER_ROLES.join("|")}\n` +
  "       deno task user:create NAME --reset        (new password for an existing user)\n" +
  "The password is read from WHISTLE_PASSWORD, or asked for at a terminal.";

const PROBLEMS: Record<string, string> = {
  "name:invalid": "NAME must be 2–64 characters: lowercase letters, digits, '.', '_' or '-'",
  "name:taken": "a user with that name exists (use --reset to give them a new password)",
  "role:invalid": `ROLE must be one of ${USER_ROLES.join(", ")}`,
  "password:too_short": `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  "password:too_long": "the password is too long",
};

await runCli(async () => {
  const { positionals, values } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { role: { type: "string" }, reset: { type: "boolean", default: false } },
  });
  const name = positionals[0]?.trim();
  if (!name || positionals.length > 1 || (!values.reset && !isUserRole(values.role))) {
    console.error(USAGE);
    Deno.exit(2);
  }
  const env = Deno.env.toObject();
  const config = readConfig(env);
  let password: string;
  try {
    password = await readPassword(env, `Password for ${name}`);
  } catch (error) {
    if (!(error instanceof PasswordUnavailableError)) throw error;
    console.error(`error: ${error.message}`);
    Deno.exit(1);
  }
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const now = new Date();
    if (values.reset) {
      const problem = checkPassword(password);
      const user = await findUserForSignIn(database.db, name);
      if (problem || !user) {
        const why = problem ? PROBLEMS[`${problem.field}:${problem.code}`] : `no user "${name}"`;
        console.error(`error: ${why}`);
        Deno.exitCode = 1;
        return;
      }
      await updateUser(database.db, user.id, {
        password_hash: await hashPassword(password),
        ...(isUserRole(values.role) ? { role: values.role } : {}),
        updated_at: now,
      });
      await revokeUserSessions(database.db, user.id, now);
      console.log(
        `New password set for user "${user.name}" in ${database.location}; ` +
          "their sessions were ended.",
      );
      return;
    }
    const outcome = await createUser(
      database.db,
      { name, role: values.role ?? "", password },
      { actor: "cli", now },
    );
    if (!outcome.ok) {
      for (const p of outcome.problems) console.error(`error: ${PROBLEMS[`${p.field}:${p.code}`]}`);
      Deno.exitCode = 1;
      return;
    }
    console.log(
      `Created user "${outcome.user.name}" with role ${outcome.user.role} in ${database.location}. ` +
        `Sign in at /admin/login.`,
    );
  } finally {
    await database.close();
  }
});
