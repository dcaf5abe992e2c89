import { fileURLToPath } from "node:url";
import type { ApiRole } from "../../src/access/api_token.ts";
import { createApiToken } from "../../src/access/create_api_token.ts";
import { type Logger, silentLogger } from "../../src/observability/logger.ts";
import { readConfig, type WhistleConfig } from "../../src/runtime/config.ts";
import { openWhistle, type Whistle } from "../../src/runtime/open_whistle.ts";
import { openTestDatabase } from "./test_database.ts";

/** The demo ruleset shipped in `rules/`. */
export const DEMO_RULES_DIR: string = fileURLToPath(new URL("../../rules", import.meta.url));

/** A Whistle on a fresh test database with an API token, driven by `app.request()`. */
export interface TestWhistle extends Whistle {
  /** An `intake` token named "test-hotline". */
  token: string;
  /** Creates another token, e.g. `await w.newToken("policy_editor")`. */
  newToken(role: ApiRole, unitCode?: string): Promise<string>;
  /** `app.request()` with the bearer token and a JSON body. */
  call(method: string, path: string, body?: unknown, headers?: HeadersInit): Promise<Response>;
}

/** Starts a Whistle for one test; `close()` stops it and removes its database. */
export async function startTestWhistle(
  options: {
    clock?: () => Date;
    config?: Partial<WhistleConfig>;
    env?: Record<string, string>;
    /** Where the service logs; silent unless given. */
    logger?: Logger;
  } = {},
): Promise<TestWhistle> {
  const database = await openTestDatabase();
  const config = {
    ...readConfig({ WHISTLE_RULES_DIR: DEMO_RULES_DIR, ...options.env }),
    ...options.config,
  };
  const whistle = await openWhistle(config, {
    database,
    clock: options.clock,
    logger: options.logger ?? silentLogger,
  });
  const { token } = await createApiToken(database.db, { name: "test-hotline" }, new Date());
  return {
    ...whistle,
    token,
    async newToken(role, unitCode) {
      const name = `test-${role}${unitCode ? `-${unitCode}` : ""}`;
      return (await createApiToken(database.db, { name, role, unitCode }, new Date())).token;
    },
    call(method, path, body, headers) {
      const h = new Headers(headers);
      if (!h.has("authorization")) h.set("authorization", `Bearer ${token}`);
      if (body !== undefined && !h.has("content-type")) h.set("content-type", "application/json");
      return Promise.resolve(whistle.app.request(path, {
        method,
        headers: h,
        body: body === undefined
          ? undefined
          : typeof body === "string"
          ? body
          : JSON.stringify(body),
      }));
    },
    async close() {
      await whistle.close();
      await database.close();
    },
  };
}
