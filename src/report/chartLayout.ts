/**
 * The charts placed on the sheet, with nothing left for a host to decide: the cells each chart covers, the ranges of
 * the sheet its categories and series are drawn from (resolved after pagination, which inserts "(forts.)" rows), its
 * inner plot area, how its category labels stand, and its value axis's bounds. The bounds give the charts of amounts
 * on one printed page one scale (IBCS): a krona is as long in every chart of the page.
 */
import { CellColumn, CellValue, ChartSeries, ReportBlock, ReportChart, ReportRow } from "./model";
import { displayText, textWidth, wrapLines } from "./measure";
import { CHART_TITLES } from "./charts/notation";

/** Cells of the sheet, zero-based. */
export interface SheetRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A chart object of the report is named so: a refresh recognises its own charts by it and replaces only those. */
export const CHART_NAME_PREFIX = "Uppföljning: ";

/** True for the name of a chart the report drew (not one the user made). */
export function isReportChart(name: string): boolean {
  return name.startsWith(CHART_NAME_PREFIX);
}

/**
 * True for the title of a chart the report draws: how the file host knows its own charts after a program that does
 * not keep a chart's name (openpyxl names every chart anew) saved the workbook.
 */
export function isReportChartTitle(title: string): boolean {
  return Object.values(CHART_TITLES).some((t) => title.startsWith(`${t}, `));
}

export interface PlacedSeries extends Omit<ChartSeries, "values"> {
  /** The cells of the sheet the series is drawn from: one column. */
  values: SheetRect;
}

export interface ChartPlacement extends Omit<ReportChart, "at" | "categories" | "series" | "valueAxis" | "extent" | "scaleGroup"> {
  /** The chart object's name (CHART_NAME_PREFIX and its title). */
  name: string;
  /** The cells the chart covers, from the top-left corner of the first to the bottom-right corner of the last. */
  anchor: SheetRect;
  /** Its size in points, and its inner plot area in points from its top-left corner. */
  size: { width: number; height: number };
  plot: { x: number; y: number; width: number; height: number };
  categories: SheetRect;
  series: PlacedSeries[];
  valueAxis: { visible: boolean; numberFormat: string; min: number | null; max: number | null };
  /** Category labels turned by this many degrees (0, or −45 where they do not fit under their columns). */
  categoryLabelRotation: number;
}

/** Font sizes of a chart's text, in points. */
export const CHART_FONT = { title: 11, text: 8 };
const TITLE_PAD = 10;
const LEGEND = 16;
const EDGE = 8;
/** The largest share of a chart's width its category labels may take before they wrap. */
const LABEL_SHARE = 0.42;

export interface ChartSheet {
  /** The layout's blocks (with their rows as placed), printed and screen-only. */
  blocks: readonly ReportBlock[];
  /** The sheet row of every row placed. */
  sheetRow: ReadonlyMap<ReportRow, number>;
  /** Column widths and row heights in points. */
  columnPoints: readonly number[];
  rowHeight: (row: number) => number;
  /** Rows that start a printed page. */
  pageBreaks: readonly number[];
  /** Every cell's value, for measuring category labels and data labels. */
  values: readonly (readonly CellValue[])[];
}

/** The run of cells of the sheet a run of report cells stands on, or null when pagination split it. */
function resolve(sheet: ChartSheet, ref: CellColumn): SheetRect | null {
  const block = sheet.blocks.find((b) => b.id === ref.block);
  if (!block) return null;
  const first = sheet.sheetRow.get(block.rows[ref.first]);
  const last = sheet.sheetRow.get(block.rows[ref.last]);
  if (first === undefined || last === undefined || last - first !== ref.last - ref.first) return null;
  return { row: first, col: ref.col, rows: last - first + 1, cols: 1 };
}

interface Draft {
  placement: ChartPlacement;
  chart: ReportChart;
  page: number;
  /** The length of the value axis in points, and the room its data labels need at its low and high end. */
  length: number;
  room: [number, number];
}

