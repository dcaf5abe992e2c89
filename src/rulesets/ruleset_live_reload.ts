import type { DatabaseHandle } from "../db/database_handle.ts";
import type { NotificationListener } from "../db/pg_listener.ts";
import type { ActiveRuleset } from "./active_ruleset.ts";
import { RULESET_CHANNEL } from "./ruleset_channel.ts";

/** How an instance keeps its active ruleset in step with the database. */
export interface LiveReloadOptions {
  /**
   * How often to compare the active version number with the database (ms); `0` turns the check
   * off. The default, 500 ms, keeps every instance within a second of a publish even when
   * notifications are lost.
   */
  pollMs?: number;
  /** Listen for publish notifications when the database offers it (default true). */
  listen?: boolean;
  /** Called when this instance switched to another version. */
  onChange?: (version: number) => void;
  /** Where problems go (default: one JSON line on stderr per outage, not per attempt). */
  log?: (entry: Record<string, unknown>) => void;
}

/** A running live reload; `stop()` ends its timer and listener. */
export interface RulesetLiveReload {
  /** Re-reads the active version now (coalesced with any refresh already running). */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

/** How often an instance compares its version with the database by default (ms). */
export const DEFAULT_POLL_MS = 500;

/**
 * Keeps `ruleset` equal to the database's active version on an instance that shares its
 * database with others (PostgreSQL): it LISTENs on the ruleset channel, which every publish and
 * rollback NOTIFYs at commit, and refreshes at once; it also re-reads after every (re)connect of
 * the listener (notifications sent while it was down are lost) and compares the active version
 * number every `pollMs` as a fallback. Refreshes never overlap: a request during one runs once
 * more afterwards. Database errors are logged once per outage and retried.
 *
 * @example
 * ```ts ignore
 * const live = startRulesetLiveReload(activeRuleset, databaseHandle, {
 *   onChange: (version) => console.log(`now routing with version ${version}`),
 * });
 * await live.stop();
 * ```
 */
export function startRulesetLiveReload(
  ruleset: ActiveRuleset,
  database: DatabaseHandle,
  options: LiveReloadOptions = {},
): RulesetLiveReload {
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const log = options.log ??
    ((entry: Record<string, unknown>) => console.error(JSON.stringify(entry)));
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let failing = false;

  const refresh = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const changed = await ruleset.refresh();
          if (failing) log({ level: "info", msg: "ruleset check works again" });
          failing = false;
          if (changed) options.onChange?.(ruleset.current.version);
        } catch (error) {
          if (!failing) {
            log({
              level: "warn",
              msg: "cannot check the active ruleset version; retrying",
              error: error instanceof Error ? error.message : String(error),
            });
          }
          failing = true;
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = pollMs > 0 ? setInterval(refresh, pollMs) : undefined;
  let listener: NotificationListener | undefined;
  if ((options.listen ?? true) && database.listen) {
    let listenFailing = false;
    listener = database.listen(RULESET_CHANNEL, () => void refresh(), {
      onListening: () => {
        listenFailing = false;
        void refresh();
      },
      onError: (error) => {
        if (listenFailing) return;
        listenFailing = true;
        log({
          level: "warn",
          msg: "ruleset listener lost its connection; reconnecting",
          error: error instanceof Error ? error.message : String(error),
        });
      },
    });
  }

  return {
    refresh,
    async stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      await listener?.close();
      await running;
    },
  };
}
