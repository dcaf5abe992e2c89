/** Raised when another process already holds the embedded database folder. */
export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string, readonly holder: string) {
    super(
      `The embedded database in ${dataDir} is in use by another Whistle process (${holder}). ` +
        `An embedded folder belongs to one process: stop that process first, or set DATABASE_URL ` +
        `to use PostgreSQL, which any number of processes can share.`,
    );
    this.name = "DataDirBusyError";
  }
}

/**
 * Takes the exclusive lock on an embedded data folder, or throws {@link DataDirBusyError}.
 * PGlite lets two processes open one folder without error and then loses one's writes, so every
 * opener goes through this lock. The lock is released when the returned file is closed or the
 * process exits.
 */
export async function lockDataDir(dataDir: string): Promise<Deno.FsFile> {
  await Deno.mkdir(dataDir, { recursive: true });
  const path = `${dataDir}/whistle.lock`;
  const file = await Deno.open(path, { read: true, write: true, create: true });
  if (!(await file.tryLock(true))) {
    file.close();
    const holder = (await Deno.readTextFile(path).catch(() => "")).trim() || "unknown process";
    throw new DataDirBusyError(dataDir, holder);
  }
  await file.truncate(0);
  await file.write(new TextEncoder().encode(`pid ${Deno.pid} since ${new Date().toISOString()}\n`));
  return file;
}
