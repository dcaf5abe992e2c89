import type { RequestIdVariables } from "hono/request-id";
import type { ApiCaller } from "../access/api_token.ts";

/** Per-request values the HTTP layer shares between middleware and handlers. */
export interface AppEnv {
  Variables: RequestIdVariables & { caller: ApiCaller };
}
