import type { HttpDeps } from "../http_deps.ts";
import type { AdminSettings } from "./admin_settings.ts";

/** What the admin sub-apps use: the service's dependencies and the admin settings. */
export type AdminDeps = Pick<HttpDeps, "db" | "ruleset" | "clock" | "logger"> & {
  settings: AdminSettings;
};
