/**
 * One command-line run in a process of its own, for the hostile-file suite: requires the built CLI, awaits
 * `main(argv)` (which writes to this process's stdout and stderr as the real command does), then reports on file
 * descriptor 3, as one line of JSON, the exit code, the wall time of the work and the process's peak RSS.
 * With UPPFOLJNING_HOSTILE_CODES=<folder> it afterwards also runs `runXlsx` on the same input (writing into that
 * folder) and reports the codes of the findings or of the failure, for cases that name one.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/hosts/xlsx/cli";
import { UppfoljningError } from "../../src/findings/errors";
import { toPublic } from "../../src/findings/findings";
import { runXlsx } from "../../src/hosts/xlsx/runXlsx";

async function codesOf(input: string, folder: string): Promise<{ code: string; cell: string | null }[]> {
  try {
    const outcome = await runXlsx({ input, out: path.join(folder, "kodkoll.xlsx") });
    return outcome.findings.map(toPublic).map((f) => ({ code: f.code, cell: f.cell }));
  } catch (e) {
    return [{ code: e instanceof UppfoljningError ? e.code : `THROWN:${e instanceof Error ? e.name : typeof e}`, cell: null }];
  }
}

async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  const start = performance.now();
  const code = await main(argv);
  const ms = performance.now() - start;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const folder = process.env.UPPFOLJNING_HOSTILE_CODES;
  const codes = folder ? await codesOf(argv[0], folder) : undefined;
  fs.writeSync(3, JSON.stringify({ code, ms, maxRssMB, codes }) + "\n");
  process.exitCode = code;
}

run().catch((e) => {
  process.stderr.write(`wrapper: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 99;
});
