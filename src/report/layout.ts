/**
 * The report placed on a sheet and on printed pages, with no decision left to the hosts: column widths from the
 * cells' content, text wrapped into lines at word boundaries (so every host breaks where the report did), every
 * row's height, prose set in a readable measure, the print scale that fits the columns on an A4 page, and the page
 * breaks, with a table that continues repeating its header row under "<section> (forts.)".
 */
import { REPORT_MARKER } from "../contract/reportSheetPolicy";
import { columnLetters } from "../core/references";
import { CellStyle, CellValue, ReportBlock, ReportCell, ReportModel, ReportRow } from "./model";
import { columnPoints, displayText, lineHeight, textWidth, widthForPoints, wrapLines } from "./measure";
import { isContinuation, paginate } from "./paginate";
import { ChartPlacement, chartKeeps, placeCharts } from "./chartLayout";

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface StyledRect extends Rect {
  style: CellStyle;
}

/** Page margins in inches, as Excel's page set-up takes them. */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface PrintLayout {
  orientation: "landscape" | "portrait";
  footerLeft: string;
  footerRight: string;
  /** Print scale in per cent (10–100), chosen so the printed columns fit the page's width. */
  scale: number;
  margins: Margins;
  /** The printed area: the first `rows` rows and `cols` columns. Notices and the key column stay off paper. */
  area: { rows: number; cols: number };
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
  /** Column widths in Excel's character units (the `<col width>` of SpreadsheetML). */
  columnWidths: number[];
  hiddenColumns: number[];
  /** The height of every row, in points. */
  rowHeights: { row: number; height: number }[];
  /** Rows that start a new printed page. */
  pageBreaks: number[];
  print: PrintLayout;
  explanationColumn: number;
  keyColumn: number;
  /** The charts, placed over their bands and drawn from ranges of this sheet (chartLayout.ts). */
  charts: ChartPlacement[];
}

const BASE_SIZE = 10;
/** The narrowest and widest label column, and the widest figure column, in points. */
const LABEL_MIN = 150;
const LABEL_MAX = 215;
const FIGURE_MIN = 42;
const FIGURE_MAX = 110;
const EXPLANATION_WIDTH = 40;
const KEY_WIDTH = 12;
/** A readable measure for prose: about 100 characters of Calibri 10 to a line. */
const MEASURE_POINTS = 470;
/**
 * Text is measured a little inside its cell's width, so that no host's rounding breaks a line the report kept: a
 * header's breaks are written in, so it gets more room; other text is only counted, to give its row the height.
 */
const WRAP_SAFETY = 0.94;
const TEXT_SAFETY = 0.97;
/** Points a cell keeps free beside its text. */
const CELL_PAD = 6;
/** Rows shorter than this look cramped. */
const MIN_ROW = 15;

/** A4 in points, and the report's margins. */
const A4 = { long: 841.89, short: 595.28 };
const MARGINS: Margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };
/** What pagination leaves unused of each page, for hosts that round row heights to whole pixels. */
const PAGE_SAFETY = 0.96;
/**
 * What the print scale leaves unused of the page's width. LibreOffice lays a column out about 9 % wider than Excel's
 * pixel rule (columnPoints) says, with Carlito's digits for Calibri's: a report of nine figure columns, 752 of the
 * page's 770 points by that rule, lost its last column there up to a scale of 93 %.
 */
const WIDTH_SAFETY = 0.9;

function sizeOf(style: CellStyle | undefined): number {
  return style?.size ?? BASE_SIZE;
}

/** The width a single-column cell asks of its column, in points: its text, or its longest word when it wraps. */
function demand(cell: ReportCell, role: ReportRow["role"]): number {
  if (cell.value === null || cell.value === "") return 0;
  const text = displayText(cell.value, cell.style?.numberFormat);
  const size = sizeOf(cell.style);
  const bold = !!cell.style?.bold;
  if (role === "header") return twoLineWidth(text, size, bold) / WRAP_SAFETY + CELL_PAD;
  if (cell.style?.wrap) {
    // The widest word, in a loop: a long text has more words than a call takes arguments.
    let widest = 0;
    for (const w of text.split(/[\s\n]+/)) widest = Math.max(widest, textWidth(w, size, bold));
    return widest / WRAP_SAFETY + CELL_PAD;
  }
  return textWidth(text, size, bold) + CELL_PAD + (cell.style?.indent ?? 0) * 9;
}

