/**
 * A progress report on stderr: on a terminal, one line rewritten in place with the percentage,
 * the rate and the time left; otherwise (a log file, CI) a plain line every `everyMs`.
 *
 * @example
 * ```ts
 * import { progressText } from "./progress_line.ts";
 * progressText(250, 1000, 10_000); // "  25.0%  250/1000 cases  25/s  ETA 30s"
 * ```
 */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const left = rate > 0 ? (total - done) / rate : NaN;
  const pct = total > 0 ? (100 * done) / total : 100;
  return `${pct.toFixed(1).padStart(6)}%  ${done}/${total} cases  ${Math.round(rate)}/s  ETA ${
    clock(left)
  }`;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/** Starts reporting progress towards `total`; call `update(done)` often, `finish()` once. */
export function startProgress(
  total: number,
  options: { tty?: boolean; everyMs?: number; write?: (text: string) => void } = {},
): { update(done: number): void; finish(): void } {
  const tty = options.tty ?? Deno.stderr.isTerminal();
  const every = options.everyMs ?? (tty ? 200 : 10_000);
  const encoder = new TextEncoder();
  const write = options.write ?? ((text: string) => Deno.stderr.writeSync(encoder.encode(text)));
  const started = Date.now();
  let last = 0;
  let done = 0;
  const show = (final: boolean) => {
    const text = progressText(done, total, Date.now() - started);
    write(tty ? `\r\x1b[2K${text}${final ? "\n" : ""}` : `${text}\n`);
  };
  return {
    update(value) {
      done = value;
      const now = Date.now();
      if (now - last >= every) {
        last = now;
        show(false);
      }
    },
    finish() {
      show(true);
    },
  };
}
