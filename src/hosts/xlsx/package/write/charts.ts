/**
 * The report's charts as DrawingML: one drawing part for the report sheet (xl/drawings/drawingN.xml) anchoring each
 * chart over the cells the layout gave it, one chart part per chart (xl/charts/chartN.xml) drawn from the report
 * sheet's ranges, their relationships and content types. Every part is built as a tree and written by the package's
 * serialiser (serialize.ts), so titles, names and labels are escaped text whatever they hold.
 *
 * The user's parts are never touched: new parts take free names, and a refresh of an output removes only the report's
 * own drawing and the charts in it that carry the report's name (CHART_NAME_PREFIX); anything else the old report
 * sheet's drawing held (a picture the controller put there) is kept, with its relationships, in the new drawing.
 */
import * as path from "path";
import { absoluteRangeAddress, quoteSheetName } from "../../../../core/references";
import { ChartPlacement, CHART_FONT, isReportChart, isReportChartTitle, PlacedSeries, SheetRect } from "../../../../report/chartLayout";
import { SheetLayout } from "../../../../report/layout";
import { CellValue, PointStyle } from "../../../../report/model";
import { CONTENT_TYPES_NS, PACKAGE_RELATIONSHIPS_NS, RELATIONSHIPS_NS } from "../namespaces";
import { relsPartOf, WorkbookPackage } from "../read/workbookPackage";
import { serializeXml } from "../xml/serialize";
import { XMLNS_NS, XmlDocument, XmlElement } from "../xml/tree";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const SPREADSHEET_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const R_NS = RELATIONSHIPS_NS[0];
const REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const PREFIX: Record<string, string> = { [CHART_NS]: "c", [DRAWINGML_NS]: "a", [SPREADSHEET_DRAWING_NS]: "xdr", [R_NS]: "r", [PACKAGE_RELATIONSHIPS_NS]: "" };

/** DrawingML's English Metric Units: 12 700 to a point. */
const EMU_PER_POINT = 12_700;
/** Angles in 60 000ths of a degree. */
const ANGLE = 60_000;

type Attrs = Record<string, string | number | boolean | null | undefined>;

/** A new root element declaring the namespaces its part uses. */
function root(ns: string, local: string, declare: string[]): XmlElement {
  const p = PREFIX[ns];
  const attrs = declare.map((uri) => (PREFIX[uri] ? { qname: `xmlns:${PREFIX[uri]}`, prefix: "xmlns", local: PREFIX[uri], ns: XMLNS_NS, value: uri } : { qname: "xmlns", prefix: "", local: "xmlns", ns: XMLNS_NS, value: uri }));
  return new XmlElement(p ? `${p}:${local}` : local, p, local, ns, attrs, null);
}

/** Appends a child element in `ns`, spelled with a prefix in scope (or declaring one), with plain attributes. */
function add(parent: XmlElement, ns: string, local: string, attrs: Attrs = {}): XmlElement {
  const el = parent.create(local, ns, PREFIX[ns] || "x");
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttr(k, typeof v === "boolean" ? (v ? "1" : "0") : String(v));
  return parent.insert(el);
}

/** `<c:name val="…"/>`, the chart schema's way of holding a value. */
function val(parent: XmlElement, local: string, v: string | number | boolean): XmlElement {
  return add(parent, CHART_NS, local, { val: v });
}

function text(el: XmlElement, s: string): XmlElement {
  el.children.push({ kind: "text", text: s });
  return el;
}

function doc(rootEl: XmlElement): Buffer {
  const d: XmlDocument = { declaration: { version: "1.0", encoding: "UTF-8", standalone: "yes" }, before: [], root: rootEl, after: [] };
  return serializeXml(d);
}

// ---- shapes and text ------------------------------------------------------------------------------------------

function solid(parent: XmlElement, color: string): void {
  add(add(parent, DRAWINGML_NS, "solidFill"), DRAWINGML_NS, "srgbClr", { val: color.toUpperCase() });
}

