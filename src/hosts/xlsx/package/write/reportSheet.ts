/**
 * The report tab as SpreadsheetML: the laid-out report (values, style rectangles, merges, widths, heights, page
 * breaks, print set-up) written as one worksheet part, and its cell formats as a style table that is appended to
 * the workbook's own styles.xml. Values are values: text is an inline string (never a formula), numbers are
 * written in their shortest exact form.
 */
import { cellAddress, rangeAddress } from "../../../../core/references";
import { CellStyle } from "../../../../report/model";
import { SheetLayout } from "../../../../report/layout";
import { LIMITS } from "../limits";
import { RELATIONSHIPS_NS, SPREADSHEET_NS } from "../namespaces";
import { escapeAttr, valueText } from "../xml/escape";
import { parseXmlText, XmlDocument, XmlElement } from "../xml/tree";

const BASE_FONT_SIZE = 10;
const BORDER_COLOR = "FF7F7F7F";
const GRID_COLOR = "FFFFFFFF";

interface Xf {
  font: number;
  fill: number;
  border: number;
  /** Format code, or null for General. */
  format: string | null;
  align: string;
}

/** The cell formats a report uses, deduplicated, in the order they were first needed. */
export class ReportStyles {
  readonly fonts: string[] = [];
  readonly fills: string[] = [];
  readonly borders: string[] = [];
  readonly xfs: Xf[] = [];
  private readonly fontIndex = new Map<string, number>();
  private readonly fillIndex = new Map<string, number>();
  private readonly borderIndex = new Map<string, number>();
  private readonly xfIndex = new Map<string, number>();

  /** The local index of the cell format for a report style (undefined: the report's base format). */
  xfOf(style: CellStyle | null | undefined): number {
    const s = style ?? {};
    const font = this.intern(this.fonts, this.fontIndex, fontXml(s));
    const fill = s.fill ? this.intern(this.fills, this.fillIndex, `<patternFill patternType="solid"><fgColor rgb="FF${s.fill.toUpperCase()}"/><bgColor indexed="64"/></patternFill>`) : -1;
    const border = s.borderTop || s.borderBottom || s.grid ? this.intern(this.borders, this.borderIndex, borderXml(s)) : -1;
    const align = alignmentXml(s);
    const xf: Xf = { font, fill, border, format: s.numberFormat ?? null, align };
    const key = JSON.stringify(xf);
    let i = this.xfIndex.get(key);
    if (i === undefined) {
      i = this.xfs.length;
      this.xfs.push(xf);
      this.xfIndex.set(key, i);
    }
    return i;
  }

  private intern(list: string[], index: Map<string, number>, xml: string): number {
    let i = index.get(xml);
    if (i === undefined) {
      i = list.length;
      list.push(xml);
      index.set(xml, i);
    }
    return i;
  }
}

function fontXml(s: CellStyle): string {
  let x = "";
  if (s.bold) x += "<b/>";
  if (s.italic) x += "<i/>";
  x += `<sz val="${s.size ?? BASE_FONT_SIZE}"/>`;
  if (s.color) x += `<color rgb="FF${s.color.toUpperCase()}"/>`;
  x += '<name val="Calibri"/><family val="2"/>';
  return x;
}

function borderXml(s: CellStyle): string {
  const edge = (name: string, style: string | undefined, color: string) => (style ? `<${name} style="${style}"><color rgb="${color}"/></${name}>` : `<${name}/>`);
  if (s.grid) return ["left", "right", "top", "bottom"].map((e) => edge(e, "thin", GRID_COLOR)).join("") + "<diagonal/>";
  return `<left/><right/>${edge("top", s.borderTop, BORDER_COLOR)}${edge("bottom", s.borderBottom, BORDER_COLOR)}<diagonal/>`;
}

function alignmentXml(s: CellStyle): string {
  let a = "";
  if (s.align) a += ` horizontal="${s.align}"`;
  a += ` vertical="${s.bottom ? "bottom" : "top"}"`;
  if (s.wrap) a += ' wrapText="1"';
  if (s.indent) a += ` indent="${s.indent}"`;
  return `<alignment${a}/>`;
}

/** Escapes the literal `&` of user text for a header or footer, where `&` starts a code. */
function headerText(s: string): string {
  return s.split("&").join("&&");
}

