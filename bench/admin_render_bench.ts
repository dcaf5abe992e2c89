/**
 * Server-side render time of the admin's admission-list page with 2,000 matter types.
 *
 * ```sh
 * deno run -A bench/admin_render_bench.ts                    # embedded PGlite (in memory)
 * deno run -A bench/admin_render_bench.ts --types 5000 --runs 50
 * DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres deno run -A bench/admin_render_bench.ts
 * ```
 *
 * Starts from the demo ruleset (rules/: its units and exception rules), adds synthetic matter
 * types up to `--types`, stores that as a draft and publishes a copy as the active version, signs
 * in a policy editor, then times whole requests through `app.request()` (session lookup, draft
 * read from the database, validation findings, filtering, 100-row page rendered to HTML):
 * the draft's list (first page, a later page, a search as an htmx fragment), the active
 * version's list, and saving one row in place. The first draft request pays for validating the
 * whole document once (findings are remembered per content hash); it is reported on its own.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { createUser } from "../src/people/create_user.ts";
import { createSession } from "../src/people/user_sessions.ts";
import type { MatterType } from "../src/routing/ruleset.ts";
import { createDraft } from "../src/rulesets/create_draft.ts";
import { publishDraft } from "../src/rulesets/publish_draft.ts";
import { reviewRuleset } from "../src/rulesets/review_ruleset.ts";
import { findActiveVersion } from "../src/rulesets/ruleset_version_repository.ts";
import { silentLogger } from "../src/observability/logger.ts";
import { readConfig } from "../src/runtime/config.ts";
import { openWhistle } from "../src/runtime/open_whistle.ts";
import { openTestDatabase } from "../tests/support/test_database.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: { types: { type: "string", default: "2000" }, runs: { type: "string", default: "30" } },
});
const TYPES = Number(values.types);
const RUNS = Number(values.runs);
const RULES_DIR = fileURLToPath(new URL("../rules", import.meta.url));

const database = await openTestDatabase();
const whistle = await openWhistle(readConfig({ WHISTLE_RULES_DIR: RULES_DIR }), {
  database,
  logger: silentLogger,
});
try {
  const { db } = database;
  const active = (await findActiveVersion(db))!;
  const base = active.document;
  const owners = base.units.filter((u) => u.tier === "department").map((u) => u.code);
  const categories = ["dispute", "public_order", "public_safety", "public_service"];
  const classes = Object.keys(base.time_limit_classes);
  const extra: MatterType[] = [];
  for (let i = base.matter_types.length; i < TYPES; i++) {
    extra.push({
      code: `MT-SYN-${String(i).padStart(5, "0")}`,
      category: categories[i % categories.length],
      name_zh: `合成事项第${i}号：居民诉求类别${i % 97}`,
      name_en: `Synthetic matter ${i}: resident request kind ${i % 97}`,
      owner: owners[i % owners.length],
      time_limit_class: classes[i % classes.length],
    });
  }
  const document = { ...base, matter_types: [...base.matter_types, ...extra] };
  const now = new Date();
  const meta = { note: "bench", author: "bench", now };
  const published = await createDraft(db, { from: "document", document }, meta);
  if (!published.ok) throw new Error("no draft");
  const outcome = await publishDraft(db, published.draft.id, {
    actor: "bench",
    note: "2,000 types",
    requestId: null,
    now,
  });
  if (outcome.status !== "published") throw new Error(`publish: ${outcome.status}`);
  await whistle.ruleset.refresh();
  const open = await createDraft(db, { from: "version" }, meta);
  if (!open.ok) throw new Error("no draft");
  const draftId = open.draft.id;

  const user = await createUser(db, {
    name: "bench",
    role: "policy_editor",
    password: "bench passphrase",
  }, {
    actor: "bench",
    now,
  });
  if (!user.ok) throw new Error("no user");
  const { token } = await createSession(
    db,
    { userId: user.user.id, ip: null, userAgent: null },
    now,
    3_600_000,
  );
  const cookie = `whistle_session=${token}`;

  const request = async (path: string, headers: Record<string, string> = {}) => {
    const started = performance.now();
    const res = await whistle.app.request(path, { headers: { cookie, ...headers } });
    const body = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    return { ms, bytes: body.length };
  };

  const t = performance.now();
  reviewRuleset(document);
  const reviewMs = performance.now() - t;

  const draftList = `/admin/drafts/${draftId}/matter-types`;
  const cold = await request(draftList);

  const cases: [string, string, Record<string, string>][] = [
    ["draft list, page 1 (full page)", draftList, {}],
    ["draft list, page 10 (full page)", `${draftList}?page=10`, {}],
    ["draft list, search (htmx fragment)", `${draftList}?q=${encodeURIComponent("类别7")}`, {
      "hx-request": "true",
    }],
    ["active version list, page 1", "/admin/matter-types", {}],
  ];
  console.log(
    `admission list with ${document.matter_types.length} matter types, ` +
      `${document.units.length} units, ${document.exception_rules.length} rules ` +
      `(${database.kind}); ${RUNS} runs each`,
  );
  console.log(`  reviewRuleset() of the whole document: ${reviewMs.toFixed(1)} ms`);
  console.log(`  first draft request (validates once): ${cold.ms.toFixed(1)} ms`);
  for (const [label, path, headers] of cases) {
    await request(path, headers); // warm
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await request(path, headers);
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
    console.log(
      `  ${label.padEnd(38)} median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  ` +
        `(${Math.round(bytes / 1024)} KiB)`,
    );
  }
  // Saving one row: the draft is read, changed and written back, then validated again (a new
  // content hash each time, so nothing is remembered) and the row rendered.
  const csrf = /name="_csrf" value="([^"]+)"/.exec(
    await (await whistle.app.request("/admin", { headers: { cookie } })).text(),
  )![1];
  const saves: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await whistle.app.request(`${draftList}/MT-MZJ-005`, {
      method: "POST",
      headers: {
        cookie,
        origin: "http://localhost",
        "content-type": "application/x-www-form-urlencoded",
        "hx-request": "true",
        "x-csrf-token": csrf,
      },
      body: new URLSearchParams({ owner: i % 2 ? "YG-MZJ" : "YG-SFJ" }),
    });
    await res.text();
    if (res.status !== 200) throw new Error(`save: ${res.status}`);
    saves.push(performance.now() - started);
  }
  saves.sort((a, b) => a - b);
  console.log(
    `  ${"save one row (htmx, validates again)".padEnd(38)} median ` +
      `${saves[Math.floor(saves.length / 2)].toFixed(1)} ms  p95 ` +
      `${saves[Math.min(saves.length - 1, Math.floor(saves.length * 0.95))].toFixed(1)} ms`,
  );
} finally {
  await whistle.close();
  await database.close();
}