/** `<a:ln>`: a coloured line of a width (points) and dash, or none. */
function line(parent: XmlElement, color: string | null | undefined, width = 0.75, dash?: "dash"): void {
  const ln = add(parent, DRAWINGML_NS, "ln", color ? { w: Math.round(width * EMU_PER_POINT) } : {});
  if (!color) {
    add(ln, DRAWINGML_NS, "noFill");
    return;
  }
  solid(ln, color);
  if (dash) add(ln, DRAWINGML_NS, "prstDash", { val: dash });
}

/** `<c:spPr>` of a bar or area: its fill (none for null) and outline. */
function shape(parent: XmlElement, fill: string | null, outline?: string | null, width?: number, dash?: "dash"): void {
  const sp = add(parent, CHART_NS, "spPr");
  if (fill) solid(sp, fill);
  else add(sp, DRAWINGML_NS, "noFill");
  line(sp, outline ?? null, width, dash);
}

/** `<c:txPr>`: the look of a text element (size, bold, rotation), in the report's ink and Calibri. */
function textProps(parent: XmlElement, size: number, bold = false, rotation = 0): void {
  const tx = add(parent, CHART_NS, "txPr");
  add(tx, DRAWINGML_NS, "bodyPr", rotation ? { rot: rotation * ANGLE, vert: "horz" } : {});
  add(tx, DRAWINGML_NS, "lstStyle");
  const p = add(tx, DRAWINGML_NS, "p");
  const rpr = add(add(p, DRAWINGML_NS, "pPr"), DRAWINGML_NS, "defRPr", { sz: size * 100, b: bold });
  solid(rpr, "404040");
  add(rpr, DRAWINGML_NS, "latin", { typeface: "Calibri" });
  add(p, DRAWINGML_NS, "endParaRPr", { lang: "sv-SE" });
}

/** `<c:tx><c:rich>`: a text of its own (a title, a label's text). */
function rich(parent: XmlElement, s: string, size: number, bold = false): void {
  const r = add(add(parent, CHART_NS, "tx"), CHART_NS, "rich");
  add(r, DRAWINGML_NS, "bodyPr");
  add(r, DRAWINGML_NS, "lstStyle");
  const p = add(r, DRAWINGML_NS, "p");
  const ppr = add(add(p, DRAWINGML_NS, "pPr"), DRAWINGML_NS, "defRPr", { sz: size * 100, b: bold });
  solid(ppr, "404040");
  const run = add(p, DRAWINGML_NS, "r");
  add(run, DRAWINGML_NS, "rPr", { lang: "sv-SE", sz: size * 100, b: bold });
  text(add(run, DRAWINGML_NS, "t"), s);
}

// ---- data ---------------------------------------------------------------------------------------------------

/** `'Rapport'!$B$178:$B$183`. */
export function chartRef(sheetName: string, r: SheetRect): string {
  return `${quoteSheetName(sheetName)}!${absoluteRangeAddress(r.row, r.col, r.rows, r.cols)}`;
}

function cellsOf(values: readonly (readonly CellValue[])[], r: SheetRect): CellValue[] {
  return Array.from({ length: r.rows }, (_, i) => values[r.row + i]?.[r.col] ?? null);
}

/** Categories as a reference with a cache of their texts. */
function categories(parent: XmlElement, sheetName: string, values: readonly (readonly CellValue[])[], r: SheetRect): void {
  const ref = add(add(parent, CHART_NS, "cat"), CHART_NS, "strRef");
  text(add(ref, CHART_NS, "f"), chartRef(sheetName, r));
  const cache = add(ref, CHART_NS, "strCache");
  const cells = cellsOf(values, r);
  val(cache, "ptCount", cells.length);
  cells.forEach((v, i) => {
    if (v === null || v === "") return;
    text(add(add(cache, CHART_NS, "pt", { idx: i }), CHART_NS, "v"), String(v));
  });
}