/**
 * The worksheet XML of a laid-out report. `xfBase` is added to every local format index (the position of the
 * report's formats after the workbook's own). `ns` is the SpreadsheetML namespace of the workbook (transitional
 * or strict).
 */
export function reportSheetXml(layout: SheetLayout, styles: ReportStyles, xfBase: number, ns: string, drawingRelId: string | null = null): Buffer {
  const grid: (number | null)[][] = Array.from({ length: layout.rowCount }, () => new Array(layout.colCount).fill(null));
  const base = styles.xfOf(undefined);
  for (let r = 0; r < layout.rowCount; r++) for (let c = 0; c < layout.colCount; c++) if (layout.values[r][c] !== null) grid[r][c] = base;
  for (const rect of layout.styles) {
    const xf = styles.xfOf(rect.style);
    for (let r = rect.row; r < rect.row + rect.rows; r++) for (let c = rect.col; c < rect.col + rect.cols; c++) grid[r][c] = xf;
  }
  const heights = new Map(layout.rowHeights.map((h) => [h.row, h.height]));
  const parts: string[] = [];
  // The charts' drawing (charts.ts) is the sheet's one relationship, in the relationships namespace of its spelling.
  const rNs = drawingRelId === null ? "" : ` xmlns:r="${RELATIONSHIPS_NS[SPREADSHEET_NS.indexOf(ns)] ?? RELATIONSHIPS_NS[0]}"`;
  parts.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}"${rNs}>`);
  const lastCol = Math.max(0, layout.colCount - 1);
  parts.push(`<dimension ref="${rangeAddress(0, 0, Math.max(1, layout.rowCount), lastCol + 1)}"/>`);
  parts.push('<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>');
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (layout.columnWidths.length) {
    parts.push("<cols>");
    layout.columnWidths.forEach((w, c) => {
      const hidden = layout.hiddenColumns.includes(c) ? ' hidden="1"' : "";
      parts.push(`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"${hidden}/>`);
    });
    parts.push("</cols>");
  }
  parts.push("<sheetData>");
  for (let r = 0; r < layout.rowCount; r++) {
    const h = heights.get(r);
    const cells: string[] = [];
    for (let c = 0; c < layout.colCount; c++) {
      const xf = grid[r][c];
      const v = layout.values[r][c];
      if (xf === null && v === null) continue;
      const ref = cellAddress(r, c);
      const s = ` s="${(xf ?? base) + xfBase}"`;
      // String(n) is the shortest text that reads back as exactly this number.
      if (typeof v === "number" && Number.isFinite(v)) cells.push(`<c r="${ref}"${s}><v>${String(v)}</v></c>`);
      else if (typeof v === "string" && v !== "") cells.push(`<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${valueText(v)}</t></is></c>`);
      else cells.push(`<c r="${ref}"${s}/>`);
    }
    if (cells.length === 0 && h === undefined) continue;
    parts.push(`<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${cells.join("")}</row>`);
  }
  parts.push("</sheetData>");
  if (layout.merges.length) {
    parts.push(`<mergeCells count="${layout.merges.length}">`);
    for (const m of layout.merges) parts.push(`<mergeCell ref="${rangeAddress(m.row, m.col, m.rows, m.cols)}"/>`);
    parts.push("</mergeCells>");
  }
  parts.push('<printOptions horizontalCentered="1"/>');
  const m = layout.print.margins;
  parts.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
  parts.push(`<pageSetup paperSize="9" scale="${layout.print.scale}" orientation="${layout.print.orientation}"/>`);
  const footer = `&L&8${headerText(layout.print.footerLeft)}&R&8${layout.print.footerRight}`;
  parts.push(`<headerFooter><oddFooter>${valueText(footer)}</oddFooter></headerFooter>`);
  if (layout.pageBreaks.length) {
    parts.push(`<rowBreaks count="${layout.pageBreaks.length}" manualBreakCount="${layout.pageBreaks.length}">`);
    for (const r of layout.pageBreaks) parts.push(`<brk id="${r}" max="16383" man="1"/>`);
    parts.push("</rowBreaks>");
  }
  if (drawingRelId !== null) parts.push(`<drawing r:id="${escapeAttr(drawingRelId)}"/>`);
  parts.push("</worksheet>");
  return Buffer.from(parts.join(""), "utf8");
}

