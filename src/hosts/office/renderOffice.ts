/// <reference types="office-js" />
import { CellStyle, CellValue } from "../../report/model";
import { SheetLayout } from "../../report/layout";
import { columnLetters } from "../../findings/findings";

/** Requests above this many bytes are split (Excel on the web refuses 5 MB). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** What one queued operation costs in a request, roughly, besides its data. */
const OP_BYTES = 200;
const BASE_FONT_SIZE = 10;

/** Text the API would take as a formula (`=`, `+`, `-`, `@`) gets Excel's text prefix, so it stays text. */
export function protectText(v: CellValue): CellValue {
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return "'" + v;
  return v;
}

function address(row: number, col: number, rows = 1, cols = 1): string {
  const a = `${columnLetters(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? a : `${a}:${columnLetters(col + cols - 1)}${row + rows}`;
}

function valueBytes(row: readonly CellValue[]): number {
  let n = 8;
  for (const v of row) n += v === null ? 4 : typeof v === "number" ? 24 : v.length * 2 + 8;
  return n;
}

/** Splits the rows into slices whose serialised values stay under the request limit. */
export function chunkRows(values: readonly (readonly CellValue[])[], limit = MAX_REQUEST_BYTES): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0, size = 0;
  values.forEach((row, i) => {
    const b = valueBytes(row);
    if (size + b > limit && i > start) {
      chunks.push([start, i]);
      start = i;
      size = 0;
    }
    size += b;
  });
  if (start < values.length) chunks.push([start, values.length]);
  return chunks;
}

function applyStyle(range: Excel.Range, s: CellStyle, rows: number, cols: number, supports: (version: string) => boolean): void {
  const f = range.format;
  if (s.size && s.size !== BASE_FONT_SIZE) f.font.size = s.size;
  if (s.bold) f.font.bold = true;
  if (s.italic) f.font.italic = true;
  if (s.color) f.font.color = "#" + s.color;
  if (s.fill) f.fill.color = "#" + s.fill;
  if (s.align) f.horizontalAlignment = s.align === "left" ? "Left" : s.align === "center" ? "Center" : "Right";
  if (s.verticalTop) f.verticalAlignment = "Top";
  if (s.wrap) f.wrapText = true;
  if (s.indent && supports("1.9")) f.indentLevel = s.indent;
  const edge = (name: "EdgeTop" | "EdgeBottom", style: CellStyle["borderTop"]) => {
    if (!style) return;
    const b = f.borders.getItem(name);
    b.style = style === "double" ? "Double" : "Continuous";
    b.weight = style === "medium" ? "Medium" : "Thin";
    b.color = "#7F7F7F";
  };
  edge("EdgeTop", s.borderTop);
  edge("EdgeBottom", s.borderBottom);
  if (s.grid) {
    for (const name of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
      const b = f.borders.getItem(name);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#FFFFFF";
    }
  }
  if (s.numberFormat) range.numberFormat = Array.from({ length: rows }, () => new Array(cols).fill(s.numberFormat));
}

/**
 * Writes the laid-out report (ExcelApi 1.4 at least; gridlines, indents and print layout where 1.8/1.9 exist)
 * into `sheet` (a fresh sheet): values in row chunks, then one format call per style rectangle, merges, widths
 * and print settings; never one call per cell. Queued work is sent whenever the next operation would take the
 * request over `maxRequestBytes`, so no request nears Excel on the web's 5 MB limit; a normal report needs no
 * sync here at all (the caller's one sync sends everything). Returns the number of syncs it made.
 */
export async function writeLayout(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  supports: (version: string) => boolean,
  maxRequestBytes = MAX_REQUEST_BYTES,
): Promise<number> {
  let syncs = 0;
  let pending = 0;
  const spend = async (bytes: number) => {
    if (pending > 0 && pending + bytes > maxRequestBytes) {
      await context.sync();
      syncs++;
      pending = 0;
    }
    pending += bytes;
  };
  for (const [from, to] of chunkRows(layout.values, maxRequestBytes)) {
    const block = layout.values.slice(from, to).map((row) => row.map((v) => (v === null ? "" : protectText(v))));
    await spend(JSON.stringify(block).length + OP_BYTES);
    sheet.getRange(address(from, 0, to - from, layout.colCount)).values = block as (string | number)[][];
  }
  // One base format for the whole report; each style rectangle then sets only what differs from it.
  const whole = sheet.getRange(address(0, 0, Math.max(1, layout.rowCount), layout.colCount)).format;
  whole.font.name = "Calibri";
  whole.font.size = BASE_FONT_SIZE;
  whole.verticalAlignment = "Center";
  for (const rect of layout.styles) {
    const formatBytes = rect.style.numberFormat ? rect.rows * rect.cols * (rect.style.numberFormat.length + 3) : 0;
    await spend(formatBytes + OP_BYTES * 12);
    applyStyle(sheet.getRange(address(rect.row, rect.col, rect.rows, rect.cols)), rect.style, rect.rows, rect.cols, supports);
  }
  for (const m of layout.merges) {
    await spend(OP_BYTES);
    sheet.getRange(address(m.row, m.col, m.rows, m.cols)).merge(false);
  }
  await spend(OP_BYTES * (layout.columnWidths.length + layout.hiddenColumns.length + layout.rowHeights.length + layout.pageBreaks.length + 10));
  layout.columnWidths.forEach((w, c) => {
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = Math.round(w * 5.6 + 5);
  });
  for (const c of layout.hiddenColumns) sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).columnHidden = true;
  for (const { row, height } of layout.rowHeights) sheet.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height;
  if (supports("1.8")) sheet.showGridlines = false;
  if (supports("1.9")) {
    const page = sheet.pageLayout;
    page.orientation = layout.print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    page.paperSize = Excel.PaperType.a4;
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.centerHorizontally = true;
    page.headersFooters.defaultForAllPages.leftFooter = layout.print.footerLeft.replace(/&/g, "&&");
    page.headersFooters.defaultForAllPages.rightFooter = layout.print.footerRight;
    for (const r of layout.pageBreaks) sheet.horizontalPageBreaks.add(`A${r + 1}`);
  }
  return syncs;
}
