import type { Kysely } from "kysely";
import type { TokenVerifier } from "../access/token_verifier.ts";
import type { IntakeQueue } from "../cases/intake_queue.ts";
import type { Database } from "../db/database.ts";
import type { WhistleMetrics } from "../metrics/whistle_metrics.ts";
import type { Logger } from "../observability/logger.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";

/** Everything the HTTP surfaces need, handed in by whoever starts the service (or a test). */
export interface HttpDeps {
  db: Kysely<Database>;
  ruleset: { readonly current: CompiledRuleset };
  intake: IntakeQueue;
  tokens: TokenVerifier;
  clock: () => Date;
  /** Is the service ready for traffic? Names what is not. */
  readiness: () => Promise<
    { ready: boolean; checks: Record<string, string>; warnings?: Record<string, string> }
  >;
  limits: { maxBodyBytes: number; maxBatchItems: number };
  /** The service's metrics: `/metrics` renders them, intake and requests move them. */
  metrics: WhistleMetrics;
  /** Request and error logs. */
  logger: Logger;
  /** When set, `/metrics` needs `Authorization: Bearer <it>` (WHISTLE_METRICS_TOKEN). */
  metricsToken: string | null;
  /** Called after a case action queued webhook notices (wakes the deliverer). */
  onNotices?: () => void;
}
