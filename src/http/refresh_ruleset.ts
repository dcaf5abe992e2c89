import type { HttpDeps } from "./http_deps.ts";

/**
 * After a publish or rollback here, switches this instance to the new active version before
 * the next page is served (other instances follow by NOTIFY and their version check). The
 * change is committed either way, so a failure is logged, not shown.
 */
export async function refreshRuleset(deps: Pick<HttpDeps, "ruleset" | "logger">): Promise<void> {
  const holder = deps.ruleset as { refresh?: () => Promise<unknown> };
  if (typeof holder.refresh !== "function") return;
  try {
    await holder.refresh();
  } catch (error) {
    deps.logger.warn("published, but this instance could not reload the ruleset yet", {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
