/**
 * `npm run bench`: figures, not pass/fail. For each size of a seeded contract workbook it measures the engine,
 * the report model, the command line end to end (with its phases and peak memory, and the ExcelJS floor),
 * the Office.js host's round trips and request sizes (counted by the in-memory Excel), and the task-pane bundle.
 * Writes docs/performance.md unless run with --smoke (a small size, for CI) or --no-write.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { median, quantileSeq } from "mathjs";
import { readContract } from "../../src/contract/readContract";
import { computeAll } from "../../src/engine";
import { compute } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import { layoutReport } from "../../src/report/layout";
import { readWorkbook } from "../../src/hosts/xlsx/package/readPackage";
import { isContractRangeName } from "../../src/contract/readContract";
import { refreshReport } from "../../src/hosts/office/refresh";
import { SourceWorkbook } from "../../src/contract/source";
import { columnLetters } from "../../src/findings/findings";
import { generateWorkbook, shapeFor } from "./generate";

const ROOT = path.join(__dirname, "..", "..", "..", "..");
const DATA = path.join(ROOT, "bench-data");

interface SizeResult {
  rows: number;
  responsibilities: number;
  fileMB: number;
  engineMs: number;
  engineP90Ms: number;
  rowsPerSecond: number;
  readerMs: number;
  modelMs: number;
  cli: CliRun | null;
  reportOnly: CliRun | null;
  floorFull: CliRun | null;
  floorRead: CliRun | null;
  office: { desktop: OfficeRun; web: OfficeRun } | null;
}

interface OfficeRun {
  syncs: number;
  valuesWrites: number;
  formatCalls: number;
  maxRequestKB: number;
  maxResponseKB: number;
  reportRows: number;
}

interface CliRun {
  phases: Record<string, number>;
  total: number;
  maxRssMB: number;
}

function timeIt(fn: () => void, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times;
}

function cliRun(mode: string, input: string): CliRun {
  const out = path.join(os.tmpdir(), `uppfoljning-bench-${process.pid}-${mode}.xlsx`);
  const child = path.join(ROOT, "dist", "cli", "scripts", "bench", "cliChild.js");
  const text = execFileSync(process.execPath, ["--max-old-space-size=8192", child, mode, input, out], { encoding: "utf8", maxBuffer: 1 << 20 });
  fs.rmSync(out, { force: true });
  return JSON.parse(text.trim().split("\n").pop() as string);
}

/** Office host: the refresh against the in-memory Excel holding the same ranges, counting what it sends. */
async function officeRun(source: SourceWorkbook, maxResponseBytes: number): Promise<OfficeRun> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FakeExcel } = require(path.join(ROOT, "test", "support", "fakeExcel.js"));
  const fake = new FakeExcel();
  for (const e of source.entries) {
    if (e.lookup.kind !== "cells") continue;
    const r = e.lookup.range;
    if (!fake.model.sheet(r.sheet)) fake.model.addSheet(r.sheet);
    const sheet = fake.model.sheet(r.sheet);
    for (let i = 0; i < r.grid.rowCount; i++) {
      for (let j = 0; j < r.grid.colCount; j++) {
        const v = r.grid.get(i, j);
        if (v === null) continue;
        const value = v instanceof Date ? v.getTime() / 86400000 + 25569 : typeof v === "object" ? ("error" in v ? v.error : "") : v;
        sheet.cells.set(`${r.row + i},${r.col + j}`, { value, numberFormat: r.grid.format(i, j) ?? "General", format: {} });
      }
    }
    fake.model.names.set(e.name, `='${r.sheet}'!$${columnLetters(r.col)}$${r.row + 1}:$${columnLetters(r.col + Math.max(1, r.grid.colCount) - 1)}$${r.row + r.grid.rowCount}`);
  }
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = { run: (b: unknown) => fake.run(b), SheetVisibility: fake.SheetVisibility, PageOrientation: fake.PageOrientation, PaperType: fake.PaperType };
  const outcome = await fake.run((context: Excel.RequestContext) => refreshReport(context, { supports: () => true, maxResponseBytes }));
  if (!outcome.ok) throw new Error("office refresh failed");
  return {
    syncs: fake.stats.syncs,
    valuesWrites: fake.stats.valuesWrites,
    formatCalls: fake.stats.formatCalls,
    maxRequestKB: fake.stats.maxRequestBytes / 1024,
    maxResponseKB: fake.stats.maxResponseBytes / 1024,
    reportRows: fake.sheetValues("Rapport").length,
  };
}

