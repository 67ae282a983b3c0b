/**
 * Puts the report sheet into a copy of the user's package. The workbook-level parts (workbook, its relationships,
 * content types, styles, extended properties) are edited as namespace-aware trees and serialised; every other part
 * is copied as it was, compressed bytes and all. The report comes first; the user's sheets follow in their order;
 * every defined name keeps its value and the sheet it is scoped to; the sheet the user had open stays open.
 * An earlier report sheet of the same name (the caller has checked that it is one of ours) is replaced.
 */
import * as path from "path";
import { quoteSheetName } from "../../../../core/references";
import { UppfoljningError } from "../../../../findings/errors";
import { SheetLayout } from "../../../../report/layout";
import { appendReportStyles, emptyStylesheet, reportSheetXml, ReportStyles } from "./reportSheet";
import { HistorySheet, historySheetXml, historyStyles } from "./historySheet";
import { historyNameFormula, HistoryPlan } from "../../../../contract/historyWrite";
import { HISTORY_RANGE } from "../../../../contract/readHistory";
import { canon } from "../../../../core/text";
import { applyContentTypes, planReportDrawing } from "./charts";
import { CONTENT_TYPES_NS, PACKAGE_RELATIONSHIPS_NS, RELATIONSHIPS_NS, SPREADSHEET_NS, STYLES_CONTENT_TYPE, VT_NS, WORKSHEET_CONTENT_TYPE } from "../namespaces";
import { relsPartOf, WorkbookPackage } from "../read/workbookPackage";
import { encodeXml, ooxmlValue, valueText } from "../xml/escape";
import { serializeXml } from "../xml/serialize";
import { parseXmlText, XmlDocument, XmlElement } from "../xml/tree";
import { writeZip, ZipSource } from "../zip/write";

const STRICT_MAIN = SPREADSHEET_NS[1];

/** Schema order of a workbook's children, for inserting one that is missing. */
const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
  "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
  "fileRecoveryPr", "webPublishObjects", "extLst",
];

function freeName(taken: (name: string) => boolean, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken(make(n))) return make(n);
}

/** A relative reference from one part's folder to another part. */
function relativeTarget(fromPart: string, toPart: string): string {
  const rel = path.posix.relative(path.posix.dirname(fromPart), toPart);
  return rel;
}

export interface SpliceOptions {
  sheetName: string;
  /** The print area, such as `$A$1:$K$120`, or null. */
  printArea: string | null;
  /** Time stamp for new zip entries. */
  now?: Date;
  /** The forecast history to write (contract/historyWrite.ts), with its sheet as opened when it exists. */
  history?: { plan: HistoryPlan; sheet: HistorySheet | null };
}

