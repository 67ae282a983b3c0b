/**
 * One measured run in a process of its own, so that its time and peak memory are its own.
 * Modes: `full` (copy of the workbook with the report), `report-only`, `floor` (native inflate and one byte
 * pass, see floor.ts), `sheetjs` (SheetJS reading the file, nothing more), `startup` (load the command line's
 * modules and stop). Only the modules a mode needs are loaded.
 * Prints one line of JSON: phases (ms), total (ms from process start), peak RSS (MB).
 */
import * as fs from "fs";

async function main(): Promise<void> {
  const [mode, input, out] = process.argv.slice(2);
  const phases: Record<string, number> = {};
  const start = performance.now();
  if (mode === "full" || mode === "report-only" || mode === "full-ledger" || mode === "report-only-ledger") {
    const { runXlsx } = await import("../../src/hosts/xlsx/runXlsx");
    phases.load = performance.now() - start;
    const outcome = await runXlsx({ input, out, reportOnly: mode.startsWith("report-only"), onPhase: (p, ms) => (phases[p] = ms) });
    if (!outcome.ok) throw new Error("bench workbook had errors: " + outcome.findings.map((f) => f.code).join(","));
  } else if (mode === "floor") {
    const { floorRead } = await import("./floor");
    const r = floorRead(input);
    phases.read = performance.now() - start;
    phases.values = r.values;
    phases.inflated = r.inflatedBytes;
  } else if (mode === "sheetjs") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const XLSX = require("@e965/xlsx") as typeof import("@e965/xlsx");
    const t = performance.now();
    const wb = XLSX.read(fs.readFileSync(input));
    phases.read = performance.now() - t;
    phases.sheets = wb.SheetNames.length;
    // SheetJS turns a sheet's XML into one string; past V8's longest string it leaves the sheet out, silently.
    phases.missingSheets = wb.SheetNames.filter((n) => !wb.Sheets[n]).length;
  } else if (mode === "startup") {
    await import("../../src/hosts/xlsx/cli");
    phases.load = performance.now() - start;
  } else throw new Error(`unknown mode ${mode}`);
  // From the process's own start (performance.now() counts from it), so that start-up is included.
  const total = performance.now();
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ phases, total, maxRssMB }) + "\n");
}

main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exit(1);
});
