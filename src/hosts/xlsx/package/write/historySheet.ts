/**
 * The forecast history (`Prognoshistorik`) in the output copy: a plan from contract/historyWrite.ts carried out on the
 * package. A new history is a worksheet part of its own, added last, with the workbook name `Prognoshistorik`. An
 * existing one is edited in its own text: each `<row>` the plan does not touch is copied exactly as it was written,
 * character for character; a touched row keeps its start tag and every cell outside the plan's columns, and gets the
 * plan's cells in place of its own in those columns. Only `<dimension>` and the rows themselves change; everything
 * else in the part, and every other part, stays as it was (splice.ts copies them).
 *
 *   const target = historyTarget(layout, sheetNames, …);            // contract: ours, or why not
 *   const sheet = openHistorySheet(pkg, layout);                     // facts for the plan, and the parsed part
 *   const { plan } = planHistory(target, sheet.facts, current);
 *   spliceReport(pkg, layout, { …, history: { plan, sheet } });
 */
import { cellAddress, parseA1, parseRangeRef, rangeAddress } from "../../../../core/references";
import { canon } from "../../../../core/text";
import { classifyFormula } from "../../../../contract/references";
import { HistoryLayout } from "../../../../contract/readHistory";
import { HistoryFacts, HistoryPlan, HistoryValue, SheetRect } from "../../../../contract/historyWrite";
import { WorkbookPackage } from "../read/workbookPackage";
import { refuseXml, XmlSyntaxError } from "../xml/refusal";
import { escapeAttr, escapeText } from "../xml/escape";
import { decodeXmlBytes, parseXmlText, XmlElement } from "../xml/tree";
import { ReportStyles } from "./reportSheet";

/** An existing history sheet: its part, its text as parsed, and what the plan needs to know of it. */
export interface HistorySheet {
  part: string;
  text: string;
  /** The text was not UTF-8 (it is written back as UTF-8, with a declaration saying so). */
  recode: boolean;
  root: XmlElement;
  facts: HistoryFacts;
}

/** The workbook-scoped defined name `Prognoshistorik` and the rectangle it refers to (zero-based), or null. */
function historyName(pkg: WorkbookPackage, name: string): { element: XmlElement; rect: SheetRect } | null {
  const d = pkg.definedNames.find((n) => n.localSheetId === null && canon(n.name) === canon(name));
  if (!d) return null;
  const c = classifyFormula(d.formula, pkg.sheets.map((s) => s.name));
  if ("kind" in c) return null;
  return { element: d.element, rect: { top: c.rect.top - 1, left: c.rect.left - 1, bottom: c.rect.bottom - 1, right: c.rect.right - 1 } };
}

/** A cell's or row's position from its `r` attribute, or the one after the previous (the attribute is optional). */
function positions(elements: readonly XmlElement[], read: (r: string) => number | null): number[] {
  const out: number[] = [];
  let previous = -1;
  for (const el of elements) {
    const r = el.attr("r");
    const at = r === null ? null : read(r);
    previous = at ?? previous + 1;
    out.push(previous);
  }
  return out;
}

const rowOf = (r: string) => (/^\d{1,7}$/.test(r) ? Number(r) - 1 : null);
const colOf = (r: string) => {
  const a = parseA1(r);
  return a ? a.col - 1 : null;
};

/** Whether a cell holds a value (a value, inline text or a formula), rather than only a format. */
function holdsValue(c: XmlElement): boolean {
  return c.elements(undefined, c.ns).some((e) => e.local === "v" || e.local === "is" || e.local === "f");
}

/**
 * Opens the sheet that holds an existing history of ours (`layout` as read): parses its part and finds the facts the
 * plan needs (the name's extent, the last row used in its columns, protection). Null when the part cannot be found.
 */
