/**
 * The report's charts in the file (issue 24), read back by others: the package's parts well-formed, their namespaces
 * declared and their content types listed (inspect_xlsx.py); openpyxl finding each chart with series that point at the
 * report cells holding the figures it draws; text from the user's data escaped; and a refresh of an output replacing
 * only the report's own charts, while a chart of the user's stays byte for byte under its own part name and a picture
 * the controller put on the report tab stays where it was.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { chartParts } from "../support/chartParts";
import { hasPythonOpenpyxl, inspectXlsx, runPython } from "../support/python";
import { runCli, SheetRange, tempDir, writeXlsx } from "../support/sheets";
import { packageProblems, spliceProblems } from "../support/splice";
import { WorkbookPackage } from "../../src/hosts/xlsx/package/read/workbookPackage";
import { parseXmlText, XmlElement } from "../../src/hosts/xlsx/package/xml/tree";
import { CHART_NS } from "../../src/hosts/xlsx/package/write/charts";

const python = hasPythonOpenpyxl();
const itWithPython = python ? it : it.skip;

interface OpenpyxlChart {
  anchor: [number, number, number, number];
  title: string | null;
  groups: { type: string; barDir: string | null; grouping: string | null; series: { name: string | null; values: string | null; categories: string | null }[] }[];
}

function openpyxlCharts(file: string): Record<string, OpenpyxlChart[]> {
  const out = JSON.parse(runPython("charts.py", [file]))[file] as { ok: boolean; error?: string; sheets: Record<string, OpenpyxlChart[]> };
  if (!out.ok) throw new Error(out.error);
  return out.sheets;
}

/** The values of a sheet's range `Rapport!$B$3:$B$9` as ExcelJS reads them. */
function valuesAt(ws: ExcelJS.Worksheet, ref: string): unknown[] {
  const m = /!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const out: unknown[] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++) out.push(ws.getCell(`${m[1]}${r}`).value);
  return out;
}

function partNames(file: string): string[] {
  return WorkbookPackage.open(fs.readFileSync(file), file).zip.entries.map((e) => e.part).sort();
}

function partBytes(file: string, part: string): Buffer {
  const pkg = WorkbookPackage.open(fs.readFileSync(file), file);
  const e = pkg.entry(part);
  if (!e) throw new Error(`no part ${part}`);
  return pkg.zip.inflate(e, "tree");
}

let dir: string;
let input: string;
let out: string;

