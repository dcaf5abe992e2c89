/**
 * Real Chromium for the browser tests, through playwright-core (no browser download: the Debian
 * package at /usr/bin/chromium). Without it the tests fail with a message saying how to get it;
 * `WHISTLE_SKIP_BROWSER=1` skips them instead (for machines without Chromium; CI installs it).
 *
 * @module
 */

import { type Browser, chromium } from "playwright-core";

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = Deno.env.get("WHISTLE_CHROMIUM") ?? "/usr/bin/chromium";

/** Where the tests save screenshots of the main pages (gitignored). */
export const SCREENSHOT_DIR = new URL("../../test-artifacts/screenshots/", import.meta.url);

/** True when the browser tests should be skipped (only when asked for explicitly). */
export const SKIP_BROWSER = Deno.env.get("WHISTLE_SKIP_BROWSER") === "1";

/** Throws a clear error when Chromium is not installed. */
export function assertChromium(): void {
  try {
    Deno.statSync(CHROMIUM_PATH);
  } catch {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install it with ` +
        "`apt-get update && apt-get install -y chromium fonts-wqy-zenhei` (.ci/run does), " +
        "or set WHISTLE_SKIP_BROWSER=1 to skip the browser tests on this machine.",
    );
  }
}

/** Starts headless Chromium. */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking"],
  });
}