/** Values as a reference with a cache of their numbers. */
function numbers(parent: XmlElement, sheetName: string, values: readonly (readonly CellValue[])[], r: SheetRect): void {
  const ref = add(add(parent, CHART_NS, "val"), CHART_NS, "numRef");
  text(add(ref, CHART_NS, "f"), chartRef(sheetName, r));
  const cache = add(ref, CHART_NS, "numCache");
  text(add(cache, CHART_NS, "formatCode"), "General");
  const cells = cellsOf(values, r);
  val(cache, "ptCount", cells.length);
  cells.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return;
    text(add(add(cache, CHART_NS, "pt", { idx: i }), CHART_NS, "v"), String(v));
  });
}

const FLAGS = ["showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize"] as const;
function flags(parent: XmlElement, showValue: boolean): void {
  for (const f of FLAGS) val(parent, f, f === "showVal" && showValue);
}

/** Data labels: the values in a number format, or a text per point above or below it. */
function labels(parent: XmlElement, s: PlacedSeries, barLike: boolean): void {
  if (!s.labels) return;
  const d = add(parent, CHART_NS, "dLbls");
  if ("numberFormat" in s.labels) {
    add(d, CHART_NS, "numFmt", { formatCode: s.labels.numberFormat, sourceLinked: 0 });
    shape(d, null, null);
    textProps(d, CHART_FONT.text);
    val(d, "dLblPos", barLike ? "outEnd" : "t");
    flags(d, true);
    return;
  }
  const { texts, positions } = s.labels;
  texts.forEach((t, i) => {
    const one = add(d, CHART_NS, "dLbl");
    val(one, "idx", i);
    if (t === null) {
      val(one, "delete", true);
      return;
    }
    rich(one, t, CHART_FONT.text);
    shape(one, null, null);
    val(one, "dLblPos", positions?.[i] === "below" ? "b" : "t");
    flags(one, true);
  });
  shape(d, null, null);
  textProps(d, CHART_FONT.text);
  flags(d, false);
}

function points(parent: XmlElement, list: readonly (PointStyle | null)[] | undefined, bar: boolean): void {
  (list ?? []).forEach((p, i) => {
    if (!p) return;
    const dpt = add(parent, CHART_NS, "dPt");
    val(dpt, "idx", i);
    if (bar) val(dpt, "invertIfNegative", false);
    val(dpt, "bubble3D", false);
    shape(dpt, p.fill, p.line ?? null);
  });
}

/** One series of bars, in the schema's order of its children. */
function barSeries(parent: XmlElement, s: PlacedSeries, index: number, sheetName: string, chart: ChartPlacement, values: readonly (readonly CellValue[])[]): void {
  const ser = add(parent, CHART_NS, "ser");
  val(ser, "idx", index);
  val(ser, "order", index);
  text(add(add(ser, CHART_NS, "tx"), CHART_NS, "v"), s.name);
  shape(ser, s.fill, s.line ?? null);
  val(ser, "invertIfNegative", false);
  points(ser, s.points, true);
  labels(ser, s, true);
  categories(ser, sheetName, values, chart.categories);
  numbers(ser, sheetName, values, s.values);
}

/** One series drawn as a line (or as markers only, or as nothing but its labels). */
function lineSeries(parent: XmlElement, s: PlacedSeries, index: number, sheetName: string, chart: ChartPlacement, values: readonly (readonly CellValue[])[]): void {
  const ser = add(parent, CHART_NS, "ser");
  val(ser, "idx", index);
  val(ser, "order", index);
  text(add(add(ser, CHART_NS, "tx"), CHART_NS, "v"), s.name);
  const sp = add(ser, CHART_NS, "spPr");
  line(sp, s.stroke === "none" ? null : s.line ?? s.fill, 1.75, s.stroke === "dash" ? "dash" : undefined);
  const marker = add(ser, CHART_NS, "marker");
  const symbol = s.marker ?? "none";
  val(marker, "symbol", symbol);
  if (symbol !== "none") {
    val(marker, "size", symbol === "dash" ? 12 : 6);
    shape(marker, s.fill, s.line ?? null);
  }
  points(ser, s.points, false);
  labels(ser, s, false);
  categories(ser, sheetName, values, chart.categories);
  numbers(ser, sheetName, values, s.values);
  val(ser, "smooth", false);
}

