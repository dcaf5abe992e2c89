import { z } from "@hono/zod-openapi";
import { UNIT_TIERS } from "../../routing/ruleset.ts";

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const instant = z.string().openapi({ format: "date-time", example: "2026-11-23T02:00:00.000Z" });

// ---- the ruleset document ----------------------------------------------------------------------

const Counting = z.enum(["calendar", "working"]);

const TimeLimitsSchema = z.strictObject({
  accept: z.string().min(1).openapi({ example: "PT2H" }),
  resolve: z.string().min(1).openapi({ example: "P2D" }),
  contribute: z.string().min(1).optional().openapi({
    description: "An assisting unit's limit for its part (default: resolve)",
    example: "P1D",
  }),
  counting: z.union([
    Counting,
    z.strictObject({ accept: Counting.optional(), resolve: Counting.optional() }),
  ]).optional().openapi({
    description: "calendar (default) or working time (office hours on working days)",
  }),
});

const ExtensionPolicySchema = z.object({
  max_count: z.number().int().nonnegative(),
  max_length: z.string().optional().openapi({ example: "P7D" }),
});

/** A time-limit class (in a request body: the class name is in the path). */
export const TimeLimitClassSchema = z
  .strictObject({
    name_zh: z.string().min(1).openapi({ example: "耗时事项（2天内办结）" }),
    name_en: z.string().min(1).openapi({
      example: "Time-consuming matter (resolved within 2 days)",
    }),
    normal: TimeLimitsSchema,
    urgent: TimeLimitsSchema.optional(),
  })
  .openapi("TimeLimitClass");

/** A unit (承办单位). */
export const UnitSchema = z
  .object({
    code: z.string().openapi({ example: "YG-SFJ" }),
    name_zh: z.string().openapi({ example: "云冈区司法局" }),
    name_en: z.string().openapi({ example: "Yungang District Justice Bureau" }),
    tier: z.enum(UNIT_TIERS),
    parent: z.string().nullable().openapi({ example: "YG" }),
    webhook_url: z.string().optional().openapi({ example: "https://sfj.example.gov.cn/whistle" }),
  })
  .openapi("Unit");

/** A matter type (事项) of the admission list. */
export const MatterTypeSchema = z
  .object({
    code: z.string().openapi({ example: "MT-MZJ-005" }),
    name_zh: z.string(),
    name_en: z.string(),
    category: z.string().openapi({ example: "public_service" }),
    owner: z.string().openapi({ example: "YG-MZJ" }),
    time_limit_class: z.string().openapi({ example: "standard" }),
    attributes: z.array(z.record(z.string(), z.unknown())).optional(),
    assisting_units: z.array(z.string()).optional(),
    supervisor: z.string().optional(),
    max_suspension: z.string().optional(),
    extensions: ExtensionPolicySchema.optional(),
  })
  .openapi("MatterType");

const Conditions = z.record(z.string(), z.unknown()).openapi({
  description:
    "json-rules-engine conditions: `all`, `any` or `not` at the top, nesting; comparisons `{ fact, operator, value }` over the facts of src/routing/facts.ts",
  example: { all: [{ fact: "text", operator: "containsText", value: "欠薪" }] },
});

const RuleEventSchema = z
  .object({
    type: z.enum(["assign", "raise_level", "assist"]),
    params: z.record(z.string(), z.unknown()).optional().openapi({
      example: { owner: "YG-RSJ" },
    }),
  })
  .openapi("RuleEvent");

/** An exception rule in json-rules-engine's format. */
export const ExceptionRuleSchema = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    priority: z.number().optional(),
    conditions: Conditions,
    event: RuleEventSchema,
  })
  .openapi("ExceptionRule");