/** Returns the package with the report sheet spliced in. */
export function spliceReport(pkg: WorkbookPackage, layout: SheetLayout, options: SpliceOptions): Buffer {
  const edited = new Map<string, Buffer>();
  const removed = new Set<string>();
  const added: { part: string; data: Buffer }[] = [];
  const wb = pkg.workbook;
  const root = wb.root;
  const ns = root.ns;
  const strict = ns === STRICT_MAIN;
  const relNs = strict ? RELATIONSHIPS_NS[1] : RELATIONSHIPS_NS[0];
  const relBase = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const types = pkg.contentTypes;
  const workbookRelsPart = relsPartOf(pkg.workbookPart);
  const rels: XmlDocument = pkg.workbookRels ?? parseXmlText(`<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}"/>`);
  // Only parts of the right kind are edited: a relationship may point anywhere (at the theme, say).
  editable(pkg, pkg.workbookPart, wb, null, "workbook", SPREADSHEET_NS, "arbetsbok");
  if (pkg.workbookRels) editable(pkg, workbookRelsPart, pkg.workbookRels, "application/vnd.openxmlformats-package.relationships+xml", "Relationships", [PACKAGE_RELATIONSHIPS_NS], "relationslista");
  const partTaken = (p: string) => (!removed.has(p.toLowerCase()) && pkg.entry(p) !== null) || added.some((a) => a.part.toLowerCase() === p.toLowerCase());

  const sheetsEl = root.childInOrder("sheets", WORKBOOK_ORDER);
  const sheetEls = () => sheetsEl.elements("sheet", SPREADSHEET_NS);
  // Which sheet the user has open: the workbook view's active tab, or the first sheet when there is no view.
  const bookViews = root.element("bookViews", ns);
  const view = bookViews?.element("workbookView", ns) ?? null;
  const activeIndex = Number(view?.attr("activeTab") ?? 0) || 0;
  const activeEl: XmlElement | undefined = sheetEls()[activeIndex];

  // Remove an earlier report sheet.
  const oldIndex = sheetEls().findIndex((s) => (s.attr("name") ?? "").toLowerCase() === options.sheetName.toLowerCase());
  let oldSheetPart: string | null = null;
  if (oldIndex >= 0) {
    const old = sheetEls()[oldIndex];
    const rid = RELATIONSHIPS_NS.map((n) => old.attr("id", n)).find((v) => v !== null);
    const rel = pkg.relationships.find((r) => r.id === rid);
    if (rel?.target) {
      oldSheetPart = rel.target;
      removed.add(rel.target.toLowerCase());
      if (pkg.entry(relsPartOf(rel.target))) removed.add(relsPartOf(rel.target).toLowerCase());
      for (const o of types.root.elements("Override", CONTENT_TYPES_NS)) {
        if ((o.attr("PartName") ?? "").toLowerCase() === "/" + rel.target.toLowerCase()) types.root.remove(o);
      }
      const relEl = rels.root.elements("Relationship", PACKAGE_RELATIONSHIPS_NS).find((r) => r.attr("Id") === rid);
      if (relEl) rels.root.remove(relEl);
    }
    sheetsEl.remove(old);
  }

  // Styles: the report's formats appended to the workbook's own, or a stylesheet of its own.
  const styles = new ReportStyles();
  let xfBase: number;
  const sheetPart = freeName(partTaken, (n) => path.posix.join(path.posix.dirname(pkg.workbookPart), "worksheets", `sheet${n}.xml`));
  // The sheet XML decides which formats exist; write it once to learn them, then once more with the offset.
  reportSheetXml(layout, styles, 0, ns);
  const historyXf = options.history ? historyStyles(styles) : null;
  if (pkg.stylesPart) {
    const doc = pkg.tree(pkg.stylesPart);
    editable(pkg, pkg.stylesPart, doc, STYLES_CONTENT_TYPE, "styleSheet", SPREADSHEET_NS, "formatmall");
    xfBase = appendReportStyles(doc, styles);
    edited.set(pkg.stylesPart.toLowerCase(), serializeXml(doc));
  } else {
    const stylesPart = freeName(partTaken, (n) => path.posix.join(path.posix.dirname(pkg.workbookPart), n === 1 ? "styles.xml" : `styles${n}.xml`));
    const doc = parseXmlText(emptyStylesheet(ns));
    xfBase = appendReportStyles(doc, styles);
    added.push({ part: stylesPart, data: serializeXml(doc) });
    addOverride(types, stylesPart, STYLES_CONTENT_TYPE);
    addRelationship(rels, relBase + "styles", relativeTarget(pkg.workbookPart, stylesPart));
  }
  // The report's charts (charts.ts): a previous report's own drawing and charts go, new ones come under free names.
  // A strict workbook gets none (its parts would need the strict spelling of DrawingML throughout).
  const drawing = strict ? null : planReportDrawing({ layout, sheetPart, previous: oldSheetPart ? { pkg, sheetPart: oldSheetPart } : null, taken: partTaken });
  if (drawing) {
    for (const p of drawing.removed) removed.add(p.toLowerCase());
    applyContentTypes(types, drawing);
    added.push(...drawing.added);
  }
  added.push({ part: sheetPart, data: reportSheetXml(layout, styles, xfBase, ns, drawing?.drawingRelId ?? null) });
  addOverride(types, sheetPart, WORKSHEET_CONTENT_TYPE);
  const rid = addRelationship(rels, relBase + "worksheet", relativeTarget(pkg.workbookPart, sheetPart));

  // The sheet element, first.
  // The highest id in a loop: spread into arguments, a long list of sheets would overflow the stack.
  let maxId = 0;
  for (const s of sheetEls()) {
    const id = Number(s.attr("sheetId"));
    if (Number.isFinite(id)) maxId = Math.max(maxId, id);
  }
  const sheet = sheetsEl.create("sheet", ns);
  sheet.setAttr("name", ooxmlValue(options.sheetName));
  sheet.setAttr("sheetId", String(maxId + 1));
  sheet.setAttr("id", rid, relNs, "r");
  sheetsEl.insert(sheet, firstSheetIndex(sheetsEl));

  // The forecast history: a sheet of its own added last, or its sheet edited; its workbook name made or widened.
  if (options.history && historyXf) {
    const { plan, sheet: opened } = options.history;
    const data = historySheetXml(plan, opened, historyXf, xfBase, ns);
    if (plan.create || !opened) {
      const part = freeName(partTaken, (n) => path.posix.join(path.posix.dirname(pkg.workbookPart), "worksheets", `sheet${n}.xml`));
      added.push({ part, data });
      addOverride(types, part, WORKSHEET_CONTENT_TYPE);
      const el = sheetsEl.create("sheet", ns);
      el.setAttr("name", plan.sheet);
      el.setAttr("sheetId", String(Math.max(0, ...sheetEls().map((s) => Number(s.attr("sheetId"))).filter(Number.isFinite)) + 1));
      el.setAttr("id", addRelationship(rels, relBase + "worksheet", relativeTarget(pkg.workbookPart, part)), relNs, "r");
      sheetsEl.insert(el);
    } else edited.set(opened.part.toLowerCase(), data);
    if (plan.name) {
      const formula = historyNameFormula(plan.sheet, plan.name);
      const existing = pkg.definedNames.find((d) => d.localSheetId === null && canon(d.name) === canon(HISTORY_RANGE));
      const names = root.childInOrder("definedNames", WORKBOOK_ORDER);
      const d = existing?.element ?? names.insert(names.create("definedName", ns));
      if (!existing) d.setAttr("name", HISTORY_RANGE);
      d.children = [{ kind: "text", text: formula }];
    }
  }

  // Sheet-scoped names follow their sheet: indices shift by the removed old report and the new one in front.
  const definedNames = root.element("definedNames", ns);
  const dropped = new Set<XmlElement>();
  for (const d of definedNames?.elements("definedName", SPREADSHEET_NS) ?? []) {
    const local = d.attr("localSheetId");
    if (local === null || !/^\d+$/.test(local)) continue;
    let n = Number(local);
    if (oldIndex >= 0 && n === oldIndex) {
      dropped.add(d);
      continue;
    }
    if (oldIndex >= 0 && n > oldIndex) n--;
    d.setAttr("localSheetId", String(n + 1));
  }
  // Taken out in one pass (one by one, each a search of the list, many names would cost their square).
  if (definedNames && dropped.size) definedNames.children = definedNames.children.filter((c) => !(c instanceof XmlElement && dropped.has(c)));
  if (options.printArea) {
    const names = root.childInOrder("definedNames", WORKBOOK_ORDER);
    const d = names.create("definedName", ns);
    d.setAttr("name", "_xlnm.Print_Area");
    d.setAttr("localSheetId", "0");
    d.children.push({ kind: "text", text: ooxmlValue(`${quoteSheetName(options.sheetName)}!${options.printArea}`) });
    names.insert(d, 0);
  }

  // The user's open sheet stays open, with or without a workbook view in the file.
  const views = root.childInOrder("bookViews", WORKBOOK_ORDER);
  const firstView = views.element("workbookView", ns) ?? views.insert(views.create("workbookView", ns));
  const nowActive = activeEl ? sheetEls().indexOf(activeEl) : 0;
  firstView.setAttr("activeTab", String(Math.max(0, nowActive)));
  if (firstView.attr("firstSheet") !== null) firstView.setAttr("firstSheet", "0");
  for (const other of views.elements("workbookView", ns).slice(1)) {
    const t = Number(other.attr("activeTab") ?? 0) || 0;
    const before = t === oldIndex ? 0 : oldIndex >= 0 && t > oldIndex ? t - 1 : t;
    other.setAttr("activeTab", String(before + 1));
  }

  edited.set(pkg.workbookPart.toLowerCase(), serializeXml(wb));
  if (pkg.workbookRels) edited.set(workbookRelsPart.toLowerCase(), serializeXml(rels));
  else added.push({ part: workbookRelsPart, data: serializeXml(rels) });
  edited.set("[content_types].xml", serializeXml(types));

  const app = pkg.appPart();
  if (app) {
    const doc = pkg.tree(app);
    if (listReportInApp(doc, pkg, options.sheetName, oldIndex >= 0)) edited.set(app.toLowerCase(), serializeXml(doc));
  }

  const sources: ZipSource[] = [];
  for (const e of pkg.zip.entries) {
    const key = e.part.toLowerCase();
    if (removed.has(key)) continue;
    const data = edited.get(key);
    // Written under its part name: a producer's backslashes become the slashes the zip format asks for.
    sources.push(data ? { name: e.part, data } : { name: e.part, copy: e, from: pkg.zip });
  }
  for (const a of added) sources.push({ name: a.part, data: a.data });
  return writeZip(sources, options.now);
}

