/**
 * The copy of the user's package: report first, everything else as it was. Workbooks are written the way other
 * producers write them (prefixes, per-element namespace declarations, no views, no styles) and run through the
 * command line; the copy is then read back part by part.
 */
import * as fs from "fs";
import * as path from "path";
import { readZip } from "../../src/hosts/xlsx/package/zip/archive";
import { parseXml, XmlElement } from "../../src/hosts/xlsx/package/xml/tree";
import { minimalWorkbook, rawZip, RawEntry } from "../support/rawZip";
import { runCli, tempDir } from "../support/sheets";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A contract (Budget, Utfall, Inställningar) on sheet "Indata", plus the user's own sheets around it. */
function contractSheet(): string {
  const cell = (ref: string, v: string | number) => (typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
  const rows: (string | number)[][] = [
    ["Post", "Typ", "Helår", "Utfall"],
    ["Intäkter", "Intäkt", 1200, 610],
    ["Personal", "Kostnad", -900, -470],
    ["Inställning", "Värde", null as unknown as string, null as unknown as string],
    ["Period", 6],
    ["Enhet in", "tkr"],
  ];
  return rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => (v === null ? "" : cell(`${"ABCD"[j]}${i + 1}`, v))).join("")}</row>`)
    .join("");
}

interface Book {
  /** Workbook XML (must define the sheets below in this order and the names). */
  workbook: string;
  sheets: { part: string; xml: string }[];
  extra?: RawEntry[];
  noStyles?: boolean;
  app?: string;
}

const NAMES = `<definedName name="Budget">Indata!$A$1:$C$3</definedName><definedName name="Utfall">Indata!$A$1:$D$3</definedName><definedName name="Inställningar">Indata!$A$4:$B$6</definedName>`;

function build(b: Book): Buffer {
  const rels = b.sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.part.replace("xl/", "")}"/>`).join("");
  const overrides = b.sheets.map((s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot; kr&quot;"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
  const entries: RawEntry[] = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${b.noStyles ? "" : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'}${b.app ? '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' : ""}</Types>`,
    },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>${b.app ? `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` : ""}</Relationships>` },
    { name: "xl/workbook.xml", data: b.workbook },
    { name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${b.noStyles ? "" : `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`}</Relationships>` },
    ...b.sheets.map((s) => ({ name: s.part, data: s.xml })),
    ...(b.noStyles ? [] : [{ name: "xl/styles.xml", data: styles }]),
    ...(b.app ? [{ name: "docProps/app.xml", data: b.app }] : []),
    ...(b.extra ?? []),
  ];
  return rawZip(entries);
}

