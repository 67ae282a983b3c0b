/// <reference types="office-js" />
import { arrayRange, Cell, RangeEntry, RangeLookup, RawRange, SourceWorkbook } from "../../contract/source";
import { rangeAddress, splitSheetAddress } from "../../core/references";
import { canon } from "../../core/text";
import { classifyFormula } from "../../contract/references";
import { CONTRACT_RANGES } from "../../contract/schema";
import { CellValue } from "../../report/model";

const WANTED = new Set(CONTRACT_RANGES.map((n) => canon(n)));

export interface OfficeRead {
  source: SourceWorkbook;
  /** Values of the existing report tab (for explanations), or null when there is none. */
  previousReport: CellValue[][] | null;
  /** Rows and columns the existing report tab uses from A1 (values or formats), or null when there is none. */
  previousExtent: { rows: number; cols: number } | null;
  /** Names of all worksheets, to protect the user's own sheets. */
  sheetNames: string[];
}

/** True for number formats that show dates (d, m, y outside quotes, not a plain number format). */
function isDateFormat(format: string): boolean {
  const f = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(f) || /(^|[^#0])m{1,4}([^#0]|$)/i.test(f) && !/^[#0.,\s%]*$/.test(f);
}

/** Turns Office.js values and value types into the host-neutral cell model. */
export function toCells(values: unknown[][], types: string[][], formats: string[][]): Cell[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      const t = types[r]?.[c];
      if (t === "Empty" || v === "" || v === null || v === undefined) return null;
      if (t === "Error") return { error: String(v) };
      if (typeof v === "number") {
        const fmt = formats[r]?.[c] ?? "General";
        if (fmt !== "General" && isDateFormat(fmt)) return new Date(Math.round((v - 25569) * 86400000));
        return v;
      }
      if (typeof v === "boolean" || typeof v === "string") return v;
      return String(v);
    }),
  );
}

/**
 * The one place that turns what Excel returned for a range into the contract reader's `RawRange`.
 * (Kept as a single function so a change of `RawRange` touches only this.)
 */
function buildRawRange(sheet: string, row: number, col: number, values: unknown[][], types: string[][], formats: string[][]): RawRange {
  return arrayRange({ sheet, row, col, cells: toCells(values, types, formats), formats });
}

/** Bytes one cell takes in a response when values, value types and number formats are loaded. */
const BYTES_PER_CELL = 48;
/**
 * Most cells read in one range. "A range is limited to 5,000,000 cells for read operations"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * reads are sliced well below that on every platform.
 */
export const MAX_READ_CELLS = 1_000_000;

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

export interface ReadOptions {
  /** Largest response to ask for; Excel on the web refuses 5 MB. Infinity on desktop Excel. */
  maxResponseBytes?: number;
  /** Whether the running Excel supports an ExcelApi version, e.g. "1.7". Without it, only ExcelApi 1.4 is used. */
  supports?: (version: string) => boolean;
  /** Most cells per read (default MAX_READ_CELLS). */
  maxReadCells?: number;
}

interface Candidate {
  name: string;
  origin: "name" | "table";
  range: Excel.Range;
  formula: string;
}

interface Slice {
  owner: number;
  range: Excel.Range;
  bytes: number;
}

/**
 * Reads every contract range (names and tables) in three round trips, however large the data, on desktop Excel:
 * 1. the names (with their formulas where ExcelApi 1.7 has them), tables and sheet names;
 * 2. each candidate range's position (names through getRangeOrNullObject, so a name that is no single range gives a
 *    finding instead of an error), every sheet's used range, and the previous report if its sheet exists;
 * 3. the values, value types and number formats of each range cut to its sheet's used range, in slices of at most
 *    `maxReadCells` cells. On Excel on the web, whose responses are limited to 5 MB, the slices are spread over as
 *    few further round trips as the limit allows.
 */
