/**
 * One demo case's history after intake, played through the real lifecycle functions with an
 * injected clock: on time, late, returned (退单), escalated (the sweeper does that part),
 * reopened after unsatisfied feedback, with an extension (延期) or a suspension (挂起), and the
 * assisting units' (协办) part.
 *
 * @module
 */

import { acceptCase } from "../../cases/accept_case.ts";
import type { CaseActor } from "../../cases/case_actor.ts";
import { closeCase, type Satisfaction } from "../../cases/close_case.ts";
import { decideExtension } from "../../cases/decide_extension.ts";
import { reopenCase } from "../../cases/reopen_case.ts";
import { reassignCase } from "../../cases/reassign_case.ts";
import { requestExtension } from "../../cases/request_extension.ts";
import { resolveCase } from "../../cases/resolve_case.ts";
import { resumeCase } from "../../cases/resume_case.ts";
import { returnCase } from "../../cases/return_case.ts";
import type { LifecycleDeps } from "../../cases/run_case_action.ts";
import type { LiveAssignment } from "./live_assignments_loader.ts";
import { submitAssist } from "../../cases/submit_assist.ts";
import { suspendCase } from "../../cases/suspend_case.ts";

/** What happens to a case. */
export type Fate =
  | "on_time"
  | "late"
  | "returned"
  | "escalated"
  | "reopened"
  | "extended"
  | "suspended"
  | "open";

/** How the seed acts: as the hotline's dispatcher (admin), for the lead unless told. */
export const SEED_ACTOR: CaseActor = {
  label: "seed:demo",
  role: "admin",
  unit: null,
  requestId: null,
};

const MIN = 60_000;

/** A deterministic random source (returns [0, 1)). */
export type Rand = () => number;

/** Picks the fate of a case (weights in percent). */
export function pickFate(rand: Rand, recent: boolean): Fate {
  const r = rand() * 100;
  if (recent && r < 30) return "open";
  if (r < 58) return "on_time";
  if (r < 68) return "late";
  if (r < 76) return "returned";
  if (r < 83) return "escalated";
  if (r < 88) return "reopened";
  if (r < 94) return "extended";
  return "suspended";
}

function satisfaction(rand: Rand): Satisfaction {
  const r = rand();
  return r < 0.8 ? "satisfied" : r < 0.95 ? "basic" : "unsatisfied";
}

interface Live {
  owner: string;
  acceptBy: number;
  resolveBy: number;
  assignedAt: number;
  assists: { unit: string; resolveBy: number; accepted: boolean }[];
  /**
   * Assisting stints of the lead unit itself that still owe a part (a unit can end up both
   * leading and assisting after escalations): the lead resolves without them, saying why.
   */
  selfWaivers?: { unit: string; reason: string }[];
}

/** What the stories need: the lifecycle's, and a reader of a case's live assignments. */
export interface StoryDeps extends LifecycleDeps {
  liveAssignments(caseId: string): Promise<LiveAssignment[]>;
}

/** The case's live assignments. */
async function live(deps: StoryDeps, caseId: string): Promise<Live> {
  const rows = await deps.liveAssignments(caseId);
  const lead = rows.find((r) => r.role === "lead");
  if (!lead) throw new Error(`demo seed: case ${caseId} has no live lead`);
  const self = rows.some((r) => r.role === "assist" && r.unit === lead.unit);
  return {
    owner: lead.unit,
    acceptBy: lead.accept_by.getTime(),
    resolveBy: lead.resolve_by.getTime(),
    assignedAt: lead.assigned_at.getTime(),
    // A unit both leading and assisting acts as lead (the actions pick its lead stint).
    assists: rows.filter((r) => r.role === "assist" && r.unit !== lead.unit).map((r) => ({
      unit: r.unit,
      resolveBy: r.resolve_by.getTime(),
      accepted: r.state === "accepted",
    })),
    selfWaivers: self ? [{ unit: lead.unit, reason: "本单位已作为主办单位办理" }] : undefined,
  };
}

/** `deps` with its clock stopped at `at`. */
function at(deps: StoryDeps, ms: number): StoryDeps {
  const now = new Date(ms);
  return { ...deps, clock: () => now };
}

/** The assisting units accept and submit their part (a fifth of them late); the last time. */
async function assistPart(
  deps: StoryDeps,
  id: string,
  l: Live,
  from: number,
  rand: Rand,
): Promise<number> {
  let t = from;
  for (const a of l.assists) {
    const ta = from + rand() * 30 * MIN;
    if (!a.accepted) await acceptCase(at(deps, ta), id, SEED_ACTOR, { unit: a.unit });
    const span = Math.max(MIN, a.resolveBy - ta);
    const ts = rand() < 0.8 ? ta + MIN + rand() * span * 0.9 : ta + span + rand() * 120 * MIN;
    await submitAssist(at(deps, ts), id, SEED_ACTOR, {
      unit: a.unit,
      summary: "已核实并提交协办意见。",
    });
    t = Math.max(t, ts);
  }
  return t;
}

