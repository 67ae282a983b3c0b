/// <reference types="office-js" />
import { CellStyle, CellValue } from "../../report/model";
import { SheetLayout } from "../../report/layout";
import { columnPoints } from "../../report/measure";
import { columnsAddress, rangeAddress } from "../../core/references";

/** Requests above this many bytes are split (Excel on the web refuses 5 MB). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** What one queued operation costs in a request, roughly, besides its data. */
const OP_BYTES = 200;
const BASE_FONT_SIZE = 10;
/** Row height in points of Excel's default font (Calibri 11), the standard height of a new sheet. */
const STANDARD_ROW_HEIGHT = 15;
/** Excel's text number format: a value written into such a cell is kept as the text it is. */
export const TEXT_FORMAT = "@";

/** Text the API would take as a formula (`=`, `+`, `-`, `@`) gets Excel's text prefix, so it stays text. */
export function protectText(v: CellValue): CellValue {
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return "'" + v;
  return v;
}

function valueBytes(row: readonly CellValue[]): number {
  let n = 8;
  for (const v of row) n += v === null ? 4 : typeof v === "number" ? 24 : v.length * 2 + 8;
  return n;
}

/**
 * Splits the rows into slices whose serialised values (and `extra(i)` bytes per row, such as its number formats) stay
 * under the request limit.
 */
export function chunkRows(values: readonly (readonly CellValue[])[], limit = MAX_REQUEST_BYTES, extra: (row: number) => number = () => 0): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0, size = 0;
  values.forEach((row, i) => {
    const b = valueBytes(row) + extra(i);
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

/** Sends queued work whenever the next operation would take the request over the limit; counts the round trips. */
export class RequestBudget {
  syncs = 0;
  private pending = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = MAX_REQUEST_BYTES,
  ) {}
  async spend(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) {
      await this.context.sync();
      this.syncs++;
      this.pending = 0;
    }
    this.pending += bytes;
  }
  /** Sends what is queued: the one round trip a normal report needs. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}

/**
 * Number format of every cell, row by row: the style's format for numbers, and the text format for text, so Excel
 * keeps text as text instead of reading "1" or "6" as numbers or "2024-08-31" as a date (Range.values is parsed like
 * typed input). Text that starts like a formula keeps its format and gets the text prefix instead (protectText).
 */
export function numberFormats(layout: SheetLayout): string[][] {
  const grid = layout.values.map((row) => row.map(() => "General"));
  for (const rect of layout.styles) {
    const f = rect.style.numberFormat;
    if (!f) continue;
    for (let r = rect.row; r < Math.min(rect.row + rect.rows, grid.length); r++) {
      for (let c = rect.col; c < Math.min(rect.col + rect.cols, layout.colCount); c++) grid[r][c] = f;
    }
  }
  layout.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" && v !== "" && protectText(v) === v) grid[r][c] = TEXT_FORMAT;
    }),
  );
  return grid;
}

function applyStyle(range: Excel.Range, s: CellStyle, supports: (version: string) => boolean): void {
  const f = range.format;
  if (s.size && s.size !== BASE_FONT_SIZE) f.font.size = s.size;
  if (s.bold) f.font.bold = true;
  if (s.italic) f.font.italic = true;
  if (s.color) f.font.color = "#" + s.color;
  if (s.fill) f.fill.color = "#" + s.fill;
  if (s.align) f.horizontalAlignment = s.align === "left" ? "Left" : s.align === "center" ? "Center" : "Right";
  if (s.bottom) f.verticalAlignment = "Bottom";
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
}

/**
 * Writes the report's cells into `sheet` (ExcelApi 1.4 at least; indents where 1.9 exists): per row chunk the number
 * formats and then the values (so text stays text), then one format call per style rectangle and the merges; never one
 * call per cell. Queued work is sent through `budget` whenever the request would pass its limit; a normal report
 * needs no round trip here at all (the caller's one sync sends everything).
 */
