/**
 * An .xlsx package opened for reading and editing: the zip, and the workbook-level parts (content types,
 * relationships, workbook, styles, document properties) parsed into namespace-aware trees. Sheets and shared
 * strings are not parsed here; they are streamed on demand (see readWorkbook.ts).
 */
import * as path from "path";
import { UppfoljningError } from "../../../../findings/errors";
import { LIMITS } from "../limits";
import { CONTENT_TYPES_NS, EXTENDED_PROPERTIES_NS, PACKAGE_RELATIONSHIPS_NS, RELATIONSHIPS_NS, relType, SPREADSHEET_NS } from "../namespaces";
import { countNodes } from "../xml/count";
import { prologVerdict } from "../xml/prolog";
import { parseXml, XmlDocument, XmlElement } from "../xml/tree";
import { readZip, ZipArchive, ZipEntry } from "../zip/archive";

export interface Relationship {
  id: string;
  /** The last segment of the relationship type: `worksheet`, `styles`, `sharedStrings`… */
  type: string;
  /** The part it points at (no leading slash), or null for external targets. */
  target: string | null;
  element: XmlElement;
}

export interface SheetInfo {
  name: string;
  /** The worksheet part, or null for chart sheets and other non-worksheet sheets. */
  part: string | null;
  state: string;
  element: XmlElement;
}

export interface DefinedName {
  name: string;
  formula: string;
  /** Index of the sheet the name is scoped to, or null for workbook-scoped names. */
  localSheetId: number | null;
  element: XmlElement;
}

