/// <reference types="office-js" />
import { arrayRange, Cell, RangeEntry, RangeLookup, RawRange, SourceWorkbook } from "../../contract/source";
import { rangeAddress, splitSheetAddress } from "../../core/references";
import { canon } from "../../core/text";
import { classifyFormula } from "../../contract/references";
import { CONTRACT_RANGES } from "../../contract/schema";
import { CellValue } from "../../report/model";
import { Finding, finding } from "../../findings/findings";

const WANTED = new Set(CONTRACT_RANGES.map((n) => canon(n)));

/** A chart on a sheet: its name, and its id where ExcelApi 1.7 gives one (Chart.id). */
export interface SheetChart {
  name: string;
  id: string | null;
}

export interface OfficeRead {
  source: SourceWorkbook;
  /** Values of the existing report tab (for explanations), or null when there is none. */
  previousReport: CellValue[][] | null;
  /** Rows and columns the existing report tab uses from A1 (values or formats), or null when there is none. */
  previousExtent: { rows: number; cols: number } | null;
  /** The charts on the existing report tab (the report's own and any other), empty when there is none. */
  previousCharts: SheetChart[];
  /** Names of all worksheets, to protect the user's own sheets. */
  sheetNames: string[];
  /** Every worksheet with its visibility, to find staging sheets a failed refresh left behind. */
  sheets: { name: string; visibility: string }[];
  /** Whether the workbook's structure is protected; null where ExcelApi 1.7 (WorkbookProtection) is missing. */
  structureProtected: boolean | null;
  /** Whether the report tab (the `reportSheet` asked for) is protected; false when there is none. */
  reportProtected: boolean;
  /** Whether dates were read in the 1904 date system (null: no date cell decided it; the 1900 system was used). */
  date1904: boolean | null;
  /** What the host itself has to say about the read (manual calculation). */
  notices: Finding[];
}

