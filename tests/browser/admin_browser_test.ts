/**
 * The admin in a real browser (headless Chromium), against a real service process on a fresh
 * database, with users made by `deno task user:create` (password from WHISTLE_PASSWORD):
 * sign-in; an editor moves a matter type to another owner in a draft, sees the validation
 * error of a bad value next to the row, fixes it, simulates, publishes; a case posted over the
 * API then goes to the new owner; an auditor cannot edit; pages in both languages. Screenshots
 * of the main pages go to test-artifacts/screenshots/. No page may log an error (a
 * Content-Security-Policy violation would).
 */
import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  createTokenWithCli,
  runCliTask,
  type ServiceProcess,
  startService,
} from "../support/service_process.ts";
import {
  BACKEND,
  createPostgresTestDatabase,
  TEST_DATABASE_URL,
} from "../support/test_database.ts";
import { assertChromium, launchChromium, SCREENSHOT_DIR, SKIP_BROWSER } from "./chromium.ts";

const PASSWORD = "browser test passphrase";
const TYPE = "MT-MZJ-005";

/** A browser tab that records errors and saves screenshots. */
interface Tab {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

async function openTab(
  browser: Browser,
  locale: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Tab> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 860 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return { page, context, errors };
}

/** Waits until `check` holds (htmx swaps happen after the click returns). */
async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await Deno.mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOT_DIR).pathname, fullPage: true });
}