const CAT_AXIS = 500_100;
const VAL_AXIS = 500_200;

function axes(area: XmlElement, chart: ChartPlacement): void {
  const horizontal = chart.type === "barClustered";
  const cat = add(area, CHART_NS, "catAx");
  val(cat, "axId", CAT_AXIS);
  val(add(cat, CHART_NS, "scaling"), "orientation", horizontal && chart.categoriesTopDown ? "maxMin" : "minMax");
  val(cat, "delete", false);
  val(cat, "axPos", horizontal ? "l" : "b");
  add(cat, CHART_NS, "numFmt", { formatCode: "General", sourceLinked: 1 });
  val(cat, "majorTickMark", "none");
  val(cat, "minorTickMark", "none");
  // At the low end: under the columns and left of the bars whatever their sign, the axis line itself at zero.
  val(cat, "tickLblPos", "low");
  const sp = add(cat, CHART_NS, "spPr");
  line(sp, "808080", 0.75);
  textProps(cat, CHART_FONT.text, false, chart.categoryLabelRotation);
  val(cat, "crossAx", VAL_AXIS);
  val(cat, "crosses", "autoZero");
  val(cat, "auto", true);
  val(cat, "lblAlgn", "ctr");
  val(cat, "lblOffset", 100);
  val(cat, "noMultiLvlLbl", true);

  const v = add(area, CHART_NS, "valAx");
  val(v, "axId", VAL_AXIS);
  const scaling = add(v, CHART_NS, "scaling");
  val(scaling, "orientation", "minMax");
  if (chart.valueAxis.max !== null) val(scaling, "max", chart.valueAxis.max);
  if (chart.valueAxis.min !== null) val(scaling, "min", chart.valueAxis.min);
  val(v, "delete", !chart.valueAxis.visible);
  val(v, "axPos", horizontal ? "b" : "l");
  add(v, CHART_NS, "numFmt", { formatCode: chart.valueAxis.numberFormat, sourceLinked: 0 });
  val(v, "majorTickMark", "none");
  val(v, "minorTickMark", "none");
  val(v, "tickLblPos", "nextTo");
  const vsp = add(v, CHART_NS, "spPr");
  line(vsp, null);
  textProps(v, CHART_FONT.text);
  val(v, "crossAx", CAT_AXIS);
  val(v, "crosses", "autoZero");
  val(v, "crossBetween", "between");
}

