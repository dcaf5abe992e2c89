/** A bounded load of concurrent clients posting new cases, remembering what was acknowledged. */

/** What one case's post ended as. */
export interface Sent {
  externalId: string;
  body: Record<string, unknown>;
  /** The case id when the service answered 2xx. */
  ackedId?: string;
  status?: number;
  retryAfter?: string | null;
}

/** Options of {@link postUntil}. */
export interface LoadOptions {
  url: string;
  token: string;
  type: string;
  clients: number;
  /** Stop when this returns true (checked before each request). */
  stop: () => boolean;
  /** Hard bound on requests per client. */
  maxPerClient: number;
  prefix: string;
  /** Filled while the load runs, so the caller can watch progress. */
  sent?: Sent[];
}

/**
 * Runs `clients` loops, each posting new cases one after another until `stop()` or
 * `maxPerClient`; every attempt is recorded, answered or not.
 */
export async function postUntil(options: LoadOptions): Promise<Sent[]> {
  const sent: Sent[] = options.sent ?? [];
  await Promise.all(Array.from({ length: options.clients }, async (_, c) => {
    for (let i = 0; i < options.maxPerClient && !options.stop(); i++) {
      const externalId = `${options.prefix}-${c}-${i}`;
      const record: Sent = {
        externalId,
        body: {
          source: "fault-test",
          external_id: externalId,
          type: options.type,
          title: "井盖缺失",
          description: `第${i}号路口井盖缺失，存在安全隐患。`,
          channel: "hotline",
          reported_at: "2026-11-23T09:30:00+08:00",
        },
      };
      sent.push(record);
      try {
        const res = await fetch(`${options.url}/api/v1/cases`, {
          method: "POST",
          headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
          body: JSON.stringify(record.body),
          signal: AbortSignal.timeout(15_000),
        });
        record.status = res.status;
        record.retryAfter = res.headers.get("retry-after");
        const json = await res.json();
        if (res.ok) record.ackedId = json.id;
      } catch {
        // connection refused or reset: sent, never acknowledged
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }));
  return sent;
}

/** Re-posts every sent case once (sequentially in a few lanes) and returns the statuses. */
export async function repostAll(url: string, token: string, sent: Sent[]): Promise<number[]> {
  const statuses: number[] = new Array(sent.length);
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < sent.length) {
      const i = next++;
      const res = await fetch(`${url}/api/v1/cases`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(sent[i].body),
      });
      const json = await res.json();
      statuses[i] = res.status;
      if (sent[i].ackedId && json.id !== sent[i].ackedId) {
        throw new Error(
          `case ${sent[i].externalId} was acknowledged as ${sent[i].ackedId}, now ${json.id}`,
        );
      }
    }
  }));
  return statuses;
}