async function signIn(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/admin`);
  assert.match(page.url(), /\/admin\/login\?next=/);
  await page.fill("input[name=name]", name);
  await page.fill("input[name=password]", PASSWORD);
  await page.click("form[action='/admin/login'] button[type=submit]");
  await page.waitForURL(`${url}/admin`);
}

async function postCase(url: string, token: string, externalId: string) {
  const res = await fetch(`${url}/api/v1/cases`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      source: "hotline-12345",
      external_id: externalId,
      type: TYPE,
      title: "独居老人无人照看",
      description: "平旺东社区3号楼独居老人近日无人照看，邻居反映。",
      location: { area_code: "YG-S01-C01" },
      urgency: "normal",
      channel: "hotline",
      reported_at: new Date().toISOString(),
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return await res.json();
}

Deno.test({
  name: `the admin in Chromium: edit, validate, simulate, publish, roles, languages (${BACKEND})`,
  ignore: SKIP_BROWSER,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn(t) {
    assertChromium(); // before anything starts: a missing browser fails at once, saying why
    const pg = TEST_DATABASE_URL ? await createPostgresTestDatabase() : null;
    const dataDir = pg ? null : await Deno.makeTempDir({ prefix: "whistle-browser-" });
    const env: Record<string, string> = pg
      ? { DATABASE_URL: pg.url }
      : { WHISTLE_DATA_DIR: dataDir! };
    let service: ServiceProcess | null = null;
    let browser: Browser | null = null;
    try {
      // Users and a token come from the CLI, before the service takes the embedded folder.
      for (
        const [name, role] of [["wang.admin", "admin"], ["li.editor", "policy_editor"], [
          "zhao.audit",
          "auditor",
        ]]
      ) {
        const out = await runCliTask("src/cli/user_create.ts", [name, "--role", role], {
          ...env,
          WHISTLE_PASSWORD: PASSWORD,
        });
        assert.match(
          out,
          new RegExp(`Created user "${name.replace(".", "\\.")}" with role ${role}`),
        );
      }
      const token = await createTokenWithCli(env);
      const editorToken = (await runCliTask(
        "src/cli/token_create.ts",
        ["browser-policy", "--role", "policy_editor"],
        env,
      )).trim().split("\n").at(-1)!;
      service = await startService(env);
      const url = service.url;
      for (let i = 0; i < 6; i++) await postCase(url, token, `BROWSER-BEFORE-${i}`);
      browser = await launchChromium();

      const editor = await openTab(browser, "zh-CN");
      let draftPath = "";

      await t.step("an editor signs in (Chinese from Accept-Language)", async () => {
        await editor.page.goto(`${url}/admin/login`);
        assert.equal(await editor.page.getAttribute("html", "lang"), "zh-CN");
        await shot(editor.page, "01-login-zh");
        await signIn(editor.page, url, "li.editor");
        assert.match(await editor.page.textContent("header .who") ?? "", /li\.editor/);
        await shot(editor.page, "02-overview-zh");
      });

      await t.step("the editor changes a matter type's owner in a draft, in place", async () => {
        const { page } = editor;
        await page.fill("input[name=note]", "居家养老事项改由司法局承办");
        await page.click("form[action='/admin/drafts'] button[type=submit]");
        await page.waitForURL(/\/admin\/drafts\/[0-9a-f-]{36}\/matter-types$/);
        draftPath = new URL(page.url()).pathname.replace(/\/matter-types$/, "");
        await shot(page, "03-draft-admission-list-zh");

        // Live search (htmx): the table shrinks to the one matter type, the URL follows.
        await page.fill("input[name=q]", TYPE);
        await until(async () => await page.locator("#mt-table tbody").count() === 1);
        assert.match(page.url(), /q=MT-MZJ-005/);

        const row = page.locator(`tbody#mt-${TYPE}`);
        await row.locator("a.button").first().click();
        await row.locator("tr.editing input[name=owner]").waitFor();
        await row.locator("input[name=owner]").fill("YG-NOPE");
        await row.locator("button[type=submit]").click();
        await row.locator("tr.has-error").waitFor();
        const error = await row.locator("tr.findings").textContent() ?? "";
        assert.match(error, /YG-NOPE/);
        assert.match(await page.textContent("#draft-findings-badge") ?? "", /1 个错误/);
        await shot(page, "04-validation-error-zh");

        await row.locator("a.button").first().click();
        await row.locator("tr.editing input[name=owner]").fill("YG-SFJ");
        await row.locator("tr.editing button[type=submit]").click();
        await until(async () =>
          await row.locator("tr.has-error").count() === 0 &&
          await row.locator("tr.editing").count() === 0
        );
        assert.match(await row.textContent() ?? "", /司法局/);
        assert.match(await page.textContent("#draft-findings-badge") ?? "", /没有发现问题/);
      });

      await t.step("the editor simulates the draft and sees what moves where", async () => {
        const { page } = editor;
        await page.goto(`${url}${draftPath}/simulations`);
        await page.click("form[action$='/simulations'] button[type=submit]");
        await page.waitForURL(/\/simulations\/[0-9a-f-]{36}$/);
        await page.locator("#sim-panel[data-status=succeeded]").waitFor();
        const moves = await page.textContent("#sim-moves") ?? "";
        assert.match(moves, /民政局/);
        assert.match(moves, /司法局/);
        assert.match(moves, /6/);
        await shot(page, "05-simulation-zh");
      });

      await t.step("the editor publishes after reading the diff", async () => {
        const { page } = editor;
        await page.goto(`${url}${draftPath}/publish`);
        const diff = await page.textContent("#diff") ?? "";
        assert.match(diff, /MT-MZJ-005/);
        await shot(page, "06-publish-confirm-zh");
        await page.click("#publish-form button[type=submit]");
        await page.waitForURL(`${url}/admin/versions`);
        assert.match(await page.textContent("#flash") ?? "", /第 2 版/);
        await shot(page, "07-versions-zh");
      });

      await t.step("a case posted over the API now goes to the new owner", async () => {
        const routed = await postCase(url, token, "BROWSER-AFTER-PUBLISH");
        assert.equal(routed.owner, "YG-SFJ");
      });

      await t.step(
        "the other pages render: units, rules, rule editor, try a case, users",
        async () => {
          const { page } = editor;
          await page.goto(`${url}/admin/units`);
          await shot(page, "08-units-zh");
          await page.goto(`${url}/admin/rules`);
          await shot(page, "09-rules-zh");
          await page.goto(`${url}/admin`);
          await page.fill("input[name=note]", "夜间噪音规则");
          await page.click("form[action='/admin/drafts'] button[type=submit]");
          await page.waitForURL(/\/matter-types$/);
          const draft = new URL(page.url()).pathname.replace(/\/matter-types$/, "");
          await page.goto(`${url}${draft}/rules/new`);
          await page.fill("input[name=name]", "night-noise-to-police");
          await page.selectOption("select[name=fact] >> nth=0", "text");
          await page.selectOption("select[name=operator] >> nth=0", "containsAnyText");
          await page.fill("input[name=value] >> nth=0", "噪音, 扰民");
          await page.fill("input[name=owner]", "YG-NOPE");
          await page.locator("input[name=owner]").dispatchEvent("change");
          await page.locator("#rule-check .sev-error").waitFor();
          await page.fill("input[name=owner]", "YG-GAFJ");
          await page.locator("input[name=owner]").dispatchEvent("change");
          await page.locator("#rule-check .check-ok").waitFor();
          await page.click("button[value=add_row]");
          await until(async () => await page.locator("select[name=fact]").count() === 2);
          await shot(page, "10-rule-editor-zh");
          await page.click("button[value=to_json]");
          await page.locator("textarea[name=json]").waitFor();
          await shot(page, "11-rule-editor-json-zh");

          await page.goto(`${url}/admin/try`);
          await page.selectOption("select[name=type]", TYPE);
          await page.fill("textarea[name=text]", "楼道里闻到燃气味，独居老人家中");
          await page.click("#try-form button[type=submit]");
          await page.locator("#try-owner").waitFor();
          assert.equal(await page.getAttribute("#try-owner", "data-owner"), "YG-XFDD");
          assert.match(await page.textContent("#try-matched") ?? "", /gas-leak-to-fire-brigade/);
          await shot(page, "12-try-a-case-zh");
          await page.goto(`${url}/admin/versions/diff?from=1&to=2`);
          await shot(page, "13-version-diff-zh");
        },
      );

      await t.step(
        "an admission list of 2,000 matter types stays usable: pages, search",
        async () => {
          const api = (path: string, body: unknown) =>
            fetch(`${url}/api/v1/rulesets${path}`, {
              method: "POST",
              headers: {
                authorization: `Bearer ${editorToken}`,
                "content-type": "application/json",
              },
              body: JSON.stringify(body),
            });
          const active = await (await fetch(`${url}/api/v1/rulesets/active`, {
            headers: { authorization: `Bearer ${editorToken}` },
          })).json();
          const document = active.document;
          const owners = ["YG-MZJ", "YG-SFJ", "YG-RSJ", "YG-WJJ", "YG-ZFW"];
          for (let i = document.matter_types.length; i < 2_000; i++) {
            document.matter_types.push({
              code: `MT-SYN-${String(i).padStart(5, "0")}`,
              category: ["dispute", "public_order", "public_safety", "public_service"][i % 4],
              name_zh: `合成事项第${i}号`,
              name_en: `Synthetic matter ${i}`,
              owner: owners[i % owners.length],
              time_limit_class: ["small", "standard", "complex"][i % 3],
            });
          }
          const res = await api("/drafts", { note: "2,000 matter types", document });
          assert.equal(res.status, 201, await res.clone().text());
          const { id } = await res.json();
          const { page } = editor;
          await page.goto(`${url}/admin/drafts/${id}/matter-types`);
          assert.match(await page.textContent("nav.pager") ?? "", /共 2000 条/);
          assert.equal(await page.locator("#mt-table tbody").count(), 100);
          await page.click("nav.pager a[rel=next] >> nth=0");
          await until(async () => /第 2 \/ 20 页/.test(await page.textContent("nav.pager") ?? ""));
          assert.match(page.url(), /page=2/);
          await shot(page, "18-admission-list-2000-zh");
          await page.fill("input[name=q]", "MT-SYN-0199");
          await until(async () => await page.locator("#mt-table tbody").count() === 10);
        },
      );

      await t.step("without JavaScript the forms still work (post, redirect)", async () => {
        const plain = await openTab(browser!, "zh-CN", { javaScriptEnabled: false });
        const { page } = plain;
        await signIn(page, url, "li.editor");
        await page.fill("input[name=note]", "无脚本草稿");
        await page.click("form[action='/admin/drafts'] button[type=submit]");
        await page.waitForURL(/\/matter-types$/);
        await page.fill("input[name=q]", "MT-MZJ-006");
        await page.click("form[role=search] button[type=submit]");
        await page.waitForURL(/q=MT-MZJ-006/);
        await page.click("tbody#mt-MT-MZJ-006 a.button");
        await page.waitForURL(/edit=MT-MZJ-006/);
        await page.fill("tbody#mt-MT-MZJ-006 input[name=owner]", "YG-SFJ");
        await page.click("tbody#mt-MT-MZJ-006 button[type=submit]");
        await page.waitForURL(/matter-types\?q=MT-MZJ-006$/);
        assert.match(await page.textContent("tbody#mt-MT-MZJ-006") ?? "", /司法局/);
        await plain.context.close();
      });

      await t.step("an auditor reads everything and can change nothing", async () => {
        const auditor = await openTab(browser!, "zh-CN");
        await signIn(auditor.page, url, "zhao.audit");
        const { page } = auditor;
        const drafts = await editor.page.evaluate(() => location.pathname);
        assert.ok(drafts);
        await page.goto(`${url}/admin/drafts`);
        assert.equal(await page.locator("form[action='/admin/drafts']").count(), 0);
        const open = page.locator("a[href^='/admin/drafts/']").first();
        await open.click();
        await page.click("nav.tabs a >> nth=1");
        await page.locator("#mt-table").waitFor();
        assert.equal(await page.locator("#mt-table a.button, #mt-table button").count(), 0);
        assert.equal(await page.locator("#mt-add").count(), 0);
        // A forged post from the auditor's own page (right token and origin) is still refused.
        const status = await page.evaluate(`(async () => {
          const csrf = document.querySelector("input[name=_csrf]").value;
          const res = await fetch(location.pathname + "/${TYPE}", {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ _csrf: csrf, owner: "YG-ZFW" }),
          });
          return res.status;
        })()`);
        assert.equal(status, 403);
        await page.goto(`${url}/admin/users`);
        assert.equal(await page.locator("#new-user").count(), 0);
        await shot(page, "14-users-auditor-zh");
        assert.deepEqual(auditor.errors.filter((e) => !/403/.test(e)), []);
        await auditor.context.close();
      });

      await t.step(
        "pages speak English from Accept-Language, and the switch is remembered",
        async () => {
          const english = await openTab(browser!, "en-US");
          const { page } = english;
          await page.goto(`${url}/admin/login`);
          assert.equal(await page.getAttribute("html", "lang"), "en");
          assert.match(await page.textContent("h1") ?? "", /Sign in/);
          await shot(page, "15-login-en");
          await signIn(page, url, "wang.admin");
          await page.goto(`${url}/admin/matter-types`);
          assert.match(await page.textContent("#mt-table") ?? "", /Civil Affairs Bureau|Bureau/);
          await shot(page, "16-admission-list-en");
          await page.goto(`${url}/admin/tokens`);
          await page.fill("#new-token-form input[name=name]", "grid-app");
          await page.click("#new-token-form button[type=submit]");
          assert.match(await page.textContent("#new-token") ?? "", /^wst_/);
          await shot(page, "17-tokens-en");
          await page.click("header .who a[hreflang=zh]");
          await page.waitForLoadState();
          assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
          await page.goto(`${url}/admin/units`);
          assert.equal(
            await page.getAttribute("html", "lang"),
            "zh-CN",
            "the choice is remembered",
          );
          assert.match(await page.textContent("main") ?? "", /民政局/);
          assert.deepEqual(english.errors, []);
          await english.context.close();
        },
      );

      assert.deepEqual(editor.errors, [], "no page logged an error (CSP, scripts)");
      await editor.context.close();
    } finally {
      await browser?.close();
      const status = await service?.stop();
      if (status && !status.success) console.error(service?.output());
      if (dataDir) await Deno.remove(dataDir, { recursive: true }).catch(() => {});
      await pg?.close();
    }
  },
});
