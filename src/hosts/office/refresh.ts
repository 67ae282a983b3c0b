/// <reference types="office-js" />
import { rangeAddress } from "../../core/references";
import { DEFAULT_REPORT_SHEET, isOwnReport, MAX_SHEET_NAME, previousReport, reportSheetTarget } from "../../contract/reportSheetPolicy";
import { FoundRange } from "../../contract/schema";
import { UppfoljningError } from "../../findings/errors";
import { PublicFinding, toPublic } from "../../findings/findings";
import { compute } from "../../pipeline";
import { buildReport } from "../../report/build";
import { layoutReport, SheetLayout } from "../../report/layout";
import { CellValue } from "../../report/model";
import { summarise, Summary } from "../../report/summary";
import { RefreshError, RefreshStage } from "./officeErrors";
import { readOfficeSource, SheetChart } from "./officeSource";
import { MAX_REQUEST_BYTES, RequestBudget, writeCells, writeSheetLayout } from "./renderOffice";
import { HistoryFacts, HistoryPlan, historyTarget, historyWanted, planHistory } from "../../contract/historyWrite";
import { HISTORY_RANGE } from "../../contract/readHistory";
import { currentLines } from "../../engine/historyInput";
import { finding } from "../../findings/findings";
import { HISTORY_API, historyFacts, writeHistory } from "./writeHistory";
import { addCharts, ALT_TEXT_API, CHARTS_API, deleteOwnCharts, removeOwnCharts, setAltTexts } from "./renderCharts";

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
  /** Largest response to plan for per round trip when reading (Excel on the web: 4 MB; desktop: 32 MB). */
  maxResponseBytes?: number;
}

/** The suffix of the sheet a report is built on out of sight: ` (ny)`, ` (ny 2)` … */
function stagingSuffix(i: number): string {
  return ` (ny${i > 1 ? " " + i : ""})`;
}

function stagingName(base: string, i: number): string {
  const suffix = stagingSuffix(i);
  return base.slice(0, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "") + suffix;
}

/** A free sheet name for building the report out of sight: `Rapport (ny)`, within Excel's 31 characters. */
function tempName(base: string, taken: readonly string[]): string {
  for (let i = 1; ; i++) {
    const name = stagingName(base, i);
    if (!taken.some((t) => t.toLowerCase() === name.toLowerCase())) return name;
  }
}

/** True when `name` is a name tempName gives for the report sheet `base`. */
function isStagingName(base: string, name: string): boolean {
  const m = / \(ny(?: (\d+))?\)$/.exec(name);
  if (!m) return false;
  const i = m[1] === undefined ? 1 : Number(m[1]);
  return i >= 1 && stagingName(base, i).toLowerCase() === name.toLowerCase();
}

interface Previous {
  values: CellValue[][] | null;
  extent: { rows: number; cols: number } | null;
  /** The charts on the report tab before the refresh: the report's own among them are replaced. */
  charts: SheetChart[];
}

/**
 * Refreshes the report tab inside Excel. Inputs and other sheets are never written.
 *
 * The report sheet is kept and its contents replaced, so formulas elsewhere that point into it (`=Rapport!F12`) keep
 * working. With ExcelApi 1.9 the new report is first written in full to a hidden sheet in requests of its own; only
 * when all of that has run does a last request copy it over the report (Range.copyFrom). A failure before that last
 * request leaves the previous report as it was; Excel runs a request's operations in order and stops at the first
 * that fails, keeping what ran before it, and the operations are ordered so that every prefix leaves a usable
 * workbook (docs/i-excel.md). Without ExcelApi 1.9 the report is written in place, in one request. Whatever fails,
 * the error says what became of the report (RefreshError), and the hidden sheet is removed by name in a fresh
 * request; one left by an earlier failure is removed at the start of the next refresh.
 *
 * Nothing is written when the report tab or the workbook's structure is protected.
 *
 * Round trips on desktop Excel: three to read, one to write a first report, two to replace one (one more when the
 * report tab has another name than Rapport, when dates are read, and per million cells of input).
 */
