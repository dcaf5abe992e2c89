import assert from "node:assert/strict";
import { ConfigError, readConfig } from "../../src/runtime/config.ts";

Deno.test("readConfig() defaults to port 8000, the embedded database in ./data and ./rules", () => {
  const config = readConfig({});
  assert.equal(config.port, 8000);
  assert.equal(config.database.databaseUrl, undefined);
  assert.equal(config.database.dataDir, "./data");
  assert.equal(config.database.pgDriver, "pg");
  assert.equal(config.rulesDir, "./rules");
  assert.equal(config.limits.maxBatchItems, 1000);
});

Deno.test("readConfig() takes DATABASE_URL, WHISTLE_DATA_DIR and WHISTLE_RULES_DIR", () => {
  const config = readConfig({
    PORT: "9001",
    DATABASE_URL: "postgres://u@h/db",
    WHISTLE_DATA_DIR: "/var/lib/whistle",
    WHISTLE_RULES_DIR: "/etc/whistle/rules",
    WHISTLE_PG_DRIVER: "postgres",
  });
  assert.equal(config.port, 9001);
  assert.equal(config.database.databaseUrl, "postgres://u@h/db");
  assert.equal(config.database.dataDir, "/var/lib/whistle");
  assert.equal(config.rulesDir, "/etc/whistle/rules");
  assert.equal(config.database.pgDriver, "postgres");
});

Deno.test("readConfig() names the variable it cannot use", () => {
  assert.throws(
    () => readConfig({ PORT: "eighty" }),
    (e: unknown) => e instanceof ConfigError && e.variable === "PORT",
  );
  assert.throws(
    () => readConfig({ WHISTLE_PG_DRIVER: "mysql" }),
    (e: unknown) => e instanceof ConfigError && e.variable === "WHISTLE_PG_DRIVER",
  );
});
