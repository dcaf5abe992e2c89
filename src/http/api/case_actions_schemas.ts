/**
 * Request bodies of the case actions and the whole case (`CaseDetail`) they answer with.
 *
 * @module
 */

import { z } from "@hono/zod-openapi";
import { CaseSchema, LoggedDecisionSchema } from "./case_schemas.ts";

const reason = (example: string) => z.string().trim().min(1).max(2000).openapi({ example });
const unit = z.string().trim().min(1).max(64).optional().openapi({
  description:
    "The unit acting. A unit token acts for its own unit (naming another is refused); an admin names the unit it acts for (default: the lead).",
  example: "YG-MZJ",
});
const instant = z.iso.datetime({ offset: true });

/** `accept` (签收). */
export const AcceptBodySchema = z.strictObject({
  unit,
  note: z.string().max(2000).optional(),
}).openapi("AcceptBody");

/** `return` (退单). */
export const ReturnBodySchema = z.strictObject({
  reason: reason("不属于本单位职责，应由区住建局办理"),
  unit,
}).openapi("ReturnBody");

/** `reassign` (人工改派). */
export const ReassignBodySchema = z.strictObject({
  unit: z.string().trim().min(1).max(64).openapi({ example: "YG-SFJ" }),
  reason: reason("经核实属司法调解范围"),
}).openapi("ReassignBody");

/** `notes`. */
export const NoteBodySchema = z.strictObject({
  text: z.string().trim().min(1).max(5000).openapi({ example: "已电话联系居民，约定明日上门" }),
  public: z.boolean().optional().openapi({
    description: "True when the citizen may see it (Open311 status notes); default false",
  }),
}).openapi("NoteBody");

/** `resolve` (办结). */
export const ResolveBodySchema = z.strictObject({
  summary: reason("已协调物业修复路灯"),
  proceed_without: z.array(z.strictObject({
    unit: z.string().trim().min(1).max(64),
    reason: reason("协办单位逾期未反馈，主办单位已现场核实"),
  })).max(50).optional().openapi({
    description:
      "Assisting units that have not submitted their part, each with why the lead resolves without them",
  }),
  unit,
}).openapi("ResolveBody");

/** `close` (反馈核查). */
export const CloseBodySchema = z.strictObject({
  satisfaction: z.enum(["satisfied", "basic", "unsatisfied"]).openapi({
    description: "满意 / 基本满意 / 不满意, as the hotline recorded it",
  }),
  comment: z.string().max(2000).optional(),
}).openapi("CloseBody");

/** `reopen`. */
export const ReopenBodySchema = z.strictObject({
  reason: reason("市民反映问题仍未解决"),
}).openapi("ReopenBody");

/** `submit`: an assisting unit's part (协办意见). */
export const SubmitBodySchema = z.strictObject({
  summary: reason("已出具鉴定意见"),
  unit,
}).openapi("SubmitBody");

/** An extension request (延期申请). */
export const ExtensionRequestBodySchema = z.strictObject({
  reason: reason("需等待第三方检测报告"),
  proposed_due: instant.openapi({ example: "2026-11-27T17:30:00+08:00" }),
  unit,
}).openapi("ExtensionRequestBody");

/** A dispatcher's decision on an extension request. */
export const ExtensionDecisionBodySchema = z.strictObject({
  decision: z.enum(["approve", "shorten", "refuse"]),
  due: instant.optional().openapi({
    description: "With shorten: the deadline granted (after the current, before the proposed)",
  }),
  note: z.string().max(2000).optional(),
}).openapi("ExtensionDecisionBody");

/** `suspend` (挂起). */
export const SuspendBodySchema = z.strictObject({
  reason: reason("等待市民补充材料"),
  resume_at: instant.optional().openapi({
    description: "When the case resumes by itself, if known",
  }),
}).openapi("SuspendBody");

/** `resume`. */
export const ResumeBodySchema = z.strictObject({
  note: z.string().max(2000).optional(),
}).openapi("ResumeBody");

const nullableInstant = z.string().nullable();

