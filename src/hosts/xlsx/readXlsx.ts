import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Cell, RangeEntry, RangeLookup, RawRange, SourceWorkbook } from "../../contract/source";
import { UppfoljningError } from "../../findings/errors";

/** Parts of an .xlsx that ExcelJS cannot write back, with the Swedish words for them. */
const UNSUPPORTED_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, "diagram"],
  [/^xl\/chartsheets\//, "diagramblad"],
  [/^xl\/pivotTables\//, "pivottabeller"],
  [/^xl\/vbaProject\.bin$/, "makron"],
  [/^xl\/slicers\//, "utsnitt"],
  [/^xl\/timelines\//, "tidslinjer"],
  [/^xl\/externalLinks\//, "länkar till andra arbetsböcker"],
  [/^xl\/ctrlProps\//, "formulärkontroller"],
];

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

/** Loads an .xlsx from memory; `path` is used in messages only. */
export async function loadXlsxBuffer(bytes: Buffer, path: string): Promise<LoadedWorkbook> {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) {
    const encrypted = bytes.includes(Buffer.from("EncryptedPackage", "utf16le"));
    throw new UppfoljningError(encrypted ? "FILE_ENCRYPTED" : "FILE_LEGACY_FORMAT", { path });
  }
  if (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x504b0304) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path });
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
  const unsupported = new Set<string>();
  for (const name of Object.keys(zip.files)) {
    for (const [re, word] of UNSUPPORTED_PARTS) if (re.test(name)) unsupported.add(word);
  }
  return { workbook, source: describeWorkbook(workbook, workbookXml), unsupportedParts: [...unsupported] };
}

interface DefinedName {
  name: string;
  formula: string;
}

function xmlUnescape(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Workbook-scoped defined names, read from the XML itself so broken and constant names are seen too. */
function definedNames(workbookXml: string): DefinedName[] {
  const names: DefinedName[] = [];
  const re = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(workbookXml))) {
    const attrs = m[1];
    if (/\blocalSheetId=/.test(attrs)) continue;
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (!name || name.startsWith("_xlnm.")) continue;
    names.push({ name: xmlUnescape(name), formula: xmlUnescape(m[2]).trim() });
  }
  return names;
}

const REF = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;
const COLUMN_REF = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Resolves a name's formula into cells, or says why it is not a single block of cells. */
export function resolveFormula(workbook: ExcelJS.Workbook, formula: string): RangeLookup {
  const f = formula.replace(/^=/, "").trim();
  if (f.includes("#REF!")) return { kind: "brokenRef", formula: f };
  const single = REF.exec(f);
  const columns = single ? null : COLUMN_REF.exec(f);
  if (!single && !columns) {
    const parts = splitTopLevel(f);
    if (parts.length > 1 && parts.every((p) => REF.test(p) || COLUMN_REF.test(p))) return { kind: "multiArea", formula: f };
    return { kind: "notCells", formula: f };
  }
  const m = (single ?? columns) as RegExpExecArray;
  const sheetName = (m[1] ?? m[2]).replace(/''/g, "'");
  const ws = workbook.getWorksheet(sheetName);
  if (!ws) return { kind: "brokenRef", formula: f };
  let top: number, left: number, bottom: number, right: number;
  if (single) {
    top = Number(m[4]);
    left = colNumber(m[3]);
    bottom = m[6] ? Number(m[6]) : top;
    right = m[5] ? colNumber(m[5]) : left;
  } else {
    top = 1;
    left = colNumber(m[3]);
    right = colNumber(m[4]);
    bottom = Math.max(1, ws.actualRowCount ? ws.lastRow?.number ?? 1 : 1);
  }
  if (bottom < top) [top, bottom] = [bottom, top];
  if (right < left) [left, right] = [right, left];
  bottom = Math.min(bottom, Math.max(ws.lastRow?.number ?? top, top));
  return { kind: "cells", range: readBlock(ws, top, left, bottom, right) };
}

function splitTopLevel(f: string): string[] {
  const parts: string[] = [];
  let depth = 0, quote = false, start = 0;
  for (let i = 0; i < f.length; i++) {
    const ch = f[i];
    if (ch === "'") quote = !quote;
    else if (!quote && ch === "(") depth++;
    else if (!quote && ch === ")") depth--;
    else if (!quote && depth === 0 && ch === ",") {
      parts.push(f.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(f.slice(start));
  return parts.map((p) => p.trim().replace(/^\(|\)$/g, ""));
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
