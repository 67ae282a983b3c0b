/**
 * Where charts stand and what they draw: a band of rows of role "chart" in the block of the section a chart belongs
 * to (pagination keeps it on that section's page), and a screen-only block of the cells a chart draws that no table
 * of the report holds as one run (the posts without their sums, the parts of a bridge).
 */
import { CellColumn, CellStyle, ReportBlock, ReportChart, ReportRow } from "../model";
import { style } from "../styles";
import { Ctx } from "../sections/context";
import { PHRASES } from "../language/phrases";

/** The height of a band row, in points: the standard row of the report. */
export const BAND_ROW = 15;

/** The id of the block holding the charts' own cells, and its heading. */
export const CHART_DATA_BLOCK = "chartData";
const CHART_DATA_HEADING = "Underlag för diagrammen (skrivs inte ut)";
const DATA_HEADER: CellStyle = { bold: true, wrap: true, bottom: true };
const DATA_FIGURE_HEADER: CellStyle = { ...DATA_HEADER, align: "right" };

/** A chart before it is placed in its band: everything but its row. */
export type UnplacedChart = Omit<ReportChart, "at"> & { col: number; cols: number; height: number };

/**
 * Puts charts side by side in a band of rows at the end of a block (before its closing blank row), as tall as the
 * tallest of them, and hands them to the block.
 */
export function placeBand(block: ReportBlock, charts: UnplacedChart[]): void {
  if (charts.length === 0) return;
  const rows = Math.max(...charts.map((c) => Math.ceil(c.height / BAND_ROW)));
  const at = block.rows.length > 0 && block.rows[block.rows.length - 1].role === "blank" ? block.rows.length - 1 : block.rows.length;
  const band: ReportRow[] = Array.from({ length: rows }, () => ({ role: "chart", cells: [], height: BAND_ROW }));
  block.rows.splice(at, 0, ...band);
  block.charts = [
    ...(block.charts ?? []),
    ...charts.map(({ col, cols, height: _height, ...c }) => ({ ...c, at: { row: at, col, rows, cols } })),
  ];
}

/** A table of the charts' own cells: a label per row, then numbers in one format. */
export interface DataTable {
  title: string;
  headers: string[];
  rows: { label: string; values: (number | null)[] }[];
  numberFormat: string;
}

/** The screen-only block of cells the charts draw that the report's tables do not hold as one run. */
export class ChartData {
  private readonly rows: ReportRow[] = [];

  constructor(private readonly ctx: Ctx) {}

  /** Adds a table; returns its label column and each value column as runs of cells. */
  add(t: DataTable): { categories: CellColumn; columns: CellColumn[] } {
    if (this.rows.length === 0) this.rows.push(this.ctx.heading(CHART_DATA_HEADING), this.ctx.note(PHRASES.chartDataIntro()));
    else this.rows.push(this.ctx.blank());
    // Plainer than the report's tables (bold headers, no fills or rules): cells for the controller, not the nämnd.
    this.rows.push({ role: "header", cells: [t.title, ...t.headers].map((h, i) => ({ value: h, style: i === 0 ? DATA_HEADER : DATA_FIGURE_HEADER })) });
    const first = this.rows.length;
    const figure = style({ numberFormat: t.numberFormat });
    for (const r of t.rows) this.rows.push(this.ctx.row([{ value: r.label }, ...r.values.map((v) => ({ value: v, style: figure }))]));
    const last = this.rows.length - 1;
    const run = (col: number): CellColumn => ({ block: CHART_DATA_BLOCK, first, last, col });
    return { categories: run(0), columns: t.headers.map((_, i) => run(i + 1)) };
  }

  /** The block, or null when no chart needed cells of its own. */
  block(): ReportBlock | null {
    if (this.rows.length === 0) return null;
    return { id: CHART_DATA_BLOCK, title: CHART_DATA_HEADING, rows: [...this.rows, this.ctx.blank()], screenOnly: true, fitsColumns: true };
  }
}

/** The rows of a block from `first` to `last` as one run of a column. */
export function run(block: ReportBlock, first: number, last: number, col: number): CellColumn {
  return { block: block.id, first, last, col };
}

/** The smallest and largest of some numbers and zero. */
export function extentOf(values: readonly (number | null)[]): [number, number] {
  let lo = 0, hi = 0;
  for (const v of values) {
    if (v === null) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

/**
 * A block's rows by their key, built once: a chart looks up every line of a table, and a search per line would cost
 * lines² (10 000 posts took seconds).
 */
export function rowsByKey(block: ReportBlock): Map<string, ReportRow> {
  const out = new Map<string, ReportRow>();
  for (const r of block.rows) if (r.key && !out.has(r.key)) out.set(r.key, r);
  return out;
}

/** The number in a block's cell, or null. */
export function numberAt(row: ReportRow, col: number): number | null {
  let c = 0;
  for (const cell of row.cells) {
    if (c === col) return typeof cell.value === "number" ? cell.value : null;
    c += typeof cell.span === "number" ? cell.span : 1;
    if (c > col) return null;
  }
  return null;
}

/** The grid column of a figure of the income statement (its label is column 0), or -1 when the report lacks it. */
export function figureColumn(ctx: Ctx, field: string): number {
  const i = ctx.columns.findIndex((c) => c.field === field);
  return i < 0 ? -1 : i + 1;
}

/** The height a chart of horizontal bars needs for its categories and series, within a page's reason. */
export function barChartHeight(categories: number, series: number, legend: boolean): number {
  const perCategory = 8 + 9 * series;
  return Math.min(400, Math.max(150, 34 + (legend ? 16 : 0) + 12 + categories * perCategory));
}