export function openHistorySheet(pkg: WorkbookPackage, layout: HistoryLayout, rangeName: string): HistorySheet | null {
  const info = pkg.sheets.find((s) => s.name.toLowerCase() === layout.sheet.toLowerCase());
  const name = historyName(pkg, rangeName);
  if (!info?.part || !name) return null;
  const entry = pkg.entry(info.part);
  if (!entry) return null;
  let text: string, encoding: string, root: XmlElement;
  try {
    ({ text, encoding } = decodeXmlBytes(pkg.zip.inflate(entry, "tree")));
    root = parseXmlText(text).root;
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw refuseXml(e, pkg.file, info.part);
    throw e;
  }
  const ns = root.ns;
  let usedBottom = -1;
  const sheetData = root.element("sheetData", ns);
  const rows = sheetData?.elements("row", ns) ?? [];
  const rowAt = positions(rows, rowOf);
  rows.forEach((row, i) => {
    const cells = row.elements("c", ns);
    const colAt = positions(cells, colOf);
    cells.forEach((c, j) => {
      if (colAt[j] >= name.rect.left && colAt[j] <= name.rect.right && holdsValue(c)) usedBottom = Math.max(usedBottom, rowAt[i]);
    });
  });
  const protection = root.element("sheetProtection", ns);
  const sheetFlag = protection?.attr("sheet");
  return {
    part: info.part,
    text,
    recode: encoding.toLowerCase().replace(/[^a-z0-9]/g, "") !== "utf8",
    root,
    facts: { name: name.rect, usedBottom, protected: sheetFlag === "1" || sheetFlag === "true" },
  };
}

/** The history's cell formats (a bold header), registered among the report's: splice.ts appends them all to the workbook's styles. */
export interface HistoryStyles {
  header: number;
}

export function historyStyles(styles: ReportStyles): HistoryStyles {
  return { header: styles.xfOf({ bold: true }) };
}

/** Writes cells and rows in one namespace spelling (`x:` for a prefixed sheet, none for the usual one). */
class CellWriter {
  constructor(private readonly prefix: string) {}

  tag(local: string): string {
    return this.prefix ? `${this.prefix}:${local}` : local;
  }

  /** One cell; `xf` is the style to keep (or give), null for none. Empty values give no cell. */
  cell(row: number, col: number, value: HistoryValue, xf: number | null): string {
    if (value === null) return "";
    const s = xf === null ? "" : ` s="${xf}"`;
    const ref = cellAddress(row, col);
    const c = this.tag("c");
    if (typeof value === "number") return `<${c} r="${ref}"${s}><${this.tag("v")}>${String(value)}</${this.tag("v")}></${c}>`;
    const is = this.tag("is"), t = this.tag("t");
    return `<${c} r="${ref}"${s} t="inlineStr"><${is}><${t} xml:space="preserve">${escapeText(value)}</${t}></${is}></${c}>`;
  }

  /** The cells of a planned row, with the styles its old cells had (by column) where there were any. */
  plannedCells(plan: HistoryPlan, row: number, values: readonly HistoryValue[], oldXf: Map<number, number>): { col: number; xml: string }[] {
    return plan.columns.map((c, i) => ({ col: c.col, xml: this.cell(row, c.col, values[i], oldXf.get(c.col) ?? null) }));
  }
}

/**
 * The history sheet of a plan, as worksheet XML: a new sheet for `create`, the existing sheet's text edited for an
 * update. `xfBase` is where the report's (and the history's) formats start in the workbook's styles.
 */
export function historySheetXml(plan: HistoryPlan, sheet: HistorySheet | null, styles: HistoryStyles, xfBase: number, ns: string): Buffer {
  return plan.create || !sheet ? newSheet(plan, styles.header + xfBase, ns) : editedSheet(plan, sheet);
}

function newSheet(plan: HistoryPlan, headerXf: number, ns: string): Buffer {
  const w = new CellWriter("");
  const last = plan.rows.length ? plan.rows[plan.rows.length - 1].row : 0;
  const right = Math.max(...plan.columns.map((c) => c.col));
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}">`];
  parts.push(`<dimension ref="${rangeAddress(0, 0, last + 1, right + 1)}"/>`);
  parts.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>');
  for (const c of plan.columns) parts.push(`<col min="${c.col + 1}" max="${c.col + 1}" width="${c.width}" customWidth="1"/>`);
  parts.push("</cols><sheetData>");
  parts.push(`<row r="1">${plan.columns.map((c) => w.cell(0, c.col, c.header, headerXf)).join("")}</row>`);
  for (const r of plan.rows) parts.push(`<row r="${r.row + 1}">${w.plannedCells(plan, r.row, r.values, new Map()).map((c) => c.xml).join("")}</row>`);
  parts.push('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return Buffer.from(parts.join(""), "utf8");
}

/** The start tag of an element as written, or rebuilt (with `r`, without `spans`) when it closed itself or had no `r`. */
function startTag(text: string, el: XmlElement, r: string): string {
  if (el.openEnd !== el.end && el.attr("r") !== null && el.attr("spans") === null) return text.slice(el.start, el.openEnd);
  const attrs = el.attrs.filter((a) => !(a.ns === "" && (a.local === "r" || a.local === "spans")));
  return `<${el.qname} r="${r}"${attrs.map((a) => ` ${a.qname}="${escapeAttr(a.value)}"`).join("")}>`;
}

