/**
 * Puts the report sheet into a copy of the user's .xlsx package without rewriting anything else: the report is
 * rendered by ExcelJS into a workbook of its own, and its sheet part and styles are spliced into the original
 * zip. The user's sheets, charts, pivot tables, names and formulas are copied byte for byte, which is both far
 * faster than loading the whole workbook and loses nothing. An earlier report sheet of the same name is removed.
 */
import JSZip from "jszip";

const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const SHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

async function read(zip: JSZip, part: string): Promise<string> {
  const f = zip.file(part);
  if (!f) throw new Error(`saknar ${part}`);
  return f.async("string");
}

/** The children of a styles section (`<fonts>…</fonts>`) and a function to replace them. */
function section(xml: string, tag: string): { items: string[]; replace: (items: string[]) => string } {
  const re = new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`);
  const m = re.exec(xml);
  const childName = tag === "cellXfs" ? "xf" : tag.replace(/s$/, "");
  const items = m && m[1] ? [...m[1].matchAll(new RegExp(`<${childName}\\b(?:[^>]*/>|[\\s\\S]*?</${childName}>)`, "g"))].map((x) => x[0]) : [];
  return {
    items,
    replace: (next: string[]) => {
      const body = `<${tag} count="${next.length}">${next.join("")}</${tag}>`;
      if (m) return xml.replace(m[0], body);
      // Sections go in schema order; numFmts comes first of all.
      const after = tag === "numFmts" ? /<styleSheet\b[^>]*>/ : new RegExp(`</(${{ fonts: "numFmts", fills: "fonts", borders: "fills", cellXfs: "cellStyleXfs" }[tag] ?? "numFmts"})>`);
      const a = after.exec(xml);
      if (!a) throw new Error(`styles.xml utan plats för ${tag}`);
      return xml.slice(0, a.index + a[0].length) + body + xml.slice(a.index + a[0].length);
    },
  };
}

/** Appends the report's fonts, fills, borders, number formats and cell formats; returns the first new cellXfs index. */
function mergeStyles(original: string, report: string): { styles: string; xfOffset: number } {
  let styles = original;
  const offsets: Record<string, number> = {};
  for (const tag of ["fonts", "fills", "borders"]) {
    const mine = section(styles, tag);
    const theirs = section(report, tag);
    offsets[tag] = mine.items.length;
    styles = mine.replace([...mine.items, ...theirs.items]);
  }
  const myFormats = section(styles, "numFmts");
  const used = myFormats.items.map((x) => Number(attr(x, "numFmtId")));
  let nextId = Math.max(163, ...used) + 1;
  const formatIds = new Map<number, number>();
  const added: string[] = [];
  for (const f of section(report, "numFmts").items) {
    const id = Number(attr(f, "numFmtId"));
    const code = attr(f, "formatCode") ?? "General";
    const existing = myFormats.items.find((x) => attr(x, "formatCode") === code);
    if (existing) formatIds.set(id, Number(attr(existing, "numFmtId")));
    else {
      formatIds.set(id, nextId);
      added.push(`<numFmt numFmtId="${nextId}" formatCode="${escapeXml(code)}"/>`);
      nextId++;
    }
  }
  if (added.length) styles = myFormats.replace([...myFormats.items, ...added]);
  const mine = section(styles, "cellXfs");
  const xfOffset = mine.items.length;
  const remapped = section(report, "cellXfs").items.map((xf) =>
    xf
      .replace(/\bfontId="(\d+)"/, (_, n) => `fontId="${Number(n) + offsets.fonts}"`)
      .replace(/\bfillId="(\d+)"/, (_, n) => `fillId="${Number(n) + offsets.fills}"`)
      .replace(/\bborderId="(\d+)"/, (_, n) => `borderId="${Number(n) + offsets.borders}"`)
      .replace(/\bnumFmtId="(\d+)"/, (_, n) => `numFmtId="${formatIds.get(Number(n)) ?? n}"`)
      .replace(/\bxfId="\d+"/, 'xfId="0"'),
  );
  styles = mine.replace([...mine.items, ...remapped]);
  return { styles, xfOffset };
}

/** The report sheet with its style indices moved past the original's and shared strings written inline. */
function adaptSheet(sheet: string, strings: string[], xfOffset: number): string {
  return sheet
    .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs: string, _end: string, body: string | undefined) => {
      let a = attrs.replace(/\ss="(\d+)"/, (_m, n) => ` s="${Number(n) + xfOffset}"`);
      if (!/\ss="/.test(a)) a += ` s="${xfOffset}"`;
      if (/\st="s"/.test(a) && body !== undefined) {
        const index = Number(/<v>(\d+)<\/v>/.exec(body)?.[1] ?? -1);
        const text = strings[index] ?? "";
        a = a.replace(/\st="s"/, ' t="inlineStr"');
        return `<c${a}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
      }
      return body === undefined ? `<c${a}/>` : `<c${a}>${body}</c>`;
    })
    .replace(/\stabSelected="1"/g, "");
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(""),
  );
}