/** The narrowest width in which a header breaks into at most two lines at its spaces ("Budget jan–aug" / "2024"). */
function twoLineWidth(text: string, size: number, bold: boolean): number {
  const words = text.split(" ");
  let best = textWidth(text, size, bold);
  for (let i = 1; i < words.length; i++) {
    best = Math.min(best, Math.max(textWidth(words.slice(0, i).join(" "), size, bold), textWidth(words.slice(i).join(" "), size, bold)));
  }
  return best;
}

interface Sized {
  widths: number[];
  points: number[];
}

/** Column widths from what the cells in each column need; the label column wraps what is longer than its cap. */
function sizeColumns(model: ReportModel): Sized {
  const n = model.columnCount;
  const need = new Array<number>(n).fill(0);
  for (const block of model.blocks) {
    if (block.fitsColumns) continue;
    for (const row of block.rows) {
      if (row.role === "section" || row.role === "title" || row.role === "text" || row.role === "note") continue;
      let col = 0;
      for (const cell of row.cells) {
        const span = cell.span === "measure" ? n : cell.span ?? 1;
        if (span === 1 && col < n) need[col] = Math.max(need[col], demand(cell, row.role));
        col += span;
      }
    }
  }
  const points = need.map((p, c) => {
    if (c === 0) return Math.min(LABEL_MAX, Math.max(LABEL_MIN, p));
    if (c === model.explanationColumn) return columnPoints(EXPLANATION_WIDTH);
    if (c === model.keyColumn) return columnPoints(KEY_WIDTH);
    return Math.min(FIGURE_MAX, Math.max(FIGURE_MIN, p));
  });
  const widths = points.map((p, c) => (c === model.explanationColumn ? EXPLANATION_WIDTH : c === model.keyColumn ? KEY_WIDTH : widthForPoints(p)));
  return { widths, points: widths.map(columnPoints) };
}

/** How many columns from `col` a line of prose spans: enough for the readable measure, never past the figures. */
function measureSpan(points: number[], col: number, lastFigure: number): number {
  let total = 0;
  let c = col;
  while (c <= lastFigure) {
    total += points[c];
    c++;
    if (total >= MEASURE_POINTS) break;
  }
  return c - col;
}

/** A row with its spans resolved, its text wrapped into explicit lines and its height decided. */
function settleRow(row: ReportRow, points: number[], lastFigure: number): ReportRow {
  const cells: ReportCell[] = [];
  let col = 0;
  let height = 0;
  for (const cell of row.cells) {
    const span = cell.span === "measure" ? measureSpan(points, col, lastFigure) : cell.span ?? 1;
    const width = points.slice(col, col + span).reduce((a, b) => a + b, 0) - CELL_PAD;
    const size = sizeOf(cell.style);
    let value = cell.value;
    let lines = 1;
    if (typeof value === "string" && (cell.style?.wrap || row.role === "header") && value !== "") {
      // Lines are counted in a slightly narrower width than the cell's, so a host breaks into as many lines or
      // fewer and the row is tall enough. A header's own words get their breaks written in, so that every host
      // breaks "Budget jan–aug 2024" at a space and never at its dash; other text (the user's among it) is kept as is.
      const wrapped = wrapLines(value, width * (row.role === "header" ? WRAP_SAFETY : TEXT_SAFETY), size, !!cell.style?.bold);
      if (row.role === "header") value = wrapped.join("\n");
      lines = wrapped.length;
    }
    height = Math.max(height, lines * lineHeight(size) + (lines > 1 ? 3 : 0));
    cells.push(span === 1 ? { ...cell, value, span: undefined } : { ...cell, value, span });
    col += span;
  }
  const own = row.height ?? 0;
  return { ...row, cells, height: Math.min(MAX_ROW_HEIGHT, Math.max(MIN_ROW, Math.ceil(Math.max(own, height + 2) * 4) / 4)) };
}

/** "Row height: 409 points" (Excel specifications and limits): a taller row is refused. */
const MAX_ROW_HEIGHT = 409;

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

/** Styles shared by reference within a block are stringified once. */
function styleKeyOf(cache: WeakMap<CellStyle, string>, s: CellStyle): string {
  let key = cache.get(s);
  if (key === undefined) {
    key = JSON.stringify(s, Object.keys(s).sort());
    cache.set(s, key);
  }
  return key;
}