export async function refreshReport(context: Excel.RequestContext, options: RefreshOptions): Promise<RefreshOutcome> {
  let syncs = 0;
  let read: Awaited<ReturnType<typeof readOfficeSource>>;
  try {
    read = await readOfficeSource(context, DEFAULT_REPORT_SHEET, { maxResponseBytes: options.maxResponseBytes, supports: options.supports, recalculate: true });
  } catch (e) {
    throw e instanceof UppfoljningError ? e : new RefreshError(e, "read", null);
  }
  syncs += read.syncs;
  const computation = compute(read.source, options.now);
  const found = computation.input.found;
  const notices = read.notices.map(toPublic);
  const sheetName = computation.input.settings.reportSheet;
  if (!computation.ok) {
    if (read.structureProtected !== true) syncs += (await sweepStaging(context, read.sheets, [sheetName, DEFAULT_REPORT_SHEET])).syncs;
    return { ok: false, findings: [...computation.findings.map(toPublic), ...notices], found, summary: null, sheetName: null, syncs };
  }
  const { result, findings } = computation;
  // The name itself was judged with the settings (reportSheetPolicy), as on the command line. A sheet holding an
  // input range is refused here (REPORT_SHEET_IS_INPUT), someone else's sheet by previousReport (REPORT_SHEET_TAKEN).
  const existing = reportSheetTarget(sheetName, read.source, read.sheetNames);
  const previous: Previous = { values: null, extent: null, charts: [] };
  let reportProtected = false;
  if (existing !== null && existing.toLowerCase() === DEFAULT_REPORT_SHEET.toLowerCase()) {
    previous.values = read.previousReport;
    previous.extent = read.previousExtent;
    previous.charts = read.previousCharts;
    reportProtected = read.reportProtected;
  } else if (existing !== null) {
    // Existence is known from the sheet names already read: no method is called on a sheet that may be missing.
    const ws = context.workbook.worksheets.getItem(existing);
    const values = ws.getUsedRangeOrNullObject(true).load("values");
    const all = ws.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount");
    const protection = ws.protection.load("protected");
    const withId = options.supports("1.7");
    const charts = ws.charts.load(withId ? "items/name,id" : "items/name");
    await context.sync();
    syncs++;
    previous.charts = charts.items.map((c) => ({ name: c.name, id: withId ? c.id : null }));
    previous.values = values.isNullObject ? null : (values.values as CellValue[][]);
    previous.extent = all.isNullObject ? null : { rows: all.rowIndex + all.rowCount, cols: all.columnIndex + all.columnCount };
    reportProtected = protection.protected;
  }
  const explanations = previousReport(sheetName, existing, previous.values);
  // Protection is checked before anything is written, so that nothing is half-changed.
  if (read.structureProtected === true) throw new UppfoljningError("WORKBOOK_STRUCTURE_PROTECTED");
  if (existing !== null && reportProtected) throw new UppfoljningError("REPORT_SHEET_PROTECTED", { sheet: existing });

  const swept = await sweepStaging(context, read.sheets, [sheetName, DEFAULT_REPORT_SHEET]);
  syncs += swept.syncs;
  const taken = read.sheetNames.filter((n) => !swept.removed.includes(n));
  // What goes into Prognoshistorik is decided before the report is built, so that its notices are in the report.
  let history: HistoryPlan | null = null;
  if (historyWanted(result.settings, result.income.hasForecast, result.income.rowCount)) {
    const lines = currentLines(result.income);
    const target = historyTarget(computation.input.historyLayout, read.sheetNames, lines.some((l) => l.responsibility !== null));
    if (target.kind === "none") findings.push(...target.findings);
    else if (!options.supports(HISTORY_API)) findings.push(finding("HISTORY_EXCEL_TOO_OLD", HISTORY_RANGE, null));
    else {
      let facts: HistoryFacts | null = null;
      if (target.kind === "update") {
        try {
          facts = await historyFacts(context, target.layout);
        } catch (e) {
          throw new RefreshError(e, "read", null);
        }
        syncs++;
      }
      const current = { year: result.settings.year, period: result.settings.months, lines, costsPositive: result.settings.costsPositive, now: options.now ?? new Date() };
      const planned = planHistory(target, facts, current);
      findings.push(...planned.findings);
      history = planned.plan;
    }
  }
  // The charts need ExcelApi 1.8 (renderCharts.ts); below it the report is built without them, as with Diagram = Nej.
  const drawn = result.settings.charts && options.supports(CHARTS_API);
  const model = buildReport({ ...result, settings: { ...result.settings, charts: drawn } }, findings, { now: options.now ?? new Date(), explanations });
  const layout = layoutReport(model);
  const budget = new RequestBudget(context, options.maxRequestBytes ?? MAX_REQUEST_BYTES);
  if (existing === null) await createReport(context, layout, sheetName, taken, options.supports, budget);
  else if (options.supports("1.9")) await replaceByCopy(context, layout, existing, previous, taken, options.supports, budget);
  else await replaceInPlace(context, layout, existing, previous, options.supports, budget);
  syncs += budget.syncs;
  // Alt text for screen readers, in a request of its own once the report is in place (a refusal costs only the text).
  if (layout.charts.length > 0 && options.supports(ALT_TEXT_API)) {
    await setAltTexts(context, existing ?? sheetName, layout);
    syncs++;
  }
  // The report is in place: now the current forecast goes into the history, in requests of its own.
  if (history) {
    const written = new RequestBudget(context, options.maxRequestBytes ?? MAX_REQUEST_BYTES);
    findings.push(...(await writeHistory(context, history, written)));
    syncs += written.syncs;
  }
  return { ok: true, findings: [...findings.map(toPublic), ...notices], found, summary: summarise(result), sheetName, syncs };
}

