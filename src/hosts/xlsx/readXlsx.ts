import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Cell, RangeEntry, RangeLookup, RawRange, SourceWorkbook } from "../../contract/source";
import { UppfoljningError } from "../../findings/errors";
import { checkSignature, definedNames, unsupportedParts } from "./packageParts";
import { classifyFormula } from "./scanXlsx";

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  source: SourceWorkbook;
  /** Swedish names of parts a rewritten copy would lose (charts, pivot tables…). */
  unsupportedParts: string[];
}

/** Loads an .xlsx file, refusing files that are not workbooks, encrypted or in the old format. */
export async function loadXlsx(path: string): Promise<LoadedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch {
    throw new UppfoljningError("FILE_NOT_FOUND", { path });
  }
  return loadXlsxBuffer(bytes, path);
}

/** Loads an .xlsx from memory into ExcelJS's model of the whole workbook; `path` is used in messages only. */
export async function loadXlsxBuffer(bytes: Buffer, path: string): Promise<LoadedWorkbook> {
  checkSignature(bytes, path);
  let zip: JSZip;
  let workbook: ExcelJS.Workbook;
  let workbookXml: string;
  try {
    zip = await JSZip.loadAsync(bytes);
    const entry = zip.file("xl/workbook.xml");
    if (!entry) throw new Error("no workbook part");
    workbookXml = await entry.async("string");
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new UppfoljningError("FILE_NOT_WORKBOOK", { path });
  }
  return { workbook, source: describeWorkbook(workbook, workbookXml), unsupportedParts: unsupportedParts(Object.keys(zip.files)) };
}

/** Resolves a name's formula into cells, or says why it is not a single block of cells. */
export function resolveFormula(workbook: ExcelJS.Workbook, formula: string): RangeLookup {
  const c = classifyFormula(formula, workbook.worksheets.map((w) => w.name));
  if ("kind" in c) return c;
  const ws = workbook.getWorksheet(c.sheet) as ExcelJS.Worksheet;
  const last = Math.max(ws.lastRow?.number ?? c.rect.top, c.rect.top);
  return { kind: "cells", range: readBlock(ws, c.rect.top, c.rect.left, Math.min(c.rect.bottom, last), c.rect.right) };
}

/** Converts one ExcelJS cell value into the host-neutral cell model. */
export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if ("error" in v) return { error: String(v.error) };
  if ("richText" in v && Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = v.result as ExcelJS.CellValue | undefined;
    if (result === undefined || result === null) return { formula: "=" + String(v.formula ?? v.sharedFormula) };
    if (typeof result === "object" && !(result instanceof Date) && "error" in (result as object)) return { error: String((result as { error: string }).error) };
    return toCell(result);
  }
  if ("text" in v) return String(v.text);
  return String(value);
}

/** Reads a block of cells (1-based inclusive bounds) with formats, hidden rows and merged header cells. */
export function readBlock(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): RawRange {
  const cells: Cell[][] = [];
  const formats: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const mergedHeaderCols: number[] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const values: Cell[] = [];
    const fmts: (string | null)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c);
      const isSlave = cell.isMerged && cell.master !== cell;
      values.push(isSlave && r !== top ? null : toCell(cell.value));
      fmts.push(cell.numFmt ?? null);
      if (r === top && cell.isMerged) {
        const master = cell.master;
        const spansColumns = Number(master.col) !== c || ws.getCell(r, c + 1).master === master;
        if (spansColumns) mergedHeaderCols.push(c - left);
      }
    }
    if (row.hidden) hiddenRows.push(r - top);
    cells.push(values);
    formats.push(fmts);
  }
  return { sheet: ws.name, row: top - 1, col: left - 1, cells, formats, hiddenRows, mergedHeaderCols };
}

/** Every workbook-scoped name and table of a loaded workbook, resolved into cells. */
export function describeWorkbook(workbook: ExcelJS.Workbook, workbookXml: string): SourceWorkbook {
  const entries: RangeEntry[] = [];
  for (const { name, formula } of definedNames(workbookXml)) {
    entries.push({ name, origin: "name", lookup: resolveFormula(workbook, formula) });
  }
  workbook.eachSheet((ws) => {
    for (const t of ws.getTables()) {
      const model = (t as unknown as { table?: { name: string; tableRef: string }; model?: { name: string; tableRef: string } });
      const m = model.model ?? model.table;
      if (!m) continue;
      const sheet = ws.name.replace(/'/g, "''");
      entries.push({ name: m.name, origin: "table", lookup: resolveFormula(workbook, `'${sheet}'!${m.tableRef}`) });
    }
  });
  return { entries };
}