/** A whole ruleset document, as stored in a version or a draft and written to `rules/`. */
export const RulesetDocumentSchema = z
  .object({
    name: z.string(),
    fallback_unit: z.string().openapi({ example: "YG-ZZZX" }),
    time_limit_classes: z.record(z.string(), TimeLimitClassSchema),
    units: z.array(UnitSchema),
    matter_types: z.array(MatterTypeSchema),
    exception_rules: z.array(ExceptionRuleSchema),
    calendar: z.object({
      office_hours: z.array(z.string()).optional(),
      holidays: z.array(z.string()).optional(),
      workdays: z.array(z.string()).optional(),
    }).optional(),
    lifecycle: z.object({
      warn_at: z.number().optional(),
      max_returns: z.number().optional(),
      urgent_raise_levels: z.number().optional(),
      max_suspension: z.string().optional(),
      extensions: ExtensionPolicySchema.optional(),
    }).optional(),
  })
  .openapi("RulesetDocument");

// ---- request bodies ----------------------------------------------------------------------------

// Item bodies document the usual fields and pass any other through: every edited item and the
// whole draft are then checked against src/rulesets/ruleset_schema.ts, the one authority on the
// ruleset's shape (an unknown or malformed field is a 400 naming it), so the API accepts every
// field the ruleset format has, as it grows.

/** PUT a unit: the code is in the path (a `code` in the body must equal it). */
export const UnitBodySchema = z
  .looseObject({
    code: z.string().optional(),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    tier: z.enum(UNIT_TIERS),
    parent: z.string().nullable(),
  })
  .openapi("UnitBody", {
    example: {
      name_zh: "云冈区司法局",
      name_en: "Yungang District Justice Bureau",
      tier: "department",
      parent: "YG",
    },
  });

/** PATCH a unit: only the fields to change. */
export const UnitPatchSchema = z
  .looseObject({
    name_zh: z.string().min(1).optional(),
    name_en: z.string().min(1).optional(),
    tier: z.enum(UNIT_TIERS).optional(),
    parent: z.string().nullable().optional(),
  })
  .openapi("UnitPatch", { example: { parent: "YG-ZZZX" } });

/** PUT a matter type: the code is in the path (a `code` in the body must equal it). */
export const MatterTypeBodySchema = z
  .looseObject({
    code: z.string().optional(),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    category: z.string().min(1),
    owner: z.string().min(1),
    time_limit_class: z.string().min(1),
    attributes: z.array(z.record(z.string(), z.unknown())).optional().openapi({
      description:
        "Open311 service-definition attributes (variable, code, datatype, required, datatype_description, order, description, values)",
    }),
  })
  .openapi("MatterTypeBody", {
    example: {
      name_zh: "独居老人关爱",
      name_en: "Care for elderly people living alone",
      category: "public_service",
      owner: "YG-MZJ",
      time_limit_class: "standard",
    },
  });

/** PATCH a matter type: e.g. only `owner`, `category` or `time_limit_class`. */
export const MatterTypePatchSchema = z
  .looseObject({
    name_zh: z.string().min(1).optional(),
    name_en: z.string().min(1).optional(),
    category: z.string().min(1).optional(),
    owner: z.string().min(1).optional(),
    time_limit_class: z.string().min(1).optional(),
    attributes: z.array(z.record(z.string(), z.unknown())).optional().openapi({
      description:
        "Open311 service-definition attributes (variable, code, datatype, required, datatype_description, order, description, values)",
    }),
  })
  .openapi("MatterTypePatch", { example: { owner: "YG-SFJ" } });

/** PUT an exception rule: the name is in the path (a `name` in the body must equal it). */
export const ExceptionRuleBodySchema = z
  .looseObject({
    name: z.string().optional(),
    description: z.string().optional(),
    priority: z.number().int().positive().optional(),
    conditions: Conditions,
    event: RuleEventSchema,
  })
  .openapi("ExceptionRuleBody", {
    example: {
      description: "欠薪诉求派人社局。 Unpaid wages go to the human resources bureau.",
      priority: 40,
      conditions: {
        all: [{ fact: "text", operator: "containsAnyText", value: ["欠薪", "拖欠工资"] }],
      },
      event: { type: "assign", params: { owner: "YG-RSJ" } },
    },
  });