/** The chart part of one placed chart. */
export function chartXml(chart: ChartPlacement, sheetName: string, values: readonly (readonly CellValue[])[]): Buffer {
  const space = root(CHART_NS, "chartSpace", [CHART_NS, DRAWINGML_NS, R_NS]);
  val(space, "date1904", false);
  val(space, "lang", "sv-SE");
  val(space, "roundedCorners", false);
  const c = add(space, CHART_NS, "chart");
  const title = add(c, CHART_NS, "title");
  rich(title, chart.title, CHART_FONT.title, true);
  val(title, "overlay", false);
  val(c, "autoTitleDeleted", false);
  const area = add(c, CHART_NS, "plotArea");
  const manual = add(add(area, CHART_NS, "layout"), CHART_NS, "manualLayout");
  val(manual, "layoutTarget", "inner");
  val(manual, "xMode", "edge");
  val(manual, "yMode", "edge");
  const { width, height } = chart.size;
  val(manual, "x", fraction(chart.plot.x / width));
  val(manual, "y", fraction(chart.plot.y / height));
  val(manual, "w", fraction(chart.plot.width / width));
  val(manual, "h", fraction(chart.plot.height / height));

  const bars = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => chart.type !== "line" && !s.overlay);
  const lines = chart.series.map((s, i) => ({ s, i })).filter(({ s }) => chart.type === "line" || s.overlay === "line");
  if (bars.length) {
    const g = add(area, CHART_NS, "barChart");
    val(g, "barDir", chart.type === "barClustered" ? "bar" : "col");
    val(g, "grouping", chart.type === "columnStacked" ? "stacked" : "clustered");
    val(g, "varyColors", false);
    for (const { s, i } of bars) barSeries(g, s, i, sheetName, chart, values);
    if (chart.gapWidth !== undefined) val(g, "gapWidth", chart.gapWidth);
    if (chart.overlap !== undefined) val(g, "overlap", chart.overlap);
    val(g, "axId", CAT_AXIS);
    val(g, "axId", VAL_AXIS);
  }
  if (lines.length) {
    const g = add(area, CHART_NS, "lineChart");
    val(g, "grouping", "standard");
    val(g, "varyColors", false);
    for (const { s, i } of lines) lineSeries(g, s, i, sheetName, chart, values);
    val(g, "marker", true);
    val(g, "axId", CAT_AXIS);
    val(g, "axId", VAL_AXIS);
  }
  axes(area, chart);
  shape(area, null, null);
  if (chart.legend) {
    const legend = add(c, CHART_NS, "legend");
    val(legend, "legendPos", "t");
    val(legend, "overlay", false);
    textProps(legend, CHART_FONT.text);
  }
  val(c, "plotVisOnly", true);
  val(c, "dispBlanksAs", "gap");
  // No fill of its own: the page shows through, and a heading's rule above the chart stays whole.
  shape(space, null, null);
  textProps(space, CHART_FONT.text);
  return doc(space);
}

function fraction(n: number): number {
  return Math.round(Math.min(1, Math.max(0, n)) * 10_000) / 10_000;
}

// ---- the drawing ----------------------------------------------------------------------------------------------

function marker(parent: XmlElement, local: "from" | "to", row: number, col: number): void {
  const m = add(parent, SPREADSHEET_DRAWING_NS, local);
  text(add(m, SPREADSHEET_DRAWING_NS, "col"), String(col));
  text(add(m, SPREADSHEET_DRAWING_NS, "colOff"), "0");
  text(add(m, SPREADSHEET_DRAWING_NS, "row"), String(row));
  text(add(m, SPREADSHEET_DRAWING_NS, "rowOff"), "0");
}

/** An anchor holding a chart over its cells, named as the report's and carrying its alt text. */
function chartAnchor(wsDr: XmlElement, chart: ChartPlacement, id: number, rid: string): void {
  const anchor = add(wsDr, SPREADSHEET_DRAWING_NS, "twoCellAnchor");
  marker(anchor, "from", chart.anchor.row, chart.anchor.col);
  marker(anchor, "to", chart.anchor.row + chart.anchor.rows, chart.anchor.col + chart.anchor.cols);
  const frame = add(anchor, SPREADSHEET_DRAWING_NS, "graphicFrame", { macro: "" });
  const nv = add(frame, SPREADSHEET_DRAWING_NS, "nvGraphicFramePr");
  add(nv, SPREADSHEET_DRAWING_NS, "cNvPr", { id, name: chart.name, descr: chart.alt.description, title: chart.alt.title });
  add(nv, SPREADSHEET_DRAWING_NS, "cNvGraphicFramePr");
  const xfrm = add(frame, SPREADSHEET_DRAWING_NS, "xfrm");
  add(xfrm, DRAWINGML_NS, "off", { x: 0, y: 0 });
  add(xfrm, DRAWINGML_NS, "ext", { cx: Math.round(chart.size.width * EMU_PER_POINT), cy: Math.round(chart.size.height * EMU_PER_POINT) });
  const data = add(add(frame, DRAWINGML_NS, "graphic"), DRAWINGML_NS, "graphicData", { uri: CHART_NS });
  add(data, CHART_NS, "chart").setAttr("id", rid, R_NS, "r");
  add(anchor, SPREADSHEET_DRAWING_NS, "clientData");
}

