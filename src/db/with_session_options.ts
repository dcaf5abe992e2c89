/**
 * A PostgreSQL URL whose connections start with the given settings (`-c name=value` in the
 * startup packet's `options`, which node-postgres and postgres.js both send), added to any
 * `options` the URL already has. For tools that want other session settings than the service,
 * e.g. the demo seed's `synchronous_commit=off`.
 *
 * @example
 * ```ts
 * import { withSessionOptions } from "./with_session_options.ts";
 * withSessionOptions("postgres://u@h:5432/db", { synchronous_commit: "off" });
 * // "postgres://u@h:5432/db?options=-c+synchronous_commit%3Doff"
 * ```
 */
export function withSessionOptions(url: string, settings: Record<string, string>): string {
  const u = new URL(url);
  const given = u.searchParams.get("options");
  const added = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  u.searchParams.set("options", [given, ...added].filter(Boolean).join(" "));
  return u.toString();
}
