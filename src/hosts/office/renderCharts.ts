/// <reference types="office-js" />
/**
 * The report's charts inside Excel: the charts the layout placed (report/chartLayout.ts), drawn with
 * `worksheet.charts.add` from the same ranges, in the same places, with the same looks as the command line writes
 * into the file (hosts/xlsx/package/write/charts.ts). Nothing here decides what a chart shows: it translates the
 * layout into calls. Every call is queued in the caller's request (RequestBudget), never synced here.
 *
 * Requirement sets (Microsoft's Excel JavaScript API reference, "[Api set: ExcelApi x.y]" on each member): the charts
 * need ExcelApi 1.8, for the label texts and number formats (ChartDataLabel.text, ChartDataLabels.numberFormat), the
 * plot area (ChartPlotArea), the overlap of bars (ChartSeries.overlap) and the turn of category labels
 * (ChartAxis.textOrientation); series, values, points and borders are 1.7 or older. Below 1.8 the report has no
 * charts. The alt text is a shape's (Shape.altTextTitle, ExcelApi 1.9): "Excel defines shapes as any object that sits
 * on the drawing layer of Excel" (Work with shapes using the Excel JavaScript API), a chart among them.
 *
 * The bridge is drawn as stacked columns in every Excel, not as Excel's waterfall chart type (ExcelApi 1.9): the API
 * has no member that marks a point as a total, so the forecast's bar would be one more step (see
 * report/charts/bridge.ts).
 */
import { cellAddress, rangeAddress } from "../../core/references";
import { ChartPlacement, isReportChart, PlacedSeries, SheetRect } from "../../report/chartLayout";
import { PointStyle } from "../../report/model";
import { SheetLayout } from "../../report/layout";
import { RequestBudget } from "./renderOffice";

/** The ExcelApi version the charts need; below it the report has none. */
export const CHARTS_API = "1.8";
/** The ExcelApi version of a shape's alt text. */
export const ALT_TEXT_API = "1.9";

/** What one chart costs in a request, roughly: a few hundred operations of about 200 bytes. */
const BYTES_PER_OPERATION = 200;

const CHART_TYPE: Record<ChartPlacement["type"], Excel.ChartType> = {
  barClustered: "BarClustered" as Excel.ChartType,
  columnStacked: "ColumnStacked" as Excel.ChartType,
  line: "LineMarkers" as Excel.ChartType,
};

const INK = "#404040";

function address(r: SheetRect): string {
  return rangeAddress(r.row, r.col, r.rows, r.cols);
}

function hex(color: string): string {
  return "#" + color;
}

/** A point's or a bar series' fill and outline. */
function look(fill: Excel.ChartFill, border: Excel.ChartBorder | Excel.ChartLineFormat, style: PointStyle): void {
  if (style.fill) fill.setSolidColor(hex(style.fill));
  else fill.clear();
  if (style.line) {
    border.lineStyle = "Continuous" as Excel.ChartLineStyle;
    border.color = hex(style.line);
    border.weight = 0.75;
  } else border.lineStyle = "None" as Excel.ChartLineStyle;
}

function seriesLook(s: Excel.ChartSeries, p: PlacedSeries, asLine: boolean): void {
  if (asLine) {
    const line = s.format.line;
    if (p.stroke === "none" || !(p.line ?? p.fill)) line.lineStyle = "None" as Excel.ChartLineStyle;
    else {
      line.lineStyle = (p.stroke === "dash" ? "Dash" : "Continuous") as Excel.ChartLineStyle;
      line.color = hex((p.line ?? p.fill) as string);
      line.weight = 1.75;
    }
    const marker = p.marker ?? "none";
    s.markerStyle = (marker === "none" ? "None" : marker === "dash" ? "Dash" : "Circle") as Excel.ChartMarkerStyle;
    if (marker !== "none") {
      s.markerSize = marker === "dash" ? 12 : 6;
      if (p.fill) s.markerBackgroundColor = hex(p.fill);
      if (p.line) s.markerForegroundColor = hex(p.line);
    }
    return;
  }
  look(s.format.fill, s.format.line, { fill: p.fill, line: p.line });
}

function labels(s: Excel.ChartSeries, p: PlacedSeries, barLike: boolean): void {
  if (!p.labels) return;
  if ("numberFormat" in p.labels) {
    s.hasDataLabels = true;
    const d = s.dataLabels;
    d.showValue = true;
    d.numberFormat = p.labels.numberFormat;
    d.position = (barLike ? "OutsideEnd" : "Top") as Excel.ChartDataLabelPosition;
    d.format.font.size = 8;
    d.format.font.color = INK;
    return;
  }
  const positions = p.labels.positions;
  p.labels.texts.forEach((t, i) => {
    if (t === null) return;
    const point = s.points.getItemAt(i);
    point.hasDataLabel = true;
    const label = point.dataLabel;
    label.text = t;
    label.position = (positions?.[i] === "below" ? "Bottom" : "Top") as Excel.ChartDataLabelPosition;
    label.format.font.size = 8;
    label.format.font.color = INK;
  });
}

/** Operations one chart queues, near enough to keep a request under its limit. */
function operations(chart: ChartPlacement): number {
  let n = 40;
  for (const s of chart.series) n += 20 + 4 * (s.points?.filter(Boolean).length ?? 0) + ("labels" in s && s.labels && "texts" in s.labels ? 6 * s.labels.texts.length : 6);
  return n;
}

/**
 * Adds the layout's charts to `sheet`, drawn from that sheet's cells; returns them. Queued in the current request.
 * Used on the report sheet, and on a staging sheet to try the same calls out before the report is touched.
 */
