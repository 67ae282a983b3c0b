/**
 * The bench's Office host run, in a process of its own: `node scripts/run-built.js dist/bench/scripts/bench/officeRun.js
 * <workbook.xlsx> <maxResponseBytes>` loads the workbook's ranges into the instrumented fake Excel
 * (test/support/fakeExcel.js), refreshes the report with the Office host and prints what it sent, as one line of
 * JSON. Built by tsconfig.bench.json: the command line's own build (tsconfig.cli.json) holds no Office host.
 */
/// <reference types="office-js" />
import * as fs from "fs";
import * as path from "path";
import { columnLetters } from "../../src/core/references";
import { isContractRangeName } from "../../src/contract/schema";
import { SourceWorkbook } from "../../src/contract/source";
import { refreshReport } from "../../src/hosts/office/refresh";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import type { OfficeRun } from "./bench";

const ROOT = path.join(__dirname, "..", "..", "..", "..");

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
    maxCellsPerSync: fake.stats.maxCellsPerSync,
    reportRows: fake.sheetValues("Rapport").length,
  };
}

async function main(): Promise<void> {
  const [file, limit] = process.argv.slice(2);
  const loaded = await readWorkbook(fs.readFileSync(file), file, isContractRangeName);
  const run = await officeRun(loaded.source, limit === "Infinity" ? Infinity : Number(limit));
  process.stdout.write(JSON.stringify(run) + "\n");
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
