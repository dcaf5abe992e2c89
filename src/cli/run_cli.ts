import { ConfigError } from "../runtime/config.ts";
import { DataDirBusyError } from "../db/data_dir_lock.ts";

/**
 * Runs a CLI task: known failures (bad settings, a busy data folder, an invalid ruleset) print
 * one clear message and exit 1; anything else prints its stack and exits 1.
 */
export async function runCli(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirBusyError) {
      console.error(`error: ${error.message}`);
    } else if (error instanceof Error && error.name === "RulesetInvalidError") {
      console.error(`error: the ruleset is invalid and was not loaded:\n${error.message}`);
    } else {
      console.error(error);
    }
    Deno.exit(1);
  }
}