/** PUT the fallback unit (人工派单). */
export const FallbackBodySchema = z
  .strictObject({ unit: z.string().min(1).openapi({ example: "YG-ZZZX" }) })
  .openapi("FallbackBody");

/** POST a draft: from a stored version (default: the active one) or from a whole document. */
export const CreateDraftBodySchema = z
  .strictObject({
    from_version: z.number().int().positive().optional().openapi({
      description: "Copy this version; default: the active one",
      example: 1,
    }),
    document: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        "A whole ruleset document instead of a version (what `rules:import` sends from files)",
    }),
    note: z.string().max(2000).default("").openapi({ example: "MT-MZJ-005 goes to 司法局" }),
  })
  .openapi("CreateDraftBody");

/** POST a publish or a rollback. */
export const PublishBodySchema = z
  .strictObject({
    note: z.string().trim().min(1).max(2000).openapi({
      description: "Why: recorded with the version and in the decision log",
      example: "事项准入清单调整：MT-MZJ-005 改由司法局承办",
    }),
    expected_active_version: z.number().int().positive().optional().openapi({
      description:
        "Refuse (409) unless this version is still the active one: guards against publishing over a version someone else published meanwhile",
      example: 1,
    }),
  })
  .openapi("PublishBody");

/** POST a rollback. */
export const RollbackBodySchema = z
  .strictObject({
    note: z.string().trim().min(1).max(2000).openapi({ example: "回滚到第 1 版" }),
  })
  .openapi("RollbackBody");

/** POST a simulation. */
export const SimulationBodySchema = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).optional().openapi({
      description: "Start of the period (cases received from then); default: 30 days before `to`",
    }),
    to: z.iso.datetime({ offset: true }).optional().openapi({
      description: "End of the period (exclusive); default: now",
    }),
    baseline: z.enum(["active", "stored"]).default("active").openapi({
      description:
        "Compare with the active version's decisions (only the draft's changes show) or with each case's stored owner (escalations and manual moves show too)",
    }),
  })
  .openapi("SimulationBody");

// ---- responses -------------------------------------------------------------------------------

/** A validation finding. */
export const FindingSchema = z
  .object({
    severity: z.enum(["error", "warning"]),
    file: z.string().openapi({ example: "matter_types.json" }),
    item: z.string().openapi({ example: "MT-MZJ-005" }),
    field: z.string().openapi({ example: "owner" }),
    message: Bilingual,
  })
  .openapi("Finding");

/** A stored version without its document. */
export const VersionMetaSchema = z
  .object({
    version: z.number().int(),
    content_hash: z.string(),
    author: z.string(),
    note: z.string(),
    created_at: instant,
    active: z.boolean(),
  })
  .openapi("RulesetVersionMeta");

/** A stored version with its document. */
export const VersionSchema = VersionMetaSchema.extend({ document: RulesetDocumentSchema })
  .openapi("RulesetVersion");

/** The active version, and when and by whom it was activated. */
export const ActiveVersionSchema = VersionSchema.extend({
  activated_at: instant,
  activated_by: z.string(),
}).openapi("ActiveRulesetVersion");

const ValueChangeSchema = z.object({ before: z.unknown(), after: z.unknown() });
const CollectionDiffSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({
    key: z.string(),
    fields: z.record(z.string(), ValueChangeSchema),
  })),
});

/** What changed between two rulesets. */
export const RulesetDiffSchema = z
  .object({
    name: ValueChangeSchema.nullable(),
    fallback_unit: ValueChangeSchema.nullable(),
    time_limit_classes: CollectionDiffSchema,
    units: CollectionDiffSchema,
    matter_types: CollectionDiffSchema,
    exception_rules: CollectionDiffSchema,
    exception_rules_reordered: z.boolean(),
    changes: z.number().int(),
  })
  .openapi("RulesetDiff");

/** The diff between two versions. */
export const VersionDiffSchema = z
  .object({ from: z.number().int(), to: z.number().int(), diff: RulesetDiffSchema })
  .openapi("RulesetVersionDiff");

