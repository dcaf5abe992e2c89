/**
 * Where a CLI task gets a password: `WHISTLE_PASSWORD` when set, else a prompt without echo when
 * stdin is a terminal; otherwise it refuses (a script must not hang waiting for a keyboard).
 *
 * @module
 */

/** No password could be obtained; the message says how to give one. */
export class PasswordUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PasswordUnavailableError";
  }
}

/**
 * The password from `env.WHISTLE_PASSWORD`, or typed twice at a terminal.
 *
 * @example
 * ```ts ignore
 * const password = await readPassword(Deno.env.toObject(), "New password for li.hua");
 * ```
 */
export async function readPassword(
  env: Record<string, string | undefined>,
  label: string,
): Promise<string> {
  const fromEnv = env.WHISTLE_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!Deno.stdin.isTerminal()) {
    throw new PasswordUnavailableError(
      "no terminal to type a password in: set WHISTLE_PASSWORD for this command " +
        "(e.g. WHISTLE_PASSWORD='…' deno task user:create NAME --role admin)",
    );
  }
  const first = await readHiddenLine(`${label}: `);
  const second = await readHiddenLine("Repeat it: ");
  if (first !== second) throw new PasswordUnavailableError("the two passwords differ");
  return first;
}

/** Reads one line from the terminal without echoing it. */
async function readHiddenLine(prompt: string): Promise<string> {
  const encoder = new TextEncoder();
  await Deno.stderr.write(encoder.encode(prompt));
  Deno.stdin.setRaw(true);
  const bytes: number[] = [];
  const buffer = new Uint8Array(64);
  try {
    reading: while (true) {
      const n = await Deno.stdin.read(buffer);
      if (n === null) break;
      for (const byte of buffer.subarray(0, n)) {
        if (byte === 3) throw new PasswordUnavailableError("cancelled"); // Ctrl-C
        if (byte === 13 || byte === 10) break reading;
        if (byte === 127 || byte === 8) bytes.pop();
        else bytes.push(byte);
      }
    }
  } finally {
    Deno.stdin.setRaw(false);
    await Deno.stderr.write(encoder.encode("\n"));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