/** Excel's serial day of 1970-01-01 in the 1900 date system and in the 1904 date system. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;

/** True for number formats that show dates (d, m, y outside quotes, not a plain number format). */
function isDateFormat(format: string): boolean {
  const f = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(f) || /(^|[^#0])m{1,4}([^#0]|$)/i.test(f) && !/^[#0.,\s%]*$/.test(f);
}

/** Turns Office.js values and value types into the host-neutral cell model (`date1904`: the workbook's date system). */
export function toCells(values: unknown[][], types: string[][], formats: string[][], date1904 = false): Cell[][] {
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  return values.map((row, r) =>
    row.map((v, c) => {
      const t = types[r]?.[c];
      if (t === "Empty" || v === "" || v === null || v === undefined) return null;
      if (t === "Error") return { error: String(v) };
      if (typeof v === "number") {
        const fmt = formats[r]?.[c] ?? "General";
        if (fmt !== "General" && isDateFormat(fmt)) return new Date(Math.round((v - epoch) * 86400000));
        return v;
      }
      if (typeof v === "boolean" || typeof v === "string") return v;
      return String(v);
    }),
  );
}

/**
 * Which date system a workbook uses, from what Excel shows for a date cell: `Workbook.use1904DateSystem` is
 * "ExcelApi BETA (PREVIEW ONLY)" in Microsoft's reference, so production Excel cannot be asked. The serial number
 * `serial`, displayed as `text` under its number format, is read in both systems (they are 1 462 days apart, so the
 * year always differs); the system whose year, month, day, hour, minute and second account for every number in the
 * text is the workbook's. Null when the text cannot tell them apart (a format without the year, say).
 */
export function dateSystemFromText(serial: number, text: string): boolean | null {
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  if (numbers.length === 0) return null;
  const fits = (epoch: number): boolean => {
    const d = new Date(Math.round((serial - epoch) * 86400000));
    const parts = [d.getUTCFullYear(), d.getUTCFullYear() % 100, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
    const year = numbers.some((n) => n === parts[0] || (n < 100 && n === parts[1]));
    return year && numbers.every((n) => parts.includes(n));
  };
  const in1900 = fits(EPOCH_1900), in1904 = fits(EPOCH_1904);
  return in1900 === in1904 ? null : in1904;
}

/** The one place that turns what Excel returned for a range into the contract reader's `RawRange`. */
function buildRawRange(sheet: string, row: number, col: number, values: unknown[][], types: string[][], formats: string[][], date1904: boolean): RawRange {
  return arrayRange({ sheet, row, col, cells: toCells(values, types, formats, date1904), formats });
}

/** Bytes one cell is first taken to cost in a response (values, value types and number formats), until measured. */
const BYTES_PER_CELL = 48;
/**
 * Most cells read in one range. "A range is limited to 5,000,000 cells for read operations"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * reads are sliced well below that on every platform.
 */
export const MAX_READ_CELLS = 1_000_000;
/** Most cells read in one round trip, on every platform. */
export const MAX_CELLS_PER_SYNC = 1_000_000;
/**
 * Largest response to plan for in one round trip on desktop Excel, which has no limit of its own: a 10⁶-row ledger
 * read in one go would answer hundreds of megabytes of JSON. Excel on the web: see commands.ts (4 MB).
 */
export const DESKTOP_SYNC_BYTES = 32 * 1024 * 1024;
/** Cells of each range read first, to measure what its cells cost before the rest is planned. */
const PROBE_CELLS = 20_000;
/** Date cells whose displayed text is asked for to decide the date system. */
const DATE_PROBES = 6;

interface Dims {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * What a workbook name refers to, judged by the same function the file host uses (so both hosts give the same
 * findings): one rectangle on an existing sheet is read, with zero-based position and size; several areas,
 * formulas (OFFSET, INDEX:INDEX) and constants are refused; #REF! or a missing sheet is a broken reference.
 */
export function classifyName(formula: string, sheetNames: readonly string[]): Exclude<RangeLookup, { kind: "cells" }> | { kind: "cells"; dims: Dims } {
  const c = classifyFormula(formula, sheetNames);
  if ("kind" in c) return c;
  const { sheet, rect } = c;
  return { kind: "cells", dims: { sheet, row: rect.top - 1, col: rect.left - 1, rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 } };
}

/**
 * Below ExcelApi 1.7 a name's formula cannot be read, and its value is not loaded (desktop Excel fails the whole
 * request for a name whose value is "{...}", office-js #4321): a name that is no single range is described so.
 */
export const FORMULA_UNREADABLE = "formeln går inte att läsa i den här versionen av Excel";

export interface ReadOptions {
  /** Largest response to plan for per round trip: Excel on the web refuses 5 MB. Default DESKTOP_SYNC_BYTES. */
  maxResponseBytes?: number;
  /** Whether the running Excel supports an ExcelApi version, e.g. "1.7". Without it, only ExcelApi 1.4 is used. */
  supports?: (version: string) => boolean;
  /** Most cells per read of one range (default MAX_READ_CELLS). */
  maxReadCells?: number;
  /** Most cells per round trip (default MAX_CELLS_PER_SYNC). */
  maxCellsPerSync?: number;
  /** Recalculate first when Excel calculates manually (a refresh does; showing the inputs does not). */
  recalculate?: boolean;
}

interface Candidate {
  name: string;
  origin: "name" | "table";
  range: Excel.Range;
  formula: string;
}

/** One planned range and the rows of it read so far. */
interface Job {
  dims: Dims;
  next: number;
  /** Bytes a cell is expected to cost in a response; measured after the first slice. */
  perCell: number;
  measured: boolean;
  parts: Map<number, { values: unknown[][]; types: string[][]; formats: string[][] }>;
}

interface Slice {
  job: Job;
  start: number;
  count: number;
  range: Excel.Range;
}

const isOffice = (e: unknown, code: string) => (e as { code?: string } | null)?.code === code;

/**
 * Reads every contract range (names and tables), on desktop Excel in three round trips for ordinary workbooks:
 * 1. the names (their formulas where ExcelApi 1.7 has them; never their values, see FORMULA_UNREADABLE), tables,
 *    sheets, the calculation mode and, with ExcelApi 1.7, whether the workbook's structure is protected;
 * 2. each candidate range's position (names through getRangeOrNullObject, so a name that is no single range gives a
 *    finding instead of an error), every sheet's used range and own names, and the previous report if its sheet
 *    exists, with its protection;
 * 3. the values, value types and number formats of each range cut to its sheet's used range, in slices of at most
 *    `maxReadCells` cells, at most `maxCellsPerSync` cells and `maxResponseBytes` bytes per round trip. The first
 *    slice of each range measures what its cells cost; if Excel on the web still refuses a response as too large,
 *    the same reads are asked for again in smaller slices.
 * One more round trip asks for the displayed text of a few date cells when there are any, to tell the 1904 date
 * system from the 1900 one.
 */
export async function readOfficeSource(context: Excel.RequestContext, reportSheet: string, options: ReadOptions = {}): Promise<OfficeRead & { syncs: number }> {
  const byteBudget = Math.max(1, Number.isFinite(options.maxResponseBytes ?? Infinity) ? (options.maxResponseBytes as number) : DESKTOP_SYNC_BYTES);
  const supports = options.supports ?? (() => false);
  const sliceCap = Math.max(1, options.maxReadCells ?? MAX_READ_CELLS);
  const syncCap = Math.max(1, options.maxCellsPerSync ?? MAX_CELLS_PER_SYNC);
  const workbook = context.workbook;
  const withFormula = supports("1.7");
  // office-js #4321: on desktop Excel, loading `value` of a name whose value is "{...}" (OFFSET) fails the request,
  // and #1357 crashed Excel for such names. Only name, type and (ExcelApi 1.7) formula are loaded.
  const names = workbook.names.load(withFormula ? "items/name,items/type,items/formula" : "items/name,items/type");
  const tables = workbook.tables.load("items/name");
  const sheets = workbook.worksheets.load("items/name,items/visibility");
  const application = context.application.load("calculationMode");
  const structure = withFormula ? workbook.protection.load("protected") : null;
  await context.sync();
  let syncs = 1;
  const sheetNames = sheets.items.map((s) => s.name);
  const notices: Finding[] = [];
  if (application.calculationMode === "Manual") {
    if (options.recalculate) {
      // "`recalculate`: Recalculate formulas that changed, or were marked for recalculation, and the formulas that
      // depend on them" (Application.calculate, ExcelApi 1.1): what F9 does, before any value is read.
      context.application.calculate("Recalculate");
      notices.push(finding("CALCULATION_MANUAL_RECALCULATED", null, null));
    } else notices.push(finding("CALCULATION_MANUAL", null, null));
  }

  // Round trip 2: where each range is, how far each sheet is used, sheets' own names, and the previous report.
  const entries: RangeEntry[] = [];
  const candidates: Candidate[] = [];
  const constants: { name: string; type: string; item: Excel.NamedItem }[] = [];
  for (const n of names.items) {
    if (!WANTED.has(canon(n.name))) continue;
    if (withFormula) {
      const formula = String(n.formula ?? "");
      const kind = classifyName(formula, sheetNames);
      if (kind.kind !== "cells") entries.push({ name: n.name, origin: "name", lookup: kind });
      else candidates.push({ name: n.name, origin: "name", range: n.getRangeOrNullObject(), formula: formula.replace(/^=/, "") });
    } else if (n.type === "Range") {
      candidates.push({ name: n.name, origin: "name", range: n.getRangeOrNullObject(), formula: FORMULA_UNREADABLE });
    } else {
      // A constant or an error: its value is no reference, so loading it is safe.
      constants.push({ name: n.name, type: String(n.type), item: n.load("value") });
    }
  }
  for (const t of tables.items) {
    if (WANTED.has(canon(t.name))) candidates.push({ name: t.name, origin: "table", range: t.getRange(), formula: "" });
  }
  for (const c of candidates) c.range.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const used = new Map<string, Excel.Range>();
  const ownNames: { sheet: string; names: Excel.NamedItemCollection }[] = [];
  for (const name of sheetNames) {
    const ws = workbook.worksheets.getItem(name);
    const u = ws.getUsedRangeOrNullObject(true);
    u.load("rowIndex,columnIndex,rowCount,columnCount");
    used.set(name.toLowerCase(), u);
    // Worksheet.names: "Collection of names scoped to the current worksheet." (ExcelApi 1.4)
    ownNames.push({ sheet: name, names: ws.names.load("items/name") });
  }
  // Only a sheet known to exist is asked for its used range: a method on a null object fails the whole request.
  const reportName = sheetNames.find((n) => n.toLowerCase() === reportSheet.toLowerCase());
  const report = reportName === undefined ? null : workbook.worksheets.getItem(reportName);
  const previousValues = report ? report.getUsedRangeOrNullObject(true).load("values") : null;
  const previousAll = report ? report.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount") : null;
  const reportProtection = report ? report.protection.load("protected") : null;
  const reportCharts = report ? report.charts.load(options.supports?.("1.7") ? "items/name,id" : "items/name") : null;
  await context.sync();
  syncs++;
  for (const k of constants) {
    const value = String(k.item.value ?? "");
    entries.push({ name: k.name, origin: "name", lookup: k.type === "Error" ? { kind: "brokenRef", formula: value } : { kind: "notCells", formula: value } });
  }
  const sheetScoped = ownNames.flatMap((o) => o.names.items.filter((n) => WANTED.has(canon(n.name))).map((n) => ({ name: n.name, sheet: o.sheet })));

  // Round trip 3 (and more for large ranges): each range cut to the used part of its sheet.
  const planned: { candidate: Candidate; dims: Dims; empty: boolean }[] = [];
  for (const c of candidates) {
    if (c.range.isNullObject) {
      entries.push({ name: c.name, origin: c.origin, lookup: { kind: "notCells", formula: c.formula } });
      continue;
    }
    // The sheet part of the address Excel returned (`'Mitt blad'!A1:C3` → `Mitt blad`).
    const sheet = splitSheetAddress(c.range.address)?.sheet ?? "";
    const u = used.get(sheet.toLowerCase());
    const dims: Dims = { sheet, row: c.range.rowIndex, col: c.range.columnIndex, rows: c.range.rowCount, cols: c.range.columnCount };
    let empty = !u || u.isNullObject;
    if (u && !u.isNullObject) {
      const lastRow = u.rowIndex + u.rowCount - 1, lastCol = u.columnIndex + u.columnCount - 1;
      dims.rows = Math.min(dims.row + dims.rows - 1, lastRow) - dims.row + 1;
      dims.cols = Math.min(dims.col + dims.cols - 1, lastCol) - dims.col + 1;
      empty = dims.rows <= 0 || dims.cols <= 0;
    }
    planned.push({ candidate: c, dims, empty });
  }
  const jobs = new Map<number, Job>();
  planned.forEach((p, i) => {
    if (!p.empty) jobs.set(i, { dims: p.dims, next: 0, perCell: BYTES_PER_CELL, measured: false, parts: new Map() });
  });
  syncs += await readSlices(context, [...jobs.values()], { byteBudget, sliceCap, syncCap });

  // The date system, where dates were read.
  const date1904 = await decideDateSystem(context, [...jobs.values()]);
  if (date1904 !== null) syncs++;

  planned.forEach((p, index) => {
    let raw: RawRange;
    const job = jobs.get(index);
    if (!job) raw = buildRawRange(p.dims.sheet, p.dims.row, p.dims.col, [[null]], [["Empty"]], [["General"]], false);
    else {
      const parts = [...job.parts.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
      raw = buildRawRange(p.dims.sheet, p.dims.row, p.dims.col, parts.flatMap((x) => x.values), parts.flatMap((x) => x.types), parts.flatMap((x) => x.formats), date1904 === true);
    }
    entries.push({ name: p.candidate.name, origin: p.candidate.origin, lookup: { kind: "cells", range: raw } });
  });
  const previousExtent = previousAll && !previousAll.isNullObject
    ? { rows: previousAll.rowIndex + previousAll.rowCount, cols: previousAll.columnIndex + previousAll.columnCount }
    : null;
  return {
    source: { entries, sheetScoped },
    previousReport: previousValues && !previousValues.isNullObject ? (previousValues.values as CellValue[][]) : null,
    previousExtent,
    previousCharts: reportCharts ? reportCharts.items.map((c) => ({ name: c.name, id: options.supports?.("1.7") ? c.id : null })) : [],
    sheetNames,
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) })),
    structureProtected: structure ? structure.protected : null,
    reportProtected: reportProtection ? reportProtection.protected : false,
    date1904,
    notices,
    syncs,
  };
}

/**
 * Reads the jobs' cells in round trips under the caps; returns the number of round trips. Each round trip takes, range
 * by range, as many rows as the cell caps and the byte budget allow at the range's expected cost per cell; a range
 * not yet measured contributes at most PROBE_CELLS cells. After each round trip the cost of every range read is
 * measured from what came back. A response Excel refuses as too large (ResponsePayloadSizeLimitExceeded, Excel on the
 * web: "Excel on the web has a payload size limit for requests and responses of 5MB") is asked for again in halves;
 * reads change nothing, and the refused request's range objects are not reused (they were created in a failed batch).
 */
async function readSlices(context: Excel.RequestContext, jobs: Job[], caps: { byteBudget: number; sliceCap: number; syncCap: number }): Promise<number> {
  let syncs = 0;
  for (;;) {
    const batch: Slice[] = [];
    let cells = 0, bytes = 0;
    for (const job of jobs) {
      let probe = job.measured ? Infinity : PROBE_CELLS;
      while (job.next < job.dims.rows) {
        const cols = job.dims.cols;
        const byCells = Math.floor(Math.min(caps.sliceCap, caps.syncCap - cells, probe) / cols);
        const byBytes = Math.floor((caps.byteBudget - bytes) / (cols * job.perCell));
        let count = Math.min(job.dims.rows - job.next, byCells, byBytes);
        if (count < 1) {
          if (batch.length > 0) break;
          count = 1;
        }
        const ws = context.workbook.worksheets.getItem(job.dims.sheet);
        const range = ws.getRange(rangeAddress(job.dims.row + job.next, job.dims.col, count, cols)).load("values,valueTypes,numberFormat");
        batch.push({ job, start: job.next, count, range });
        job.next += count;
        cells += count * cols;
        bytes += count * cols * job.perCell;
        probe -= count * cols;
        if (probe <= 0 || cells >= caps.syncCap || bytes >= caps.byteBudget) break;
      }
      if (cells >= caps.syncCap || bytes >= caps.byteBudget) break;
    }
    if (batch.length === 0) return syncs;
    try {
      await context.sync();
      syncs++;
    } catch (e) {
      syncs++;
      const single = batch.length === 1 && batch[0].count === 1;
      if (!isOffice(e, "ResponsePayloadSizeLimitExceeded") || single) throw e;
      const taken = new Map<Job, number>();
      for (const s of batch) {
        s.job.next = Math.min(s.job.next, s.start);
        taken.set(s.job, (taken.get(s.job) ?? 0) + s.count * s.job.dims.cols);
      }
      // Half the cells of each range next time.
      for (const [job, n] of taken) job.perCell = Math.max(job.perCell * 2, caps.byteBudget / Math.max(1, Math.floor(n / 2)));
      continue;
    }
    const seen = new Map<Job, { bytes: number; cells: number }>();
    for (const s of batch) {
      const values = s.range.values as unknown[][];
      const types = s.range.valueTypes as unknown as string[][];
      const formats = s.range.numberFormat as string[][];
      s.job.parts.set(s.start, { values, types, formats });
      const m = seen.get(s.job) ?? { bytes: 0, cells: 0 };
      m.bytes += JSON.stringify(values).length + JSON.stringify(types).length + JSON.stringify(formats).length;
      m.cells += s.count * s.job.dims.cols;
      seen.set(s.job, m);
    }
    for (const [job, m] of seen) {
      const measured = (m.bytes / Math.max(1, m.cells)) * 1.25;
      job.perCell = job.measured ? Math.max(job.perCell, measured) : Math.max(4, measured);
      job.measured = true;
    }
  }
}

/**
 * The workbook's date system, from the displayed text of a few date cells (one more round trip), or null when no
 * number was read under a date format (then the date system changes nothing). Undecided texts leave the 1900 system,
 * Excel's default, as `false`.
 */
async function decideDateSystem(context: Excel.RequestContext, jobs: Job[]): Promise<boolean | null> {
  const probes: { serial: number; range: Excel.Range; withYear: boolean }[] = [];
  const seenColumns = new Set<string>();
  for (const job of jobs) {
    for (const [start, part] of [...job.parts.entries()].sort((a, b) => a[0] - b[0])) {
      part.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const fmt = part.formats[r]?.[c] ?? "General";
          const key = `${job.dims.sheet}\u0000${job.dims.col + c}`;
          if (typeof v !== "number" || fmt === "General" || !isDateFormat(fmt) || seenColumns.has(key) || probes.length >= DATE_PROBES) return;
          seenColumns.add(key);
          const range = context.workbook.worksheets.getItem(job.dims.sheet).getRange(rangeAddress(job.dims.row + start + r, job.dims.col + c, 1, 1)).load("text");
          probes.push({ serial: v, range, withYear: /y/i.test(fmt.replace(/"[^"]*"/g, "")) });
        }),
      );
    }
  }
  if (probes.length === 0) return null;
  await context.sync();
  probes.sort((a, b) => Number(b.withYear) - Number(a.withYear));
  for (const p of probes) {
    const decided = dateSystemFromText(p.serial, String((p.range.text as unknown as string[][])[0]?.[0] ?? ""));
    if (decided !== null) return decided;
  }
  return false;
}
