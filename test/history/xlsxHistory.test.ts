/**
 * The forecast history on the command line: the sheet Prognoshistorik in the output copy, created on the first
 * refresh, and later edited in place: the current period's rows replaced where they stand, every other <row> byte for
 * byte, every other part of the package byte for byte; the same on the spellings other producers use (prefixed,
 * Strict, UTF-16, no r attributes …); never with --report-only or Spara prognoshistorik = Nej; never on a sheet that
 * is not ours.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { HISTORY_COLUMNS } from "../../src/contract/readHistory";
import { Cell } from "../../src/contract/source";
import { CurrentLine } from "../../src/engine/forecastHistory";
import { currentLines } from "../../src/engine/historyInput";
import { toPublic } from "../../src/findings/findings";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { decodeXmlBytes, parseXmlText } from "../../src/hosts/xlsx/package/xml/tree";
import { runXlsx } from "../../src/hosts/xlsx/runXlsx";
import { compute } from "../../src/pipeline";
import { hasPythonOpenpyxl, PYTHON, PYTHON_DIR } from "../support/python";
import { tempDir } from "../support/sheets";

const NOW = new Date(2024, 8, 14, 10, 30);
const LATER = new Date(2024, 8, 20, 16, 5);
const HEADER = HISTORY_COLUMNS.map((c) => c.header);
const TYP: Record<CurrentLine["kind"], string> = { revenue: "Intäkt", cost: "Kostnad", financial: "Finansiell", carryover: "Över-/underskott" };

const dir = tempDir();
let lines: CurrentLine[];

beforeAll(async () => {
  const plain = path.join(dir, "plain.xlsx");
  await buildExampleWorkbook().xlsx.writeFile(plain);
  const wb = await readWorkbook(fs.readFileSync(plain), plain, () => true);
  const c = compute(wb.source, NOW);
  if (!c.ok) throw new Error("the example has errors");
  lines = currentLines(c.result.income);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The example with a history written as Excel writes a sheet (shared strings, styles, spans): rows of several periods. */
async function exampleWithHistory(file: string, rows: (string | number | null)[][], note?: { row: number; text: string }): Promise<string> {
  const wb = buildExampleWorkbook();
  const ws = wb.addWorksheet("Prognoshistorik");
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.getColumn(6).numFmt = "#,##0";
  if (note) ws.getCell(note.row, 10).value = note.text;
  wb.definedNames.add(`Prognoshistorik!$A$1:$H$${rows.length + 1}`, "Prognoshistorik");
  await wb.xlsx.writeFile(file);
  return file;
}

/** A history row for a line, at a period, with its forecast moved. */
const rowOf = (l: CurrentLine, year: number, period: number, shift: number, stamp: string | null) => [year, period, l.responsibility, l.item, TYP[l.kind], (l.forecast ?? 0) + shift, l.actual, stamp];

async function partText(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return decodeXmlBytes(await (zip.file(part) as JSZip.JSZipObject).async("uint8array")).text;
}

