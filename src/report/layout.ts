import { REPORT_MARKER } from "../contract/reportSheetPolicy";
import { CellStyle, CellValue, ReportModel } from "./model";

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface StyledRect extends Rect {
  style: CellStyle;
}

/** The report placed on a grid: what a host writes, block by block, with no decisions left. */
export interface SheetLayout {
  sheetName: string;
  rowCount: number;
  colCount: number;
  /** Every cell's value, row-major, `rowCount × colCount`. */
  values: CellValue[][];
  /** Styles as rectangles: cells side by side (and rows below) with the same style share one. */
  styles: StyledRect[];
  merges: Rect[];
  columnWidths: number[];
  hiddenColumns: number[];
  rowHeights: { row: number; height: number }[];
  /** Rows that start a new printed page. */
  pageBreaks: number[];
  print: ReportModel["print"];
  explanationColumn: number;
  keyColumn: number;
}

/** A style's identity as text; cells of one block share their style objects, so each is stringified once. */
function styleKeyOf(cache: WeakMap<CellStyle, string>, s: CellStyle): string {
  let key = cache.get(s);
  if (key === undefined) {
    key = JSON.stringify(s, Object.keys(s).sort());
    cache.set(s, key);
  }
  return key;
}

/**
 * "Total number of characters that a cell can contain: 32,767 characters" (Excel specifications and limits,
 * https://support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3); Excel counts UTF-16 code units ("A
 * surrogate character counts as multiple characters toward the maximum character limit", Excel.CalcErrorCellValueSubType).
 */
export const MAX_CELL_CHARS = 32_767;

/** A report cell's text within Excel's limit: longer text (a composed line around a user's long text) ends in "…". */
export function fitCell(v: CellValue): CellValue {
  if (typeof v !== "string" || v.length <= MAX_CELL_CHARS) return v;
  let cut = MAX_CELL_CHARS - 1;
  const code = v.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return v.slice(0, cut) + "…";
}

/** Places the report model on a grid and groups equal styles into as few rectangles as possible. */
export function layoutReport(model: ReportModel): SheetLayout {
  const colCount = model.columnWidths.length;
  const values: CellValue[][] = [];
  const styleGrid: (CellStyle | null)[][] = [];
  const merges: Rect[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  const pageBreaks: number[] = [];
  for (const block of model.blocks) {
    if (block.pageBreakBefore && values.length > 0) pageBreaks.push(values.length);
    for (const row of block.rows) {
      const r = values.length;
      const vals: CellValue[] = new Array(colCount).fill(null);
      const sty: (CellStyle | null)[] = new Array(colCount).fill(null);
      let col = 0;
      for (const cell of row.cells) {
        if (col >= colCount) break;
        const span = Math.min(cell.span ?? 1, colCount - col);
        vals[col] = fitCell(cell.value);
        for (let c = col; c < col + span; c++) sty[c] = cell.style && Object.keys(cell.style).length ? cell.style : null;
        if (span > 1) merges.push({ row: r, col, rows: 1, cols: span });
        col += span;
      }
      values.push(vals);
      styleGrid.push(sty);
      if (row.height) rowHeights.push({ row: r, height: row.height });
    }
  }
  if (values.length > 0) values[0][model.keyColumn] = REPORT_MARKER;
  return {
    sheetName: model.sheetName,
    rowCount: values.length,
    colCount,
    values,
    styles: coalesce(styleGrid),
    merges,
    columnWidths: model.columnWidths,
    hiddenColumns: [model.keyColumn],
    rowHeights,
    pageBreaks,
    print: model.print,
    explanationColumn: model.explanationColumn,
    keyColumn: model.keyColumn,
  };
}

/** Horizontal runs of equal style, then equal runs stacked in consecutive rows merged into one rectangle. */
function coalesce(grid: (CellStyle | null)[][]): StyledRect[] {
  const open = new Map<string, StyledRect>();
  const done: StyledRect[] = [];
  const keys = new WeakMap<CellStyle, string>();
  const styleKey = (s: CellStyle) => styleKeyOf(keys, s);
  grid.forEach((row, r) => {
    const seen = new Set<string>();
    let c = 0;
    while (c < row.length) {
      const s = row[c];
      if (!s) {
        c++;
        continue;
      }
      const key = styleKey(s);
      let end = c + 1;
      while (end < row.length && row[end] && styleKey(row[end] as CellStyle) === key) end++;
      const id = `${c}:${end}:${key}`;
      const prev = open.get(id);
      if (prev && prev.row + prev.rows === r) prev.rows++;
      else {
        if (prev) done.push(prev);
        open.set(id, { row: r, col: c, rows: 1, cols: end - c, style: s });
      }
      seen.add(id);
      c = end;
    }
    for (const [id, rect] of open) {
      if (!seen.has(id)) {
        done.push(rect);
        open.delete(id);
      }
    }
  });
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}
