/**
 * `deno task start`: serves Whistle until SIGTERM or SIGINT, then stops accepting, answers what
 * is queued, commits, and exits 0.
 *
 * @module
 */
import { readConfig } from "../runtime/config.ts";
import { openWhistle } from "../runtime/open_whistle.ts";
import { runCli } from "./run_cli.ts";

await runCli(async () => {
  const config = readConfig(Deno.env.toObject());
  const whistle = await openWhistle(config);
  const ruleset = whistle.ruleset.current;
  const server = Deno.serve({
    port: config.port,
    hostname: config.hostname,
    onListen: ({ port }) => {
      const host = config.hostname === "0.0.0.0" ? "localhost" : config.hostname;
      console.log(
        [
          `Whistle is listening on http://${host}:${port}`,
          `  database: ${whistle.database.location}`,
          `  ruleset: version ${ruleset.version} "${ruleset.document.name}" ` +
          `(${ruleset.document.units.length} units, ${ruleset.document.matter_types.length} matter types, ` +
          `${ruleset.document.exception_rules.length} exception rules)` +
          (whistle.installedRuleset ? `, installed from ${config.rulesDir}` : ""),
          `  API reference: http://${host}:${port}/docs`,
        ].join("\n"),
      );
    },
  }, whistle.app.fetch);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: no new connections; answering queued cases, then exiting`);
    await server.shutdown();
    await whistle.close();
    console.log("Whistle stopped cleanly");
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGTERM", () => stop("SIGTERM"));
  Deno.addSignalListener("SIGINT", () => stop("SIGINT"));
  await server.finished;
});