const sheet = (data: string, ns = MAIN, prefix = "") => `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? ":" + prefix.slice(0, -1) : ""}="${ns}"><${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

interface Copy {
  parts: Map<string, Buffer>;
  xml(part: string): XmlElement;
}

function open(bytes: Buffer): Copy {
  const zip = readZip(bytes, "ut.xlsx");
  const parts = new Map(zip.entries.map((e) => [e.part, zip.inflate(e, "stream")]));
  return { parts, xml: (p) => parseXml(parts.get(p) as Buffer, p, "ut.xlsx").root };
}

async function run(input: Buffer, extra: string[] = []): Promise<{ copy: Copy; bytes: Buffer; dir: string }> {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, "in.xlsx"), input);
  const r = await runCli([path.join(dir, "in.xlsx"), "--out", path.join(dir, "ut.xlsx"), ...extra]);
  if (r.code !== 0) throw new Error(r.err);
  const bytes = fs.readFileSync(path.join(dir, "ut.xlsx"));
  return { copy: open(bytes), bytes, dir };
}

function sheetNames(copy: Copy): string[] {
  return copy.xml("xl/workbook.xml").element("sheets", MAIN)?.elements("sheet", MAIN).map((s) => s.attr("name") ?? "") ?? [];
}

function names(copy: Copy): { name: string; scope: string | null; value: string }[] {
  const wb = copy.xml("xl/workbook.xml");
  const order = sheetNames(copy);
  return (wb.element("definedNames", MAIN)?.elements("definedName", MAIN) ?? []).map((d) => {
    const local = d.attr("localSheetId");
    return { name: d.attr("name") ?? "", scope: local === null ? null : order[Number(local)], value: d.textContent() };
  });
}

function active(copy: Copy): string {
  const view = copy.xml("xl/workbook.xml").element("bookViews", MAIN)?.element("workbookView", MAIN);
  return sheetNames(copy)[Number(view?.attr("activeTab") ?? 0)];
}

/** Every XML part parses namespace-aware (so every prefix is declared where it is used). */
function allWellFormed(copy: Copy): void {
  for (const [p, bytes] of copy.parts) if (p.endsWith(".xml") || p.endsWith(".rels")) expect(() => parseXml(bytes, p, "ut.xlsx")).not.toThrow();
}

const EDITED = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "docProps/app.xml"]);

/** The part of the report sheet in a copy (it is rebuilt on every refresh). */
function reportPart(copy: Copy): string | null {
  const first = copy.xml("xl/workbook.xml").element("sheets", MAIN)?.elements("sheet", MAIN)[0];
  if (first?.attr("name") !== "Rapport") return null;
  const rid = first.attr("id", REL);
  const rel = copy.xml("xl/_rels/workbook.xml.rels").elements().find((r) => r.attr("Id") === rid);
  return rel ? path.posix.join("xl", rel.attr("Target") as string) : null;
}

function unchangedExceptEdited(input: Buffer, copy: Copy): void {
  const before = open(input);
  const report = reportPart(before);
  for (const [p, bytes] of before.parts) {
    if (EDITED.has(p) || p === report) continue;
    expect({ part: p, same: copy.parts.get(p)?.equals(bytes) }).toEqual({ part: p, same: true });
  }
}

describe("a workbook as openpyxl writes it (r: declared on each sheet element, not on the root)", () => {
  const input = build({
    workbook: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}"><workbookPr/><sheets><sheet xmlns:r="${REL}" name="Mina siffror" sheetId="1" state="visible" r:id="rId1"/><sheet xmlns:r="${REL}" name="Indata" sheetId="2" state="visible" r:id="rId2"/></sheets><definedNames>${NAMES}<definedName name="_xlnm.Print_Area" localSheetId="0">'Mina siffror'!$A$1:$B$2</definedName><definedName name="Eget" localSheetId="1">Indata!$A$1</definedName></definedNames></workbook>`,
    sheets: [
      { part: "xl/worksheets/sheet1.xml", xml: sheet('<row r="1"><c r="A1"><v>42</v></c></row>') },
      { part: "xl/worksheets/sheet2.xml", xml: sheet(contractSheet()) },
    ],
  });

  it("gives a copy whose every part is well-formed, with the report first and the rest untouched", async () => {
    const { copy } = await run(input);
    allWellFormed(copy);
    expect(sheetNames(copy)).toEqual(["Rapport", "Mina siffror", "Indata"]);
    unchangedExceptEdited(input, copy);
    const report = copy.xml("xl/workbook.xml").element("sheets", MAIN)?.elements("sheet", MAIN)[0] as XmlElement;
    expect(report.attr("id", REL)).toMatch(/^rId\d+$/);
  });

  it("keeps every defined name's value and the sheet it belongs to", async () => {
    const { copy } = await run(input);
    expect(names(copy)).toEqual(
      expect.arrayContaining([
        { name: "Budget", scope: null, value: "Indata!$A$1:$C$3" },
        { name: "_xlnm.Print_Area", scope: "Mina siffror", value: "'Mina siffror'!$A$1:$B$2" },
        { name: "Eget", scope: "Indata", value: "Indata!$A$1" },
        { name: "_xlnm.Print_Area", scope: "Rapport", value: expect.stringMatching(/^Rapport!\$A\$1:\$[A-Z]+\$\d+$/) },
      ]),
    );
  });

  it("keeps the user's sheet open when the workbook has no view of its own", async () => {
    const { copy } = await run(input);
    expect(active(copy)).toBe("Mina siffror");
  });

  it("gives the same package shape when refreshed again", async () => {
    const first = await run(input);
    const second = await run(first.bytes);
    expect([...second.copy.parts.keys()].sort()).toEqual([...first.copy.parts.keys()].sort());
    expect(sheetNames(second.copy)).toEqual(sheetNames(first.copy));
    expect(names(second.copy)).toEqual(names(first.copy));
    expect(active(second.copy)).toBe(active(first.copy));
    unchangedExceptEdited(first.bytes, second.copy);
  });
});