/**
 * True for an anchor holding one of the report's own charts: named as the report names them, or (after a program that
 * renames charts saved the file) holding a chart titled as one of the report's.
 */
function isOwnAnchor(anchor: XmlElement, titleOf: (rid: string) => string | null): boolean {
  const frame = anchor.element("graphicFrame", SPREADSHEET_DRAWING_NS);
  if (!frame) return false;
  const name = frame.element("nvGraphicFramePr", SPREADSHEET_DRAWING_NS)?.element("cNvPr", SPREADSHEET_DRAWING_NS)?.attr("name");
  if (name && isReportChart(name)) return true;
  const chart = frame.element("graphic", DRAWINGML_NS)?.element("graphicData", DRAWINGML_NS)?.element("chart", CHART_NS);
  const rid = chart ? RELATIONSHIPS_NS.map((ns) => chart.attr("id", ns)).find((v) => v !== null) : null;
  const title = rid ? titleOf(rid) : null;
  return title !== null && isReportChartTitle(title);
}

/** The relationship ids an element and its descendants refer to (r:id, r:embed, r:link …). */
function referencedIds(el: XmlElement, out = new Set<string>()): Set<string> {
  const stack = [el];
  while (stack.length) {
    const e = stack.pop() as XmlElement;
    for (const a of e.attrs) if (RELATIONSHIPS_NS.includes(a.ns)) out.add(a.value);
    for (const c of e.children) if (c instanceof XmlElement) stack.push(c);
  }
  return out;
}

export interface DrawingPlan {
  /** Parts of the previous report to leave out of the copy: its drawing and the report's own charts in it. */
  removed: string[];
  /** Parts to add (the sheet's relationships among them), with their content type (null: known by the extension). */
  added: { part: string; data: Buffer; contentType: string | null }[];
  /** The sheet's relationship to its drawing, for `<drawing r:id>`; null when the sheet has no drawing. */
  drawingRelId: string | null;
}

/** Parts a chart has to itself, which go with it. */
const OWN_CHART_PARTS = new Set(["chartStyle", "chartColorStyle", "chartUserShapes", "themeOverride"]);

/** What a previous report's drawing held besides the report's own charts: kept, in the same part, with its relationships. */
interface Kept {
  part: string;
  wsDr: XmlElement;
  rels: XmlElement[];
}

/** Whether any sheet of the workbook but `sheetPart` (worksheets, chartsheets, dialog sheets) points at the drawing `part`. */
function sharedWithAnotherSheet(pkg: WorkbookPackage, part: string, sheetPart: string): boolean {
  const key = part.toLowerCase();
  for (const r of pkg.relationships) {
    if (!r.target || r.target === sheetPart || !/^(worksheet|chartsheet|dialogsheet)$/.test(r.type) || !pkg.entry(r.target)) continue;
    if (pkg.relationshipsOf(r.target).some((d) => d.type === "drawing" && d.target?.toLowerCase() === key)) return true;
  }
  return false;
}