function resolvePart(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/**
 * Returns a copy of `original` (an .xlsx package) with `reportPackage`'s only sheet inserted first under
 * `sheetName`, replacing an earlier sheet of that name, and `printTitles` (e.g. `$1:$3`) as its print titles.
 */
export async function spliceReport(original: Buffer, reportPackage: Buffer, sheetName: string, printTitles: string | null): Promise<Buffer> {
  const zip = await JSZip.loadAsync(original);
  const rep = await JSZip.loadAsync(reportPackage);
  let workbook = await read(zip, "xl/workbook.xml");
  let rels = await read(zip, "xl/_rels/workbook.xml.rels");
  let types = await read(zip, "[Content_Types].xml");

  // Remove an earlier report sheet (the caller has checked that it is one of ours).
  const sheetTags = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  const activeIndex = Number(/<workbookView\b[^>]*\sactiveTab="(\d+)"/.exec(workbook)?.[1] ?? 0);
  const activeName = attr(sheetTags[activeIndex] ?? "", "name");
  const oldIndex = sheetTags.findIndex((t) => (attr(t, "name") ?? "").toLowerCase() === sheetName.toLowerCase());
  if (oldIndex >= 0) {
    const tag = sheetTags[oldIndex];
    const rid = attr(tag, "r:id");
    const relTag = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).find((t) => attr(t, "Id") === rid);
    if (relTag) {
      const part = resolvePart(attr(relTag, "Target") ?? "");
      zip.remove(part);
      zip.remove(part.replace(/([^/]+)$/, "_rels/$1.rels"));
      types = types.replace(new RegExp(`<Override PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), "");
      rels = rels.replace(relTag, "");
    }
    workbook = workbook.replace(tag, "");
    workbook = workbook.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrs: string) => {
      const local = attr(attrs, "localSheetId");
      if (local === null) return whole;
      const n = Number(local);
      if (n === oldIndex) return "";
      return n > oldIndex ? whole.replace(/localSheetId="\d+"/, `localSheetId="${n - 1}"`) : whole;
    });
  }

  // The report's own parts.
  const reportWorkbook = await read(rep, "xl/workbook.xml");
  const reportRels = await read(rep, "xl/_rels/workbook.xml.rels");
  const reportRid = attr(/<sheet\b[^>]*\/>/.exec(reportWorkbook)?.[0] ?? "", "r:id");
  const reportTarget = [...reportRels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).find((t) => attr(t, "Id") === reportRid);
  const reportSheet = await read(rep, resolvePart(attr(reportTarget ?? "", "Target") ?? "worksheets/sheet1.xml"));
  const strings = sharedStrings(rep.file("xl/sharedStrings.xml") ? await read(rep, "xl/sharedStrings.xml") : null);
  const originalStyles = zip.file("xl/styles.xml") ? await read(zip, "xl/styles.xml") : null;
  const reportStyles = await read(rep, "xl/styles.xml");
  let sheetXml: string;
  if (originalStyles) {
    const merged = mergeStyles(originalStyles, reportStyles);
    zip.file("xl/styles.xml", merged.styles);
    sheetXml = adaptSheet(reportSheet, strings, merged.xfOffset);
  } else {
    zip.file("xl/styles.xml", reportStyles);
    types = types.replace("</Types>", '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdUppfStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
    sheetXml = adaptSheet(reportSheet, strings, 0);
  }

  // Insert it first.
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `xl/worksheets/sheet${n}.xml`;
  zip.file(part, sheetXml);
  types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${SHEET_TYPE}"/></Types>`);
  let rid = 1;
  while (rels.includes(`Id="rId${rid}"`)) rid++;
  rels = rels.replace("</Relationships>", `<Relationship Id="rId${rid}" Type="${SHEET_REL}" Target="worksheets/sheet${n}.xml"/></Relationships>`);
  const sheetIds = [...workbook.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  workbook = workbook.replace(/<sheets>/, `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="${sheetId}" r:id="rId${rid}"/>`);
  workbook = workbook.replace(/(<definedName\b[^>]*\slocalSheetId=")(\d+)"/g, (_m, head: string, idx: string) => `${head}${Number(idx) + 1}"`);
  // The sheet the user had open stays open (or the report, if the old report was open).
  const order = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => attr(m[0], "name"));
  const nowActive = Math.max(0, order.indexOf(activeName));
  if (/<workbookView\b[^>]*\sactiveTab="/.test(workbook)) {
    workbook = workbook.replace(/(<workbookView\b[^>]*\sactiveTab=")(\d+)"/, (_m, head: string) => `${head}${nowActive}"`);
  } else {
    workbook = workbook.replace(/<workbookView\b/, `<workbookView activeTab="${nowActive}"`);
  }
  if (printTitles) {
    const quoted = /^[A-Za-z0-9_]+$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
    const def = `<definedName name="_xlnm.Print_Titles" localSheetId="0">${escapeXml(`${quoted}!${printTitles}`)}</definedName>`;
    workbook = workbook.includes("<definedNames>") ? workbook.replace("<definedNames>", `<definedNames>${def}`) : workbook.replace("</sheets>", `</sheets><definedNames>${def}</definedNames>`);
  }
  zip.file("xl/workbook.xml", workbook);
  zip.file("xl/_rels/workbook.xml.rels", rels);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