/** A cell kept as written; given an `r` when it had none (its place would otherwise change among new cells). */
function keptCell(text: string, c: XmlElement, col: number, row: number): string {
  const written = text.slice(c.start, c.end);
  if (c.attr("r") !== null) return written;
  const head = 1 + c.qname.length;
  return `${written.slice(0, head)} r="${cellAddress(row, col)}"${written.slice(head)}`;
}

function editedSheet(plan: HistoryPlan, sheet: HistorySheet): Buffer {
  const { text, root } = sheet;
  const ns = root.ns;
  const sheetData = root.element("sheetData", ns) as XmlElement;
  const rows = sheetData.elements("row", ns);
  const rowAt = positions(rows, rowOf);
  const w = new CellWriter(sheetData.prefix);
  const writes = new Map(plan.rows.map((r) => [r.row, r.values]));
  const clears = new Set(plan.clear);
  const planned = new Set(plan.columns.map((c) => c.col));
  const out: string[] = [];
  const fresh = (row: number) => `<${w.tag("row")} r="${row + 1}">${w.plannedCells(plan, row, writes.get(row) as HistoryValue[], new Map()).map((c) => c.xml).join("")}</${w.tag("row")}>`;
  // Planned rows that no row element holds yet, in order, placed between the rows around them.
  const existing = new Set(rowAt);
  const pending = plan.rows.map((r) => r.row).filter((r) => !existing.has(r));
  let p = 0;
  rows.forEach((row, i) => {
    const at = rowAt[i];
    while (p < pending.length && pending[p] < at) out.push(fresh(pending[p++]));
    if (!writes.has(at) && !clears.has(at)) {
      out.push(text.slice(row.start, row.end));
      return;
    }
    // A row the plan touches: its cells outside the plan's columns stay; its own cells in them give way.
    const cells = row.elements("c", ns);
    const colAt = positions(cells, colOf);
    const kept: { col: number; xml: string }[] = [];
    const oldXf = new Map<number, number>();
    cells.forEach((c, j) => {
      if (!planned.has(colAt[j])) kept.push({ col: colAt[j], xml: keptCell(text, c, colAt[j], at) });
      else if (/^\d+$/.test(c.attr("s") ?? "")) oldXf.set(colAt[j], Number(c.attr("s")));
    });
    const values = writes.get(at);
    const all = values ? [...kept, ...w.plannedCells(plan, at, values, oldXf)] : kept;
    all.sort((a, b) => a.col - b.col);
    const inner = all.map((c) => c.xml).join("");
    if (!values && kept.length === 0) return; // a cleared row with nothing else in it goes
    out.push(`${startTag(text, row, String(at + 1))}${inner}</${row.qname}>`);
  });
  while (p < pending.length) out.push(fresh(pending[p++]));

  // The text around sheetData stays; <dimension> is widened to what the sheet now holds.
  const pieces: { start: number; end: number; text: string }[] = [];
  const inner = out.join("");
  if (sheetData.openEnd === sheetData.end) pieces.push({ start: sheetData.start, end: sheetData.end, text: `<${sheetData.qname}>${inner}</${sheetData.qname}>` });
  else pieces.push({ start: sheetData.openEnd, end: sheetData.closeStart, text: inner });
  const dimension = root.element("dimension", ns);
  if (dimension) {
    const old = parseRangeRef(dimension.attr("ref") ?? "");
    const rowsWritten = plan.rows.map((r) => r.row), colsWritten = plan.columns.map((c) => c.col);
    const top = Math.min(old ? old.top - 1 : 0, ...rowsWritten), left = Math.min(old ? old.left - 1 : 0, ...colsWritten);
    const bottom = Math.max(old ? old.bottom - 1 : 0, ...rowsWritten), right = Math.max(old ? old.right - 1 : 0, ...colsWritten);
    const ref = rangeAddress(top, left, bottom - top + 1, right - left + 1);
    pieces.push({ start: dimension.start, end: dimension.end, text: `<${dimension.qname} ref="${ref}"/>` });
  }
  pieces.sort((a, b) => a.start - b.start);
  let result = "";
  let from = 0;
  if (sheet.recode) {
    // Written as UTF-8: a declaration naming another encoding would be wrong.
    result = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    from = root.start;
  }
  for (const piece of pieces) {
    result += text.slice(from, piece.start) + piece.text;
    from = piece.end;
  }
  result += text.slice(from);
  return Buffer.from(result, "utf8");
}