/** Schema order of the sections of a stylesheet, for inserting one that is missing. */
const STYLE_SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** The section element of a stylesheet, created in its schema position (with Excel's required defaults) when missing. */
function section(root: XmlElement, local: string, defaults: string[]): XmlElement {
  const existing = root.element(local, root.ns);
  if (existing) return existing;
  const el = root.childInOrder(local, STYLE_SECTIONS);
  for (const d of defaults) appendFragment(el, d);
  return el;
}

/** Appends a fragment written in SpreadsheetML (no prefixes) under `parent`, in parent's own spelling of the namespace. */
function appendFragment(parent: XmlElement, xml: string): void {
  // The fragments are the report's own, small and known: parse them with the same strict parser.
  const doc = parseXmlText(`<r xmlns="${parent.ns}">${xml}</r>`);
  for (const child of doc.root.children) if (child instanceof XmlElement) parent.insert(adopt(child, parent));
}

/** Re-homes an element (and its subtree) parsed elsewhere under `parent`, spelled with parent's prefixes. */
function adopt(el: XmlElement, parent: XmlElement): XmlElement {
  const copy = parent.create(el.local, el.ns);
  for (const a of el.attrs) if (a.ns === "") copy.setAttr(a.local, a.value);
  for (const c of el.children) {
    if (c instanceof XmlElement) copy.insert(adopt(c, copy));
    else copy.children.push(c);
  }
  return copy;
}

function countOf(el: XmlElement, local: string): number {
  return el.elements(local, el.ns).length;
}

/**
 * Appends the report's fonts, fills, borders, number formats and cell formats to a workbook's stylesheet (edited
 * as a tree, every other part of it kept); returns where the report's cell formats start.
 */
export function appendReportStyles(doc: XmlDocument, styles: ReportStyles): number {
  const root = doc.root;
  const fonts = section(root, "fonts", ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']);
  const fills = section(root, "fills", ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  const borders = section(root, "borders", ["<border><left/><right/><top/><bottom/><diagonal/></border>"]);
  const styleXfs = section(root, "cellStyleXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']);
  const cellXfs = section(root, "cellXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  const fontBase = countOf(fonts, "font");
  const fillBase = countOf(fills, "fill");
  const borderBase = countOf(borders, "border");
  const xfBase = countOf(cellXfs, "xf");
  for (const f of styles.fonts) appendFragment(fonts, `<font>${f}</font>`);
  for (const f of styles.fills) appendFragment(fills, `<fill>${f}</fill>`);
  for (const b of styles.borders) appendFragment(borders, `<border>${b}</border>`);

  // Number formats: reuse the workbook's own id for a code it has, otherwise the lowest custom id not in use (an
  // id above every one in use could pass what readers take: an unused format may have id 2147483647).
  const codes = new Map<string, number>();
  const numFmts = root.element("numFmts", root.ns);
  const usedIds = new Set<number>();
  for (const nf of numFmts?.elements("numFmt", root.ns) ?? []) {
    const id = Number(nf.attr("numFmtId"));
    const code = nf.attr("formatCode");
    if (Number.isInteger(id)) usedIds.add(id);
    if (code !== null && Number.isInteger(id) && !codes.has(code)) codes.set(code, id);
  }
  let nextId = LIMITS.minCustomNumFmtId;
  const formatId = (code: string | null): number => {
    if (code === null) return 0;
    let id = codes.get(code);
    if (id === undefined) {
      while (usedIds.has(nextId)) nextId++;
      id = nextId++;
      codes.set(code, id);
      appendFragment(section(root, "numFmts", []), `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  };
  for (const xf of styles.xfs) {
    const fill = xf.fill < 0 ? 0 : fillBase + xf.fill;
    const border = xf.border < 0 ? 0 : borderBase + xf.border;
    const numFmtId = formatId(xf.format);
    appendFragment(
      cellXfs,
      `<xf numFmtId="${numFmtId}" fontId="${fontBase + xf.font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${xf.align}</xf>`,
    );
  }
  for (const [el, local] of [[fonts, "font"], [fills, "fill"], [borders, "border"], [cellXfs, "xf"], [styleXfs, "xf"], [numFmts ?? root.element("numFmts", root.ns), "numFmt"]] as [XmlElement | null, string][]) {
    if (el) el.setAttr("count", String(countOf(el, local)));
  }
  return xfBase;
}

/** A stylesheet of its own for a package that had none (or for a report-only workbook). */
export function emptyStylesheet(ns: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}