/** The texts in a run of cells. */
function texts(sheet: ChartSheet, r: SheetRect): string[] {
  const out: string[] = [];
  for (let i = 0; i < r.rows; i++) out.push(displayText(sheet.values[r.row + i]?.[r.col] ?? null, undefined));
  return out;
}

/**
 * The largest of `f` over `list`, 0 for none: a loop, since a chart may have as many categories as the report has
 * ansvar, and spreading an unbounded list into Math.max's arguments overflows the stack (issue 19, class 13).
 */
function largest<T>(list: readonly T[], f: (x: T) => number): number {
  let most = 0;
  for (const x of list) most = Math.max(most, f(x));
  return most;
}

/** The inner plot area, the category labels' rotation, the value axis's length and its labels' room. */
function plotArea(chart: ReportChart, categories: string[], width: number, height: number, labelWidth: number): { plot: ChartPlacement["plot"]; rotation: number; length: number; room: [number, number] } {
  const titleLines = wrapLines(chart.title, width - 2 * EDGE, CHART_FONT.title, true).length;
  const top = titleLines * (CHART_FONT.title * 1.3) + TITLE_PAD + (chart.legend ? LEGEND : 0) + 4;
  const textLine = CHART_FONT.text * 1.3;
  const widest = largest(categories, (c) => largest(c.split(" "), (w) => textWidth(w, CHART_FONT.text)));
  const [lo, hi] = chart.extent;
  if (chart.type === "barClustered") {
    // Category labels to the left, wrapped at spaces within their share of the width; value labels beyond the bars.
    const full = largest(categories, (c) => textWidth(c, CHART_FONT.text));
    const left = Math.min(width * LABEL_SHARE, Math.max(widest, full)) + EDGE + 6;
    const plot = { x: left, y: top, width: Math.max(20, width - left - EDGE), height: Math.max(20, height - top - EDGE) };
    return { plot, rotation: 0, length: plot.width, room: [lo < 0 ? labelWidth : 0, hi > 0 ? labelWidth : 0] };
  }
  const axis = chart.valueAxis.visible ? labelWidth + 6 : 0;
  const inner = width - 2 * EDGE - axis;
  const per = inner / Math.max(1, categories.length);
  // Under its column a label wraps at its spaces; where a single word is wider than the column, labels turn.
  const turn = widest > per - 4;
  const lines = Math.max(1, ...categories.map((c) => wrapLines(c, per - 4, CHART_FONT.text).length));
  const longest = largest(categories, (c) => textWidth(c, CHART_FONT.text));
  const bottom = turn ? Math.min(height * 0.4, longest * Math.SQRT1_2 + textLine) + 6 : lines * textLine + 8;
  const plot = { x: EDGE + axis, y: top, width: Math.max(20, inner), height: Math.max(20, height - top - bottom) };
  const room = chart.type === "line" ? textLine + 4 : textLine + 2;
  return { plot, rotation: turn ? -45 : 0, length: plot.height, room: [lo < 0 ? room : 0, hi > 0 ? room : 0] };
}