/** A draft without its document. */
export const DraftMetaSchema = z
  .object({
    id: z.uuid(),
    base_version: z.number().int().nullable(),
    note: z.string(),
    status: z.enum(["open", "published"]),
    revision: z.number().int(),
    content_hash: z.string(),
    author: z.string(),
    created_at: instant,
    updated_by: z.string(),
    updated_at: instant,
    published_version: z.number().int().nullable(),
    published_at: instant.nullable(),
  })
  .openapi("RulesetDraftMeta");

const ProgressSchema = z.object({
  processed: z.number().int(),
  total: z.number().int(),
  percent: z.number(),
});

/** A simulation without its result. */
export const SimulationSummarySchema = z
  .object({
    id: z.uuid(),
    draft_id: z.uuid(),
    draft_hash: z.string(),
    draft_changed: z.boolean().openapi({
      description: "The draft was edited after this simulation: its result may be out of date",
    }),
    baseline: z.enum(["active", "stored"]),
    baseline_version: z.number().int().nullable(),
    period: z.object({ from: instant, to: instant }),
    status: z.enum(["queued", "running", "succeeded", "failed"]),
    progress: ProgressSchema,
    error: z.string().nullable(),
    created_by: z.string(),
    created_at: instant,
    started_at: instant.nullable(),
    finished_at: instant.nullable(),
  })
  .openapi("SimulationSummary");

/** What a finished simulation found. */
export const SimulationResultSchema = z
  .object({
    period: z.object({ from: instant, to: instant }),
    baseline: z.object({ kind: z.enum(["active", "stored"]), version: z.number().optional() }),
    draft_hash: z.string(),
    draft_errors: z.number().int(),
    cases: z.number().int(),
    moved: z.number().int(),
    unchanged: z.number().int(),
    moves: z.array(z.object({
      from: z.string(),
      to: z.string(),
      count: z.number().int(),
      sample_case_ids: z.array(z.string()),
    })),
    load: z.array(z.object({
      unit: z.string(),
      before: z.number().int(),
      after: z.number().int(),
      gained: z.number().int(),
      lost: z.number().int(),
      net: z.number().int(),
    })),
    elapsed_ms: z.number(),
    cases_per_second: z.number(),
  })
  .openapi("SimulationResult");

/** A simulation with its result (once it succeeded). */
export const SimulationSchema = SimulationSummarySchema.extend({
  result: SimulationResultSchema.nullable(),
}).openapi("Simulation");

/** Counts of findings. */
const FindingCountsSchema = z.object({ errors: z.number().int(), warnings: z.number().int() });

/** A draft with its document, its findings and its simulations. */
export const DraftSchema = DraftMetaSchema.extend({
  document: RulesetDocumentSchema,
  validation: FindingCountsSchema.extend({ findings: z.array(FindingSchema) }),
  simulations: z.array(SimulationSummarySchema),
}).openapi("RulesetDraft");

/** The answer to `:validate`. */
export const ValidationSchema = z
  .object({
    ok: z.boolean().openapi({ description: "No errors: the draft may be published" }),
    errors: z.number().int(),
    warnings: z.number().int(),
    findings: z.array(FindingSchema),
  })
  .openapi("RulesetValidation");

/** The answer to a publish or a rollback. */
export const PublishResultSchema = z
  .object({
    version: z.number().int(),
    content_hash: z.string(),
    previous_version: z.number().int().nullable(),
    rollback: z.boolean(),
    diff: RulesetDiffSchema,
    decision_seq: z.number().int().openapi({
      description: "The `publish` entry in the decision log",
    }),
    warnings: z.array(FindingSchema),
  })
  .openapi("PublishResult");

/** The error body of a refused ruleset: the usual shape plus every finding. */
export const RulesetRefusedSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "conflict" }),
      message: z.string(),
      details: z.array(z.object({
        field: z.string().openapi({ example: 'matter_types["MT-MZJ-005"].owner' }),
        message: z.string(),
      })),
      findings: z.array(FindingSchema),
    }),
  })
  .openapi("RulesetRefused");
