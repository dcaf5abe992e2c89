/**
 * The demo ruleset plus test matter types for the case lifecycle, written to a temporary rules
 * folder, and a Whistle on it with a clock the test moves and no background loops (tests sweep
 * and deliver by hand).
 *
 * @module
 */

import type { ApiRole } from "../../src/access/api_token.ts";
import type { Logger } from "../../src/observability/logger.ts";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";
import { loadRulesetDir } from "../../src/rulesets/load_ruleset_dir.ts";
import { writeRulesetDir } from "../../src/rulesets/write_ruleset_dir.ts";
import { DEMO_RULES_DIR, startTestWhistle, type TestWhistle } from "./test_whistle.ts";

/** 10:00 Beijing time on Monday 2026-11-23. */
export const MONDAY_10AM = new Date("2026-11-23T02:00:00Z");

/**
 * The demo ruleset with test types (all `public_service`, so no demo rule matches them):
 *
 * - `MT-T-CAL` (YG-MZJ): accept PT1H, resolve PT10H, calendar time.
 * - `MT-T-WORK` (YG-MZJ): accept PT2H, resolve P2D, working time.
 * - `MT-T-JOINT` (YG-SFJ, assisted by YG-MZJ and YG-RSJ): PT1H / PT10H calendar; one extension
 *   of at most P1D; at most P2D suspended.
 * - `MT-T-SUP` (YG-MZJ, supervisor YG-ZZZX): PT1H / PT10H calendar.
 * - `MT-T-NOEXT` (YG-MZJ): no extensions.
 */
export async function lifecycleDocument(): Promise<RulesetDocument> {
  const { document } = await loadRulesetDir(DEMO_RULES_DIR);
  const type = (code: string, owner: string, limitClass: string, extra = {}) => ({
    code,
    name_zh: `测试事项${code}`,
    name_en: `Test matter ${code}`,
    category: "public_service",
    owner,
    time_limit_class: limitClass,
    ...extra,
  });
  return {
    ...document,
    time_limit_classes: {
      ...document.time_limit_classes,
      t_calendar: {
        name_zh: "测试日历时限",
        name_en: "Test calendar limits",
        normal: { accept: "PT1H", resolve: "PT10H" },
      },
      t_working: {
        name_zh: "测试工作时限",
        name_en: "Test working limits",
        normal: { accept: "PT2H", resolve: "P2D", counting: "working" },
      },
    },
    matter_types: [
      ...document.matter_types,
      type("MT-T-CAL", "YG-MZJ", "t_calendar"),
      type("MT-T-WORK", "YG-MZJ", "t_working"),
      type("MT-T-JOINT", "YG-SFJ", "t_calendar", {
        assisting_units: ["YG-MZJ", "YG-RSJ"],
        extensions: { max_count: 1, max_length: "P1D" },
        max_suspension: "P2D",
      }),
      type("MT-T-SUP", "YG-MZJ", "t_calendar", { supervisor: "YG-ZZZX" }),
      type("MT-T-NOEXT", "YG-MZJ", "t_calendar", { extensions: { max_count: 0 } }),
    ],
  };
}

/** A Whistle for lifecycle tests, with tokens by role and a movable clock. */
export interface LifecycleWhistle extends TestWhistle {
  /** The test's clock; set `now` to move it. */
  clock: { now: Date };
  /** `call` with another token. */
  as(token: string, method: string, path: string, body?: unknown): Promise<Response>;
  /** Posts a case of `type` and returns its JSON. */
  postCase(type: string, overrides?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** A token of `role` (and unit), created once. */
  tokenFor(role: ApiRole, unit?: string): Promise<string>;
  rulesDir: string;
}

/**
 * Starts a Whistle on the lifecycle ruleset (changed by `edit` first), with the clock at
 * `start` and the sweeper and deliverer loops off.
 */
export async function startLifecycleWhistle(
  options: {
    start?: Date;
    edit?: (document: RulesetDocument) => RulesetDocument | void;
    env?: Record<string, string>;
    logger?: Logger;
  } = {},
): Promise<LifecycleWhistle> {
  let document = await lifecycleDocument();
  document = options.edit?.(document) ?? document;
  const rulesDir = await Deno.makeTempDir({ prefix: "whistle-rules-" });
  await writeRulesetDir(rulesDir, document);
  const clock = { now: options.start ?? MONDAY_10AM };
  const w = await startTestWhistle({
    clock: () => clock.now,
    logger: options.logger,
    env: {
      WHISTLE_RULES_DIR: rulesDir,
      WHISTLE_SWEEP_INTERVAL_MS: "0",
      WHISTLE_WEBHOOK_INTERVAL_MS: "0",
      WHISTLE_WEBHOOK_BACKOFF_MS: "1000",
      ...options.env,
    },
  });
  const tokens = new Map<string, string>();
  return {
    ...w,
    clock,
    rulesDir,
    async tokenFor(role, unit) {
      const key = `${role}:${unit ?? ""}`;
      if (!tokens.has(key)) tokens.set(key, await w.newToken(role, unit));
      return tokens.get(key)!;
    },
    as(token, method, path, body) {
      return w.call(method, path, body, { authorization: `Bearer ${token}` });
    },
    async postCase(type, overrides = {}) {
      const res = await w.call("POST", "/api/v1/cases", {
        source: "hotline-12345",
        external_id: `HL-${crypto.randomUUID()}`,
        type,
        title: "小区路灯不亮",
        description: "小区北门路灯连续三晚不亮。",
        location: { area_code: "YG-S01-C01" },
        urgency: "normal",
        channel: "hotline",
        reported_at: clock.now.toISOString(),
        ...overrides,
      });
      if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
      return await res.json();
    },
    async close() {
      await w.close();
      await Deno.remove(rulesDir, { recursive: true });
    },
  };
}
