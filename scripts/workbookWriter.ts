import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Cell } from "../src/contract/source";
import { columnLetters, parseA1 as parseCell } from "../src/core/references";

/** A cell as a test or example writes it: a plain value, or a formula with (or without) its cached result. */
export type WrittenCell = Cell | { formula: string; result?: number | string };

/** A contract range written as it looks in a sheet: where it starts and its rows, header first. */
export interface SheetRange {
  sheet?: string;
  /** Top-left cell, A1 by default. */
  at?: string;
  rows: WrittenCell[][];
  formats?: (string | null)[][];
  hiddenRows?: number[];
  table?: boolean;
  /** Merged areas on the sheet, e.g. `A1:B1`. */
  merges?: string[];
  /** The range's sheet is protected (Granska › Skydda blad). */
  protected?: boolean;
}


/** `C7` → zero-based row and column. */
export function parseA1(a1: string): { row: number; col: number } {
  const at = parseCell(a1);
  if (!at) throw new Error(`bad address ${a1}`);
  return { row: at.row - 1, col: at.col - 1 };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Writes ranges to an .xlsx file with workbook-scoped names (or tables), as a user's workbook would be. `sheetScoped`
 * gives ranges (keys of `ranges`) whose name is written with their own sheet's scope instead, under the name given.
 */
export async function writeXlsx(
  file: string,
  ranges: Record<string, SheetRange>,
  extra?: (wb: ExcelJS.Workbook) => void,
  rawNames: Record<string, string> = {},
  sheetScoped: Record<string, string> = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, r] of Object.entries(ranges)) {
    const sheetName = r.sheet ?? name;
    const ws = wb.getWorksheet(sheetName) ?? wb.addWorksheet(sheetName);
    const { row, col } = parseA1(r.at ?? "A1");
    if (r.protected) (ws as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true };
    if (r.table) {
      // An Excel table of that name: header and rows are the table's, and it needs no defined name.
      const [header, ...body] = r.rows;
      ws.addTable({ name, ref: `${columnLetters(col)}${row + 1}`, headerRow: true, columns: header.map((h) => ({ name: String(h) })), rows: body as ExcelJS.CellValue[][] });
      continue;
    }
    r.rows.forEach((cells, i) =>
      cells.forEach((v, j) => {
        const cell = ws.getCell(row + i + 1, col + j + 1);
        cell.value = v as ExcelJS.CellValue;
        const fmt = r.formats?.[i]?.[j];
        if (fmt) cell.numFmt = fmt;
      }),
    );
    for (const h of r.hiddenRows ?? []) ws.getRow(row + h + 1).hidden = true;
    for (const m of r.merges ?? []) ws.mergeCells(m);
    const width = Math.max(...r.rows.map((x) => x.length));
    const ref = `$${columnLetters(col)}$${row + 1}:$${columnLetters(col + width - 1)}$${row + r.rows.length}`;
    wb.definedNames.add(`'${sheetName}'!${ref}`, name);
  }
  extra?.(wb);
  await wb.xlsx.writeFile(file);
  if (Object.keys(rawNames).length || Object.keys(sheetScoped).length) {
    // Names ExcelJS cannot write (broken references, constants, several areas, a sheet's scope) go straight into
    // workbook.xml.
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    let xml = await (zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
    const defs = Object.entries(rawNames).map(([n, f]) => `<definedName name="${escapeXml(n)}">${escapeXml(f)}</definedName>`).join("");
    if (defs) xml = xml.includes("<definedNames>") ? xml.replace("<definedNames>", `<definedNames>${defs}`) : xml.replace("</sheets>", `</sheets><definedNames>${defs}</definedNames>`);
    // localSheetId is the sheet's position in <sheets>, the order the sheets were added in.
    const order = wb.worksheets.map((ws) => ws.name);
    for (const [key, name] of Object.entries(sheetScoped)) {
      const sheet = order.indexOf(ranges[key].sheet ?? key);
      xml = xml.replace(`<definedName name="${escapeXml(key)}">`, `<definedName name="${escapeXml(name)}" localSheetId="${sheet}">`);
    }
    zip.file("xl/workbook.xml", xml);
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  }
  return file;
}