export async function addCharts(sheet: Excel.Worksheet, layout: SheetLayout, budget: RequestBudget): Promise<Excel.Chart[]> {
  const out: Excel.Chart[] = [];
  for (const chart of layout.charts) {
    await budget.spend(operations(chart) * BYTES_PER_OPERATION);
    out.push(addChart(sheet, chart));
  }
  return out;
}

function addChart(sheet: Excel.Worksheet, chart: ChartPlacement): Excel.Chart {
  const [first] = chart.series;
  const c = sheet.charts.add(CHART_TYPE[chart.type], sheet.getRange(address(first.values)), "Columns" as Excel.ChartSeriesBy);
  c.name = chart.name;
  const { anchor } = chart;
  c.setPosition(cellAddress(anchor.row, anchor.col), cellAddress(anchor.row + anchor.rows - 1, anchor.col + anchor.cols - 1));
  c.format.fill.clear();
  c.format.border.lineStyle = "None" as Excel.ChartLineStyle;
  c.format.font.name = "Calibri";
  c.format.font.size = 8;
  c.format.font.color = INK;
  c.title.text = chart.title;
  c.title.format.font.size = 11;
  c.title.format.font.bold = true;
  c.legend.visible = chart.legend;
  if (chart.legend) c.legend.position = "Top" as Excel.ChartLegendPosition;

  const categories = sheet.getRange(address(chart.categories));
  const barLike = chart.type !== "line";
  chart.series.forEach((p, i) => {
    const s = i === 0 ? c.series.getItemAt(0) : c.series.add(p.name);
    if (i === 0) s.name = p.name;
    else s.setValues(sheet.getRange(address(p.values)));
    s.setXAxisValues(categories);
    const asLine = chart.type === "line" || p.overlay === "line";
    if (p.overlay === "line" && chart.type !== "line") s.chartType = "Line" as Excel.ChartType;
    seriesLook(s, p, asLine);
    if (!asLine) {
      if (chart.gapWidth !== undefined) s.gapWidth = chart.gapWidth;
      if (chart.overlap !== undefined) s.overlap = chart.overlap;
      (p.points ?? []).forEach((style, k) => {
        if (!style) return;
        const f = s.points.getItemAt(k).format;
        look(f.fill, f.border, style);
      });
    }
    labels(s, p, barLike && !asLine);
  });

  const cat = c.axes.categoryAxis;
  cat.reversePlotOrder = chart.type === "barClustered" && !!chart.categoriesTopDown;
  cat.tickLabelPosition = "Low" as Excel.ChartAxisTickLabelPosition;
  cat.majorTickMark = "None" as Excel.ChartAxisTickMark;
  cat.format.line.color = "#808080";
  cat.format.font.size = 8;
  cat.textOrientation = chart.categoryLabelRotation;
  const v = c.axes.valueAxis;
  v.visible = chart.valueAxis.visible;
  if (chart.valueAxis.min !== null) v.minimum = chart.valueAxis.min;
  if (chart.valueAxis.max !== null) v.maximum = chart.valueAxis.max;
  v.numberFormat = chart.valueAxis.numberFormat;
  v.majorGridlines.visible = false;
  v.majorTickMark = "None" as Excel.ChartAxisTickMark;
  const plot = c.plotArea;
  plot.insideLeft = chart.plot.x;
  plot.insideTop = chart.plot.y;
  plot.insideWidth = chart.plot.width;
  plot.insideHeight = chart.plot.height;
  return c;
}

/** Deletes the report's own charts of a sheet by their names (loaded earlier), leaving any other chart alone. */
export function deleteOwnCharts(sheet: Excel.Worksheet, names: readonly string[]): void {
  // By name, one lookup each: "If there are multiple charts with the same name, the first one will be returned"
  // (ChartCollection.getItem), so a name that occurs twice is looked up twice.
  for (const name of names) if (isReportChart(name)) sheet.charts.getItem(name).delete();
}

/**
 * The alt text of each chart, as its shape's (ExcelApi 1.9). In a request of its own after the report is in place, and
 * a refusal is not a failure of the refresh: the charts are there, only their alt text is missing.
 */
export async function setAltTexts(context: Excel.RequestContext, sheetName: string, layout: SheetLayout): Promise<boolean> {
  try {
    const shapes = context.workbook.worksheets.getItem(sheetName).shapes;
    for (const chart of layout.charts) {
      const shape = shapes.getItem(chart.name);
      shape.altTextTitle = chart.alt.title;
      shape.altTextDescription = chart.alt.description;
    }
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the report's charts from a sheet in requests of their own, after a refresh failed past its first write: those
 * named as the report's, and any chart that was not there before the refresh (one whose name was never set, when the
 * failure came between adding it and naming it), known by its id (Chart.id, ExcelApi 1.7). Never throws.
 */
export async function removeOwnCharts(context: Excel.RequestContext, sheetName: string, before: readonly { name: string; id: string | null }[]): Promise<void> {
  try {
    const known = new Set(before.map((c) => c.id).filter((id): id is string => id !== null));
    const byId = known.size > 0 || before.length === 0;
    const charts = context.workbook.worksheets.getItem(sheetName).charts.load(byId ? "items/name,id" : "items/name");
    await context.sync();
    let any = false;
    for (const c of charts.items) {
      if (isReportChart(c.name) || (byId && !known.has(c.id))) {
        c.delete();
        any = true;
      }
    }
    if (any) await context.sync();
  } catch {
    // The next refresh replaces them.
  }
}
