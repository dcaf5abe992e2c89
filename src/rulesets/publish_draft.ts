import type { Kysely } from "kysely";
import { appendDecisions } from "../audit/append_decisions.ts";
import type { Database } from "../db/database.ts";
import { recomputeOpenDeadlines } from "../escalation/recompute_open_deadlines.ts";
import { compileRuleset } from "../routing/compile_ruleset.ts";
import { rulesetContentHash } from "./content_hash.ts";
import { diffRulesets, type RulesetDiff } from "./diff_rulesets.ts";
import type { Finding } from "./finding.ts";
import { lockPublishing } from "./publish_lock.ts";
import { hasErrors, reviewRuleset } from "./review_ruleset.ts";
import { notifyActiveVersion } from "./ruleset_channel.ts";
import { findDraft, markDraftPublished } from "./ruleset_draft_repository.ts";
import {
  findActiveVersion,
  insertRulesetVersion,
  type RulesetVersion,
  setActiveVersion,
} from "./ruleset_version_repository.ts";

/** Who publishes, why, and when. */
export interface PublishContext {
  actor: string;
  note: string;
  requestId: string | null;
  now: Date;
}

/** What a publish did, or why it did nothing. */
export type PublishOutcome =
  | {
    status: "published";
    version: RulesetVersion;
    previous_version: number | null;
    diff: RulesetDiff;
    /** The `publish` entry's place in the decision log. */
    decision_seq: number;
    /** Warnings that did not stop the publish. */
    warnings: Finding[];
  }
  | { status: "draft_not_found" }
  | { status: "draft_not_open"; published_version: number | null }
  /** The draft has errors: nothing changed; `findings` lists them all, errors first. */
  | { status: "invalid"; findings: Finding[] }
  /** `expectedActiveVersion` was given and another version is active. */
  | { status: "stale"; active_version: number | null }
  /** The draft's rules are exactly the active version's. */
  | { status: "unchanged"; active_version: number };

/**
 * Publishes a draft, atomically: in one transaction (under the publishing lock) it checks the
 * draft once more, stores it as the next version, makes that version active, marks the draft
 * published, appends a `publish` decision whose outcome holds the diff to the previous active
 * version, and queues a NOTIFY so that every instance switches (delivered at commit). A draft
 * with any error finding is refused and nothing changes.
 *
 * @example
 * ```ts ignore
 * const outcome = await publishDraft(db, draftId, {
 *   actor: "token:policy", note: "MT-MZJ-005 to 司法局", requestId: null, now: new Date(),
 * });
 * if (outcome.status === "published") await activeRuleset.refresh();
 * ```
 */
export async function publishDraft(
  db: Kysely<Database>,
  draftId: string,
  context: PublishContext,
  options: { expectedActiveVersion?: number } = {},
): Promise<PublishOutcome> {
  return await db.transaction().execute(async (trx): Promise<PublishOutcome> => {
    await lockPublishing(trx);
    const draft = await findDraft(trx, draftId, { forUpdate: true });
    if (!draft) return { status: "draft_not_found" };
    if (draft.status !== "open") {
      return { status: "draft_not_open", published_version: draft.published_version };
    }
    const findings = reviewRuleset(draft.document);
    if (hasErrors(findings)) {
      return {
        status: "invalid",
        findings: [
          ...findings.filter((f) => f.severity === "error"),
          ...findings.filter((f) => f.severity !== "error"),
        ],
      };
    }
    const active = await findActiveVersion(trx);
    if (
      options.expectedActiveVersion !== undefined &&
      options.expectedActiveVersion !== active?.version
    ) {
      return { status: "stale", active_version: active?.version ?? null };
    }
    const hash = rulesetContentHash(draft.document);
    if (active && active.content_hash === hash) {
      return { status: "unchanged", active_version: active.version };
    }
    const version = await insertRulesetVersion(trx, {
      content_hash: hash,
      document: draft.document,
      author: context.actor,
      note: context.note,
      created_at: context.now,
    });
    await setActiveVersion(trx, version.version, context.actor, context.now);
    await markDraftPublished(trx, draft.id, version.version, context.actor, context.now);
    // Open deadlines follow the new working calendar (before the log's chain lock is taken).
    await recomputeOpenDeadlines(
      trx,
      compileRuleset(draft.document, { version: version.version, hash }),
      context.now,
      {
        previous: active
          ? compileRuleset(active.document, { version: active.version, hash: active.content_hash })
          : undefined,
      },
    );
    const previous = active?.version ?? null;
    const before = active?.document ??
      {
        ...draft.document,
        time_limit_classes: {},
        units: [],
        matter_types: [],
        exception_rules: [],
      };
    const diff = diffRulesets(before, draft.document);
    const [logged] = await appendDecisions(trx, [{
      case_id: null,
      kind: "publish",
      ruleset_version: version.version,
      ruleset_hash: hash,
      matched_rules: [],
      facts: { draft_id: draft.id, base_version: draft.base_version },
      outcome: {
        version: version.version,
        previous_version: previous,
        rollback: false,
        draft_id: draft.id,
        note: context.note,
        diff,
      },
      reason: {
        zh: `发布草稿 ${draft.id}，作为第 ${version.version} 版启用` +
          (previous === null ? "" : `（取代第 ${previous} 版，${diff.changes} 处变更）`) +
          (context.note ? `：${context.note}` : "。"),
        en: `Draft ${draft.id} published as version ${version.version}` +
          (previous === null ? "" : ` (replacing version ${previous}, ${diff.changes} changes)`) +
          (context.note ? `: ${context.note}` : "."),
      },
      actor: context.actor,
      request_id: context.requestId,
      created_at: context.now,
    }]);
    await notifyActiveVersion(trx, version.version);
    return {
      status: "published",
      version,
      previous_version: previous,
      diff,
      decision_seq: logged.seq,
      warnings: findings,
    };
  });
}