/** The previous report's drawing: the parts that go, and what stays. */
function previousDrawing(pkg: WorkbookPackage, sheetPart: string): { removed: string[]; kept: Kept | null } {
  const removed: string[] = [];
  const rel = pkg.relationshipsOf(sheetPart).find((r) => r.type === "drawing" && r.target && pkg.entry(r.target));
  if (!rel?.target) return { removed, kept: null };
  const part = rel.target;
  // A drawing that another sheet also shows is not the report's to change: it stays as it is, with everything it
  // holds, and the new report gets a drawing of its own (the rebuilt report sheet no longer points at the old one).
  if (sharedWithAnotherSheet(pkg, part, sheetPart)) return { removed, kept: null };
  const tree = pkg.tree(part);
  if (tree.root.local !== "wsDr" || tree.root.ns !== SPREADSHEET_DRAWING_NS) return { removed, kept: null };
  removed.push(part);
  if (pkg.entry(relsPartOf(part))) removed.push(relsPartOf(part));
  const rels = pkg.relationshipsOf(part);
  const anchors = tree.root.elements().filter((e) => e.ns === SPREADSHEET_DRAWING_NS && /Anchor$/.test(e.local));
  const titleOf = (rid: string): string | null => {
    const target = rels.find((r) => r.id === rid && r.type === "chart")?.target;
    if (!target || !pkg.entry(target)) return null;
    try {
      const root = pkg.tree(target).root;
      return root.local === "chartSpace" && root.ns === CHART_NS ? root.element("chart", CHART_NS)?.element("title", CHART_NS)?.element("tx", CHART_NS)?.textContent() ?? null : null;
    } catch {
      // A chart part that cannot be read is no chart of the report's: it is kept as it is.
      return null;
    }
  };
  const own = anchors.filter((a) => isOwnAnchor(a, titleOf));
  const others = anchors.filter((a) => !own.includes(a));
  const ownIds = new Set<string>();
  for (const a of own) referencedIds(a, ownIds);
  const otherIds = new Set<string>();
  for (const a of others) referencedIds(a, otherIds);
  for (const r of rels) {
    if (!ownIds.has(r.id) || otherIds.has(r.id) || r.type !== "chart" || !r.target || !pkg.entry(r.target)) continue;
    removed.push(r.target);
    if (pkg.entry(relsPartOf(r.target))) removed.push(relsPartOf(r.target));
    for (const sub of pkg.relationshipsOf(r.target)) if (OWN_CHART_PARTS.has(sub.type) && sub.target && pkg.entry(sub.target)) removed.push(sub.target);
  }
  if (others.length === 0) return { removed, kept: null };
  for (const a of own) tree.root.remove(a);
  return { removed, kept: { part, wsDr: tree.root, rels: rels.filter((r) => otherIds.has(r.id)).map((r) => r.element) } };
}

/**
 * Plans the report sheet's drawing: what of a previous report's drawing goes (its own charts, by their name), what
 * stays (anything else in it), and the parts of the new charts under free names. `taken` says whether a part name is
 * in use in the package being written.
 */