/** Content types that say only "XML", which sloppy producers give every part: they contradict no kind. */
const GENERIC_XML = new Set(["application/xml", "text/xml"]);

/**
 * Refuses to edit `part` unless it is what the workbook uses it as: its root element `local` in one of `ns`, and its
 * content type `type` (or one that says no more than XML; null: any of the workbook's main types).
 */
function editable(pkg: WorkbookPackage, part: string, doc: XmlDocument, type: string | null, local: string, ns: readonly string[], what: string): void {
  const declared = pkg.contentTypeOf(part);
  const typeOk = declared === null || GENERIC_XML.has(declared.toLowerCase()) || (type === null ? /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml|ms-excel)\.[a-z.]+\.main\+xml$/i.test(declared) : declared.toLowerCase() === type);
  if (!typeOk || doc.root.local !== local || !ns.includes(doc.root.ns)) throw new UppfoljningError("PART_WRONG_TYPE", { path: pkg.file, part, expected: what });
}

/** The index in `<sheets>` before the first sheet element (after any other nodes that come first). */
function firstSheetIndex(sheets: XmlElement): number {
  const i = sheets.children.findIndex((c) => c instanceof XmlElement && c.local === "sheet");
  return i < 0 ? sheets.children.length : i;
}

function addOverride(types: XmlDocument, part: string, contentType: string): void {
  const o = types.root.create("Override", CONTENT_TYPES_NS);
  o.setAttr("PartName", "/" + part);
  o.setAttr("ContentType", contentType);
  types.root.insert(o);
}

