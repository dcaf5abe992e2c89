/**
 * Zod schemas for the four files of a ruleset directory (`rules/`): `ruleset.json`,
 * `units.json`, `matter_types.json` and `exception_rules.json`.
 *
 * They check the *shape* of each file (fields, types, no unknown fields); what the values mean
 * together (does this owner exist? does this chain loop?) is `validateRuleset()`'s job. Their
 * output types are assignable to the contract types in `src/routing/ruleset.ts`.
 *
 * Problems the schemas find themselves carry a bilingual message in the issue's `params`
 * (`{ zh, en }`); `zodIssuesToFindings()` turns every issue into a {@link Finding}.
 *
 * @module
 */

import { z } from "zod";
import {
  ATTRIBUTE_DATATYPES,
  type Condition,
  type TopLevelCondition,
  UNIT_TIERS,
} from "../routing/ruleset.ts";

/** Codes of units and matter types: letters, digits, `-`, `_`, `.`; no spaces (e.g. `YG-MZJ`). */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** Names of time-limit classes (keys of `time_limit_classes`), e.g. `small`, `standard`. */
const CLASS_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Options for a refinement whose message is given in both languages. */
function says(zh: string, en: string): { error: string; params: { zh: string; en: string } } {
  return { error: en, params: { zh, en } };
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const code = z.string().superRefine((value, ctx) => {
  if (!CODE_PATTERN.test(value)) {
    ctx.addIssue({
      code: "custom",
      message: `not a valid code: ${show(value)}`,
      params: {
        zh: `编码 ${
          show(value)
        } 不合规：只能用字母、数字和 - _ .，以字母或数字开头，不能有空格，例如 YG-MZJ`,
        en: `${
          show(value)
        } is not a valid code: use letters, digits, "-", "_" or ".", starting with a letter or digit, no spaces (e.g. YG-MZJ)`,
      },
    });
  }
});

const text = z.string().min(1);

const counting = z.enum(["calendar", "working"]);

/**
 * Two ISO 8601 durations (and an assisting unit's optional `contribute` limit), counted in
 * calendar or working time; `validateRuleset()` parses them.
 */
const timeLimitsSchema = z.strictObject({
  accept: text,
  resolve: text,
  contribute: text.optional(),
  counting: z.union([
    counting,
    z.strictObject({ accept: counting.optional(), resolve: counting.optional() }),
  ]).optional(),
});

/** How many extensions (延期) are allowed and how long each may be; `validateRuleset()` parses it. */
export const extensionPolicySchema = z.strictObject({
  max_count: z.number().int().nonnegative(),
  max_length: text.optional(),
});

/**
 * The working calendar: office hours and holidays / make-up workdays (调休) that add to or
 * correct the built-in calendar; `validateRuleset()` checks the values.
 */
export const calendarSchema = z.strictObject({
  office_hours: z.array(z.string()).optional(),
  holidays: z.array(z.string()).optional(),
  workdays: z.array(z.string()).optional(),
});

/** Case lifecycle settings (warnings, returns, suspension, extensions, urgent escalation). */
export const lifecycleSchema = z.strictObject({
  warn_at: z.number().gt(0).lt(1).optional(),
  max_returns: z.number().int().positive().optional(),
  urgent_raise_levels: z.number().int().nonnegative().optional(),
  max_suspension: text.optional(),
  extensions: extensionPolicySchema.optional(),
});

/** One time-limit class in `ruleset.json`. */
export const timeLimitClassSchema = z.strictObject({
  name_zh: text,
  name_en: text,
  normal: timeLimitsSchema,
  urgent: timeLimitsSchema.optional(),
});

const className = z.string().refine(
  (name) => CLASS_NAME_PATTERN.test(name),
  says(
    "时限类别名只能用小写字母、数字和 _，以字母开头，例如 small、standard",
    'a time-limit class name uses lowercase letters, digits and "_", starting with a letter (e.g. small, standard)',
  ),
);

/** `ruleset.json`: the ruleset's name, fallback unit and time-limit classes. */
export const rulesetFileSchema = z.strictObject({
  name: text,
  fallback_unit: code,
  time_limit_classes: z.record(className, timeLimitClassSchema),
  calendar: calendarSchema.optional(),
  lifecycle: lifecycleSchema.optional(),
});

/** One unit (承办单位) in `units.json`. */
export const unitSchema = z.strictObject({
  code,
  name_zh: text,
  name_en: text,
  tier: z.enum(UNIT_TIERS),
  parent: code.nullable(),
  webhook_url: text.optional(),
});

/** `units.json`: every unit that can own a case. */
export const unitsFileSchema = z.array(unitSchema);

/** One choice of a list attribute: the key a client sends and the name it shows. */
export const attributeValueSchema = z.strictObject({
  key: text,
  name: text,
});

/**
 * One attribute of a matter type's Open311 service definition (GeoReport v2 field names);
 * `validateMatterTypes()` checks what needs more than one field (unique codes, list values).
 */
export const matterTypeAttributeSchema = z.strictObject({
  variable: z.boolean(),
  code,
  datatype: z.enum(ATTRIBUTE_DATATYPES),
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.number().int().nonnegative(),
  description: text,
  values: z.array(attributeValueSchema).optional(),
});

/** One matter type (事项) in `matter_types.json`. */
export const matterTypeSchema = z.strictObject({
  code,
  name_zh: text,
  name_en: text,
  category: text,
  owner: code,
  time_limit_class: text,
  attributes: z.array(matterTypeAttributeSchema).optional(),
  assisting_units: z.array(code).optional(),
  supervisor: code.optional(),
  max_suspension: text.optional(),
  extensions: extensionPolicySchema.optional(),
});

/** `matter_types.json`: the admission list (事项准入清单). */
export const matterTypesFileSchema = z.array(matterTypeSchema);

// ---- json-rules-engine conditions -------------------------------------------------------------

/** Keys every condition may carry, whatever its kind. */
const conditionMeta = {
  name: text.optional(),
  priority: z.number().int().positive().optional(),
};

const factComparisonSchema = z.strictObject({
  fact: text,
  operator: text,
  value: z.unknown().refine(
    (value) => value !== undefined,
    says(
      "比较条件缺少 value（要比较的值）",
      'a fact comparison needs a "value" to compare with',
    ),
  ),
  path: text.optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  ...conditionMeta,
});

const conditionList = z.array(z.lazy((): z.ZodType<Condition> => conditionSchema));

const allSchema = z.strictObject({ all: conditionList, ...conditionMeta });
const anySchema = z.strictObject({ any: conditionList, ...conditionMeta });
const notSchema = z.strictObject({
  not: z.lazy((): z.ZodType<Condition> => conditionSchema),
  ...conditionMeta,
});
const referenceSchema = z.strictObject({ condition: text, ...conditionMeta });

/** The key that says what kind a condition is, in the order they are looked for. */
const KIND_KEYS = ["all", "any", "not", "condition", "fact"] as const;
type KindKey = (typeof KIND_KEYS)[number];

const SCHEMA_BY_KIND: Record<KindKey, z.ZodType> = {
  all: allSchema,
  any: anySchema,
  not: notSchema,
  condition: referenceSchema,
  fact: factComparisonSchema,
};

/**
 * Validates one condition by its kind: the key it has (`all`, `any`, `not`, `condition` or
 * `fact`) picks the schema, so an error names the real problem instead of "matches no option".
 */
function checkCondition(topLevel: boolean) {
  return (value: unknown, ctx: z.RefinementCtx): void => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: "custom",
        message: "a condition must be an object",
        params: {
          zh: `条件必须是一个对象（{ ... }），现在是 ${show(value)}`,
          en: `a condition must be an object ({ ... }), got ${show(value)}`,
        },
      });
      return;
    }
    const kind = KIND_KEYS.find((key) => Object.hasOwn(value, key));
    if (kind === undefined) {
      const keys = Object.keys(value).map((key) => `"${key}"`).join(", ") || "none";
      ctx.addIssue({
        code: "custom",
        message: "a condition needs all, any, not or fact",
        params: {
          zh: `条件必须含 all、any、not 或 fact 之一（现有字段：${keys}）`,
          en: `a condition needs one of "all", "any", "not" or "fact" (it has: ${keys})`,
        },
      });
      return;
    }
    if (topLevel && kind === "fact") {
      ctx.addIssue({
        code: "custom",
        message: "conditions must start with all, any or not",
        params: {
          zh: 'conditions 顶层必须是 all、any 或 not；请把这个比较放进 { "all": [ ... ] }',
          en:
            'the top of "conditions" must be "all", "any" or "not"; wrap this comparison as { "all": [ ... ] }',
        },
      });
      return;
    }
    const result = SCHEMA_BY_KIND[kind].safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) ctx.addIssue({ ...issue });
    }
  };
}