/** Resolves a relationship target against the part that holds the relationship (OPC rules). */
export function resolveTarget(sourcePart: string, target: string, file: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // Keep the target as written.
  }
  const joined = t.startsWith("/") ? t.slice(1) : path.posix.join(path.posix.dirname(sourcePart), t);
  const normal = path.posix.normalize(joined);
  if (normal.startsWith("../") || normal === ".." || normal.startsWith("/")) {
    throw new UppfoljningError("PART_NAME_INVALID", { path: file, part: target.slice(0, 200) });
  }
  return normal === "." ? "" : normal;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : dir + "/"}_rels/${path.posix.basename(part)}.rels`;
}

export class WorkbookPackage {
  readonly contentTypes: XmlDocument;
  readonly workbookPart: string;
  readonly workbook: XmlDocument;
  readonly workbookRels: XmlDocument | null;
  readonly relationships: Relationship[];
  readonly sheets: SheetInfo[];
  readonly definedNames: DefinedName[];
  readonly date1904: boolean;
  readonly stylesPart: string | null;
  readonly sharedStringsPart: string | null;
  private readonly trees = new Map<string, XmlDocument>();
  /** Nodes of the parts parsed into trees so far, against LIMITS.maxXmlNodes. */
  private nodes = 0;

  constructor(
    readonly zip: ZipArchive,
    readonly file: string,
  ) {
    const ct = zip.entry("[Content_Types].xml");
    if (!ct) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path: file });
    this.contentTypes = this.tree("[Content_Types].xml");
    if (this.contentTypes.root.local !== "Types" || this.contentTypes.root.ns !== CONTENT_TYPES_NS) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path: file });
    const root = this.relationshipsOf("");
    const office = root.find((r) => r.type === "officeDocument" && r.target);
    const workbookPart = office?.target ?? (zip.entry("xl/workbook.xml") ? "xl/workbook.xml" : null);
    if (!workbookPart || !zip.entry(workbookPart)) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path: file });
    this.workbookPart = workbookPart;
    this.workbook = this.tree(workbookPart);
    const wb = this.workbook.root;
    if (wb.local !== "workbook" || !SPREADSHEET_NS.includes(wb.ns)) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path: file });
    this.workbookRels = zip.entry(relsPartOf(workbookPart)) ? this.tree(relsPartOf(workbookPart)) : null;
    this.relationships = this.relationshipsOf(workbookPart);
    const byId = new Map(this.relationships.map((r) => [r.id, r]));
    const sheetEls = wb.element("sheets", SPREADSHEET_NS)?.elements("sheet", SPREADSHEET_NS) ?? [];
    if (sheetEls.length > LIMITS.maxSheets) throw new UppfoljningError("WORKBOOK_TOO_MANY_SHEETS", { path: file, count: sheetEls.length, limit: LIMITS.maxSheets });
    this.sheets = sheetEls.map((el) => {
      const rid = RELATIONSHIPS_NS.map((ns) => el.attr("id", ns)).find((v) => v !== null) ?? null;
      const rel = rid ? byId.get(rid) : undefined;
      const part = rel && rel.type === "worksheet" && rel.target && zip.entry(rel.target) ? rel.target : null;
      return { name: el.attr("name") ?? "", part, state: el.attr("state") ?? "visible", element: el };
    });
    this.definedNames = (wb.element("definedNames", SPREADSHEET_NS)?.elements("definedName", SPREADSHEET_NS) ?? []).map((el) => {
      const local = el.attr("localSheetId");
      return { name: el.attr("name") ?? "", formula: el.textContent().trim(), localSheetId: local === null || !isUint(local) ? null : Number(local), element: el };
    });
    const pr = wb.element("workbookPr", SPREADSHEET_NS);
    const d1904 = pr?.attr("date1904");
    this.date1904 = d1904 === "1" || d1904 === "true";
    this.stylesPart = this.relationships.find((r) => r.type === "styles" && r.target && zip.entry(r.target))?.target ?? null;
    this.sharedStringsPart = this.relationships.find((r) => r.type === "sharedStrings" && r.target && zip.entry(r.target))?.target ?? null;
  }

  /** Opens a package from bytes; refuses anything that is not a workbook, with a Swedish message. */
  static open(bytes: Buffer, file: string): WorkbookPackage {
    return new WorkbookPackage(readZip(bytes, file), file);
  }

  /**
   * Inflates every part not read yet (those that are only copied) and checks its size and CRC, so that a broken part
   * is refused by name instead of being copied; and the prolog of each: the Open Packaging Conventions make a DTD in
   * any part an error, and a copy must not carry one onward. The parts that are read were checked as they were read
   * (the parsers refuse a DTD). Any part is looked at, whatever its name: see prolog.ts.
   */
  async verifyParts(): Promise<void> {
    await this.zip.verifyRest((entry, head, complete) => {
      const verdict = prologVerdict(head, complete);
      if (verdict === "doctype") throw new UppfoljningError("XML_DTD", { path: this.file, part: entry.part });
      if (verdict === "open") throw new UppfoljningError("XML_PROLOG_TOO_LONG", { path: this.file, part: entry.part, limit: LIMITS.maxPrologBytes });
    }, LIMITS.maxPrologBytes);
  }

  /**
   * The content type of a part as [Content_Types].xml gives it: its Override, else the Default for its extension
   * (both compared without regard to case, as the Open Packaging Conventions say), or null.
   */
  contentTypeOf(part: string): string | null {
    const root = this.contentTypes.root;
    const name = "/" + part.toLowerCase();
    for (const o of root.elements("Override", CONTENT_TYPES_NS)) if ((o.attr("PartName") ?? "").toLowerCase() === name) return o.attr("ContentType");
    const dot = part.lastIndexOf(".");
    const ext = dot < 0 || part.indexOf("/", dot) >= 0 ? "" : part.slice(dot + 1).toLowerCase();
    for (const d of root.elements("Default", CONTENT_TYPES_NS)) if ((d.attr("Extension") ?? "").toLowerCase() === ext) return d.attr("ContentType");
    return null;
  }

  entry(part: string): ZipEntry | null {
    return this.zip.entry(part);
  }

  /** A part parsed into a tree (cached); within the tree-part size limit. */
  tree(part: string): XmlDocument {
    let doc = this.trees.get(part);
    if (!doc) {
      const entry = this.zip.entry(part);
      if (!entry) throw new UppfoljningError("FILE_NOT_WORKBOOK", { path: this.file });
      const bytes = this.zip.inflate(entry, "tree");
      // Counted before the tree is built (the scanner makes no objects): a part of millions of elements is refused
      // with nothing made of it, and all trees together stay within the limit.
      const budget = LIMITS.maxXmlNodes - this.nodes;
      this.nodes += countNodes(bytes, part, this.file, budget);
      doc = parseXml(bytes, part, this.file, { maxNodes: budget });
      this.trees.set(part, doc);
    }
    return doc;
  }

  /** The relationships of a part ("" for the package's own), resolved; empty when it has none. */
  relationshipsOf(part: string): Relationship[] {
    const relsPart = part === "" ? "_rels/.rels" : relsPartOf(part);
    if (!this.zip.entry(relsPart)) return [];
    const doc = this.tree(relsPart);
    if (doc.root.local !== "Relationships" || doc.root.ns !== PACKAGE_RELATIONSHIPS_NS) return [];
    return doc.root.elements("Relationship", PACKAGE_RELATIONSHIPS_NS).map((el) => {
      const external = el.attr("TargetMode") === "External";
      const target = el.attr("Target") ?? "";
      return {
        id: el.attr("Id") ?? "",
        type: relType(el.attr("Type") ?? ""),
        target: external ? null : resolveTarget(part, target, this.file),
        element: el,
      };
    });
  }

  /** docProps/app.xml (extended properties), when the package has one. */
  appPart(): string | null {
    const rel = this.relationshipsOf("").find((r) => (r.type === "extended-properties" || r.type === "extendedProperties") && r.target && this.zip.entry(r.target));
    if (!rel?.target) return null;
    const doc = this.tree(rel.target);
    return EXTENDED_PROPERTIES_NS.includes(doc.root.ns) ? rel.target : null;
  }

  /** The tables of a worksheet part: name, and the range it covers. */
  tablesOf(sheetPart: string): { name: string; ref: string }[] {
    const out: { name: string; ref: string }[] = [];
    for (const rel of this.relationshipsOf(sheetPart)) {
      if (rel.type !== "table" || !rel.target || !this.zip.entry(rel.target)) continue;
      const t = this.tree(rel.target).root;
      if (t.local !== "table" || !SPREADSHEET_NS.includes(t.ns)) continue;
      const name = t.attr("displayName") ?? t.attr("name");
      const ref = t.attr("ref");
      if (name && ref) out.push({ name, ref });
    }
    return out;
  }
}

function isUint(s: string): boolean {
  if (s === "" || s.length > 9) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}