describe("a workbook as the Open XML SDK writes it (every element prefixed)", () => {
  const x = (s: string) => s.replace(/<(\/?)([a-zA-Z])/g, "<$1x:$2");
  const input = build({
    workbook: `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:bookViews><x:workbookView activeTab="1"/></x:bookViews><x:sheets><x:sheet name="Först" sheetId="5" r:id="rId1"/><x:sheet name="Indata" sheetId="9" r:id="rId2"/></x:sheets><x:definedNames>${x(NAMES)}<x:definedName name="Lokal" localSheetId="0">Först!$A$1</x:definedName></x:definedNames></x:workbook>`,
    sheets: [
      { part: "xl/worksheets/sheet1.xml", xml: sheet(x('<row r="1"><c r="A1"><v>1</v></c></row>'), MAIN, "x:") },
      { part: "xl/worksheets/sheet2.xml", xml: sheet(x(contractSheet()).replace(/<x:t>/g, "<x:t>"), MAIN, "x:") },
    ],
  });

  it("reads the contract and writes the report in the producer's own prefix", async () => {
    const { copy } = await run(input);
    allWellFormed(copy);
    expect(sheetNames(copy)).toEqual(["Rapport", "Först", "Indata"]);
    expect(copy.parts.get("xl/workbook.xml")?.toString()).toContain('<x:sheet name="Rapport"');
    expect(active(copy)).toBe("Indata");
    expect(names(copy)).toContainEqual({ name: "Lokal", scope: "Först", value: "Först!$A$1" });
    expect(copy.xml("xl/workbook.xml").element("sheets", MAIN)?.elements("sheet", MAIN)[0].attr("sheetId")).toBe("10");
  });
});

describe("a workbook without styles, and one whose styles lack sections", () => {
  it("gets a stylesheet of its own, related and typed", async () => {
    const input = build({
      workbook: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Indata" sheetId="1" r:id="rId1"/></sheets><definedNames>${NAMES}</definedNames></workbook>`,
      sheets: [{ part: "xl/worksheets/sheet1.xml", xml: sheet(contractSheet()) }],
      noStyles: true,
    });
    const { copy } = await run(input);
    allWellFormed(copy);
    const styles = copy.xml("xl/styles.xml");
    expect(styles.element("fills", MAIN)?.elements("fill", MAIN).length).toBeGreaterThan(2);
    expect(copy.parts.get("xl/_rels/workbook.xml.rels")?.toString()).toContain("relationships/styles");
    expect(copy.parts.get("[Content_Types].xml")?.toString()).toContain('PartName="/xl/styles.xml"');
  });

  it("adds the missing sections in schema order, keeping Excel's reserved fills first", async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs><dxfs count="0"/></styleSheet>`;
    const entries = minimalWorkbook({ sheetData: contractSheet(), styles, workbook: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Indata" sheetId="1" r:id="rId1"/></sheets><definedNames>${NAMES}</definedNames></workbook>` });
    const { copy } = await run(rawZip(entries));
    const root = copy.xml("xl/styles.xml");
    const order = root.elements().map((e) => e.local);
    expect(order).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"]);
    const fills = root.element("fills", MAIN)?.elements("fill", MAIN) ?? [];
    expect(fills.slice(0, 2).map((f) => f.element("patternFill", MAIN)?.attr("patternType"))).toEqual(["none", "gray125"]);
    // The workbook's own cell format is still the first.
    expect(root.element("cellXfs", MAIN)?.elements("xf", MAIN)[0].attr("fontId")).toBe("0");
  });
});

