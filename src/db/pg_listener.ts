import pg from "pg";

/** A subscription to PostgreSQL notifications; `close()` ends it. */
export interface NotificationListener {
  close(): Promise<void>;
}

/** How a listener behaves around its connection. */
export interface ListenOptions {
  /**
   * Runs after every successful (re)connect, once LISTEN is in place. Notifications sent while
   * the connection was down are lost, so this is the moment to re-read what they announce.
   */
  onListening?: () => void;
  /** Gets every connection failure (for logs); the listener keeps retrying regardless. */
  onError?: (error: unknown) => void;
  /** First retry delay (ms), doubled up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Connect timeout (ms). */
  connectTimeoutMs?: number;
}

/**
 * Listens on `channel` over one dedicated node-postgres client (never a pooled connection: a
 * LISTEN lives as long as its session). When the connection drops (PostgreSQL restarted, a
 * network cut, the backend was terminated) it reconnects with exponential backoff and LISTENs
 * again; TCP keep-alive notices dead peers. `close()` stops retrying and ends the client.
 *
 * @example
 * ```ts ignore
 * const listener = listenPostgres(url, "whistle_ruleset", (payload) => console.log(payload), {
 *   onListening: () => console.log("listening (again)"),
 * });
 * await listener.close();
 * ```
 */
export function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  options: ListenOptions = {},
): NotificationListener {
  const retryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 5_000;
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let connecting: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (closed || timer !== undefined) return;
    const delay = Math.min(maxRetryMs, retryMs * 2 ** attempt);
    attempt++;
    timer = setTimeout(() => {
      timer = undefined;
      connecting = connect();
    }, delay);
  };

  const connect = async () => {
    if (closed) return;
    const candidate = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    });
    let dropped = false;
    const drop = (error?: unknown) => {
      if (dropped) return;
      dropped = true;
      if (error !== undefined) options.onError?.(error);
      if (client === candidate) client = null;
      candidate.end().catch(() => {});
      schedule();
    };
    candidate.on("error", drop);
    candidate.on("end", () => drop());
    candidate.on("notification", (message: pg.Notification) => {
      if (message.channel === channel) onNotify(message.payload ?? "");
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (error) {
      drop(error);
      return;
    }
    if (closed || dropped) {
      if (!dropped) {
        dropped = true;
        await candidate.end().catch(() => {});
      }
      return;
    }
    client = candidate;
    attempt = 0;
    options.onListening?.();
  };

  connecting = connect();
  return {
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await connecting;
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners("end");
        await current.end().catch(() => {});
      }
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