/**
 * Removes the hidden staging sheets an earlier refresh left behind when it failed and could not clean up: hidden
 * sheets named as tempName names them for one of `bases`, that hold nothing or a report of ours. A sheet of the
 * user's that happens to carry such a name, with anything else in it, is left alone. Returns the round trips used
 * (none when there is nothing to look at) and the sheets removed. A failure here fails nothing else: the sheet is
 * hidden, and the next refresh tries again.
 */
async function sweepStaging(context: Excel.RequestContext, sheets: readonly { name: string; visibility: string }[], bases: readonly string[]): Promise<{ syncs: number; removed: string[] }> {
  const candidates = sheets.filter((s) => s.visibility === "Hidden" && bases.some((b) => isStagingName(b, s.name)));
  if (candidates.length === 0) return { syncs: 0, removed: [] };
  let syncs = 0;
  try {
    const looked = candidates.map((s) => {
      const ws = context.workbook.worksheets.getItem(s.name);
      return { name: s.name, ws, values: ws.getUsedRangeOrNullObject(true).load("values") };
    });
    syncs++;
    await context.sync();
    const leftovers = looked.filter((l) => l.values.isNullObject || isOwnReport(l.values.values as CellValue[][]));
    if (leftovers.length === 0) return { syncs, removed: [] };
    for (const l of leftovers) l.ws.delete();
    syncs++;
    await context.sync();
    return { syncs, removed: leftovers.map((l) => l.name) };
  } catch {
    return { syncs, removed: [] };
  }
}

/**
 * Removes the staging sheet by its name in a fresh request. The object `worksheets.add` returned cannot be used for
 * this after a failed request: office.js created it "invalid after request" and only a successful response makes it
 * valid, so `delete()` on it throws InvalidObjectPath. Returns whether the sheet was there.
 */
async function removeByName(context: Excel.RequestContext, name: string): Promise<boolean> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (sheet.isNullObject) return false;
    sheet.delete();
    await context.sync();
    return true;
  } catch {
    // Excel refuses again; the next refresh removes the sheet (sweepStaging).
    return true;
  }
}

/** Whether a sheet of that name exists (a fresh request; false when even that fails). */
async function exists(context: Excel.RequestContext, name: string): Promise<boolean> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    return !sheet.isNullObject;
  } catch {
    return false;
  }
}