function bundleSize(): { raw: number; gzip: number } {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "ignore" });
  const js = fs.readFileSync(path.join(ROOT, "dist", "addin", "taskpane.js"));
  return { raw: js.length, gzip: zlib.gzipSync(js, { level: 9 }).length };
}

const f0 = (n: number) => Math.round(n).toLocaleString("sv-SE");
const f1 = (n: number) => (Math.round(n * 10) / 10).toLocaleString("sv-SE");
const pct = (part: number, whole: number) => `${f1((part / whole) * 100)} %`;

async function measureSize(rows: number, cli: boolean): Promise<SizeResult> {
  const shape = shapeFor(rows);
  fs.mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `bench-${rows}.xlsx`);
  if (!fs.existsSync(file)) await generateWorkbook(file, shape);
  const loaded = await readWorkbook(fs.readFileSync(file), file, isContractRangeName);
  const read = readContract(loaded.source);
  // The engine first: the reader's repeated runs would leave a large heap for it to collect.
  const runs = rows >= 100_000 ? 7 : 15;
  const engineTimes = timeIt(() => computeAll(read.input, []), runs);
  const readerTimes = timeIt(() => readContract(loaded.source), 5, 1);
  const engineMs = Number(median(engineTimes));
  const c = compute(loaded.source);
  if (!c.ok) throw new Error("bench workbook has errors");
  const modelTimes = timeIt(() => layoutReport(buildReport(c.result, c.findings, { now: new Date() })), 7, 1);
  const office = { desktop: await officeRun(loaded.source, Infinity), web: await officeRun(loaded.source, 4 * 1024 * 1024) };
  const result: SizeResult = {
    rows,
    responsibilities: shape.responsibilities,
    fileMB: fs.statSync(file).size / 1e6,
    engineMs,
    engineP90Ms: Number(quantileSeq(engineTimes, 0.9)),
    rowsPerSecond: ((read.input.budget.size + read.input.actuals.size) / engineMs) * 1000,
    readerMs: Number(median(readerTimes)),
    modelMs: Number(median(modelTimes)),
    cli: null,
    reportOnly: null,
    floorFull: null,
    floorRead: null,
    office,
  };
  if (cli) {
    result.reportOnly = cliRun("report-only", file);
    result.cli = cliRun("full", file);
    if (rows <= 100_000) {
      result.floorRead = cliRun("floor-read", file);
      result.floorFull = cliRun("floor-full", file);
    }
  }
  return result;
}