/** Adds a relationship with the first free `rIdN`; returns its id. */
function addRelationship(rels: XmlDocument, type: string, target: string): string {
  const taken = new Set(rels.root.elements("Relationship", PACKAGE_RELATIONSHIPS_NS).map((r) => r.attr("Id")));
  const id = freeName((x) => taken.has(x), (n) => `rId${n}`);
  const r = rels.root.create("Relationship", PACKAGE_RELATIONSHIPS_NS);
  r.setAttr("Id", id);
  r.setAttr("Type", type);
  r.setAttr("Target", target);
  rels.root.insert(r);
  return id;
}

/**
 * Lists the report among the sheet titles of docProps/app.xml: the heading pair whose titles are the workbook's
 * worksheets gets the report first and its count raised. Returns false when no such group is found (left as is).
 */
function listReportInApp(doc: XmlDocument, pkg: WorkbookPackage, sheetName: string, hadReport: boolean): boolean {
  const root = doc.root;
  const vector = (local: string) => {
    const holder = root.elements(local).find((e) => e.ns === root.ns);
    return holder?.elements("vector").find((v) => VT_NS.includes(v.ns)) ?? null;
  };
  const pairs = vector("HeadingPairs");
  const titles = vector("TitlesOfParts");
  if (!pairs || !titles) return false;
  const titleEls = titles.elements().filter((e) => VT_NS.includes(e.ns));
  const variants = pairs.elements("variant").filter((e) => VT_NS.includes(e.ns));
  // The group of worksheet titles: the first whose titles are all worksheets of the workbook (app.xml is often
  // out of date, so it need not list them all).
  const worksheets = new Set(pkg.sheets.filter((s) => s.part !== null).map((s) => s.name.toLowerCase()));
  let offset = 0;
  for (let p = 0; p + 1 < variants.length; p += 2) {
    const countEl = variants[p + 1].elements().find((e) => VT_NS.includes(e.ns) && (e.local === "i4" || e.local === "i2" || e.local === "i8" || e.local === "int"));
    const count = Number(countEl?.textContent() ?? NaN);
    if (!countEl || !Number.isInteger(count) || count < 0) return false;
    const names = titleEls.slice(offset, offset + count).map((e) => e.textContent());
    if (count > 0 && names.length === count && names.every((n) => worksheets.has(n.toLowerCase()))) {
      let inserted = count;
      let first = titleEls[offset];
      if (hadReport) {
        const at = names.findIndex((n) => n.toLowerCase() === sheetName.toLowerCase());
        if (at >= 0) {
          titles.remove(titleEls[offset + at]);
          if (at === 0) first = titleEls[offset + 1] ?? titleEls[offset];
          inserted--;
        }
      }
      const el = titles.create(first?.local ?? "lpstr", first?.ns ?? VT_NS[0]);
      el.children.push({ kind: "text", text: ooxmlValue(sheetName) });
      const index = first && titles.children.indexOf(first) >= 0 ? titles.children.indexOf(first) : titles.children.length;
      titles.insert(el, index);
      countEl.children = [{ kind: "text", text: String(inserted + 1) }];
      titles.setAttr("size", String(titles.elements().filter((e) => VT_NS.includes(e.ns)).length));
      return true;
    }
    offset += count;
  }
  return false;
}

