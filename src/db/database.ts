import type { Kysely, Transaction } from "kysely";
import type { ApiTokenTable } from "./tables/api_token_table.ts";
import type { CaseAssignmentTable } from "./tables/case_assignment_table.ts";
import type { CaseEventTable } from "./tables/case_event_table.ts";
import type { CaseExtensionTable } from "./tables/case_extension_table.ts";
import type { CaseSuspensionTable } from "./tables/case_suspension_table.ts";
import type { CaseTimerTable } from "./tables/case_timer_table.ts";
import type { WebhookOutboxTable } from "./tables/webhook_outbox_table.ts";
import type { CaseTable } from "./tables/case_table.ts";
import type { DecisionLogTable } from "./tables/decision_log_table.ts";
import type { LoginThrottleTable } from "./tables/login_throttle_table.ts";
import type { ActiveRulesetTable, RulesetVersionTable } from "./tables/ruleset_version_table.ts";
import type { RulesetDraftTable } from "./tables/ruleset_draft_table.ts";
import type { SimulationTable } from "./tables/simulation_table.ts";
import type { UserSessionTable } from "./tables/user_session_table.ts";
import type { UserTable } from "./tables/user_table.ts";

/** Every table Whistle owns, as kysely sees them. */
export interface Database {
  cases: CaseTable;
  case_events: CaseEventTable;
  case_assignments: CaseAssignmentTable;
  case_timers: CaseTimerTable;
  case_suspensions: CaseSuspensionTable;
  case_extensions: CaseExtensionTable;
  webhook_outbox: WebhookOutboxTable;
  decision_log: DecisionLogTable;
  ruleset_versions: RulesetVersionTable;
  active_ruleset: ActiveRulesetTable;
  api_tokens: ApiTokenTable;
  ruleset_drafts: RulesetDraftTable;
  simulations: SimulationTable;
  users: UserTable;
  user_sessions: UserSessionTable;
  login_throttle: LoginThrottleTable;
}

/** A connection or a transaction: what every repository function takes first. */
export type Queryable = Kysely<Database> | Transaction<Database>;