/** Places every chart of the blocks on the sheet; a chart whose cells pagination split is left out. */
export function placeCharts(sheet: ChartSheet): ChartPlacement[] {
  const drafts: Draft[] = [];
  const xOf = (col: number) => sheet.columnPoints.slice(0, col).reduce((a, b) => a + b, 0);
  for (const block of sheet.blocks) {
    for (const chart of block.charts ?? []) {
      const top = sheet.sheetRow.get(block.rows[chart.at.row]);
      const categories = resolve(sheet, chart.categories);
      const series = chart.series.map((s) => ({ ...s, values: resolve(sheet, s.values) }));
      if (top === undefined || !categories || series.some((s) => !s.values || s.values.rows !== categories.rows)) continue;
      const anchor = { row: top, col: chart.at.col, rows: chart.at.rows, cols: chart.at.cols };
      const width = xOf(anchor.col + anchor.cols) - xOf(anchor.col);
      let height = 0;
      for (let r = anchor.row; r < anchor.row + anchor.rows; r++) height += sheet.rowHeight(r);
      const names = texts(sheet, categories);
      const numberFormat = chart.series.map((s) => s.labels).find((l) => l && "numberFormat" in l);
      const labelTexts = series.flatMap((s) => {
        if (!s.labels) return [];
        if ("texts" in s.labels) return s.labels.texts.filter((t): t is string => t !== null);
        const fmt = s.labels.numberFormat;
        return texts(sheet, s.values as SheetRect).map((_, i) => displayText(sheet.values[(s.values as SheetRect).row + i]?.[(s.values as SheetRect).col] ?? null, fmt));
      });
      const labelWidth = Math.max(textWidth(numberFormat ? "−00,0" : "0", CHART_FONT.text), ...labelTexts.map((t) => textWidth(t, CHART_FONT.text))) + 6;
      const area = plotArea(chart, names, width, height, labelWidth);
      const page = sheet.pageBreaks.filter((b) => b <= top).length;
      drafts.push({
        chart,
        page,
        length: area.length,
        room: area.room,
        placement: {
          id: chart.id,
          kind: chart.kind,
          type: chart.type,
          title: chart.title,
          alt: chart.alt,
          legend: chart.legend,
          categoriesTopDown: chart.categoriesTopDown,
          gapWidth: chart.gapWidth,
          overlap: chart.overlap,
          name: CHART_NAME_PREFIX + chart.title,
          anchor,
          size: { width, height },
          plot: area.plot,
          categories,
          series: series as PlacedSeries[],
          valueAxis: { ...chart.valueAxis, min: null, max: null },
          categoryLabelRotation: area.rotation,
        },
      });
    }
  }
  oneScalePerPage(drafts);
  return drafts.map((d) => d.placement);
}

/**
 * The charts of one scale group on one page get one scale: the amount per point of the chart that needs the most,
 * and each chart's axis as long as its plot at that scale, its data where it was and the room for labels beside it.
 */
function oneScalePerPage(drafts: Draft[]): void {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (!d.chart.scaleGroup) continue;
    const key = `${d.page}|${d.chart.scaleGroup}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const group of groups.values()) {
    const perPoint = (d: Draft) => (d.chart.extent[1] - d.chart.extent[0]) / Math.max(1, d.length - d.room[0] - d.room[1]);
    const scale = Math.max(...group.map(perPoint));
    if (!(scale > 0)) continue;
    for (const d of group) {
      const [lo, hi] = d.chart.extent;
      const span = scale * d.length;
      const used = hi - lo + scale * (d.room[0] + d.room[1]);
      const extra = Math.max(0, span - used);
      // What is left over goes to the side the data leans to, so zero stays where the data puts it.
      const low = lo === 0 && hi === 0 ? 0.5 : -lo / (hi - lo);
      const min = lo - scale * d.room[0] - extra * low;
      const max = hi + scale * d.room[1] + extra * (1 - low);
      d.placement.valueAxis = { ...d.placement.valueAxis, min: round(min), max: round(max) };
    }
  }
}

/** Bounds to a few significant digits: exact enough for a chart, short in the file. */
function round(n: number): number {
  if (n === 0) return 0;
  const digits = 4 - Math.floor(Math.log10(Math.abs(n)));
  const f = 10 ** Math.max(0, digits);
  return Math.round(n * f) / f;
}

/**
 * Runs of rows to keep on one page: a section with a chart is never split where it fits on a page (the chart's band,
 * kept with what stands above it, then stands on the same page, or starts the next under "(forts.)").
 */
export function chartKeeps(block: ReportBlock): [number, number][] {
  const bands = (block.charts ?? []).map((c) => c.at.row);
  return bands.length === 0 ? [] : [[0, Math.min(...bands) - 1]];
}
