/// <reference types="office-js" />
import { Cell, RangeEntry, RawRange, SourceWorkbook } from "../../contract/source";
import { canon } from "../../contract/text";
import { CONTRACT_RANGES } from "../../contract/readContract";
import { CellValue } from "../../report/model";

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

/**
 * Reads every contract range (names and tables) in two round trips, whatever their number and size:
 * one to discover names and tables, one for all values, formats and the previous report.
 */
export async function readOfficeSource(context: Excel.RequestContext, reportSheet: string): Promise<OfficeRead> {
  const workbook = context.workbook;
  const names = workbook.names.load("items/name,items/type,items/value");
  const tables = workbook.tables.load("items/name");
  const sheets = workbook.worksheets.load("items/name");
  await context.sync();

  const entries: RangeEntry[] = [];
  const pending: PendingRange[] = [];
  for (const n of names.items) {
    if (!WANTED.has(canon(n.name))) continue;
    const formula = String(n.value ?? "").replace(/^=/, "");
    if (n.type === "Error" || formula.includes("#REF!")) entries.push({ name: n.name, origin: "name", lookup: { kind: "brokenRef", formula } });
    else if (n.type !== "Range") entries.push({ name: n.name, origin: "name", lookup: { kind: "notCells", formula } });
    else if (hasTopLevelComma(formula)) entries.push({ name: n.name, origin: "name", lookup: { kind: "multiArea", formula } });
    else pending.push({ name: n.name, origin: "name", range: n.getRange() });
  }
  for (const t of tables.items) {
    if (WANTED.has(canon(t.name))) pending.push({ name: t.name, origin: "table", range: t.getRange() });
  }
  for (const p of pending) {
    p.range.load("values,valueTypes,numberFormat,rowIndex,columnIndex");
    p.range.worksheet.load("name");
  }
  const previous = workbook.worksheets.getItemOrNullObject(reportSheet);
  const previousUsed = previous.getUsedRangeOrNullObject(true);
  previousUsed.load("values");
  await context.sync();

  for (const p of pending) {
    const r = p.range;
    const raw: RawRange = {
      sheet: r.worksheet.name,
      row: r.rowIndex,
      col: r.columnIndex,
      cells: toCells(r.values as unknown[][], r.valueTypes as unknown as string[][], r.numberFormat as string[][]),
      formats: r.numberFormat as string[][],
    };
    entries.push({ name: p.name, origin: p.origin, lookup: { kind: "cells", range: raw } });
  }
  return {
    source: { entries },
    previousReport: previousUsed.isNullObject ? null : (previousUsed.values as CellValue[][]),
    sheetNames: sheets.items.map((s) => s.name),
  };
}
