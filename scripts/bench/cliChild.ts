/**
 * One command-line run in a process of its own, so that its time and peak memory are its own.
 * Modes: `full` (copy of the workbook with the report), `report-only`, and the ExcelJS floor:
 * `floor-full` (read and write the same workbook, no engine) and `floor-read` (read only).
 * Prints one line of JSON: phases (ms), total (ms), peak RSS (MB).
 */
import ExcelJS from "exceljs";
import { runXlsx } from "../../src/hosts/xlsx/runXlsx";

async function main(): Promise<void> {
  const [mode, input, out] = process.argv.slice(2);
  const phases: Record<string, number> = {};
  const start = performance.now();
  if (mode === "full" || mode === "report-only") {
    const outcome = await runXlsx({ input, out, reportOnly: mode === "report-only", onPhase: (p, ms) => (phases[p] = ms) });
    if (!outcome.ok) throw new Error("bench workbook had errors: " + outcome.findings.map((f) => f.code).join(","));
  } else {
    const wb = new ExcelJS.Workbook();
    let t = performance.now();
    await wb.xlsx.readFile(input);
    phases.read = performance.now() - t;
    if (mode === "floor-full") {
      t = performance.now();
      await wb.xlsx.writeFile(out);
      phases.write = performance.now() - t;
    }
  }
  const total = performance.now() - start;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ phases, total, maxRssMB }) + "\n");
}

main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exit(1);
});
