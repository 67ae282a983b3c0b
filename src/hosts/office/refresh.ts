/// <reference types="office-js" />
import { rangeAddress } from "../../core/references";
import { DEFAULT_REPORT_SHEET, previousReport, reportSheetTarget } from "../../contract/reportSheetPolicy";
import { FoundRange } from "../../contract/schema";
import { PublicFinding, toPublic } from "../../findings/findings";
import { compute } from "../../pipeline";
import { buildReport } from "../../report/build";
import { layoutReport, SheetLayout } from "../../report/layout";
import { CellValue } from "../../report/model";
import { summarise, Summary } from "../../report/summary";
import { readOfficeSource } from "./officeSource";
import { MAX_REQUEST_BYTES, RequestBudget, writeCells, writeSheetLayout } from "./renderOffice";


export interface RefreshOutcome {
  ok: boolean;
  findings: PublicFinding[];
  found: FoundRange[];
  summary: Summary | null;
  sheetName: string | null;
  syncs: number;
}

export interface RefreshOptions {
  now?: Date;
  /** Whether the running Excel supports an ExcelApi version, e.g. "1.9". */
  supports: (version: string) => boolean;
  /** Largest request to send; the default stays under Excel on the web's 5 MB limit. Infinity on desktop Excel. */
  maxRequestBytes?: number;
  /** Largest response to ask for when reading (Excel on the web: 4 MB; desktop: no limit). */
  maxResponseBytes?: number;
}