/** A json-rules-engine condition at any depth: comparison, `all`/`any`/`not` group, reference. */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.custom<Condition>().superRefine(checkCondition(false))
);

/** The top of a rule's conditions: an `all`, `any` or `not` group (or a reference). */
export const topLevelConditionSchema: z.ZodType<TopLevelCondition> = z.lazy(() =>
  z.custom<TopLevelCondition>().superRefine(checkCondition(true))
);

// ---- events and rules -------------------------------------------------------------------------

/**
 * What a rule does: assign the case to a unit (optionally with assisting units), raise it up the
 * owner's chain, or add and remove assisting units (协办).
 */
export const ruleEventSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("assign"),
    params: z.strictObject({ owner: code, assist: z.array(code).optional() }),
  }),
  z.strictObject({
    type: z.literal("assist"),
    params: z.strictObject({
      add: z.array(code).optional(),
      remove: z.array(code).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal("raise_level"),
    params: z.strictObject({ levels: z.number().int().positive().optional() }).optional(),
  }),
]);

/**
 * One exception rule, in json-rules-engine's rule format. `onSuccess`/`onFailure` are refused:
 * a rule's effect is its `event`, which `decide()` reads.
 */
export const exceptionRuleSchema = z.strictObject({
  name: text,
  description: z.string().optional(),
  priority: z.number().int().positive().optional(),
  conditions: topLevelConditionSchema,
  event: ruleEventSchema,
});

/** `exception_rules.json`: the rules that override the admission list. */
export const exceptionRulesFileSchema = z.array(exceptionRuleSchema);

/**
 * A whole ruleset document (what the database stores and the API exchanges): the fields of
 * `ruleset.json` plus `units`, `matter_types` and `exception_rules`.
 */
export const rulesetDocumentSchema = z.strictObject({
  ...rulesetFileSchema.shape,
  units: unitsFileSchema,
  matter_types: matterTypesFileSchema,
  exception_rules: exceptionRulesFileSchema,
});