async function partsOf(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

/** The worksheet part of a sheet, by its name. */
async function sheetPart(file: string, sheet: string): Promise<string> {
  const wb = await readWorkbook(fs.readFileSync(file), file, () => false);
  return wb.pkg.sheets.find((s) => s.name === sheet)?.part as string;
}

/** Each <row> of a sheet as written, by its row number. */
async function rowTexts(file: string, sheet: string): Promise<Map<number, string>> {
  const text = await partText(file, await sheetPart(file, sheet));
  const root = parseXmlText(text).root;
  const data = root.element("sheetData", root.ns);
  const out = new Map<number, string>();
  for (const r of data?.elements("row", root.ns) ?? []) out.set(Number(r.attr("r")), text.slice(r.start, r.end));
  return out;
}

async function cells(file: string, sheet = "Prognoshistorik"): Promise<Cell[][]> {
  const wb = await readWorkbook(fs.readFileSync(file), file, () => true);
  const rows = ((await wb.readSheetCells(sheet)) ?? []).filter((r) => r.some((c) => c !== null));
  // The history's own columns (a note beside them aside).
  return sheet === "Prognoshistorik" ? rows.map((r) => r.slice(0, HEADER.length)) : rows;
}

async function names(file: string): Promise<Record<string, string>> {
  const wb = await readWorkbook(fs.readFileSync(file), file, () => true);
  return Object.fromEntries(wb.pkg.definedNames.map((d) => [d.name, d.formula]));
}

const expected = (l: CurrentLine, stamp: string) => [2024, 8, l.responsibility, l.item, TYP[l.kind], l.forecast, l.actual, stamp];

describe("the first refresh", () => {
  it("adds the sheet last, with the current lines, the name over them and nothing else changed; a second refresh in the period keeps it all", async () => {
    const input = path.join(dir, "first.xlsx");
    await buildExampleWorkbook().xlsx.writeFile(input);
    const out = path.join(dir, "first.ut.xlsx");
    const r = await runXlsx({ input, out, now: NOW });
    expect(r.findings.map(toPublic)).toEqual([]);
    const wb = await readWorkbook(fs.readFileSync(out), out, () => true);
    expect(wb.sheetNames[wb.sheetNames.length - 1]).toBe("Prognoshistorik");
    expect(await cells(out)).toEqual([HEADER, ...lines.map((l) => expected(l, "2024-09-14 10:30"))]);
    expect((await names(out)).Prognoshistorik).toBe(`Prognoshistorik!$A$1:$H$${lines.length + 1}`);

    const again = path.join(dir, "first.ut2.xlsx");
    await runXlsx({ input: out, out: again, now: LATER });
    expect(await cells(again)).toEqual([HEADER, ...lines.map((l) => expected(l, "2024-09-20 16:05"))]);
    expect((await names(again)).Prognoshistorik).toBe(`Prognoshistorik!$A$1:$H$${lines.length + 1}`);
    // The same report, its time stamp aside.
    const stamp = (rows: Cell[][]) => JSON.stringify(rows).replace(/\d{4}-\d\d-\d\d \d\d:\d\d/g, "T");
    expect(stamp(await cells(again, "Rapport"))).toBe(stamp(await cells(out, "Rapport")));
  });
});

describe("a later refresh", () => {
  let input: string, out: string;
  const earlier = () => [
    ...lines.map((l) => rowOf(l, 2023, 12, -5, "2024-01-20 08:00")),
    ...lines.map((l) => rowOf(l, 2024, 4, 100, "2024-05-10 09:00")),
    // The current period, written by an earlier refresh: five lines only, with other forecasts.
    ...lines.slice(0, 5).map((l) => rowOf(l, 2024, 8, 7, "2024-09-01 12:00")),
  ];

  beforeAll(async () => {
    input = await exampleWithHistory(path.join(dir, "later.xlsx"), earlier(), { row: 2 * lines.length + 3, text: "min anteckning" });
    out = path.join(dir, "later.ut.xlsx");
    const r = await runXlsx({ input, out, now: NOW });
    expect(r.findings.map(toPublic)).toEqual([]);
  });

  it("keeps every row of another period byte for byte, and every other part of the package", async () => {
    const [before, after] = [await rowTexts(input, "Prognoshistorik"), await rowTexts(out, "Prognoshistorik")];
    for (let r = 1; r <= 2 * lines.length + 1; r++) expect(after.get(r)).toBe(before.get(r));
    const [a, b] = [await partsOf(input), await partsOf(out)];
    const edited = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "docProps/app.xml", await sheetPart(input, "Prognoshistorik")]);
    for (const [name, bytes] of a) if (!edited.has(name)) expect({ name, same: b.get(name)?.equals(bytes) }).toEqual({ name, same: true });
  });

  it("writes the current period's lines where its rows stood, the rest below, and keeps a note beside them", async () => {
    const got = await cells(out);
    const first = 2 * lines.length + 1;
    expect(got.slice(first)).toEqual(lines.map((l) => expected(l, "2024-09-14 10:30")));
    const wb = await readWorkbook(fs.readFileSync(out), out, () => true);
    expect(((await wb.readSheetCells("Prognoshistorik")) ?? [])[first + 1][9]).toBe("min anteckning");
    // Its cell as it was written (a shared string: the shared strings stay as they were).
    const cellJ = (row: string | undefined) => row?.slice(row.indexOf(`<c r="J${first + 2}"`));
    expect(cellJ((await rowTexts(out, "Prognoshistorik")).get(first + 2))).toBe(cellJ((await rowTexts(input, "Prognoshistorik")).get(first + 2)));
    expect((await names(out)).Prognoshistorik).toBe(`Prognoshistorik!$A$1:$H$${first + lines.length}`);
  });

  it("keeps a cell's number format where it writes a new value", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Prognoshistorik") as ExcelJS.Worksheet;
    expect(ws.getCell(2 * lines.length + 2, 6).numFmt).toBe("#,##0");
    expect(ws.getCell(1, 1).value).toBe("År");
  });

  it("clears the current period's rows the lines no longer fill", async () => {
    const extra = [...earlier(), ...lines.slice(0, 3).map((l) => [2024, 8, l.responsibility, `${l.item} (gammal)`, TYP[l.kind], 1, 1, "x"])];
    const more = await exampleWithHistory(path.join(dir, "more.xlsx"), extra);
    const o = path.join(dir, "more.ut.xlsx");
    await runXlsx({ input: more, out: o, now: NOW });
    const got = await cells(o);
    expect(got.length).toBe(1 + 2 * lines.length + lines.length);
    expect(got.filter((r) => String(r[3]).endsWith("(gammal)"))).toEqual([]);
  });
});

