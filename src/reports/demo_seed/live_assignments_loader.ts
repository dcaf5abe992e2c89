import type { Kysely } from "kysely";
import type { Database } from "../../db/database.ts";
import { LIVE_STATES } from "../../cases/assignment_repository.ts";

/** A live (assigned or accepted) assignment, as the demo stories read it. */
export interface LiveAssignment {
  unit: string;
  role: "lead" | "assist";
  state: string;
  accept_by: Date;
  resolve_by: Date;
  assigned_at: Date;
}

/**
 * Reads the live assignments of a case for the demo seed's stories; the calls made in the same
 * turn of the event loop (the stories woken by one committed batch of actions) share one query.
 *
 * @example
 * ```ts ignore
 * const live = liveAssignmentsLoader(db);
 * const [a, b] = await Promise.all([live(caseA), live(caseB)]); // one query
 * ```
 */
export function liveAssignmentsLoader(
  db: Kysely<Database>,
): (caseId: string) => Promise<LiveAssignment[]> {
  let waiting = new Map<string, ((rows: LiveAssignment[]) => void)[]>();
  let failing: ((error: unknown) => void)[] = [];
  const flush = async () => {
    const batch = waiting;
    const fail = failing;
    waiting = new Map();
    failing = [];
    try {
      const ids = [...batch.keys()];
      const found = new Map<string, LiveAssignment[]>();
      for (let i = 0; i < ids.length; i += 5000) {
        const rows = await db.selectFrom("case_assignments")
          .select(["case_id", "unit", "role", "state", "accept_by", "resolve_by", "assigned_at"])
          .where("case_id", "in", ids.slice(i, i + 5000))
          .where("state", "in", LIVE_STATES).orderBy("seq").execute();
        for (const { case_id, ...row } of rows) {
          found.set(case_id, [...found.get(case_id) ?? [], row]);
        }
      }
      for (const [id, resolvers] of batch) {
        for (const resolve of resolvers) resolve(found.get(id) ?? []);
      }
    } catch (error) {
      for (const reject of fail) reject(error);
    }
  };
  return (caseId) =>
    new Promise((resolve, reject) => {
      if (waiting.size === 0) setTimeout(flush, 0);
      waiting.set(caseId, [...waiting.get(caseId) ?? [], resolve]);
      failing.push(reject);
    });
}
