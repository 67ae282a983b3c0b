/**
 * The charts of a report sheet as the file holds them: its drawing's anchors (name, alt text, cells covered) and each
 * chart part's series (ranges, fills, per-point looks and labels), axes and plot area, read with the package's own
 * namespace-aware parser. Used to compare the command line's charts with what the Office host drew in the stand-in
 * Excel, and to check the parts themselves.
 */
import * as fs from "fs";
import { rangeAddress } from "../../src/core/references";
import { CHART_NS, DRAWINGML_NS, SPREADSHEET_DRAWING_NS } from "../../src/hosts/xlsx/package/write/charts";
import { WorkbookPackage } from "../../src/hosts/xlsx/package/read/workbookPackage";
import { XmlElement } from "../../src/hosts/xlsx/package/xml/tree";

export interface PartSeries {
  name: string;
  /** "bar" for the chart's bars or columns, "line" for a line drawn over them (or a line chart's). */
  group: "bar" | "line";
  values: string;
  categories: string;
  fill: string | null;
  line: string | null;
  points: Record<number, { fill: string | null; line: string | null }>;
  labelFormat: string | null;
  labelTexts: Record<number, string>;
}

export interface PartChart {
  part: string;
  name: string;
  altTitle: string | null;
  altDescription: string | null;
  /** The cells covered, as A1:B2. */
  anchor: string;
  title: string;
  barDir: string | null;
  grouping: string | null;
  series: PartSeries[];
  gapWidth: number | null;
  overlap: number | null;
  valueAxis: { min: number | null; max: number | null; deleted: boolean };
  categoriesReversed: boolean;
  categoryRotation: number;
  plot: { x: number; y: number; w: number; h: number };
}

const num = (el: XmlElement | null, local: string): number | null => {
  const v = el?.element(local, CHART_NS)?.attr("val");
  return v === undefined || v === null ? null : Number(v);
};

function colour(spPr: XmlElement | null): { fill: string | null; line: string | null } {
  const fill = spPr?.element("solidFill", DRAWINGML_NS)?.element("srgbClr", DRAWINGML_NS)?.attr("val") ?? null;
  const line = spPr?.element("ln", DRAWINGML_NS)?.element("solidFill", DRAWINGML_NS)?.element("srgbClr", DRAWINGML_NS)?.attr("val") ?? null;
  return { fill, line };
}

function series(ser: XmlElement, group: "bar" | "line"): PartSeries {
  const points: PartSeries["points"] = {};
  for (const d of ser.elements("dPt", CHART_NS)) points[num(d, "idx") as number] = colour(d.element("spPr", CHART_NS));
  const dLbls = ser.element("dLbls", CHART_NS);
  const labelTexts: Record<number, string> = {};
  for (const d of dLbls?.elements("dLbl", CHART_NS) ?? []) {
    const rich = d.element("tx", CHART_NS)?.element("rich", CHART_NS);
    if (rich) labelTexts[num(d, "idx") as number] = rich.textContent();
  }
  const { fill, line } = colour(ser.element("spPr", CHART_NS));
  return {
    name: ser.element("tx", CHART_NS)?.element("v", CHART_NS)?.textContent() ?? "",
    group,
    values: ser.element("val", CHART_NS)?.element("numRef", CHART_NS)?.element("f", CHART_NS)?.textContent() ?? "",
    categories: ser.element("cat", CHART_NS)?.element("strRef", CHART_NS)?.element("f", CHART_NS)?.textContent() ?? "",
    fill,
    line,
    points,
    labelFormat: dLbls?.element("numFmt", CHART_NS)?.attr("formatCode") ?? null,
    labelTexts,
  };
}

/** The charts of a sheet in an .xlsx file, in the order of its drawing's anchors. */
export function chartParts(file: string, sheetName: string): PartChart[] {
  const pkg = WorkbookPackage.open(fs.readFileSync(file), file);
  const sheet = pkg.sheets.find((s) => s.name === sheetName);
  if (!sheet?.part) throw new Error(`no sheet ${sheetName}`);
  const drawing = pkg.relationshipsOf(sheet.part).find((r) => r.type === "drawing");
  if (!drawing?.target) return [];
  const rels = new Map(pkg.relationshipsOf(drawing.target).map((r) => [r.id, r.target]));
  const out: PartChart[] = [];
  for (const anchor of pkg.tree(drawing.target).root.elements("twoCellAnchor", SPREADSHEET_DRAWING_NS)) {
    const frame = anchor.element("graphicFrame", SPREADSHEET_DRAWING_NS);
    const ref = frame?.element("graphic", DRAWINGML_NS)?.element("graphicData", DRAWINGML_NS)?.element("chart", CHART_NS);
    if (!frame || !ref) continue;
    const rid = ref.attrs.find((a) => a.local === "id")?.value ?? "";
    const part = rels.get(rid) as string;
    const cNvPr = frame.element("nvGraphicFramePr", SPREADSHEET_DRAWING_NS)?.element("cNvPr", SPREADSHEET_DRAWING_NS);
    const at = (local: string) => {
      const m = anchor.element(local, SPREADSHEET_DRAWING_NS);
      return { row: Number(m?.element("row", SPREADSHEET_DRAWING_NS)?.textContent()), col: Number(m?.element("col", SPREADSHEET_DRAWING_NS)?.textContent()) };
    };
    const from = at("from"), to = at("to");
    const chart = pkg.tree(part).root.element("chart", CHART_NS) as XmlElement;
    const area = chart.element("plotArea", CHART_NS) as XmlElement;
    const bar = area.element("barChart", CHART_NS);
    const lines = area.element("lineChart", CHART_NS);
    const manual = area.element("layout", CHART_NS)?.element("manualLayout", CHART_NS) ?? null;
    const valAx = area.element("valAx", CHART_NS);
    const catAx = area.element("catAx", CHART_NS);
    const rot = catAx?.element("txPr", CHART_NS)?.element("bodyPr", DRAWINGML_NS)?.attr("rot");
    out.push({
      part,
      name: cNvPr?.attr("name") ?? "",
      altTitle: cNvPr?.attr("title") ?? null,
      altDescription: cNvPr?.attr("descr") ?? null,
      anchor: rangeAddress(from.row, from.col, to.row - from.row, to.col - from.col),
      title: chart.element("title", CHART_NS)?.element("tx", CHART_NS)?.textContent() ?? "",
      barDir: bar?.element("barDir", CHART_NS)?.attr("val") ?? null,
      grouping: (bar ?? lines)?.element("grouping", CHART_NS)?.attr("val") ?? null,
      series: [
        ...(bar?.elements("ser", CHART_NS) ?? []).map((s) => series(s, "bar")),
        ...(lines?.elements("ser", CHART_NS) ?? []).map((s) => series(s, "line")),
      ],
      gapWidth: num(bar, "gapWidth"),
      overlap: num(bar, "overlap"),
      valueAxis: { min: num(valAx?.element("scaling", CHART_NS) ?? null, "min"), max: num(valAx?.element("scaling", CHART_NS) ?? null, "max"), deleted: valAx?.element("delete", CHART_NS)?.attr("val") === "1" },
      categoriesReversed: catAx?.element("scaling", CHART_NS)?.element("orientation", CHART_NS)?.attr("val") === "maxMin",
      categoryRotation: rot ? Number(rot) / 60_000 : 0,
      plot: { x: num(manual, "x") ?? 0, y: num(manual, "y") ?? 0, w: num(manual, "w") ?? 0, h: num(manual, "h") ?? 0 },
    });
  }
  return out;
}