export async function readOfficeSource(context: Excel.RequestContext, reportSheet: string, options: ReadOptions = {}): Promise<OfficeRead & { syncs: number }> {
  const budget = options.maxResponseBytes ?? Infinity;
  const supports = options.supports ?? (() => false);
  const cellCap = Math.max(1, options.maxReadCells ?? MAX_READ_CELLS);
  const workbook = context.workbook;
  const withFormula = supports("1.7");
  const names = workbook.names.load(withFormula ? "items/name,items/type,items/value,items/formula" : "items/name,items/type,items/value");
  const tables = workbook.tables.load("items/name");
  const sheets = workbook.worksheets.load("items/name");
  await context.sync();
  let syncs = 1;
  const sheetNames = sheets.items.map((s) => s.name);

  // Round trip 2: where each range is, how far each sheet is used, and the previous report.
  const entries: RangeEntry[] = [];
  const candidates: Candidate[] = [];
  for (const n of names.items) {
    if (!WANTED.has(canon(n.name))) continue;
    const formula = String((withFormula ? n.formula : n.value) ?? "");
    const kind = classifyName(formula, sheetNames);
    if (kind.kind !== "cells") entries.push({ name: n.name, origin: "name", lookup: kind });
    else candidates.push({ name: n.name, origin: "name", range: n.getRangeOrNullObject(), formula: formula.replace(/^=/, "") });
  }
  for (const t of tables.items) {
    if (WANTED.has(canon(t.name))) candidates.push({ name: t.name, origin: "table", range: t.getRange(), formula: "" });
  }
  for (const c of candidates) c.range.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const used = new Map<string, Excel.Range>();
  for (const name of sheetNames) {
    const u = workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    u.load("rowIndex,columnIndex,rowCount,columnCount");
    used.set(name.toLowerCase(), u);
  }
  // Only a sheet known to exist is asked for its used range: a method on a null object fails the whole request.
  const reportName = sheetNames.find((n) => n.toLowerCase() === reportSheet.toLowerCase());
  const report = reportName === undefined ? null : workbook.worksheets.getItem(reportName);
  const previousValues = report ? report.getUsedRangeOrNullObject(true).load("values") : null;
  const previousAll = report ? report.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount") : null;
  await context.sync();
  syncs++;

  // Round trip 3: each range cut to the used part of its sheet, in slices under the cell cap (and the response limit).
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
  const slices: Slice[] = [];
  planned.forEach((p, index) => {
    if (p.empty) return;
    const ws = workbook.worksheets.getItem(p.dims.sheet);
    const perSlice = Math.min(cellCap, Math.floor(budget / BYTES_PER_CELL));
    const rowsPerSlice = Math.max(1, Math.floor(perSlice / p.dims.cols));
    for (let start = 0; start < p.dims.rows; start += rowsPerSlice) {
      const count = Math.min(rowsPerSlice, p.dims.rows - start);
      slices.push({ owner: index, range: ws.getRange(rangeAddress(p.dims.row + start, p.dims.col, count, p.dims.cols)), bytes: count * p.dims.cols * BYTES_PER_CELL });
    }
  });
  let queued = 0;
  for (const slice of slices) {
    if (queued > 0 && queued + slice.bytes > budget) {
      await context.sync();
      syncs++;
      queued = 0;
    }
    slice.range.load("values,valueTypes,numberFormat");
    queued += slice.bytes;
  }
  if (queued > 0) {
    await context.sync();
    syncs++;
  }

  planned.forEach((p, index) => {
    let raw: RawRange;
    if (p.empty) raw = buildRawRange(p.dims.sheet, p.dims.row, p.dims.col, [[null]], [["Empty"]], [["General"]]);
    else {
      const mine = slices.filter((s) => s.owner === index);
      raw = buildRawRange(
        p.dims.sheet,
        p.dims.row,
        p.dims.col,
        mine.flatMap((s) => s.range.values as unknown[][]),
        mine.flatMap((s) => s.range.valueTypes as unknown as string[][]),
        mine.flatMap((s) => s.range.numberFormat as string[][]),
      );
    }
    entries.push({ name: p.candidate.name, origin: p.candidate.origin, lookup: { kind: "cells", range: raw } });
  });
  const previousExtent = previousAll && !previousAll.isNullObject
    ? { rows: previousAll.rowIndex + previousAll.rowCount, cols: previousAll.columnIndex + previousAll.columnCount }
    : null;
  return {
    source: { entries },
    previousReport: previousValues && !previousValues.isNullObject ? (previousValues.values as CellValue[][]) : null,
    previousExtent,
    sheetNames,
    syncs,
  };
}
