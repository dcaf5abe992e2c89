/**
 * Semantic checks of the fields the case lifecycle reads: the working calendar and lifecycle
 * settings in `ruleset.json`, how limits are counted, units' webhooks, matter types' assisting
 * units, supervisor, suspension and extension policies, and exception rules' assisting units.
 *
 * @module
 */

import type { Bilingual } from "../routing/decision.ts";
import { type Duration, parseDuration } from "../routing/duration.ts";
import type { RulesetDocument, TimeLimits } from "../routing/ruleset.ts";
import { parseOfficeHours } from "../routing/working_calendar.ts";
import { closestName } from "./closest_name.ts";
import { type Finding, RULESET_FILES } from "./finding.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(text: unknown): text is string {
  if (typeof text !== "string") return false;
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const DURATION_HINT: Bilingual = {
  zh: "请写成 ISO 8601 时长，如 PT4H、P2D、P15D",
  en: "write an ISO 8601 duration, e.g. PT4H, P2D, P15D",
};

type Add = (
  severity: Finding["severity"],
  file: string,
  item: string,
  field: string,
  message: Bilingual,
) => void;

function checkDuration(add: Add, file: string, item: string, field: string, text: unknown) {
  if (text === undefined) return null;
  const duration = typeof text === "string" ? parseDuration(text) : null;
  if (!duration) {
    add("error", file, item, field, {
      zh: `${show(text)} 不是 ISO 8601 时长；${DURATION_HINT.zh}`,
      en: `${show(text)} is not an ISO 8601 duration; ${DURATION_HINT.en}`,
    });
  }
  return duration;
}