beforeAll(async () => {
  dir = tempDir();
  input = path.join(dir, "exempel.xlsx");
  await buildExampleWorkbook().xlsx.writeFile(input);
  out = path.join(dir, "rapport.xlsx");
  expect((await runCli([input, "--out", out])).code).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the report's charts in the file", () => {
  it("are a drawing for the report sheet and a chart part per chart, each in the content types", () => {
    const parts = partNames(out);
    expect(parts.filter((p) => /^xl\/(charts|drawings)\//.test(p))).toEqual([
      "xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/charts/chart4.xml",
      "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing1.xml",
    ]);
    const pkg = WorkbookPackage.open(fs.readFileSync(out), out);
    const types = new Map(pkg.contentTypes.root.elements("Override").map((o) => [o.attr("PartName"), o.attr("ContentType")]));
    for (const c of [1, 2, 3, 4]) expect(types.get(`/xl/charts/chart${c}.xml`)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    expect(types.get("/xl/drawings/drawing1.xml")).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    // Only the report sheet has a drawing; its relationship is its only one.
    const report = pkg.sheets.find((s) => s.name === "Rapport")?.part as string;
    expect(pkg.relationshipsOf(report).map((r) => [r.type, r.target])).toEqual([["drawing", "xl/drawings/drawing1.xml"]]);
    for (const s of pkg.sheets.filter((x) => x.name !== "Rapport")) expect(pkg.relationshipsOf(s.part as string).some((r) => r.type === "drawing")).toBe(false);
  });

  itWithPython("are well-formed XML with their namespaces declared, and the package stays what the splice promises", () => {
    const info = inspectXlsx([input, out]);
    expect(packageProblems(info[out])).toEqual([]);
    expect(spliceProblems(info[input], info[out], { report: "Rapport" })).toEqual([]);
    const xml = (info[out].xml ?? []).filter((x) => /^xl\/(charts|drawings)\//.test(x.part));
    expect(xml).toHaveLength(6);
    for (const x of xml) expect([x.part, x.wellFormed, x.error]).toEqual([x.part, true, null]);
    expect(info[out].contentTypes?.missing).toEqual([]);
  });

  itWithPython("are found by openpyxl, each series pointing at the report cells that hold the figures it draws", async () => {
    const found = openpyxlCharts(out);
    expect(Object.entries(found).filter(([, c]) => c.length > 0).map(([s]) => s)).toEqual(["Rapport"]);
    const charts = found.Rapport;
    expect(charts.map((c) => c.title)).toEqual(["Avvikelse per post, mnkr", "Från budget till prognos, mnkr", "Avvikelse per ansvar, mnkr", "Känslighetsanalys: effekt på årets resultat, mnkr"]);
    // The same ranges as the parts say (read with the package's own parser).
    const ours = chartParts(out, "Rapport");
    expect(charts.map((c) => c.groups.flatMap((g) => g.series.map((s) => [s.name, s.values, s.categories])))).toEqual(ours.map((c) => c.series.map((s) => [s.name, s.values, s.categories])));
    expect(charts.map((c) => c.groups.map((g) => [g.type, g.barDir, g.grouping]))).toEqual([
      [["BarChart", "bar", "clustered"]],
      [["BarChart", "col", "stacked"], ["LineChart", null, "standard"]],
      [["BarChart", "bar", "clustered"]],
      [["BarChart", "bar", "clustered"]],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Rapport") as ExcelJS.Worksheet;
    // Avvikelse per ansvar: the names and the deviations of the table per ansvar, as printed.
    const [, , responsibility, tornado] = charts;
    expect(valuesAt(ws, responsibility.groups[0].series[0].categories as string)).toEqual(["Nämnd och ledning", "Område 1 IT och digitalisering", "Område 2 HR och kommunikation", "Område 3 Ekonomi och upphandling", "Område 4 Måltidsservice", "Område 5 Transport och service"]);
    expect(valuesAt(ws, responsibility.groups[0].series[0].values as string)).toEqual([1.2, -3, 3, -1.5, -5.4, 2.9]);
    expect(valuesAt(ws, responsibility.groups[0].series[1].values as string)).toEqual([-0.7, -3.8, 2.5, -4.5, -1.2, 4.9]);
    const headerRow = Number(/\$(\d+):/.exec(responsibility.groups[0].series[0].values as string)?.[1]) - 1;
    expect(String(ws.getCell(headerRow, 1).value)).toBe("Ansvar");
    // The tornado: the sensitivity table's factors and effects.
    expect(valuesAt(ws, tornado.groups[0].series[0].values as string)).toEqual([-8.4, -8.4, -4.8, -2, -1.9]);
    // Anchored over the report's cells, in its printed columns.
    for (const c of charts) expect(c.anchor[2]).toBeLessThanOrEqual(10);
  });

  it("name each chart as the report's, with its alt text, and write what the layout decided", () => {
    const ours = chartParts(out, "Rapport");
    expect(ours.map((c) => c.name)).toEqual(["Uppföljning: Avvikelse per post, mnkr", "Uppföljning: Från budget till prognos, mnkr", "Uppföljning: Avvikelse per ansvar, mnkr", "Uppföljning: Känslighetsanalys: effekt på årets resultat, mnkr"]);
    for (const c of ours) {
      expect(c.altTitle).toBe(c.title);
      expect(c.altDescription?.length).toBeGreaterThan(80);
    }
    const [posts, bridge] = ours;
    expect(posts.categoriesReversed).toBe(true);
    expect(posts.valueAxis.deleted).toBe(true);
    expect(posts.series[0].labelFormat).toBe('#,##0.0;"\u2212"#,##0.0;#,##0.0');
    expect(Object.values(posts.series[0].points).map((p) => p.fill)).toEqual(["C00000", "1E7B34", "1E7B34", "1E7B34", "1E7B34", "C00000", "C00000", "C00000"]);
    expect(bridge.series.map((s) => [s.name, s.group, s.fill])).toEqual([["Bas över noll", "bar", null], ["Bas under noll", "bar", null], ["Över noll", "bar", "404040"], ["Under noll", "bar", "404040"], ["Belopp", "line", null]]);
    expect(Object.values(bridge.series[4].labelTexts)).toEqual(["0,0", "\u221212,0", "+15,3", "+1,1", "+1,4", "+8,9", "\u22124,0", "\u22126,6", "\u22127,0", "\u22123,0"]);
    expect(bridge.overlap).toBe(100);
    expect(bridge.categoryRotation).toBe(-45);
    // One scale on the page of both: the same amount per unit of plot length (the plot in fractions of each chart).
    expect(posts.plot.w).toBeGreaterThan(0.5);
  });
});

describe("text from the user's data in a chart", () => {
  itWithPython("is escaped: ansvar names with <, &, > and quotes come back as written", async () => {
    const names = ['Område <1> & "Vård"', "Skola & fritid 'norr'", "]]> slut"];
    const ranges: Record<string, SheetRange> = {
      Budget: { rows: [["Ansvar", "Post", "Typ", "Helår"], ...names.map((n, i) => [n, "Personal", "Kostnad", -100 - i * 10]), [names[0], "Avgifter", "Intäkt", 50]] },
      Utfall: { rows: [["Ansvar", "Post", "Utfall", "Prognos"], ...names.map((n, i) => [n, "Personal", -60 - i * 9, -95 - i * 12]), [names[0], "Avgifter", 30, 55]] },
      Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["Enhet in", "mkr"], ["År", 2024], ["Organisation", "Nämnd <&> \"A\""]] },
    };
    const src = await writeXlsx(path.join(dir, "hostile.xlsx"), ranges);
    const copy = path.join(dir, "hostile-rapport.xlsx");
    expect((await runCli([src, "--out", copy])).code).toBe(0);
    const info = inspectXlsx([copy]);
    expect(packageProblems(info[copy])).toEqual([]);
    const charts = openpyxlCharts(copy).Rapport;
    expect(charts.map((c) => c.title)).toContain("Avvikelse per ansvar, mnkr");
    // The category cache holds the names as text, escaped on the way and unescaped by any parser.
    const part = chartParts(copy, "Rapport").find((c) => c.title.startsWith("Avvikelse per ansvar")) as { part: string };
    const xml = partBytes(copy, part.part).toString("utf8");
    expect(xml).toContain("Område &lt;1&gt; &amp; \"Vård\"");
    const cache = parseXmlText(xml).root.element("chart", CHART_NS)?.element("plotArea", CHART_NS)?.element("barChart", CHART_NS)?.element("ser", CHART_NS)?.element("cat", CHART_NS)?.element("strRef", CHART_NS)?.element("strCache", CHART_NS) as XmlElement;
    expect(cache.elements("pt", CHART_NS).map((p) => p.textContent())).toEqual(names);
  });
});

describe("a refresh of an output", () => {
  it("replaces only the report's own charts: the same parts, no chart twice", async () => {
    const again = path.join(dir, "rapport2.xlsx");
    expect((await runCli([out, "--out", again])).code).toBe(0);
    expect(partNames(again)).toEqual(partNames(out));
    expect(chartParts(again, "Rapport").map((c) => c.name)).toEqual(chartParts(out, "Rapport").map((c) => c.name));
  });

  itWithPython("keeps a chart of the user's byte for byte under its part name, and knows its own charts after openpyxl renamed them", async () => {
    // The controller's own chart on her Budget sheet, saved by openpyxl (which names every chart anew; the workbook
    // has no formulas, whose values openpyxl would not keep).
    const plain = await writeXlsx(path.join(dir, "utan-formler.xlsx"), {
      Budget: { rows: [["Post", "Typ", "Helår"], ["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -96], ["Lokaler", "Kostnad", -12]] },
      Utfall: { rows: [["Post", "Utfall", "Prognos"], ["Intäkter", 82, 118], ["Personal", -60, -97], ["Lokaler", -8, -12]] },
      Känslighet: { rows: [["Faktor", "Post", "Förändring"], ["Löneökning", "Personal", 0.01]] },
      Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["Enhet in", "mkr"], ["År", 2024]] },
    });
    const own = path.join(dir, "egen.xlsx");
    runPython("resave.py", [plain, own, "Budget"]);
    const userParts = partNames(own).filter((p) => /^xl\/(charts|drawings)\//.test(p));
    expect(userParts.length).toBeGreaterThan(0);
    const first = path.join(dir, "egen-rapport.xlsx");
    expect((await runCli([own, "--out", first])).code).toBe(0);
    for (const p of userParts) expect([p, partBytes(first, p).equals(partBytes(own, p))]).toEqual([p, true]);
    // The output saved by openpyxl again: every chart renamed, the report's among them.
    const resaved = path.join(dir, "egen-rapport-openpyxl.xlsx");
    runPython("resave.py", [first, resaved]);
    expect(chartParts(resaved, "Rapport").every((c) => !c.name.startsWith("Uppföljning:"))).toBe(true);
    const refreshed = path.join(dir, "egen-rapport-2.xlsx");
    expect((await runCli([resaved, "--out", refreshed])).code).toBe(0);
    const charts = openpyxlCharts(refreshed);
    expect(charts.Rapport.map((c) => c.title)).toEqual(["Avvikelse per post, mnkr", "Från budget till prognos, mnkr", "Känslighetsanalys: effekt på årets resultat, mnkr"]);
    expect(charts.Budget.map((c) => c.title)).toEqual(["Min egen graf"]);
    expect(chartParts(refreshed, "Rapport").every((c) => c.name.startsWith("Uppföljning:"))).toBe(true);
  });

  it("keeps a picture the controller put on the report tab, with its image, and drops the old charts", async () => {
    // A logo added to the report's drawing, as Excel would write it.
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360f8cfc0f01f0005ff02fe4d5c3dfe0000000049454e44ae426082", "hex");
    zip.file("xl/media/logo.png", png);
    const drawing = "xl/drawings/drawing1.xml";
    const rels = "xl/drawings/_rels/drawing1.xml.rels";
    const dxml = await zip.file(drawing)?.async("string") as string;
    const pic =
      '<xdr:oneCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="476250"/>' +
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="90" name="Logotyp"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
      '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>';
    zip.file(drawing, dxml.replace("</xdr:wsDr>", pic + "</xdr:wsDr>"));
    const rxml = await zip.file(rels)?.async("string") as string;
    zip.file(rels, rxml.replace("</Relationships>", '<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/logo.png"/></Relationships>'));
    const ct = await zip.file("[Content_Types].xml")?.async("string") as string;
    zip.file("[Content_Types].xml", ct.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default '));
    const withLogo = path.join(dir, "med-logotyp.xlsx");
    fs.writeFileSync(withLogo, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

    const refreshed = path.join(dir, "med-logotyp-2.xlsx");
    expect((await runCli([withLogo, "--out", refreshed])).code).toBe(0);
    const pkg = WorkbookPackage.open(fs.readFileSync(refreshed), refreshed);
    const report = pkg.sheets.find((s) => s.name === "Rapport")?.part as string;
    const drawingPart = pkg.relationshipsOf(report).find((r) => r.type === "drawing")?.target as string;
    const root = pkg.tree(drawingPart).root;
    const kept = root.elements("oneCellAnchor");
    expect(kept).toHaveLength(1);
    const embed = kept[0].element("pic")?.element("blipFill")?.elements()[0].attrs.find((a) => a.local === "embed")?.value;
    const target = pkg.relationshipsOf(drawingPart).find((r) => r.id === embed)?.target;
    expect(target).toBe("xl/media/logo.png");
    expect(partBytes(refreshed, "xl/media/logo.png").equals(png)).toBe(true);
    // Four charts, the report's, and nothing of the old ones left behind.
    expect(chartParts(refreshed, "Rapport")).toHaveLength(4);
    expect(partNames(refreshed).filter((p) => p.startsWith("xl/charts/"))).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/charts/chart4.xml"]);
    if (python) expect(packageProblems(inspectXlsx([refreshed])[refreshed])).toEqual([]);
  });

  it("leaves a drawing that a sheet of the controller's also shows as it is, and gives the report a drawing of its own", async () => {
    // The report's drawing of the first output, shown on the Budget sheet too (a hand-edited or odd file).
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const before = WorkbookPackage.open(fs.readFileSync(out), out);
    const budget = before.sheets.find((s) => s.name === "Budget")?.part as string;
    const reportPart = before.sheets.find((s) => s.name === "Rapport")?.part as string;
    const shared = before.relationshipsOf(reportPart).find((r) => r.type === "drawing")?.target as string;
    const budgetRels = budget.replace(/([^/]+)$/, "_rels/$1.rels");
    const relXml = (await zip.file(budgetRels)?.async("string")) ?? '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    zip.file(budgetRels, relXml.replace("</Relationships>", `<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../${shared.replace(/^xl\//, "")}"/></Relationships>`));
    const sheetXml = (await zip.file(budget)?.async("string")) as string;
    const at = ["<legacyDrawing", "<tableParts", "<extLst", "</worksheet>"].map((t) => sheetXml.indexOf(t)).filter((i) => i >= 0)[0];
    zip.file(budget, sheetXml.slice(0, at) + '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdShared"/>' + sheetXml.slice(at));
    const sharedFile = path.join(dir, "delad-ritning.xlsx");
    fs.writeFileSync(sharedFile, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const sharedPkg = WorkbookPackage.open(fs.readFileSync(sharedFile), sharedFile);
    expect(sharedPkg.relationshipsOf(budget).find((r) => r.type === "drawing")?.target).toBe(shared);
    const sharedCharts = sharedPkg.relationshipsOf(shared).filter((r) => r.type === "chart").map((r) => r.target as string);
    expect(sharedCharts).toHaveLength(4);

    const refreshed = path.join(dir, "delad-ritning-2.xlsx");
    expect((await runCli([sharedFile, "--out", refreshed])).code).toBe(0);
    const pkg = WorkbookPackage.open(fs.readFileSync(refreshed), refreshed);
    // The Budget sheet still shows the same drawing, byte for byte, with the charts it held.
    expect(pkg.relationshipsOf(budget).find((r) => r.type === "drawing")?.target).toBe(shared);
    for (const p of [shared, ...sharedCharts]) expect([p, partBytes(refreshed, p).equals(partBytes(sharedFile, p))]).toEqual([p, true]);
    // The report has a new drawing of its own under a free name, with its four charts.
    const report = pkg.sheets.find((s) => s.name === "Rapport")?.part as string;
    const own = pkg.relationshipsOf(report).find((r) => r.type === "drawing")?.target as string;
    expect(own).not.toBe(shared);
    expect(pkg.relationshipsOf(own).filter((r) => r.type === "chart")).toHaveLength(4);
    for (const r of pkg.relationshipsOf(own)) expect(sharedCharts).not.toContain(r.target);
    if (python) expect(packageProblems(inspectXlsx([refreshed])[refreshed])).toEqual([]);
  });

  it("with Diagram = Nej removes the report's charts and leaves no part of them", async () => {
    const ranges: Record<string, SheetRange> = {
      Budget: { rows: [["Post", "Typ", "Helår"], ["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -96]] },
      Utfall: { rows: [["Post", "Utfall", "Prognos"], ["Intäkter", 82, 118], ["Personal", -60, -97]] },
      Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["Enhet in", "mkr"], ["År", 2024], ["Diagram", "Ja"]] },
    };
    const small = await writeXlsx(path.join(dir, "liten.xlsx"), ranges);
    const first = path.join(dir, "liten-rapport.xlsx");
    expect((await runCli([small, "--out", first])).code).toBe(0);
    expect(chartParts(first, "Rapport").length).toBeGreaterThan(0);
    // The controller changes the setting in the output (the only "Ja" of the workbook) and refreshes it.
    const zip = await JSZip.loadAsync(fs.readFileSync(first));
    const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) as string;
    expect(strings.split("<t>Ja</t>")).toHaveLength(2);
    zip.file("xl/sharedStrings.xml", strings.replace("<t>Ja</t>", "<t>Nej</t>"));
    const edited = path.join(dir, "liten-nej.xlsx");
    fs.writeFileSync(edited, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const refreshed = path.join(dir, "liten-nej-rapport.xlsx");
    expect((await runCli([edited, "--out", refreshed])).code).toBe(0);
    expect(partNames(refreshed).filter((p) => /^xl\/(charts|drawings)\//.test(p))).toEqual([]);
    const pkg = WorkbookPackage.open(fs.readFileSync(refreshed), refreshed);
    expect(pkg.contentTypes.root.elements("Override").map((o) => o.attr("PartName")).filter((p) => /chart|drawing/.test(p ?? ""))).toEqual([]);
    if (python) expect(packageProblems(inspectXlsx([refreshed])[refreshed])).toEqual([]);
  });
});
