import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { amountFormat, STATUS_FILL } from "../../src/report/styles";
import { minimalRanges, runCli, tempDir, writeXlsx } from "../support/sheets";

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function findRow(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

/** Every cell of a sheet as address → [value, numFmt], for comparing sheets. */
function cells(ws: ExcelJS.Worksheet): Map<string, string> {
  const out = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => out.set(cell.address, JSON.stringify([cell.value, cell.numFmt ?? null]))),
  );
  return out;
}

function reportValues(ws: ExcelJS.Worksheet): string[] {
  const rows: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const text = JSON.stringify(row.values);
    // The title line spans merged cells, and row.values repeats it in each: every copy loses its timestamp.
    rows.push(/Uppdaterad \d{4}-\d\d-\d\d \d\d:\d\d/.test(text) ? text.replace(/Uppdaterad [^·]+·/g, "Uppdaterad ·") : text);
  });
  return rows;
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
});

describe("the report tab in the file", () => {
  it("comes first, and every other sheet and name is kept cell for cell (the forecast history added last)", async () => {
    const [a, b] = [await open(input), await open(out)];
    expect(b.worksheets.map((w) => w.name)).toEqual(["Rapport", ...a.worksheets.map((w) => w.name), "Prognoshistorik"]);
    for (const ws of a.worksheets) expect(cells(b.getWorksheet(ws.name) as ExcelJS.Worksheet)).toEqual(cells(ws));
    expect(b.definedNames.model.filter((n) => n.name !== "Prognoshistorik")).toEqual(a.definedNames.model);
    expect(b.definedNames.model.find((n) => n.name === "Prognoshistorik")?.ranges).toEqual(["Prognoshistorik!$A$1:$H$42"]);
    expect(b.getWorksheet("Egna anteckningar")?.getCell("B3").value).toEqual({ formula: "SUM(Utfall!E2:E42)", result: 11000 });
  });

  it("carries number formats, colours and fills", async () => {
    const ws = (await open(out)).getWorksheet("Rapport") as ExcelJS.Worksheet;
    // Bokslut 2023 (contract v3) in column B, then Utfall 2023, Utfall 2024, Budget, Avvikelse, Avvikelse %.
    const personal = findRow(ws, "Personalkostnader");
    expect(personal.getCell(4).value).toBe(-306.3);
    expect(personal.getCell(4).numFmt).toBe(amountFormat(1));
    expect(personal.getCell(6).value).toBe(4.5);
    expect(personal.getCell(6).font?.color?.argb).toBe("FF1E7B34");
    expect(findRow(ws, "Övriga intäkter").getCell(6).font?.color?.argb).toBe("FFC00000");
    expect(findRow(ws, "Årets resultat inkl. över-/underskott").getCell(1).font?.bold).toBe(true);
    expect(findRow(ws, "Rullat över-/underskott").getCell(7).value).toBe("–");
    const sick = findRow(ws, "Sjukfrånvaro totalt");
    expect(sick.getCell(5).value).toBe("↓ bättre");
    expect(sick.getCell(5).font?.color?.argb).toBe("FF1E7B34");
    const status = sick.getCell(6);
    expect(status?.value).toBe("Ej uppfyllt");
    expect((status?.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + STATUS_FILL.notMet);
  });

  it("is set up for print: A4 landscape at the report's scale, its print area, footer with page numbers, its own page breaks", async () => {
    const ws = (await open(out)).getWorksheet("Rapport") as ExcelJS.Worksheet;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: false });
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(50);
    expect(ws.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    expect(ws.headerFooter.oddFooter).toContain("Servicenämnden – Delårsrapport 2 2024");
    expect(ws.headerFooter.oddFooter).toContain("Sida &P av &N");
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheetXmls = await Promise.all(zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.async("string")));
    expect(sheetXmls.filter((x) => /<rowBreaks count="\d+" manualBreakCount="\d+"/.test(x))).toHaveLength(1);
    expect(ws.views[0]).toMatchObject({ showGridLines: false });
    const keyColumn = ws.columns.findIndex((c) => c.hidden);
    expect(keyColumn).toBeGreaterThan(0);
  });

  it("keeps text that looks like a formula as text", async () => {
    const dir2 = tempDir();
    const ranges = minimalRanges();
    ranges.Risker = { rows: [["Risk", "Sannolikhet", "Konsekvens", "Åtgärd"], ["=1+1", 2, 2, "+46 70 123"], ["@SUM(A1)", 1, 1, "-minus"]] };
    ranges.Budget.rows[1][0] = "=Intäkter";
    ranges.Utfall.rows[1][0] = "=Intäkter";
    const file = await writeXlsx(path.join(dir2, "in.xlsx"), ranges);
    expect((await runCli([file, "--out", path.join(dir2, "o.xlsx")])).code).toBe(0);
    const ws = (await open(path.join(dir2, "o.xlsx"))).getWorksheet("Rapport") as ExcelJS.Worksheet;
    const texts: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => {
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      texts.push(c.value);
    }));
    expect(texts).toEqual(expect.arrayContaining(["=Intäkter", "1. =1+1", "+46 70 123", "2. @SUM(A1)", "-minus"]));
  });
});