/** First report: built on a hidden sheet, then shown, named, put first and activated (each step leaves a usable workbook). */
async function createReport(context: Excel.RequestContext, layout: SheetLayout, sheetName: string, taken: readonly string[], supports: (v: string) => boolean, budget: RequestBudget): Promise<void> {
  const temp = tempName(sheetName, taken);
  try {
    const fresh = context.workbook.worksheets.add(temp);
    fresh.visibility = Excel.SheetVisibility.hidden;
    if (supports("1.9")) context.application.suspendScreenUpdatingUntilNextSync();
    await writeCells(fresh, layout, supports, budget);
    await writeSheetLayout(fresh, layout, supports, budget);
    await addCharts(fresh, layout, budget);
    // A hidden sheet cannot be activated: it is made visible first.
    fresh.visibility = Excel.SheetVisibility.visible;
    fresh.name = sheetName;
    fresh.position = 0;
    fresh.activate();
    await budget.flush();
  } catch (e) {
    // Still under its temporary name: the report was not created, and the sheet goes. Renamed already: the report is
    // there and only its place or activation is missing.
    let stage: RefreshStage = "noReport";
    if (!(await removeByName(context, temp)) && (await exists(context, sheetName))) stage = "created";
    throw new RefreshError(e, stage, sheetName);
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
 * ExcelApi 1.9: the new report is built on a hidden sheet in requests of its own. Then one request, in order: the old
 * report's merges undone, the new one copied over it (values, formats and merges in one operation), the rest of the
 * old report cleared, the sheet's own layout set, the report shown, put first and activated, and the hidden sheet
 * deleted. Until that request the old report is untouched; after its copy the new one is in place.
 */
async function replaceByCopy(
  context: Excel.RequestContext,
  layout: SheetLayout,
  existing: string,
  old: Previous,
  taken: readonly string[],
  supports: (v: string) => boolean,
  budget: RequestBudget,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  const temp = tempName(existing, taken);
  const previous = old.extent;
  let stage: RefreshStage = "untouched";
  try {
    const staging = sheets.add(temp);
    staging.visibility = Excel.SheetVisibility.hidden;
    context.application.suspendScreenUpdatingUntilNextSync();
    await writeCells(staging, layout, supports, budget);
    // The charts are tried out on the hidden sheet, every call as the report will get it, and deleted again: a chart
    // Excel refuses fails the refresh here, while the old report is untouched. The hidden sheet then holds no chart,
    // so copying its cells can bring none along.
    for (const trial of await addCharts(staging, layout, budget)) trial.delete();
    await budget.flush();

    stage = "partly";
    const report = sheets.getItem(existing);
    const area = rangeAddress(0, 0, Math.max(1, layout.rowCount), layout.colCount);
    context.application.suspendScreenUpdatingUntilNextSync();
    await budget.spend(1000);
    // The old report's charts go first: from here on no chart points at cells that are about to change.
    deleteOwnCharts(report, old.charts.map((c) => c.name));
    unmergePrevious(report, previous);
    report.getRange(area).copyFrom(staging.getRange(area), "All");
    clearLeftovers(report, layout, previous);
    await writeSheetLayout(report, layout, supports, budget, previous);
    // The new charts come once the cells and row heights they stand on are in place.
    await addCharts(report, layout, budget);
    report.visibility = Excel.SheetVisibility.visible;
    report.position = 0;
    report.activate();
    staging.delete();
    await budget.flush();
  } catch (e) {
    // Past the first request the report may hold some of the new charts: they go, so that it holds none rather than
    // a part of them (the old ones went first).
    if (stage === "partly" && layout.charts.length > 0) await removeOwnCharts(context, existing, old.charts);
    await removeByName(context, temp);
    throw new RefreshError(e, stage, existing);
  }
}

/**
 * Below ExcelApi 1.9 (no Range.copyFrom): the report is written in place, in one request. What a protected workbook
 * structure would refuse (showing the sheet, moving it first) comes first, so that such a refusal changes nothing;
 * then number formats and values, formats and the sheet's layout.
 */
async function replaceInPlace(
  context: Excel.RequestContext,
  layout: SheetLayout,
  existing: string,
  old: Previous,
  supports: (v: string) => boolean,
  budget: RequestBudget,
): Promise<void> {
  const previous = old.extent;
  try {
    const report = context.workbook.worksheets.getItem(existing);
    report.visibility = Excel.SheetVisibility.visible;
    report.position = 0;
    deleteOwnCharts(report, old.charts.map((c) => c.name));
    unmergePrevious(report, previous);
    await writeCells(report, layout, supports, budget);
    clearLeftovers(report, layout, previous);
    await writeSheetLayout(report, layout, supports, budget, previous);
    await addCharts(report, layout, budget);
    report.activate();
    await budget.flush();
  } catch (e) {
    if (layout.charts.length > 0) await removeOwnCharts(context, existing, old.charts);
    throw new RefreshError(e, "partly", existing);
  }
}