describe("when nothing is written", () => {
  let input: string;
  beforeAll(async () => {
    input = await exampleWithHistory(path.join(dir, "quiet.xlsx"), lines.map((l) => rowOf(l, 2024, 4, 100, "x")));
  });

  it("with --report-only the copy holds the report alone", async () => {
    const out = path.join(dir, "quiet.rapport.xlsx");
    const r = await runXlsx({ input, out, reportOnly: true, now: NOW });
    expect(r.ok).toBe(true);
    expect((await readWorkbook(fs.readFileSync(out), out, () => true)).sheetNames).toEqual(["Rapport"]);
  });

  it("with Spara prognoshistorik = Nej the history is read but left as it was", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const ws = wb.getWorksheet("Inställningar") as ExcelJS.Worksheet;
    ws.addRow(["Spara prognoshistorik", "Nej"]);
    const rows = ws.rowCount;
    wb.definedNames.remove("Inställningar!$A$1:$B$14", "Inställningar");
    wb.definedNames.add(`'Inställningar'!$A$1:$B$${rows}`, "Inställningar");
    const no = path.join(dir, "nej.xlsx");
    await wb.xlsx.writeFile(no);
    const out = path.join(dir, "nej.ut.xlsx");
    const r = await runXlsx({ input: no, out, now: NOW });
    expect(r.findings.map(toPublic)).toEqual([]);
    expect(await rowTexts(out, "Prognoshistorik")).toEqual(await rowTexts(no, "Prognoshistorik"));
    expect((await names(out)).Prognoshistorik).toBe((await names(no)).Prognoshistorik);
  });
});

describe("the producers' spellings of an existing history", () => {
  const VARIANTS = ["prefixed", "single-quoted", "utf16", "strict", "no-refs", "inline-strings", "char-refs", "exponent"];
  let input: string;
  beforeAll(async () => {
    if (!hasPythonOpenpyxl()) return;
    input = await exampleWithHistory(path.join(dir, "variant-base.xlsx"), [...lines.map((l) => rowOf(l, 2024, 4, 100, "x")), ...lines.slice(0, 4).map((l) => rowOf(l, 2024, 8, 7, "x"))]);
  }, 60_000);

  it.each(VARIANTS.map((v) => [v]))("%s: rows of period 4 as they were written, period 8 replaced and appended", async (variant) => {
    if (!hasPythonOpenpyxl()) return;
    const made = path.join(dir, `v-${variant}.xlsx`);
    execFileSync(PYTHON, [path.join(PYTHON_DIR, "variants.py"), variant, input, made], { stdio: "pipe", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } });
    const out = path.join(dir, `v-${variant}.ut.xlsx`);
    const r = await runXlsx({ input: made, out, now: NOW });
    expect(r.findings.map(toPublic)).toEqual([]);
    const got = await cells(out);
    expect(got).toEqual([HEADER, ...lines.map((l) => rowOf(l, 2024, 4, 100, "x")), ...lines.map((l) => expected(l, "2024-09-14 10:30"))]);
    // The rows of period 4 are the variant's own text (no-refs rows have no r, so are compared by position).
    const part = await sheetPart(made, "Prognoshistorik");
    const rowsOf = async (file: string) => {
      const text = await partText(file, part);
      const root = parseXmlText(text).root;
      return (root.element("sheetData", root.ns)?.elements("row", root.ns) ?? []).map((e) => text.slice(e.start, e.end));
    };
    const [before, after] = [await rowsOf(made), await rowsOf(out)];
    expect(after.slice(0, 1 + lines.length)).toEqual(before.slice(0, 1 + lines.length));
  });
});