/** Accepts (lead and assisting units), lets assisting units submit, resolves and closes. */
async function work(
  deps: StoryDeps,
  id: string,
  rand: Rand,
  from: number,
  late: boolean,
  options: { close?: boolean; accepted?: boolean } = {},
): Promise<number> {
  const l = await live(deps, id);
  let t = Math.max(from, l.assignedAt) + MIN;
  if (!options.accepted) {
    const acceptSpan = Math.max(MIN, l.acceptBy - t);
    t += late ? acceptSpan + (5 + rand() * 60) * MIN : rand() * acceptSpan * 0.9;
    await acceptCase(at(deps, t), id, SEED_ACTOR, {});
  }
  t = await assistPart(deps, id, l, t, rand);
  const resolveSpan = Math.max(MIN, l.resolveBy - t);
  t += late ? resolveSpan + (10 + rand() * 600) * MIN : MIN + rand() * resolveSpan * 0.85;
  await resolveCase(at(deps, t), id, SEED_ACTOR, {
    summary: "已现场处置，问题解决。",
    proceed_without: l.selfWaivers,
  });
  if (options.close === false) return t;
  t += (30 + rand() * 1440) * MIN;
  await closeCase(at(deps, t), id, SEED_ACTOR, { satisfaction: satisfaction(rand) });
  return t;
}

/**
 * Plays the first part of a case's history, from its reception at `receivedAt`. An
 * `escalated` case is left waiting (the sweeper escalates it; {@link finishEscalated} goes
 * on from there); an `open` one is accepted or not and left open.
 */
export async function playCase(
  deps: StoryDeps,
  id: string,
  fate: Fate,
  receivedAt: number,
  rand: Rand,
): Promise<void> {
  switch (fate) {
    case "on_time":
      await work(deps, id, rand, receivedAt, false);
      return;
    case "late":
      await work(deps, id, rand, receivedAt, true);
      return;
    case "returned": {
      const when = at(deps, receivedAt + (5 + rand() * 20) * MIN);
      const ruleset = deps.ruleset.current;
      const l = await live(deps, id);
      if (l.owner === ruleset.document.fallback_unit) {
        // The fallback unit does not return: it dispatches by hand (人工派单).
        const row = await deps.db.selectFrom("cases").select("type").where("id", "=", id)
          .executeTakeFirstOrThrow();
        const to = ruleset.matterTypes.get(row.type)?.owner;
        if (to && to !== l.owner) {
          await reassignCase(when, id, SEED_ACTOR, { unit: to, reason: "人工派单至职能部门" });
        }
      } else {
        await returnCase(when, id, SEED_ACTOR, { reason: "经核实不属于本单位职责范围" });
      }
      await work(deps, id, rand, receivedAt + 30 * MIN, false);
      return;
    }
    case "escalated":
      return;
    case "reopened": {
      const t = await work(deps, id, rand, receivedAt, false, { close: false });
      await closeCase(at(deps, t + 120 * MIN), id, SEED_ACTOR, { satisfaction: "unsatisfied" });
      await reopenCase(at(deps, t + 1440 * MIN), id, SEED_ACTOR, {
        reason: "群众反映问题仍未解决",
      });
      await work(deps, id, rand, t + 1440 * MIN, false);
      return;
    }
    case "extended": {
      const l = await live(deps, id);
      const t = receivedAt + (1 + rand() * 10) * MIN;
      await acceptCase(at(deps, t), id, SEED_ACTOR, {});
      const extra = Math.max(60 * MIN, (l.resolveBy - l.assignedAt) / 2);
      const proposed = new Date(l.resolveBy + extra);
      const ext = await requestExtension(at(deps, t + 30 * MIN), id, SEED_ACTOR, {
        reason: "需协调相关部门现场勘查，申请延期",
        proposed_due: proposed.toISOString(),
      });
      await decideExtension(at(deps, t + 60 * MIN), id, ext, SEED_ACTOR, { decision: "approve" });
      const parts = await assistPart(deps, id, l, t + 60 * MIN, rand);
      // Mostly after the original deadline: on time only thanks to the extension.
      const done = Math.max(
        parts + MIN,
        rand() < 0.8
          ? l.resolveBy + rand() * extra * 0.9
          : l.resolveBy + extra + rand() * 600 * MIN,
      );
      await resolveCase(at(deps, done), id, SEED_ACTOR, {
        summary: "延期后办结。",
        proceed_without: l.selfWaivers,
      });
      await closeCase(at(deps, done + 600 * MIN), id, SEED_ACTOR, {
        satisfaction: satisfaction(rand),
      });
      return;
    }
    case "suspended": {
      const t = receivedAt + (1 + rand() * 10) * MIN;
      await acceptCase(at(deps, t), id, SEED_ACTOR, {});
      await suspendCase(at(deps, t + 20 * MIN), id, SEED_ACTOR, { reason: "等待群众补充材料" });
      const back = t + (60 + rand() * 600) * MIN;
      await resumeCase(at(deps, back), id, SEED_ACTOR, { note: "材料已补齐" });
      await work(deps, id, rand, back, false, { accepted: true });
      return;
    }
    case "open":
      if (rand() < 0.5) {
        await acceptCase(at(deps, receivedAt + rand() * 20 * MIN), id, SEED_ACTOR, {});
      }
      return;
  }
}

/** After the sweeper escalated it: the unit above accepts and resolves, mostly on time. */
export async function finishEscalated(
  deps: StoryDeps,
  id: string,
  from: number,
  rand: Rand,
): Promise<void> {
  await work(deps, id, rand, from, rand() < 0.2);
}
