/**
 * A fast reader of the contract's ranges straight from the .xlsx package: names, tables, styles and shared
 * strings from their XML parts, and only the rows inside the contract's ranges from the sheets, parsed as a
 * stream. It never builds ExcelJS's model of the whole workbook, so a ledger of 300 000 rows is read in
 * seconds and a few hundred MB. The result is the same host-neutral `SourceWorkbook` as `readXlsx.ts` gives.
 */
import * as fs from "fs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { Cell, RangeEntry, RangeLookup, RawRange, SourceWorkbook } from "../../contract/source";
import { UppfoljningError } from "../../findings/errors";
import { checkSignature, definedNames, unsupportedParts } from "./packageParts";

interface SheetPart {
  name: string;
  path: string;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Built-in number formats that matter here: percentages and dates. */
const BUILTIN_FORMATS: Record<number, string> = {
  9: "0%", 10: "0.00%", 14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
};

/** True for number formats that show dates or times. */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  const f = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[dy]/i.test(f) || /h+[:.]?m|m+[:.]s/i.test(f);
}

function attr(tagAttrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tagAttrs);
  return m ? unescapeXml(m[1]) : null;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&");
}

async function text(zip: JSZip, part: string): Promise<string | null> {
  const f = zip.file(part);
  return f ? f.async("string") : null;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

function relsOf(xml: string | null, base: string): Map<string, string> {
  const map = new Map<string, string>();
  if (!xml) return map;
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    if (id && target) map.set(id, resolvePart(base, target));
  }
  return map;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const REF = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;
const COLUMN_REF = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/;

/** Where a name's formula points: a sheet and a rectangle (1-based, inclusive), or why not. */
export function classifyFormula(formula: string, sheetNames: readonly string[]): { sheet: string; rect: Rect } | Exclude<RangeLookup, { kind: "cells" }> {
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
  const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
  if (!sheetNames.includes(sheet)) return { kind: "brokenRef", formula: f };
  let rect: Rect;
  if (single) {
    const top = Number(m[4]), left = colNumber(m[3]);
    const bottom = m[6] ? Number(m[6]) : top, right = m[5] ? colNumber(m[5]) : left;
    rect = { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
  } else {
    const left = colNumber(m[3]), right = colNumber(m[4]);
    rect = { top: 1, left: Math.min(left, right), bottom: 1_048_576, right: Math.max(left, right) };
  }
  return { sheet, rect };
}

/** Splits a formula at top-level commas (outside quotes and parentheses). */
export function splitTopLevel(f: string): string[] {
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

/** Number format of each cell style (index in cellXfs). */
function styleFormats(xml: string | null): (string | null)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = attr(m[1], "numFmtId");
    const code = attr(m[1], "formatCode");
    if (id !== null && code !== null) custom.set(Number(id), code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...cellXfs.matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => {
    const id = Number(attr(m[1], "numFmtId") ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? null;
  });
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    const body = m[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
    let s = "";
    for (const t of body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) s += t[1] ? unescapeXml(t[1]) : "";
    out.push(s);
  }
  return out;
}

/** Streams one sheet's XML and keeps the cells inside the rectangles asked for. */
async function readSheet(zip: JSZip, part: string, rects: Rect[], strings: string[], formats: (string | null)[]): Promise<Map<Rect, RawRange & { sheetName?: string }>> {
  const file = zip.file(part);
  const out = new Map<Rect, RawRange>();
  if (!file) return out;
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const left = Math.min(...rects.map((r) => r.left));
  const right = Math.max(...rects.map((r) => r.right));
  const rows = new Map<number, Map<number, { value: Cell; format: string | null }>>();
  const hidden = new Set<number>();
  const merges: Rect[] = [];
  let lastRow = top;

  const parser = new SaxesParser();
  let rowNumber = 0, inRow = false, keepRow = false;
  let cellCol = 0, cellType = "", cellStyle = 0, keepCell = false;
  let buffer = "", target: "v" | "f" | "t" | null = null, value: string | null = null, formula: string | null = null, inline = "";
  let nextCol = 1;
  parser.on("opentag", (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case "row":
        rowNumber = a.r ? Number(a.r) : rowNumber + 1;
        inRow = true;
        nextCol = 1;
        keepRow = rowNumber >= top && rowNumber <= bottom;
        if (keepRow && (a.hidden === "1" || a.hidden === "true")) hidden.add(rowNumber);
        break;
      case "c": {
        const ref = a.r;
        cellCol = ref ? colNumber(ref.replace(/\d+$/, "")) : nextCol;
        nextCol = cellCol + 1;
        cellType = a.t ?? "n";
        cellStyle = a.s ? Number(a.s) : 0;
        keepCell = keepRow && cellCol >= left && cellCol <= right;
        value = null;
        formula = null;
        inline = "";
        break;
      }
      case "v":
        target = keepCell ? "v" : null;
        buffer = "";
        break;
      case "f":
        target = keepCell ? "f" : null;
        buffer = "";
        if (keepCell && formula === null) formula = "";
        break;
      case "t":
        target = keepCell && cellType === "inlineStr" ? "t" : null;
        buffer = "";
        break;
      case "mergeCell": {
        const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a.ref ?? "");
        if (m) merges.push({ top: Number(m[2]), left: colNumber(m[1]), bottom: Number(m[4]), right: colNumber(m[3]) });
        break;
      }
    }
  });
  parser.on("text", (t) => {
    if (target) buffer += t;
  });
  parser.on("closetag", (tag) => {
    switch (tag.name) {
      case "v":
        if (target === "v") value = buffer;
        target = null;
        break;
      case "f":
        if (target === "f") formula = buffer;
        target = null;
        break;
      case "t":
        if (target === "t") inline += buffer;
        target = null;
        break;
      case "c": {
        if (!keepCell) break;
        const format = formats[cellStyle] ?? null;
        let cell: Cell = null;
        if (cellType === "inlineStr") cell = inline;
        else if (value === null) cell = formula !== null ? { formula: "=" + (formula || "(delad formel)") } : null;
        else if (cellType === "s") cell = strings[Number(value)] ?? "";
        else if (cellType === "str") cell = value;
        else if (cellType === "b") cell = value === "1" || value === "true";
        else if (cellType === "e") cell = { error: value };
        else {
          const n = Number(value);
          cell = isDateFormat(format) && Number.isFinite(n) ? new Date(Math.round((n - 25569) * 86400000)) : n;
        }
        if (cell !== null || format) {
          let row = rows.get(rowNumber);
          if (!row) rows.set(rowNumber, (row = new Map()));
          if (rowNumber > lastRow) lastRow = rowNumber;
          row.set(cellCol, { value: cell, format });
        }
        keepCell = false;
        break;
      }
      case "row":
        inRow = false;
        break;
    }
  });
  void inRow;

  await new Promise<void>((resolve, reject) => {
    const decoder = new TextDecoder("utf-8");
    const stream = file.nodeStream("nodebuffer");
    stream.on("data", (chunk: Buffer) => {
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (e) {
        reject(e);
      }
    });
    stream.on("end", () => {
      try {
        parser.write(decoder.decode());
        parser.close();
        resolve();
      } catch (e) {
        reject(e);
      }
    });
    stream.on("error", reject);
  });

  for (const rect of rects) {
    const bottomRow = Math.min(rect.bottom, Math.max(lastRow, rect.top));
    const cells: Cell[][] = [];
    const fmts: (string | null)[][] = [];
    for (let r = rect.top; r <= bottomRow; r++) {
      const row = rows.get(r);
      const vals: Cell[] = [];
      const fr: (string | null)[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const x = row?.get(c);
        vals.push(x ? x.value : null);
        fr.push(x ? x.format : null);
      }
      cells.push(vals);
      fmts.push(fr);
    }
    const mergedHeaderCols: number[] = [];
    for (const m of merges) {
      if (m.top <= rect.top && m.bottom >= rect.top && m.right > m.left) {
        for (let c = Math.max(m.left, rect.left); c <= Math.min(m.right, rect.right); c++) mergedHeaderCols.push(c - rect.left);
        // Only the first cell of a merge holds the value; repeat it so the header reads as in Excel's model.
        const first = cells[0]?.[m.left - rect.left];
        for (let c = m.left + 1; c <= Math.min(m.right, rect.right); c++) if (cells[0] && c >= rect.left) cells[0][c - rect.left] = first ?? null;
      }
    }
    out.set(rect, {
      sheet: "",
      row: rect.top - 1,
      col: rect.left - 1,
      cells,
      formats: fmts,
      hiddenRows: [...hidden].filter((r) => r >= rect.top && r <= bottomRow).map((r) => r - rect.top),
      mergedHeaderCols,
    });
  }
  return out;
}

export interface ScannedWorkbook {
  /** The file as read, for copying. */
  bytes: Buffer;
  source: SourceWorkbook;
  sheetNames: string[];
  unsupportedParts: string[];
  /** Reads every value of one sheet (the previous report, for its explanations). */
  readWholeSheet(name: string): Promise<(string | number | null)[][] | null>;
}

/** Reads the contract ranges of an .xlsx file without loading the whole workbook. */
export async function scanXlsx(path: string): Promise<ScannedWorkbook> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch {
    throw new UppfoljningError("FILE_NOT_FOUND", { path });
  }
  checkSignature(bytes, path);
  let zip: JSZip;
  let workbookXml: string | null;
  try {
    zip = await JSZip.loadAsync(bytes);
    workbookXml = await text(zip, "xl/workbook.xml");
    if (!workbookXml) throw new Error("no workbook part");
  } catch {
    throw new UppfoljningError("FILE_NOT_WORKBOOK", { path });
  }
  const rels = relsOf(await text(zip, "xl/_rels/workbook.xml.rels"), "xl/workbook.xml");
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], "name");
    const id = attr(m[1], "r:id");
    const target = id ? rels.get(id) : undefined;
    if (name && target) sheets.push({ name, path: target });
  }
  const sheetNames = sheets.map((s) => s.name);
  const formats = styleFormats(await text(zip, "xl/styles.xml"));
  const strings = sharedStrings(await text(zip, "xl/sharedStrings.xml"));

  interface Wanted { name: string; origin: "name" | "table"; sheet: string; rect: Rect }
  const wanted: Wanted[] = [];
  const entries: RangeEntry[] = [];
  for (const { name, formula } of definedNames(workbookXml)) {
    const c = classifyFormula(formula, sheetNames);
    if ("kind" in c) entries.push({ name, origin: "name", lookup: c });
    else wanted.push({ name, origin: "name", ...c });
  }
  for (const sheet of sheets) {
    const sheetRels = relsOf(await text(zip, sheet.path.replace(/([^/]+)$/, "_rels/$1.rels")), sheet.path);
    for (const target of sheetRels.values()) {
      if (!/\/tables\/[^/]+\.xml$/.test(target)) continue;
      const xml = await text(zip, target);
      const head = xml ? /<table\b([^>]*)>/.exec(xml)?.[1] : undefined;
      if (!head) continue;
      const name = attr(head, "displayName") ?? attr(head, "name");
      const ref = attr(head, "ref");
      if (!name || !ref) continue;
      const c = classifyFormula(`'${sheet.name.replace(/'/g, "''")}'!${ref}`, sheetNames);
      if (!("kind" in c)) wanted.push({ name, origin: "table", ...c });
    }
  }
  const bySheet = new Map<string, Wanted[]>();
  for (const w of wanted) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  for (const [sheetName, list] of bySheet) {
    const part = sheets.find((s) => s.name === sheetName) as SheetPart;
    const read = await readSheet(zip, part.path, list.map((w) => w.rect), strings, formats);
    for (const w of list) {
      const raw = read.get(w.rect) as RawRange;
      entries.push({ name: w.name, origin: w.origin, lookup: { kind: "cells", range: { ...raw, sheet: sheetName } } });
    }
  }

  return {
    bytes,
    source: { entries },
    sheetNames,
    unsupportedParts: unsupportedParts(Object.keys(zip.files)),
    async readWholeSheet(name: string) {
      const part = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!part) return null;
      const rect = { top: 1, left: 1, bottom: 100_000, right: 64 };
      const raw = (await readSheet(zip, part.path, [rect], strings, formats)).get(rect) as RawRange;
      return raw.cells.map((row) => row.map((v) => (typeof v === "string" || typeof v === "number" ? v : v === null ? null : String(v))));
    },
  };
}