/** Places the report model on a grid and on pages, and groups equal styles into as few rectangles as possible. */
export function layoutReport(model: ReportModel): SheetLayout {
  const colCount = model.columnCount;
  const lastFigure = model.explanationColumn - 1;
  const { widths, points } = sizeColumns(model);
  const printCols = model.explanationsWritten ? model.explanationColumn + 1 : model.explanationColumn;
  const printedWidth = points.slice(0, printCols).reduce((a, b) => a + b, 0);
  const pageWidth = A4.long - (MARGINS.left + MARGINS.right) * 72;
  const pageHeight = A4.short - (MARGINS.top + MARGINS.bottom) * 72;
  const scale = Math.max(10, Math.min(100, Math.floor(((pageWidth * WIDTH_SAFETY) / printedWidth) * 100)));
  const capacity = ((pageHeight * 100) / scale) * PAGE_SAFETY;

  const settled = (b: ReportBlock): ReportBlock => ({ ...b, rows: b.rows.map((r) => settleRow(r, points, lastFigure)) });
  const printed = model.blocks.filter((b) => !b.screenOnly).map(settled);
  const screen = model.blocks.filter((b) => b.screenOnly).map(settled);
  const headingRow = printed.flatMap((b) => b.rows).find((r) => r.role === "section");
  const pages = paginate(
    printed.map((b) => ({ title: b.title ?? null, rows: b.rows.map((r) => r as ReportRow & { height: number; role: NonNullable<ReportRow["role"]> }), keepTogether: b.keepTogether, newPage: b.newPage, keep: chartKeeps(b) })),
    capacity,
    headingRow?.height ?? 22,
  );
  const rows: ReportRow[] = pages.rows.map((r) => {
    if (!isContinuation(r)) return r;
    if (r.continuation === "header") return { ...r.of, key: undefined, label: undefined };
    const of = r.of;
    return { ...of, cells: of.cells.map((c, i) => (i === 0 ? { ...c, value: r.text ?? c.value } : c)), key: undefined, label: undefined };
  });
  const printRows = rows.length;
  for (const b of screen) for (const r of b.rows) rows.push(r);

  const values: CellValue[][] = [];
  const styleGrid: (CellStyle | null)[][] = [];
  const merges: Rect[] = [];
  const rowHeights: { row: number; height: number }[] = [];
  rows.forEach((row, r) => {
    const vals: CellValue[] = new Array(colCount).fill(null);
    const sty: (CellStyle | null)[] = new Array(colCount).fill(null);
    let col = 0;
    for (const cell of row.cells) {
      if (col >= colCount) break;
      const span = Math.min(typeof cell.span === "number" ? cell.span : 1, colCount - col);
      vals[col] = fitCell(cell.value);
      for (let c = col; c < col + span; c++) sty[c] = cell.style && Object.keys(cell.style).length ? cell.style : null;
      if (span > 1) merges.push({ row: r, col, rows: 1, cols: span });
      col += span;
    }
    values.push(vals);
    styleGrid.push(sty);
    rowHeights.push({ row: r, height: row.height ?? MIN_ROW });
  });
  if (values.length > 0) values[0][model.keyColumn] = REPORT_MARKER;
  const sheetRow = new Map<ReportRow, number>();
  rows.forEach((row, r) => sheetRow.set(row, r));
  const charts = placeCharts({
    blocks: [...printed, ...screen],
    sheetRow,
    columnPoints: points,
    rowHeight: (r) => rowHeights[r]?.height ?? MIN_ROW,
    pageBreaks: pages.breaks,
    values,
  });
  return {
    sheetName: model.sheetName,
    rowCount: values.length,
    colCount,
    values,
    styles: coalesce(styleGrid),
    merges,
    columnWidths: widths,
    hiddenColumns: [model.keyColumn],
    rowHeights,
    pageBreaks: pages.breaks,
    print: { orientation: model.print.orientation, footerLeft: model.print.footerLeft, footerRight: model.print.footerRight, scale, margins: MARGINS, area: { rows: printRows, cols: printCols } },
    explanationColumn: model.explanationColumn,
    keyColumn: model.keyColumn,
    charts,
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

/** The print area as an absolute reference without its sheet: `$A$1:$J$84`. */
export function printAreaOf(layout: SheetLayout): string {
  const { rows, cols } = layout.print.area;
  return `$A$1:$${columnLetters(Math.max(0, cols - 1))}$${Math.max(1, rows)}`;
}