describe("a report the user moved, and the app.xml sheet list", () => {
  it("replaces the old report where it stood, shifting sheet-scoped names, and lists the report in app.xml", async () => {
    const app = `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant><vt:variant><vt:lpstr>Namngivna områden</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Mina</vt:lpstr><vt:lpstr>Indata</vt:lpstr><vt:lpstr>Budget</vt:lpstr></vt:vector></TitlesOfParts></Properties>`;
    const input = build({
      workbook: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0" firstSheet="1"/></bookViews><sheets><sheet name="Mina" sheetId="1" r:id="rId1"/><sheet name="Indata" sheetId="2" r:id="rId2"/></sheets><definedNames>${NAMES}<definedName name="L2" localSheetId="1">Indata!$A$1</definedName></definedNames></workbook>`,
      sheets: [
        { part: "xl/worksheets/sheet1.xml", xml: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') },
        { part: "xl/worksheets/sheet2.xml", xml: sheet(contractSheet()) },
      ],
      app,
    });
    const first = await run(input);
    const titles = (c: Copy) => c.xml("docProps/app.xml").element("TitlesOfParts")?.elements()[0].elements().map((e) => e.textContent());
    expect(titles(first.copy)).toEqual(["Rapport", "Mina", "Indata", "Budget"]);
    // Move the report last by hand, as a user might, then refresh.
    const wb = first.copy.parts.get("xl/workbook.xml")?.toString() as string;
    const reportTag = /<sheet name="Rapport"[^>]*\/>/.exec(wb)?.[0] as string;
    const moved = wb.replace(reportTag, "").replace("</sheets>", reportTag + "</sheets>").replace('localSheetId="0">Rapport', 'localSheetId="2">Rapport').replace('name="L2" localSheetId="2"', 'name="L2" localSheetId="1"').replace('activeTab="1"', 'activeTab="0"');
    const rebuilt = rawZip([...first.copy.parts].map(([name, data]) => ({ name, data: name === "xl/workbook.xml" ? Buffer.from(moved) : data })));
    const second = await run(rebuilt);
    allWellFormed(second.copy);
    expect(sheetNames(second.copy)).toEqual(["Rapport", "Mina", "Indata"]);
    expect(names(second.copy)).toEqual(expect.arrayContaining([{ name: "L2", scope: "Indata", value: "Indata!$A$1" }, { name: "_xlnm.Print_Area", scope: "Rapport", value: expect.stringMatching(/^Rapport!\$A\$1:/) }]));
    expect(names(second.copy).filter((n) => n.name === "_xlnm.Print_Area" && n.scope === "Rapport")).toHaveLength(1);
    expect(active(second.copy)).toBe("Mina");
    expect(titles(second.copy)).toEqual(["Rapport", "Mina", "Indata", "Budget"]);
  });
});

describe("what the copy edits, and how (issue 19)", () => {
  const workbook = `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Indata" sheetId="1" r:id="rId1"/></sheets><definedNames>${NAMES}</definedNames></workbook>`;

  it("gives the report's number formats the lowest free ids, whatever ids the workbook has in use", async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="2147483647" formatCode="0.000"/></numFmts><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`;
    const { copy } = await run(rawZip(minimalWorkbook({ sheetData: contractSheet(), styles, workbook })));
    const ids = (copy.xml("xl/styles.xml").element("numFmts", MAIN)?.elements("numFmt", MAIN) ?? []).map((n) => Number(n.attr("numFmtId")));
    expect(ids.slice(0, 2)).toEqual([164, 2147483647]);
    expect(ids.slice(2)).toEqual(Array.from({ length: ids.length - 2 }, (_, i) => 165 + i));
  });

  it("refuses to edit a styles relationship that points at another kind of part (the theme)", async () => {
    const entries = minimalWorkbook({ sheetData: contractSheet(), styles: `<styleSheet xmlns="${MAIN}"/>`, workbook }).map((e) => {
      if (e.name === "xl/_rels/workbook.xml.rels") return { ...e, data: String(e.data).replace('Target="styles.xml"', 'Target="theme/theme1.xml"') };
      if (e.name === "[Content_Types].xml") return { ...e, data: String(e.data).replace("</Types>", '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>') };
      return e;
    });
    const theme = `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"/>`;
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "in.xlsx"), rawZip([...entries, { name: "xl/theme/theme1.xml", data: theme }]));
    const r = await runCli([path.join(dir, "in.xlsx"), "--out", path.join(dir, "ut.xlsx")]);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining("xl/theme/theme1.xml som sin formatmall")]);
    expect(fs.existsSync(path.join(dir, "ut.xlsx"))).toBe(false);
  });

  it("writes a sheet name and text with control characters as SpreadsheetML does, never raw", async () => {
    const sheetData = contractSheet().replace("<t>Intäkter</t>", "<t>Intäkter_x0001__x005F_x0041_</t>");
    const { copy } = await run(rawZip(minimalWorkbook({ sheetData, workbook })));
    allWellFormed(copy);
    const report = copy.parts.get(reportPart(copy) as string)?.toString("utf8") ?? "";
    expect(report).toContain("Intäkter_x0001__x005F_x0041_");
    expect(report).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});
