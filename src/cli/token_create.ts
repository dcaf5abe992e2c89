/**
 * `deno task token:create NAME [--role ROLE] [--unit UNIT_CODE]`: creates an API token and prints
 * it once, alone on the last line. Only its hash is stored. ROLE is one of intake (default),
 * unit (with --unit), policy_editor, auditor, admin.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { API_ROLES, type ApiRole } from "../access/api_token.ts";
import { createApiToken } from "../access/create_api_token.ts";
import { migrateToLatest } from "../db/migrate_to_latest.ts";
import { openDatabase } from "../db/open_database.ts";
import { readConfig } from "../runtime/config.ts";
import { runCli } from "./run_cli.ts";

await runCli(async () => {
  const { positionals, values } = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    options: { unit: { type: "string" }, role: { type: "string" } },
  });
  const name = positionals[0]?.trim();
  const role = (values.role ?? (values.unit ? "unit" : "intake")) as ApiRole;
  if (!name || !API_ROLES.includes(role) || (role === "unit") !== Boolean(values.unit)) {
    console.error(
      `usage: deno task token:create NAME [--role ${API_ROLES.join("|")}] [--unit UNIT_CODE]\n` +
        "(--unit goes with role unit, and role unit needs --unit)",
    );
    Deno.exit(2);
  }
  const config = readConfig(Deno.env.toObject());
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const { token } = await createApiToken(
      database.db,
      { name, role, unitCode: values.unit ?? null },
      new Date(),
    );
    console.log(
      `Created API token "${name}" with role ${role}${
        values.unit ? ` for unit ${values.unit}` : ""
      } in ` +
        `${database.location}. It is shown only now; store it safely:`,
    );
    console.log(token);
  } finally {
    await database.close();
  }
});
