import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PERMISSIONS = ["--allow-net", "--allow-env", "--allow-read", "--allow-write", "--allow-sys"];

/** A Whistle service running as a child process (what `deno task start` runs). */
export interface ServiceProcess {
  url: string;
  port: number;
  child: Deno.ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends a signal and waits for the exit status. */
  stop(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
}

/** A TCP port nobody listens on right now. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Runs a CLI task file (e.g. `src/cli/token_create.ts`) and returns its stdout. */
export async function runCliTask(
  file: string,
  args: string[],
  env: Record<string, string>,
): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...PERMISSIONS, `${ROOT}${file}`, ...args],
    env: { RUST_BACKTRACE: "0", ...env },
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  if (!out.success) {
    throw new Error(`${file} failed: ${text}${new TextDecoder().decode(out.stderr)}`);
  }
  return text;
}

/** Creates an API token through `token:create` and returns it (its last line). */
export async function createTokenWithCli(env: Record<string, string>): Promise<string> {
  const out = await runCliTask("src/cli/token_create.ts", ["load-or-fault-test"], env);
  return out.trim().split("\n").at(-1)!;
}

/** Starts `src/cli/start.ts` with `env` on a free port and waits until /readyz answers 200. */
export async function startService(
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...PERMISSIONS, `${ROOT}src/cli/start.ts`],
    // Request logs at info would pile up in `output()` under load; a test may set the level.
    env: {
      RUST_BACKTRACE: "0",
      WHISTLE_HOSTNAME: "127.0.0.1",
      WHISTLE_LOG_LEVEL: "warn",
      ...env,
      PORT: String(port),
    },
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let output = "";
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream.pipeThrough(new TextDecoderStream())) output += chunk;
  };
  const collecting = Promise.all([collect(child.stdout), collect(child.stderr)]);
  const url = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    url,
    port,
    child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      try {
        child.kill(signal);
      } catch { /* already gone */ }
      const status = await child.status;
      await collecting;
      return status;
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/readyz`);
      await res.body?.cancel();
      if (res.ok) return service;
    } catch { /* not listening yet */ }
    const exited = await Promise.race([
      child.status.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 100)),
    ]);
    if (exited) throw new Error(`the service exited before it was ready:\n${output}`);
  }
  await service.stop("SIGKILL");
  throw new Error(`the service was not ready within the timeout:\n${output}`);
}
