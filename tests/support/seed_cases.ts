import type { Kysely } from "kysely";
import type { Database } from "../../src/db/database.ts";
import type { RulesetDocument } from "../../src/routing/ruleset.ts";

/** What a seeded case looks like; every field has a default. */
export interface SeedCase {
  id?: string;
  type: string;
  title?: string;
  description?: string;
  area_code?: string | null;
  grid_code?: string | null;
  urgency?: "normal" | "urgent";
  channel?: string;
  source?: string;
  reported_at?: Date;
  received_at: Date;
  owner: string;
}

const ROWS_PER_INSERT = 1_000;

/**
 * Stores cases directly (no routing, no decision log): the stored history a simulation replays.
 * Returns the ids, in the order given.
 */
export async function insertCases(
  db: Kysely<Database>,
  cases: readonly SeedCase[],
): Promise<string[]> {
  const rows = cases.map((c, i) => {
    const received = c.received_at;
    return {
      id: c.id ?? crypto.randomUUID(),
      source: c.source ?? "seed",
      external_id: `SEED-${crypto.randomUUID()}-${i}`,
      type: c.type,
      title: c.title ?? "诉求",
      description: c.description ?? "",
      area_code: c.area_code ?? null,
      grid_code: c.grid_code ?? null,
      address: null,
      lat: null,
      lng: null,
      urgency: c.urgency ?? "normal",
      channel: c.channel ?? "hotline",
      reporter: null,
      reported_at: c.reported_at ?? received,
      received_at: received,
      state: "assigned",
      owner: c.owner,
      priority: c.urgency ?? "normal",
      ruleset_version: 1,
      accept_by: new Date(received.getTime() + 2 * 3600_000),
      resolve_by: new Date(received.getTime() + 2 * 86_400_000),
      updated_at: received,
    };
  });
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db.insertInto("cases").values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
  }
  return rows.map((row) => row.id);
}

const TEXTS: readonly [string, string][] = [
  ["独居老人无人照看", "社区独居老人近日无人照看，邻居反映。"],
  ["楼道闻到煤气味", "3号楼楼道里闻到燃气味，疑似燃气泄漏。"],
  ["工地拖欠工资", "某工地拖欠农民工工资三个月，讨要欠薪无果。"],
  ["小区停电", "整个小区停电两小时，无人处理。"],
  ["邻里噪音纠纷", "楼上住户深夜噪音扰民，多次协商未果。"],
  ["暖气不热", "入冬以来暖气一直不热，室温不足16度。"],
  ["路边摊占道", "小区门口摊贩占道经营，影响通行。"],
];

/**
 * `count` plausible cases spread evenly over the `days` before `end`, drawn deterministically
 * from the ruleset's matter types, areas and grids, with texts some exception rules react to
 * (gas leaks, unpaid wages, power cuts) and every hour of the day. Owners are the
 * admission-list owners (as if routed without exceptions).
 */
export function syntheticCases(
  document: RulesetDocument,
  options: { count: number; end: Date; days?: number; seed?: number },
): SeedCase[] {
  const days = options.days ?? 30;
  const span = days * 86_400_000;
  const areas = document.units.filter((u) => u.tier === "street" || u.tier === "community");
  const grids = document.units.filter((u) => u.tier === "grid");
  let state = options.seed ?? 20261123;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const cases: SeedCase[] = [];
  for (let i = 0; i < options.count; i++) {
    const type = document.matter_types[next(document.matter_types.length)];
    const [title, description] = TEXTS[next(TEXTS.length)];
    const received = new Date(options.end.getTime() - 1 - Math.floor((span * i) / options.count));
    const grid = next(3) === 0 ? grids[next(grids.length)]?.code ?? null : null;
    cases.push({
      type: type.code,
      title,
      description,
      area_code: areas[next(areas.length)]?.code ?? null,
      grid_code: grid,
      urgency: next(10) === 0 ? "urgent" : "normal",
      channel: ["hotline", "grid_app", "wechat", "web"][next(4)],
      source: next(2) === 0 ? "hotline-12345" : "grid-app",
      reported_at: new Date(received.getTime() - next(3600) * 1000),
      received_at: received,
      owner: type.owner,
    });
  }
  return cases;
}
