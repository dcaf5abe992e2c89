import type { Kysely, Transaction } from "kysely";
import type { ApiTokenTable } from "./tables/api_token_table.ts";
import type { CaseTable } from "./tables/case_table.ts";
import type { DecisionLogTable } from "./tables/decision_log_table.ts";
import type { ActiveRulesetTable, RulesetVersionTable } from "./tables/ruleset_version_table.ts";

/** Every table Whistle owns, as kysely sees them. */
export interface Database {
  cases: CaseTable;
  decision_log: DecisionLogTable;
  ruleset_versions: RulesetVersionTable;
  active_ruleset: ActiveRulesetTable;
  api_tokens: ApiTokenTable;
}

/** A connection or a transaction: what every repository function takes first. */
export type Queryable = Kysely<Database> | Transaction<Database>;