describe("refreshing again", () => {
  it("gives an identical tab, timestamp aside", async () => {
    const again = path.join(dir, "igen.xlsx");
    expect((await runCli([out, "--out", again])).code).toBe(0);
    const [a, b] = [(await open(out)).getWorksheet("Rapport"), (await open(again)).getWorksheet("Rapport")];
    expect(reportValues(b as ExcelJS.Worksheet)).toEqual(reportValues(a as ExcelJS.Worksheet));
  });

  it("keeps an explanation on its row, and lists one whose row disappeared", async () => {
    const wb = await open(out);
    const ws = wb.getWorksheet("Rapport") as ExcelJS.Worksheet;
    const explanationCol = (() => {
      let col = 0;
      ws.eachRow((row) => row.eachCell((c) => {
        if (c.value === "Förklaring" && !col) col = Number(c.col);
      }));
      return col;
    })();
    findRow(ws, "Personalkostnader").getCell(explanationCol).value = "Vakanser inom ekonomiservice.";
    findRow(ws, "Svarstid i kundtjänst").getCell(explanationCol).value = "Ny telefonilösning i september.";
    const ind = wb.getWorksheet("Indikatorer") as ExcelJS.Worksheet;
    const row = findRow(ind, "Svarstid i kundtjänst");
    row.eachCell((c) => void (c.value = null));
    const typed = path.join(dir, "med-forklaring.xlsx");
    await wb.xlsx.writeFile(typed);

    const next = path.join(dir, "nasta.xlsx");
    expect((await runCli([typed, "--out", next])).code).toBe(0);
    const r = (await open(next)).getWorksheet("Rapport") as ExcelJS.Worksheet;
    expect(findRow(r, "Personalkostnader").getCell(explanationCol).value).toBe("Vakanser inom ekonomiservice.");
    expect(() => findRow(r, "1. Svarstid i kundtjänst")).toThrow();
    findRow(r, "Förklaringar vars rad inte längre finns");
    expect(findRow(r, "Svarstid i kundtjänst").getCell(explanationCol).value).toBe("Ny telefonilösning i september.");
  });
});

describe("what the command refuses", () => {
  it("does not overwrite a sheet of the user's that has the report's name", async () => {
    const d = tempDir();
    const file = await writeXlsx(path.join(d, "in.xlsx"), minimalRanges(), (wb) => {
      wb.addWorksheet("Rapport").getCell("A1").value = "Min egen rapport";
    });
    const r = await runCli([file, "--out", path.join(d, "o.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Bladet ”Rapport” finns redan och är inte en rapport från Uppföljning");
    expect(fs.existsSync(path.join(d, "o.xlsx"))).toBe(false);
  });

  it("keeps parts ExcelJS cannot write, such as charts, byte for byte", async () => {
    const d = tempDir();
    const file = await writeXlsx(path.join(d, "in.xlsx"), minimalRanges());
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const chart = "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"/>";
    zip.file("xl/charts/chart1.xml", chart);
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await runCli([file, "--out", path.join(d, "o.xlsx")])).code).toBe(0);
    const out = await JSZip.loadAsync(fs.readFileSync(path.join(d, "o.xlsx")));
    expect(await out.file("xl/charts/chart1.xml")?.async("string")).toBe(chart);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      expect(await out.file(name)?.async("string")).toBe(await zip.file(name)?.async("string"));
    }
  });

  it("keeps the kind of workbook: one with macros only into .xlsm, one without only into .xlsx", async () => {
    const d = tempDir();
    const plain = await writeXlsx(path.join(d, "in.xlsx"), minimalRanges());
    const zip = await JSZip.loadAsync(fs.readFileSync(plain));
    zip.file("xl/vbaProject.bin", Buffer.from([1, 2, 3]));
    const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
    zip.file("[Content_Types].xml", types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
    const file = path.join(d, "in.xlsm");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const refused = await runCli([file, "--out", path.join(d, "o.xlsx")]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("innehåller makron");
    expect((await runCli([file, "--out", path.join(d, "o.xlsm")])).code).toBe(0);
    const copy = await JSZip.loadAsync(fs.readFileSync(path.join(d, "o.xlsm")));
    expect(await copy.file("xl/vbaProject.bin")?.async("nodebuffer")).toEqual(Buffer.from([1, 2, 3]));
    expect((await runCli([file, "--out", path.join(d, "r.xlsx"), "--report-only"])).code).toBe(0);
    const wrong = await runCli([plain, "--out", path.join(d, "p.xlsm")]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("ska heta .xlsx");
  });

});