/** Checks the lifecycle fields of a ruleset; see the module doc. */
export function validateLifecycleFields(document: RulesetDocument): Finding[] {
  const findings: Finding[] = [];
  const add: Add = (severity, file, item, field, message) =>
    findings.push({ severity, file, item, field, message });
  const units = new Set(document.units.map((unit) => unit.code));
  const unitCheck = (file: string, item: string, field: string, code: unknown) => {
    if (typeof code === "string" && units.has(code)) return;
    const guess = typeof code === "string" ? closestName(code, units) : undefined;
    add("error", file, item, field, {
      zh: `单位 ${show(code)} 在 units.json 中不存在${guess ? `；是否应为“${guess}”？` : ""}`,
      en: `unit ${show(code)} is not in units.json${guess ? `; did you mean "${guess}"?` : ""}`,
    });
  };

  // ruleset.json › calendar
  const RULESET = RULESET_FILES.ruleset;
  const calendar = document.calendar;
  if (calendar?.office_hours !== undefined) {
    const parsed = parseOfficeHours(calendar.office_hours);
    if (!parsed.ok) {
      add("error", RULESET, "calendar", `office_hours[${parsed.index}]`, {
        zh:
          `办公时间应写成 "HH:MM-HH:MM"，按时间先后排列、互不重叠，至少一段，如 ["08:30-12:00", "13:30-17:30"]`,
        en:
          `office hours are "HH:MM-HH:MM" periods in order, not overlapping, at least one, e.g. ["08:30-12:00", "13:30-17:30"]`,
      });
    }
  }
  const seen = new Map<string, string>();
  for (const list of ["holidays", "workdays"] as const) {
    (calendar?.[list] ?? []).forEach((day, i) => {
      const field = `${list}[${i}]`;
      if (!isDate(day)) {
        add("error", RULESET, "calendar", field, {
          zh: `${show(day)} 不是日期；请写成 YYYY-MM-DD，如 2027-01-01`,
          en: `${show(day)} is not a date; write YYYY-MM-DD, e.g. 2027-01-01`,
        });
        return;
      }
      const earlier = seen.get(day);
      if (earlier !== undefined) {
        const both = earlier.startsWith(list) ? "warning" : "error";
        add(both, RULESET, "calendar", field, {
          zh: both === "error"
            ? `${day} 同时列为节假日和调休工作日（另见 ${earlier}）`
            : `${day} 重复列出（另见 ${earlier}）`,
          en: both === "error"
            ? `${day} is listed both as a holiday and as a workday (see also ${earlier})`
            : `${day} is listed twice (see also ${earlier})`,
        });
        return;
      }
      seen.set(day, field);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      if (list === "workdays" && !weekend) {
        add("warning", RULESET, "calendar", field, {
          zh: `${day} 是周一至周五，本来就是工作日；调休工作日通常是周六或周日`,
          en:
            `${day} is a weekday and a working day anyway; make-up workdays are Saturdays or Sundays`,
        });
      }
    });
  }

  // ruleset.json › lifecycle
  const lifecycle = document.lifecycle;
  checkDuration(add, RULESET, "lifecycle", "max_suspension", lifecycle?.max_suspension);
  checkDuration(
    add,
    RULESET,
    "lifecycle",
    "extensions.max_length",
    lifecycle?.extensions?.max_length,
  );

  // ruleset.json › time_limit_classes: counting and contribution limits
  for (const [name, limitClass] of Object.entries(document.time_limit_classes)) {
    for (const kind of ["normal", "urgent"] as const) {
      const limits: TimeLimits | undefined = limitClass[kind];
      if (!limits) continue;
      const item = `time_limit_classes.${name}`;
      const contribute = checkDuration(add, RULESET, item, `${kind}.contribute`, limits.contribute);
      const resolve = parseDuration(limits.resolve);
      if (contribute && resolve && longer(contribute, resolve)) {
        add("warning", RULESET, item, `${kind}.contribute`, {
          zh:
            `协办时限 ${limits.contribute} 比办结时限 ${limits.resolve} 还长；协办单位的期限不会晚于主办单位的办结期限`,
          en:
            `the contribution limit ${limits.contribute} is longer than the resolution limit ${limits.resolve}; an assisting unit's deadline is never later than the lead's`,
        });
      }
      for (const which of ["accept", "resolve"] as const) {
        const counting = typeof limits.counting === "object"
          ? limits.counting[which]
          : limits.counting;
        const duration = parseDuration(limits[which]);
        if (counting === "working" && duration && (duration.months || duration.years)) {
          add("error", RULESET, item, `${kind}.${which}`, {
            zh: `按工作时间计算的时限不能用月或年（${limits[which]}）；请写成工作日数，如 P20D`,
            en: `a limit counted in working time cannot use months or years (${
              limits[which]
            }); give working days, e.g. P20D`,
          });
        }
      }
    }
  }

  // units.json › webhook_url
  for (const unit of document.units) {
    if (unit.webhook_url === undefined) continue;
    let ok = false;
    try {
      const url = new URL(unit.webhook_url);
      ok = url.protocol === "http:" || url.protocol === "https:";
    } catch {
      ok = false;
    }
    if (!ok) {
      add("error", RULESET_FILES.units, unit.code, "webhook_url", {
        zh: `${show(unit.webhook_url)} 不是 http(s) 地址`,
        en: `${show(unit.webhook_url)} is not an http(s) URL`,
      });
    }
  }

  // matter_types.json › assisting_units, supervisor, max_suspension, extensions
  const TYPES = RULESET_FILES.matter_types;
  document.matter_types.forEach((matter, index) => {
    const item = typeof matter.code === "string" && matter.code ? matter.code : `#${index}`;
    const listed = new Set<string>();
    (matter.assisting_units ?? []).forEach((code, i) => {
      const field = `assisting_units[${i}]`;
      unitCheck(TYPES, item, field, code);
      if (code === matter.owner) {
        add("warning", TYPES, item, field, {
          zh: `协办单位“${code}”就是承办单位；它不会同时协办`,
          en: `assisting unit "${code}" is the owner itself; it will not also assist`,
        });
      } else if (listed.has(code)) {
        add("warning", TYPES, item, field, {
          zh: `协办单位“${code}”重复列出`,
          en: `assisting unit "${code}" is listed twice`,
        });
      }
      listed.add(code);
    });
    if (matter.supervisor !== undefined) unitCheck(TYPES, item, "supervisor", matter.supervisor);
    checkDuration(add, TYPES, item, "max_suspension", matter.max_suspension);
    checkDuration(add, TYPES, item, "extensions.max_length", matter.extensions?.max_length);
  });

  // exception_rules.json › assisting units named by events
  const RULES = RULESET_FILES.exception_rules;
  document.exception_rules.forEach((rule, index) => {
    const item = typeof rule.name === "string" && rule.name ? rule.name : `#${index}`;
    const event = rule.event as { type?: unknown; params?: Record<string, unknown> };
    const lists: [string, unknown][] = event.type === "assign"
      ? [["assist", event.params?.assist]]
      : event.type === "assist"
      ? [["add", event.params?.add], ["remove", event.params?.remove]]
      : [];
    for (const [key, list] of lists) {
      if (!Array.isArray(list)) continue;
      list.forEach((code, i) => unitCheck(RULES, item, `event.params.${key}[${i}]`, code));
    }
    if (
      event.type === "assist" && !(Array.isArray(event.params?.add) && event.params.add.length) &&
      !(Array.isArray(event.params?.remove) && event.params.remove.length)
    ) {
      add("warning", RULES, item, "event.params", {
        zh: "assist 事件既没有 add 也没有 remove：这条规则不起作用",
        en: "the assist event neither adds nor removes a unit: the rule does nothing",
      });
    }
  });
  return findings;
}

/** Is `a` longer than `b`, counted from a fixed instant. */
function longer(a: Duration, b: Duration): boolean {
  const ms = (d: Duration) =>
    ((((d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) *
        60 + d.seconds) * 1000;
  return ms(a) > ms(b);
}