/** A new package holding only the report (for `--report-only`). */
export function reportOnlyPackage(layout: SheetLayout, options: SpliceOptions): Buffer {
  const ns = SPREADSHEET_NS[0];
  const styles = new ReportStyles();
  reportSheetXml(layout, styles, 0, ns);
  const stylesDoc = parseXmlText(emptyStylesheet(ns));
  const xfBase = appendReportStyles(stylesDoc, styles);
  const fixed = new Set(["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "docprops/app.xml"]);
  const drawing = planReportDrawing({ layout, sheetPart: "xl/worksheets/sheet1.xml", previous: null, taken: (p) => fixed.has(p.toLowerCase()) });
  const sheet = reportSheetXml(layout, styles, xfBase, ns, drawing.drawingRelId);
  const name = encodeXml(options.sheetName, "attribute", true);
  const titles = options.printArea
    ? `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${valueText(`${quoteSheetName(options.sheetName)}!${options.printArea}`)}</definedName></definedNames>`
    : "";
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const types = parseXmlText(
    `<Types xmlns="${CONTENT_TYPES_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WORKSHEET_CONTENT_TYPE}"/><Override PartName="/xl/styles.xml" ContentType="${STYLES_CONTENT_TYPE}"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  applyContentTypes(types, drawing);
  const files: ZipSource[] = [
    {
      name: "[Content_Types].xml",
      data: serializeXml(types),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        `${decl}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
      ),
    },
    {
      name: "docProps/app.xml",
      data: Buffer.from(
        `${decl}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Uppföljning</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>${valueText(options.sheetName)}</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: Buffer.from(
        `${decl}<workbook xmlns="${ns}" xmlns:r="${RELATIONSHIPS_NS[0]}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets>${titles}</workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: Buffer.from(
        `${decl}<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    { name: "xl/styles.xml", data: serializeXml(stylesDoc) },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
    ...drawing.added.map((a) => ({ name: a.part, data: a.data })),
  ];
  return writeZip(files, options.now);
}