/** A free sheet name for building the report out of sight: `Rapport (ny)`, within Excel's 31 characters. */
function tempName(base: string, taken: readonly string[]): string {
  for (let i = 1; ; i++) {
    const suffix = ` (ny${i > 1 ? " " + i : ""})`;
    const name = base.slice(0, 31 - suffix.length).replace(/'+$/, "") + suffix;
    if (!taken.some((t) => t.toLowerCase() === name.toLowerCase())) return name;
  }
}

interface Previous {
  values: CellValue[][] | null;
  extent: { rows: number; cols: number } | null;
}

/**
 * Refreshes the report tab inside Excel. Inputs and other sheets are never written.
 *
 * The report sheet is kept and its contents replaced, so formulas elsewhere that point into it (`=Rapport!F12`) keep
 * working. The new report is first written in full to a hidden sheet; only when all of that has run does the same
 * request copy it over the report (Range.copyFrom, ExcelApi 1.9), so a failure while writing leaves the previous
 * report as it was. Excel runs a request's operations in order and stops at the first that fails, keeping what ran
 * before it; the operations are ordered so that every such prefix leaves a usable workbook (docs/i-excel.md).
 * Without ExcelApi 1.9 the report is written in place, in the same single request.
 *
 * Round trips on desktop Excel: three to read and one to write, whatever the size of the data (one more when the
 * report tab has another name than Rapport). Excel on the web's 5 MB limits may ask for more.
 */
export async function refreshReport(context: Excel.RequestContext, options: RefreshOptions): Promise<RefreshOutcome> {
  let syncs = 0;
  const read = await readOfficeSource(context, DEFAULT_REPORT_SHEET, { maxResponseBytes: options.maxResponseBytes, supports: options.supports });
  syncs += read.syncs;
  const computation = compute(read.source, options.now);
  const found = computation.input.found;
  if (!computation.ok) return { ok: false, findings: computation.findings.map(toPublic), found, summary: null, sheetName: null, syncs };
  const { result, findings } = computation;
  // The name itself was judged with the settings (reportSheetPolicy), as on the command line.
  const sheetName = result.settings.reportSheet;
  const existing = reportSheetTarget(sheetName, read.source, read.sheetNames);
  const previous: Previous = { values: null, extent: null };
  if (existing !== null && existing.toLowerCase() === DEFAULT_REPORT_SHEET.toLowerCase()) {
    previous.values = read.previousReport;
    previous.extent = read.previousExtent;
  } else if (existing !== null) {
    // Existence is known from the sheet names already read: no method is called on a sheet that may be missing.
    const ws = context.workbook.worksheets.getItem(existing);
    const values = ws.getUsedRangeOrNullObject(true).load("values");
    const all = ws.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    syncs++;
    previous.values = values.isNullObject ? null : (values.values as CellValue[][]);
    previous.extent = all.isNullObject ? null : { rows: all.rowIndex + all.rowCount, cols: all.columnIndex + all.columnCount };
  }
  const explanations = previousReport(sheetName, existing, previous.values);
  const model = buildReport(result, findings, { now: options.now ?? new Date(), explanations });
  const layout = layoutReport(model);
  const budget = new RequestBudget(context, options.maxRequestBytes ?? MAX_REQUEST_BYTES);
  if (existing === null) await createReport(context, layout, sheetName, read.sheetNames, options.supports, budget);
  else if (options.supports("1.9")) await replaceByCopy(context, layout, existing, previous.extent, read.sheetNames, options.supports, budget);
  else await replaceInPlace(context, layout, existing, previous.extent, options.supports, budget);
  syncs += budget.syncs;
  return { ok: true, findings: findings.map(toPublic), found, summary: summarise(result), sheetName, syncs };
}

/** Removes the sheet the report was being built on; it may not exist, and the report is untouched either way. */
async function discard(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<void> {
  try {
    sheet.delete();
    await context.sync();
  } catch {
    // The sheet was never created, or is gone already.
  }
}

/** First report: built on a hidden sheet, then shown, named, put first and activated (each step leaves a usable workbook). */
async function createReport(context: Excel.RequestContext, layout: SheetLayout, sheetName: string, taken: readonly string[], supports: (v: string) => boolean, budget: RequestBudget): Promise<void> {
  const fresh = context.workbook.worksheets.add(tempName(sheetName, taken));
  fresh.visibility = Excel.SheetVisibility.hidden;
  try {
    if (supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
    await writeCells(fresh, layout, supports, budget);
    await writeSheetLayout(fresh, layout, supports, budget);
    // A hidden sheet cannot be activated: it is made visible first.
    fresh.visibility = Excel.SheetVisibility.visible;
    fresh.name = sheetName;
    fresh.position = 0;
    fresh.activate();
    await budget.flush();
  } catch (e) {
    await discard(context, fresh);
    throw e;
  }
}

/** Clears what the previous report had outside the new one's rows and columns. */
function clearLeftovers(report: Excel.Worksheet, layout: SheetLayout, previous: { rows: number; cols: number } | null): void {
  if (!previous) return;
  const rows = Math.max(1, layout.rowCount), cols = layout.colCount;
  if (previous.rows > rows) report.getRange(rangeAddress(rows, 0, previous.rows - rows, Math.max(cols, previous.cols))).clear();
  if (previous.cols > cols) report.getRange(rangeAddress(0, cols, Math.min(rows, previous.rows), previous.cols - cols)).clear();
}

/** The report sheet's merges are undone before new cells arrive: pasting over merged cells of another shape fails. */
function unmergePrevious(report: Excel.Worksheet, previous: { rows: number; cols: number } | null): void {
  if (previous && previous.rows > 0 && previous.cols > 0) report.getRange(rangeAddress(0, 0, previous.rows, previous.cols)).unmerge();
}

/**
 * ExcelApi 1.9: the new report is built on a hidden sheet; in the same request, only after all of that has run, it is
 * copied over the existing report (values, formats and merges in one operation), the rest of the old report is
 * cleared, the sheet's own layout set, and the hidden sheet deleted. Until the copy the old report is whole; after
 * it the new one is.
 */
async function replaceByCopy(
  context: Excel.RequestContext,
  layout: SheetLayout,
  existing: string,
  previous: { rows: number; cols: number } | null,
  taken: readonly string[],
  supports: (v: string) => boolean,
  budget: RequestBudget,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const report = sheets.getItem(existing);
  const staging = sheets.add(tempName(existing, taken));
  staging.visibility = Excel.SheetVisibility.hidden;
  try {
    context.application.suspendScreenUpdatingUntilNextSync();
    await writeCells(staging, layout, supports, budget);
    const area = rangeAddress(0, 0, Math.max(1, layout.rowCount), layout.colCount);
    await budget.spend(1000);
    unmergePrevious(report, previous);
    report.getRange(area).copyFrom(staging.getRange(area), "All");
    clearLeftovers(report, layout, previous);
    await writeSheetLayout(report, layout, supports, budget, previous);
    report.visibility = Excel.SheetVisibility.visible;
    report.position = 0;
    report.activate();
    staging.delete();
    await budget.flush();
  } catch (e) {
    await discard(context, staging);
    throw e;
  }
}

/** Below ExcelApi 1.9 (no Range.copyFrom): the report is written in place, number formats and values first. */
async function replaceInPlace(
  context: Excel.RequestContext,
  layout: SheetLayout,
  existing: string,
  previous: { rows: number; cols: number } | null,
  supports: (v: string) => boolean,
  budget: RequestBudget,
): Promise<void> {
  const report = context.workbook.worksheets.getItem(existing);
  unmergePrevious(report, previous);
  await writeCells(report, layout, supports, budget);
  clearLeftovers(report, layout, previous);
  await writeSheetLayout(report, layout, supports, budget, previous);
  report.visibility = Excel.SheetVisibility.visible;
  report.position = 0;
  report.activate();
  await budget.flush();
}
