import assert from "node:assert/strict";
import { DataDirBusyError, lockDataDir } from "../../src/db/data_dir_lock.ts";

Deno.test("lockDataDir() refuses a folder another opener holds, naming the holder", async () => {
  const dir = await Deno.makeTempDir();
  const first = await lockDataDir(dir);
  try {
    await assert.rejects(
      () => lockDataDir(dir),
      (error: unknown) =>
        error instanceof DataDirBusyError && error.message.includes(`pid ${Deno.pid}`) &&
        error.message.includes("DATABASE_URL"),
    );
  } finally {
    first.close();
  }
  const again = await lockDataDir(dir);
  again.close();
  await Deno.remove(dir, { recursive: true });
});