/** One unit's stint on a case. */
export const AssignmentSchema = z.object({
  id: z.uuid(),
  unit: z.string(),
  role: z.enum(["lead", "assist"]),
  state: z.enum(["assigned", "accepted", "submitted", "resolved", "ended"]),
  assigned_at: z.string(),
  accepted_at: nullableInstant,
  submitted_at: nullableInstant,
  resolved_at: nullableInstant,
  ended_at: nullableInstant,
  end_reason: z.string().nullable().openapi({
    description: "returned, escalated, reassigned, removed, waived, promoted",
  }),
  end_note: z.string().nullable(),
  limits: z.object({
    accept: z.string(),
    resolve: z.string(),
    accept_counting: z.enum(["calendar", "working"]),
    resolve_counting: z.enum(["calendar", "working"]),
  }),
  deadlines: z.object({
    accept_by: z.string(),
    accept_warn_at: z.string(),
    resolve_by: z.string().openapi({
      description: "In force: a lead's resolution or an assisting unit's contribution deadline",
    }),
    resolve_warn_at: z.string(),
    resolve_by_original: z.string().openapi({ description: "Without extensions" }),
    resolve_by_extended: nullableInstant.openapi({
      description: "Set by approved extensions; null when none",
    }),
  }),
  extensions_granted: z.number(),
  warned: z.object({ accept: nullableInstant, resolve: nullableInstant }),
  breached: z.object({ accept: nullableInstant, resolve: nullableInstant }),
  uncovered_years: z.array(z.number()),
}).openapi("Assignment");

/** A timeline entry (全程留痕). */
export const CaseEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string().openapi({
    example: "accepted",
    description:
      "assigned, accepted, returned, rerouted, reassigned, note, resolved, closed, reopened, suspended, resumed, assist_submitted, assist_waived, extension_requested, extension_approved, extension_refused, warning, escalated, overdue, calendar_warning, calendar_warning_cleared, webhook_delivery",
  }),
  actor: z.string(),
  unit: z.string().nullable(),
  note: z.string().nullable(),
  public: z.boolean(),
  data: z.record(z.string(), z.unknown()),
}).openapi("CaseEvent");

/** The whole case: state, lead, assistants, deadlines, extensions, suspensions, timeline. */
export const CaseDetailSchema = CaseSchema.extend({
  deadlines: z.object({
    accept_by: z.string(),
    resolve_by: z.string(),
    resolve_by_original: nullableInstant,
    resolve_by_extended: nullableInstant,
    accept_warn_at: nullableInstant,
    resolve_warn_at: nullableInstant,
    uncovered_years: z.array(z.number()).openapi({
      description:
        "Years without a holiday calendar that working-time deadlines cross (weekends assumed until the ruleset adds them)",
    }),
  }),
  accepted_at: nullableInstant,
  resolved_at: nullableInstant,
  closed_at: nullableInstant,
  satisfaction: z.enum(["satisfied", "basic", "unsatisfied"]).nullable(),
  return_count: z.number(),
  escalation_count: z.number(),
  reopen_count: z.number(),
  lead: AssignmentSchema.nullable(),
  assistants: z.array(AssignmentSchema),
  assignments: z.array(AssignmentSchema),
  extensions: z.array(z.object({
    id: z.uuid(),
    unit: z.string(),
    assignment_id: z.uuid(),
    status: z.enum(["pending", "approved", "refused"]),
    reason: z.string(),
    requested_by: z.string(),
    requested_at: z.string(),
    previous_due: z.string(),
    proposed_due: z.string(),
    decided_by: z.string().nullable(),
    decided_at: nullableInstant,
    decision_note: z.string().nullable(),
    granted_due: nullableInstant,
  })),
  suspensions: z.array(z.object({
    id: z.uuid(),
    reason: z.string(),
    suspended_at: z.string(),
    suspended_by: z.string(),
    resume_at: nullableInstant,
    resumed_at: nullableInstant,
    resumed_by: z.string().nullable(),
    resume_note: z.string().nullable(),
  })),
  timeline: z.array(CaseEventSchema),
  history: z.array(LoggedDecisionSchema),
}).openapi("CaseDetail");
