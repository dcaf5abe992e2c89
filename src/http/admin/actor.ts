import type { Context } from "hono";
import type { AdminEnv } from "./admin_env.ts";

/** How drafts, versions and the decision log name the signed-in user: `user:<name>`. */
// deno-lint-ignore no-explicit-any
export function actorOf(c: Context<AdminEnv, any, any>): string {
  return `user:${c.get("session")?.user.name ?? "unknown"}`;
}
