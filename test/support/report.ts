import { SourceWorkbook } from "../../src/contract/source";
import { EngineResult } from "../../src/engine";
import { Finding } from "../../src/findings/findings";
import { compute } from "../../src/pipeline";
import { buildReport } from "../../src/report/build";
import { CellValue, ReportModel } from "../../src/report/model";
import { layoutReport, SheetLayout } from "../../src/report/layout";

export const NOW = new Date(2024, 8, 12, 9, 30);

/** Computes a workbook that must be free of errors. */
export function computed(source: SourceWorkbook): { result: EngineResult; findings: Finding[] } {
  const c = compute(source, NOW);
  if (!c.ok) throw new Error("unexpected errors: " + c.findings.map((f) => f.code).join(", "));
  return { result: c.result, findings: c.findings };
}

/** The report model and its layout for a workbook. */
export function report(source: SourceWorkbook): { model: ReportModel; layout: SheetLayout } {
  const { result, findings } = computed(source);
  const model = buildReport(result, findings, { now: NOW });
  return { model, layout: layoutReport(model) };
}

/** The row of a layout whose first cell is `label`. */
export function rowOf(layout: SheetLayout, label: string): CellValue[] {
  const row = layout.values.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
}

/** First-column texts of a block, in order; the band of rows a chart stands on is left out (test/report/charts.test.ts). */
export function labels(model: ReportModel, id: string): CellValue[] {
  const block = model.blocks.find((b) => b.id === id);
  if (!block) throw new Error(`no block ${id}`);
  return block.rows.filter((r) => r.role !== "chart").map((r) => r.cells[0]?.value ?? null);
}
