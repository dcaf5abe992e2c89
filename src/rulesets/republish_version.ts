import type { Kysely } from "kysely";
import { appendDecisions } from "../audit/append_decisions.ts";
import type { Database } from "../db/database.ts";
import { recomputeOpenDeadlines } from "../escalation/recompute_open_deadlines.ts";
import { compileRuleset } from "../routing/compile_ruleset.ts";
import { diffRulesets, type RulesetDiff } from "./diff_rulesets.ts";
import type { PublishContext } from "./publish_draft.ts";
import { lockPublishing } from "./publish_lock.ts";
import { notifyActiveVersion } from "./ruleset_channel.ts";
import { findActiveVersion, setActiveVersion } from "./ruleset_version_repository.ts";
import { findVersion } from "./ruleset_version_queries.ts";

/** What a rollback did, or why it did nothing. */
export type RepublishOutcome =
  | {
    status: "republished";
    version: number;
    content_hash: string;
    previous_version: number | null;
    diff: RulesetDiff;
    decision_seq: number;
  }
  | { status: "version_not_found" }
  | { status: "already_active" };

/**
 * Rolls back (or forward) to a stored version by making it active again. No new version number
 * is made: a version is immutable and keeps its number and content hash, so a decision's
 * `ruleset_version` always names exactly the rules that made it, and routing after a rollback to
 * version 1 is recorded as version 1. Atomic as a publish: under the publishing lock one
 * transaction switches the active version, appends a `publish` decision with
 * `outcome.rollback: true` and the diff from the version it replaces, and queues a NOTIFY.
 * Stored versions are not validated again: they were valid when published, and a rollback must
 * work when it is needed most.
 *
 * @example
 * ```ts ignore
 * const outcome = await republishVersion(db, 1, {
 *   actor: "token:policy", note: "back to the list of March", requestId: null, now: new Date(),
 * });
 * ```
 */
export async function republishVersion(
  db: Kysely<Database>,
  version: number,
  context: PublishContext,
): Promise<RepublishOutcome> {
  return await db.transaction().execute(async (trx): Promise<RepublishOutcome> => {
    await lockPublishing(trx);
    const target = await findVersion(trx, version);
    if (!target) return { status: "version_not_found" };
    const active = await findActiveVersion(trx);
    if (active?.version === version) return { status: "already_active" };
    await setActiveVersion(trx, version, context.actor, context.now);
    // Open deadlines follow the calendar of the version made active again.
    await recomputeOpenDeadlines(
      trx,
      compileRuleset(target.document, { version, hash: target.content_hash }),
      context.now,
      {
        previous: active
          ? compileRuleset(active.document, { version: active.version, hash: active.content_hash })
          : undefined,
      },
    );
    const previous = active?.version ?? null;
    const diff = diffRulesets(active?.document ?? target.document, target.document);
    const [logged] = await appendDecisions(trx, [{
      case_id: null,
      kind: "publish",
      ruleset_version: version,
      ruleset_hash: target.content_hash,
      matched_rules: [],
      facts: {},
      outcome: {
        version,
        previous_version: previous,
        rollback: true,
        note: context.note,
        diff,
      },
      reason: {
        zh: `回滚：重新启用第 ${version} 版` +
          (previous === null ? "" : `（取代第 ${previous} 版，${diff.changes} 处变更）`) +
          (context.note ? `：${context.note}` : "。"),
        en: `Rollback: version ${version} is active again` +
          (previous === null ? "" : ` (replacing version ${previous}, ${diff.changes} changes)`) +
          (context.note ? `: ${context.note}` : "."),
      },
      actor: context.actor,
      request_id: context.requestId,
      created_at: context.now,
    }]);
    await notifyActiveVersion(trx, version);
    return {
      status: "republished",
      version,
      content_hash: target.content_hash,
      previous_version: previous,
      diff,
      decision_seq: logged.seq,
    };
  });
}