export async function writeCells(sheet: Excel.Worksheet, layout: SheetLayout, supports: (version: string) => boolean, budget: RequestBudget): Promise<void> {
  const formats = numberFormats(layout);
  const formatBytes = formats.map((row) => JSON.stringify(row).length + 1);
  for (const [from, to] of chunkRows(layout.values, budget.limit - 4 * OP_BYTES, (i) => formatBytes[i])) {
    const block = layout.values.slice(from, to).map((row) => row.map((v) => (v === null ? "" : protectText(v))));
    const fmt = formats.slice(from, to);
    await budget.spend(JSON.stringify(block).length + JSON.stringify(fmt).length + 2 * OP_BYTES);
    const range = sheet.getRange(rangeAddress(from, 0, to - from, layout.colCount));
    range.numberFormat = fmt;
    range.values = block as (string | number)[][];
  }
  // One base format for the whole report; each style rectangle then sets only what differs from it.
  const whole = sheet.getRange(rangeAddress(0, 0, Math.max(1, layout.rowCount), layout.colCount)).format;
  whole.font.name = "Calibri";
  whole.font.size = BASE_FONT_SIZE;
  whole.verticalAlignment = "Top";
  for (const rect of layout.styles) {
    await budget.spend(OP_BYTES * 12);
    applyStyle(sheet.getRange(rangeAddress(rect.row, rect.col, rect.rows, rect.cols)), rect.style, supports);
  }
  for (const m of layout.merges) {
    await budget.spend(OP_BYTES);
    sheet.getRange(rangeAddress(m.row, m.col, m.rows, m.cols)).merge(false);
  }
}

/**
 * What belongs to the sheet rather than its cells: column widths, the hidden key column, row heights, gridlines (1.8)
 * and print layout (1.9). `previous` is the extent of a report being replaced: its columns are unhidden and its page
 * breaks removed first.
 */
/** Consecutive rows of the same height, as runs. */
export function heightRuns(heights: readonly { row: number; height: number }[]): { first: number; last: number; height: number }[] {
  const runs: { first: number; last: number; height: number }[] = [];
  for (const { row, height } of heights) {
    const last = runs[runs.length - 1];
    if (last && last.last === row - 1 && last.height === height) last.last = row;
    else runs.push({ first: row, last: row, height });
  }
  return runs;
}

export async function writeSheetLayout(
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  supports: (version: string) => boolean,
  budget: RequestBudget,
  previous: { rows: number; cols: number } | null = null,
): Promise<void> {
  await budget.spend(OP_BYTES * (layout.columnWidths.length + layout.hiddenColumns.length + heightRuns(layout.rowHeights).length + layout.pageBreaks.length + 20));
  if (previous && previous.cols > 0) sheet.getRange(columnsAddress(0, Math.max(previous.cols, layout.colCount) - 1)).columnHidden = false;
  // Range.format.columnWidth is in points: the layout's character units converted as Excel converts them.
  layout.columnWidths.forEach((w, c) => {
    sheet.getRange(columnsAddress(c)).format.columnWidth = columnPoints(w);
  });
  for (const c of layout.hiddenColumns) sheet.getRange(columnsAddress(c)).columnHidden = true;
  if (previous && previous.rows > 0) {
    // Rows of the previous report keep their heights through copyFrom and clear(): they are reset first, so that
    // only the new report's heights remain. useStandardHeight "is only intended to be set to true" (ExcelApi 1.7);
    // before it, 15 points, the standard height of Excel's default font.
    const rows = sheet.getRange(`1:${Math.max(previous.rows, layout.rowCount, 1)}`).format;
    if (supports("1.7")) rows.useStandardHeight = true;
    else rows.rowHeight = STANDARD_ROW_HEIGHT;
  }
  // Every row has its height; consecutive rows of one height are set in one call.
  for (const run of heightRuns(layout.rowHeights)) sheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.height;
  if (supports("1.8")) sheet.showGridlines = false;
  if (supports("1.9")) {
    const page = sheet.pageLayout;
    page.orientation = layout.print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    page.paperSize = Excel.PaperType.a4;
    // "Print page scale value can be between 10 and 400" (PageLayoutZoomOptions.scale, ExcelApi 1.9): the layout's
    // own scale, so that Excel's pages end where the layout decided (it paginated at this scale).
    page.zoom = { scale: layout.print.scale };
    const m = layout.print.margins;
    page.leftMargin = m.left * 72;
    page.rightMargin = m.right * 72;
    page.topMargin = m.top * 72;
    page.bottomMargin = m.bottom * 72;
    page.headerMargin = m.header * 72;
    page.footerMargin = m.footer * 72;
    page.centerHorizontally = true;
    page.setPrintArea(rangeAddress(0, 0, Math.max(1, layout.print.area.rows), Math.max(1, layout.print.area.cols)));
    page.headersFooters.defaultForAllPages.leftFooter = layout.print.footerLeft.replace(/&/g, "&&");
    page.headersFooters.defaultForAllPages.rightFooter = layout.print.footerRight;
    if (previous) sheet.horizontalPageBreaks.removePageBreaks();
    for (const r of layout.pageBreaks) sheet.horizontalPageBreaks.add(`A${r + 1}`);
  }
}