function render(results: SizeResult[], bundle: { raw: number; gzip: number }, command: string): string {
  const cpu = os.cpus()[0]?.model ?? "okänd";
  const lines: string[] = [];
  lines.push("# Prestanda", "");
  lines.push(`Mätt med \`${command}\` ${new Date().toISOString().slice(0, 10)} på ${os.cpus().length} kärnor (${cpu}), ${f0(os.totalmem() / 2 ** 30)} GiB minne, Node ${process.version}.`);
  lines.push("Arbetsböckerna skapas av `scripts/bench/generate.ts` (frö 42): Budget och Utfall med lika många rader, månadsbudget, 200 indikatorer, 200 risker, 50 känslighetsfaktorer. \"Rader\" i motorns takt är Budget- plus Utfall-rader.", "");
  lines.push("## Motor och rapportmodell", "");
  lines.push("| rader | ansvar | läsning av områdena (ms) | motor, median (ms) | motor, 90:e percentil (ms) | rader/s | rapportmodell (ms) |");
  lines.push("|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) lines.push(`| ${f0(r.rows)} | ${r.responsibilities} | ${f1(r.readerMs)} | ${f1(r.engineMs)} | ${f1(r.engineP90Ms)} | ${f0(r.rowsPerSecond)} | ${f1(r.modelMs)} |`);
  lines.push("");
  const scaling: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1], b = results[i];
    scaling.push(`${f0(a.rows)} → ${f0(b.rows)} rader (×${f1(b.rows / a.rows)}): tiden ×${f1(b.engineMs / a.engineMs)}`);
  }
  if (scaling.length) lines.push("Skalning: " + scaling.join("; ") + ".", "");
  lines.push("## Kommandoraden", "");
  lines.push("| rader | fil (MB) | läge | totalt (s) | läsa | beräkna | rapportmodell | kopiera | skriva | motor + modell av totalen | topp-RSS (MB) | ExcelJS-golvet (s) | kvot mot golvet |");
  lines.push("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    const row = (label: string, run: CliRun | null, floor: CliRun | null) => {
      if (!run) return;
      const p = run.phases;
      lines.push(`| ${f0(r.rows)} | ${f1(r.fileMB)} | ${label} | ${f1(run.total / 1000)} | ${pct(p.read ?? 0, run.total)} | ${pct(p.compute ?? 0, run.total)} | ${pct(p.model ?? 0, run.total)} | ${pct(p.copy ?? 0, run.total)} | ${pct(p.write ?? 0, run.total)} | ${pct((p.compute ?? 0) + (p.model ?? 0), run.total)} | ${f0(run.maxRssMB)} | ${floor ? f1(floor.total / 1000) : "–"} | ${floor ? f1(run.total / floor.total) : "–"} |`);
    };
    row("kopia med rapport", r.cli, r.floorFull);
    row("bara rapporten", r.reportOnly, r.floorRead);
  }
  lines.push("", "Golvet är ExcelJS själv: samma arbetsbok inläst i ExcelJS modell och skriven (kopia) eller bara inläst (bara rapporten), utan motor. Kommandoraden läser i stället områdena direkt ur paketet som en ström och fogar in rapportbladet i en kopia av paketet, så den ligger under golvet. Golvet mäts upp till 100 000 rader (300 000 rader i ExcelJS modell tar flera minuter och många GB).", "");
  lines.push("## Office.js-värden", "");
  lines.push("| rader | Excel | context.sync() | värdeskrivningar | formatanrop | största begäran (KB) | största svar (KB) | rapportens rader |");
  lines.push("|---:|---|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    if (!r.office) continue;
    for (const [label, o] of [["skrivbord", r.office.desktop], ["webben (svar ≤ 4 MB)", r.office.web]] as const) {
      lines.push(`| ${f0(r.rows)} | ${label} | ${o.syncs} | ${o.valuesWrites} | ${o.formatCalls} | ${f1(o.maxRequestKB)} | ${f0(o.maxResponseKB)} | ${o.reportRows} |`);
    }
  }
  lines.push("", "Räknat med den instrumenterade Excel-attrappen (`test/support/fakeExcel.js`) på samma områden. Formatanropen är egenskaper som sätts (teckensnitt, fyllning, justering, kantlinjer, talformat) per stilrektangel; de växer med rapportens rader (ansvar, indikatorer, risker), inte med reskontrans rader.", "");
  lines.push("## Panelens paket", "");
  lines.push(`\`taskpane.js\` i produktionsbygget: ${f1(bundle.raw / 1024)} KB, ${f1(bundle.gzip / 1024)} KB med gzip.`, "");
  return lines.join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const smoke = args.includes("--smoke");
  const sizesArg = args.find((a) => a.startsWith("--sizes="));
  const sizes = sizesArg ? sizesArg.slice(8).split(",").map(Number) : smoke ? [1000] : [1000, 10_000, 100_000, 300_000];
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    process.stderr.write(`Mäter ${f0(rows)} rader …\n`);
    results.push(await measureSize(rows, !args.includes("--no-cli")));
  }
  const bundle = bundleSize();
  const command = `npm run bench${args.length ? " -- " + args.join(" ") : ""}`;
  const doc = render(results, bundle, command);
  process.stdout.write(doc + "\n");
  if (!smoke && !args.includes("--no-write")) {
    const target = path.join(ROOT, "docs", "performance.md");
    const previous = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
    const notes = previous.includes("\n## Mål\n") ? previous.slice(previous.indexOf("\n## Mål\n")) : "";
    fs.writeFileSync(target, doc + notes);
    process.stderr.write(`Skrev ${target}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
  process.exit(1);
});