export function planReportDrawing(args: {
  layout: SheetLayout;
  sheetPart: string;
  /** The package and the previous report sheet's part, when the report replaces one. */
  previous: { pkg: WorkbookPackage; sheetPart: string } | null;
  taken: (part: string) => boolean;
}): DrawingPlan {
  const { layout, sheetPart } = args;
  const { removed, kept } = args.previous ? previousDrawing(args.previous.pkg, args.previous.sheetPart) : { removed: [], kept: null };
  if (layout.charts.length === 0 && !kept) return { removed, added: [], drawingRelId: null };
  const added: DrawingPlan["added"] = [];
  const mine = new Set<string>();
  const gone = new Set(removed.map((p) => p.toLowerCase()));
  const free = (dir: string, stem: string) => {
    for (let n = 1; ; n++) {
      const p = path.posix.join(dir, `${stem}${n}.xml`);
      if ((gone.has(p.toLowerCase()) || !args.taken(p)) && !mine.has(p.toLowerCase())) {
        mine.add(p.toLowerCase());
        return p;
      }
    }
  };
  const base = path.posix.dirname(path.posix.dirname(sheetPart));
  // A kept drawing keeps its part (and folder), so the targets of what it holds read as they did.
  const drawingPart = kept?.part ?? free(path.posix.join(base, "drawings"), "drawing");
  const wsDr = kept?.wsDr ?? root(SPREADSHEET_DRAWING_NS, "wsDr", [SPREADSHEET_DRAWING_NS, DRAWINGML_NS]);
  const drawingRels = root(PACKAGE_RELATIONSHIPS_NS, "Relationships", [PACKAGE_RELATIONSHIPS_NS]);
  const relIds = new Set<string>();
  for (const r of kept?.rels ?? []) {
    const copy = add(drawingRels, PACKAGE_RELATIONSHIPS_NS, "Relationship");
    for (const a of r.attrs) if (a.ns === "") copy.setAttr(a.local, a.value);
    relIds.add(r.attr("Id") ?? "");
  }
  const freeRel = () => {
    for (let n = 1; ; n++) {
      if (relIds.has(`rId${n}`)) continue;
      relIds.add(`rId${n}`);
      return `rId${n}`;
    }
  };
  // Drawing object ids are unique within the drawing.
  // (A loop, not a spread into Math.max: a drawing may hold more objects than a call takes arguments.)
  let nextId = 2;
  for (const e of findAll(wsDr, "cNvPr")) nextId = Math.max(nextId, (Number(e.attr("id")) || 0) + 1);
  for (const chart of layout.charts) {
    const part = free(path.posix.join(base, "charts"), "chart");
    const rid = freeRel();
    add(drawingRels, PACKAGE_RELATIONSHIPS_NS, "Relationship", { Id: rid, Type: REL_BASE + "chart", Target: path.posix.relative(path.posix.dirname(drawingPart), part) });
    chartAnchor(wsDr, chart, nextId++, rid);
    added.push({ part, data: chartXml(chart, layout.sheetName, layout.values), contentType: CHART_CONTENT_TYPE });
  }
  added.push({ part: drawingPart, data: doc(wsDr), contentType: DRAWING_CONTENT_TYPE });
  added.push({ part: relsPartOf(drawingPart), data: doc(drawingRels), contentType: null });
  const drawingRelId = "rId1";
  const sheetRels = root(PACKAGE_RELATIONSHIPS_NS, "Relationships", [PACKAGE_RELATIONSHIPS_NS]);
  add(sheetRels, PACKAGE_RELATIONSHIPS_NS, "Relationship", { Id: drawingRelId, Type: REL_BASE + "drawing", Target: path.posix.relative(path.posix.dirname(sheetPart), drawingPart) });
  added.push({ part: relsPartOf(sheetPart), data: doc(sheetRels), contentType: null });
  return { removed, added, drawingRelId };
}

/**
 * The content types of a drawing plan: an override for every part added (a relationships part is known by its
 * extension, whose default is added where a package lacks it) and none left for a part removed.
 */
export function applyContentTypes(types: XmlDocument, plan: DrawingPlan): void {
  const rootEl = types.root;
  const gone = new Set(plan.removed.map((p) => "/" + p.toLowerCase()));
  for (const o of rootEl.elements("Override", CONTENT_TYPES_NS)) if (gone.has((o.attr("PartName") ?? "").toLowerCase())) rootEl.remove(o);
  if (plan.added.some((a) => a.contentType === null) && !rootEl.elements("Default", CONTENT_TYPES_NS).some((d) => (d.attr("Extension") ?? "").toLowerCase() === "rels")) {
    const d = rootEl.create("Default", CONTENT_TYPES_NS);
    d.setAttr("Extension", "rels");
    d.setAttr("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
    rootEl.insert(d, 0);
  }
  for (const a of plan.added) {
    if (a.contentType === null) continue;
    const o = rootEl.create("Override", CONTENT_TYPES_NS);
    o.setAttr("PartName", "/" + a.part);
    o.setAttr("ContentType", a.contentType);
    rootEl.insert(o);
  }
}

function findAll(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [el];
  while (stack.length) {
    const e = stack.pop() as XmlElement;
    if (e.local === local) out.push(e);
    for (const c of e.children) if (c instanceof XmlElement) stack.push(c);
  }
  return out;
}
