/// <reference types="office-js" />
import { arrayRange, Cell, RangeEntry, RawRange, SourceWorkbook } from "../../contract/source";
import { canon } from "../../contract/text";
import { CONTRACT_RANGES } from "../../contract/readContract";
import { CellValue } from "../../report/model";
import { columnLetters } from "../../findings/findings";

const WANTED = new Set(CONTRACT_RANGES.map((n) => canon(n)));

interface PendingRange {
  name: string;
  origin: "name" | "table";
  range: Excel.Range;
}

export interface OfficeRead {
  source: SourceWorkbook;
  /** Values of the existing report tab (for explanations), or null when there is none. */
  previousReport: CellValue[][] | null;
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

function hasTopLevelComma(formula: string): boolean {
  let quote = false;
  for (const ch of formula) {
    if (ch === "'") quote = !quote;
    else if (ch === "," && !quote) return true;
  }
  return false;
}

/** Bytes one cell takes in a response when values, value types and number formats are loaded. */
const BYTES_PER_CELL = 48;

interface Dims {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}


/** `Blad!$A$1:$O$300001` → sheet, zero-based position and size; null for anything else. */
export function parseRangeAddress(address: string): Dims | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.replace(/^=/, ""));
  if (!m) return null;
  const row = Number(m[4]) - 1, col = colNumber(m[3]);
  const lastRow = m[6] ? Number(m[6]) - 1 : row, lastCol = m[5] ? colNumber(m[5]) : col;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

export interface ReadOptions {
  /** Largest response to ask for; Excel on the web refuses 5 MB. Infinity on desktop Excel. */
  maxResponseBytes?: number;
}

/**
 * Reads every contract range (names and tables): one round trip to discover them, one for their values,
 * formats and the previous report. Where a range is larger than one response may be (Excel on the web),
 * its rows are read in slices that each stay under the limit, in as few further round trips as that allows.
 */
export async function readOfficeSource(context: Excel.RequestContext, reportSheet: string, options: ReadOptions = {}): Promise<OfficeRead & { syncs: number }> {
  const budget = options.maxResponseBytes ?? Infinity;
  const workbook = context.workbook;
  const names = workbook.names.load("items/name,items/type,items/value");
  const tables = workbook.tables.load("items/name");
  const sheets = workbook.worksheets.load("items/name");
  await context.sync();
  let syncs = 1;

  const entries: RangeEntry[] = [];
  const pending: (PendingRange & { dims: Dims | null; whole: boolean })[] = [];
  let firstBatch = 0;
  for (const n of names.items) {
    if (!WANTED.has(canon(n.name))) continue;
    const formula = String(n.value ?? "").replace(/^=/, "");
    if (n.type === "Error" || formula.includes("#REF!")) entries.push({ name: n.name, origin: "name", lookup: { kind: "brokenRef", formula } });
    else if (n.type !== "Range") entries.push({ name: n.name, origin: "name", lookup: { kind: "notCells", formula } });
    else if (hasTopLevelComma(formula)) entries.push({ name: n.name, origin: "name", lookup: { kind: "multiArea", formula } });
    else {
      const dims = parseRangeAddress(formula);
      const bytes = dims ? dims.rows * dims.cols * BYTES_PER_CELL : Infinity;
      const whole = budget === Infinity || (bytes <= budget - firstBatch);
      if (whole && bytes !== Infinity) firstBatch += bytes;
      pending.push({ name: n.name, origin: "name", range: n.getRange(), dims, whole });
    }
  }
  for (const t of tables.items) {
    if (WANTED.has(canon(t.name))) pending.push({ name: t.name, origin: "table", range: t.getRange(), dims: null, whole: budget === Infinity });
  }
  for (const p of pending) {
    p.range.load(p.whole ? "values,valueTypes,numberFormat,rowIndex,columnIndex,address" : "rowIndex,columnIndex,rowCount,columnCount,address");
    p.range.worksheet.load("name");
  }
  const previous = workbook.worksheets.getItemOrNullObject(reportSheet);
  const previousUsed = previous.getUsedRangeOrNullObject(true);
  previousUsed.load("values");
  await context.sync();
  syncs++;

  // Large ranges, read in slices of rows that each fit in a response.
  const slices: { owner: number; range: Excel.Range; bytes: number }[] = [];
  pending.forEach((p, index) => {
    if (p.whole) return;
    const r = p.range;
    const rowsPerSlice = Math.max(1, Math.floor(budget / (r.columnCount * BYTES_PER_CELL)));
    for (let start = 0; start < r.rowCount; start += rowsPerSlice) {
      const count = Math.min(rowsPerSlice, r.rowCount - start);
      const address = `${columnLetters(r.columnIndex)}${r.rowIndex + start + 1}:${columnLetters(r.columnIndex + r.columnCount - 1)}${r.rowIndex + start + count}`;
      slices.push({ owner: index, range: r.worksheet.getRange(address), bytes: count * r.columnCount * BYTES_PER_CELL });
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

  pending.forEach((p, index) => {
    const r = p.range;
    let values: unknown[][], types: string[][], formats: string[][];
    if (p.whole) {
      values = r.values as unknown[][];
      types = r.valueTypes as unknown as string[][];
      formats = r.numberFormat as string[][];
    } else {
      const mine = slices.filter((s) => s.owner === index);
      values = mine.flatMap((s) => s.range.values as unknown[][]);
      types = mine.flatMap((s) => s.range.valueTypes as unknown as string[][]);
      formats = mine.flatMap((s) => s.range.numberFormat as string[][]);
    }
    const raw: RawRange = arrayRange({ sheet: r.worksheet.name, row: r.rowIndex, col: r.columnIndex, cells: toCells(values, types, formats), formats });
    entries.push({ name: p.name, origin: p.origin, lookup: { kind: "cells", range: raw } });
  });
  return {
    source: { entries },
    previousReport: previousUsed.isNullObject ? null : (previousUsed.values as CellValue[][]),
    sheetNames: sheets.items.map((s) => s.name),
    syncs,
  };
}
