/**
 * Structured logs: one JSON object per line, on stdout. Never log a token, a request body or a
 * reporter's personal data; log names and ids.
 *
 * @module
 */

/** Severity, lowest first. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** Every level, lowest first. */
export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];

/** Fields of one log line besides `time`, `level` and `msg`. */
export type LogFields = Record<string, unknown>;

/** Writes structured log lines at or above its level. */
export interface Logger {
  readonly level: LogLevel;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Is `text` a log level name? */
export function isLogLevel(text: string): text is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(text);
}

/**
 * A logger writing JSON lines (`{"time","level","msg",...fields}`) through `write` (default:
 * stdout) for levels at or above `level`. A field that cannot be serialized is replaced by its
 * string form, so logging never throws.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createLogger } from "./logger.ts";
 * const lines: string[] = [];
 * const log = createLogger({ level: "info", write: (line) => lines.push(line) });
 * log.debug("not written");
 * log.info("request", { status: 201 });
 * assert.equal(lines.length, 1);
 * assert.equal(JSON.parse(lines[0]).status, 201);
 * ```
 */
export function createLogger(
  options: { level?: LogLevel; write?: (line: string) => void; clock?: () => Date } = {},
): Logger {
  const level = options.level ?? "info";
  const threshold = LOG_LEVELS.indexOf(level);
  const write = options.write ?? ((line: string) => console.log(line));
  const clock = options.clock ?? (() => new Date());
  const emit = (at: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (LOG_LEVELS.indexOf(at) < threshold) return;
    const record = { time: clock().toISOString(), level: at, msg, ...fields };
    let line: string;
    try {
      line = JSON.stringify(
        record,
        (_key, value) =>
          value instanceof Error
            ? { name: value.name, message: value.message, stack: value.stack }
            : typeof value === "bigint"
            ? String(value)
            : value,
      );
    } catch {
      line = JSON.stringify({ time: record.time, level: at, msg, fields: String(fields) });
    }
    write(line);
  };
  return {
    level,
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
  };
}

/** A logger that writes nothing (tests). */
export const silentLogger: Logger = createLogger({ level: "error", write: () => {} });
