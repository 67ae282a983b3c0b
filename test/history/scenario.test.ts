/**
 * Issue 23's scenario: the bundled example refreshed for period 4, then 8, then 12, with the forecasts changing as a
 * year does, through both hosts: the command line on each output file (the controller opens it, enters the new
 * period's figures and saves), and Excel (the stand-in) on one workbook. Both leave the same history, with three
 * periods, each period's rows untouched by the later refreshes; refreshing twice in a period changes nothing but
 * the time stamps.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { Cell } from "../../src/contract/source";
import { readWorkbook } from "../../src/hosts/xlsx/package/read/readWorkbook";
import { refreshReport } from "../../src/hosts/office/refresh";
import { FakeExcel } from "../support/fakeExcel";
import { fakeFromWorkbook, installFake, supportsAll } from "../support/officeFixtures";
import { runCli, tempDir } from "../support/sheets";

/** Utfall's columns in the example: Ansvar, Post, Typ, Utfall fg år, Utfall, Prognos. */
const ACTUAL = 5, FORECAST = 6;

/**
 * The example's Utfall as it stood at `period`: the outcome so far a share of August's, the forecast moving through
 * the year (a worse spring, a better autumn), and at period 12 the year's outcome itself.
 */
function figuresAt(period: number, august: { actual: number; forecast: number }, row: number): { actual: number; forecast: number } {
  if (period === 8) return august;
  if (period === 4) return { actual: Math.round((august.actual * 4) / 8), forecast: august.forecast + (row % 3 === 0 ? -150 : 40) };
  return { actual: august.forecast + (row % 2 === 0 ? 60 : -25), forecast: august.forecast + (row % 2 === 0 ? 60 : -25) };
}

let august: { actual: number; forecast: number; responsibility: string; item: string }[];

/** Sets the example's Period and Utfall for `period` on an ExcelJS workbook (the controller's new figures). */
function setPeriod(wb: ExcelJS.Workbook, period: number): void {
  const settings = wb.getWorksheet("Inställningar") as ExcelJS.Worksheet;
  settings.eachRow((row) => {
    if (row.getCell(1).value === "Period") row.getCell(2).value = period;
  });
  const utfall = wb.getWorksheet("Utfall") as ExcelJS.Worksheet;
  august.forEach((a, i) => {
    const f = figuresAt(period, a, i);
    utfall.getRow(i + 2).getCell(ACTUAL).value = f.actual;
    utfall.getRow(i + 2).getCell(FORECAST).value = f.forecast;
  });
}

/** The same on the stand-in's cells. */
function setPeriodInExcel(fake: FakeExcel, period: number): void {
  const settings = fake.model.sheet("Inställningar");
  for (const [key, cell] of settings?.cells ?? []) {
    const [r, c] = key.split(",").map(Number);
    if (c === 0 && cell.value === "Period") (settings?.cell(r, 1, true) as { value: unknown }).value = period;
  }
  const utfall = fake.model.sheet("Utfall");
  august.forEach((a, i) => {
    const f = figuresAt(period, a, i);
    (utfall?.cell(i + 1, ACTUAL - 1, true) as { value: unknown }).value = f.actual;
    (utfall?.cell(i + 1, FORECAST - 1, true) as { value: unknown }).value = f.forecast;
  });
}

/** The history's own columns, row by row, without Uppdaterad. */
const withoutStamp = (rows: unknown[][]) => rows.filter((r) => r.some((c) => c !== null && c !== "")).map((r) => r.slice(0, 7).map((v) => (v === "" ? null : v)));

async function fileHistory(file: string): Promise<unknown[][]> {
  const wb = await readWorkbook(fs.readFileSync(file), file, () => true);
  return withoutStamp((await wb.readSheetCells("Prognoshistorik")) as Cell[][]);
}

const dir = tempDir();
const cli: Record<number, string> = {};
const excel: Record<number, unknown[][]> = {};
/** The report tab as Excel shows it after each period's refresh, and after refreshing period 8 a second time. */
const excelReport: Record<string, unknown[][]> = {};
/** The names of the report's charts in Excel after each period's refresh. */
const excelCharts: Record<number, string[]> = {};

beforeAll(async () => {
  const ws = buildExampleWorkbook().getWorksheet("Utfall") as ExcelJS.Worksheet;
  august = [];
  ws.eachRow((row, r) => {
    if (r > 1) august.push({ actual: row.getCell(ACTUAL).value as number, forecast: row.getCell(FORECAST).value as number, responsibility: row.getCell(1).value as string, item: row.getCell(2).value as string });
  });

  // The command line: each period's workbook is the last output, opened, given new figures and saved.
  let input = path.join(dir, "p4.xlsx");
  const first = buildExampleWorkbook();
  setPeriod(first, 4);
  await first.xlsx.writeFile(input);
  for (const period of [4, 8, 12]) {
    if (period !== 4) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(cli[period === 8 ? 4 : 8]);
      setPeriod(wb, period);
      input = path.join(dir, `p${period}.xlsx`);
      await wb.xlsx.writeFile(input);
    }
    cli[period] = path.join(dir, `p${period}.ut.xlsx`);
    const r = await runCli([input, "--out", cli[period], "--json", `${cli[period]}.json`]);
    expect(r.code).toBe(0);
  }

  // Excel: one workbook, refreshed at each period.
  const fake = fakeFromWorkbook(buildExampleWorkbook());
  installFake(fake);
  for (const period of [4, 8, 12]) {
    setPeriodInExcel(fake, period);
    const outcome = await fake.run((context) => refreshReport(context, { supports: supportsAll, now: new Date(2024, period, 10, 9, 0) }));
    expect(outcome.ok).toBe(true);
    excel[period] = withoutStamp(fake.sheetValues("Prognoshistorik") as unknown[][]);
    excelReport[period] = fake.sheetValues("Rapport") as unknown[][];
    excelCharts[period] = ((fake.charts("Rapport") ?? []) as { name: string }[]).map((c) => c.name);
    if (period === 8) {
      const again = await fake.run((context) => refreshReport(context, { supports: supportsAll, now: new Date(2024, period, 11, 9, 0) }));
      expect(again.ok).toBe(true);
      excelReport["8 igen"] = fake.sheetValues("Rapport") as unknown[][];
    }
  }
}, 240_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("refreshed for period 4, 8 and 12", () => {
  it("keeps a history of three periods, each period's rows as they were written", async () => {
    const [h4, h8, h12] = [await fileHistory(cli[4]), await fileHistory(cli[8]), await fileHistory(cli[12])];
    const n = august.length;
    expect(h12.length).toBe(1 + 3 * n);
    expect(h12.slice(1).map((r) => r[1])).toEqual([...Array(n).fill(4), ...Array(n).fill(8), ...Array(n).fill(12)]);
    expect(h8.slice(0, 1 + n)).toEqual(h4);
    expect(h12.slice(0, 1 + 2 * n)).toEqual(h8);
    // Period 4's forecasts are the ones entered then; period 12's forecast is the year's outcome.
    const entered = new Map(august.map((a, i) => [`${a.responsibility}|${a.item}`, figuresAt(4, a, i).forecast]));
    expect(h12.slice(1, 1 + n).map((r) => r[5])).toEqual(h12.slice(1, 1 + n).map((r) => entered.get(`${r[2]}|${r[3]}`)));
    expect(h12.slice(1 + 2 * n).every((r) => r[5] === r[6])).toBe(true);
  });

  it("gives the same history in Excel as on the command line", async () => {
    expect(excel[4]).toEqual(await fileHistory(cli[4]));
    expect(excel[8]).toEqual(await fileHistory(cli[8]));
    expect(excel[12]).toEqual(await fileHistory(cli[12]));
  });

  it("changes nothing but the time stamps when refreshed again in the same period", async () => {
    const again = path.join(dir, "p12.igen.xlsx");
    expect((await runCli([cli[12], "--out", again, "--json", `${again}.json`])).code).toBe(0);
    expect(await fileHistory(again)).toEqual(await fileHistory(cli[12]));
    expect(json(`${again}.json`)).toEqual(json(`${cli[12]}.json`));
  });

  it("shows at 8 how the forecast changed since 4: columns, per ansvar, the JSON and the analysis", async () => {
    const [j4, j8] = [json(`${cli[4]}.json`), json(`${cli[8]}.json`)];
    expect(j8.forecastHistory.previousPeriod).toBe(4);
    expect(j4.forecastHistory).toBeNull();
    expect(j8.totals.result.forecastPrevious).toBe(j4.totals.result.forecast);
    expect(j8.totals.result.forecastChange).toBeCloseTo(j8.totals.result.forecast - j4.totals.result.forecast, 9);
    for (const [i, r] of (j8.byResponsibility as { forecast: number; forecastPrevious: number }[]).entries()) expect(r.forecastPrevious).toBe(j4.byResponsibility[i].forecast);
    for (const [i, r] of (j8.income as { forecast: number; forecastPrevious: number }[]).entries()) expect(r.forecastPrevious).toBe(j4.income[i].forecast);
    // The report tab, in both hosts alike: the two columns in the resultaträkning and per ansvar, the sentence.
    const file = await reportCells(cli[8]);
    expect(unstamped(file)).toEqual(unstamped(excelReport[8]).slice(0, file.length));
    // (Header words stand on two lines at most: the layout breaks them.)
    const headers = file.filter((r) => r[0] === "Post" || r[0] === "Ansvar").map((r) => r.map((c) => (typeof c === "string" ? c.replace(/\n/g, " ") : c)).join("|"));
    expect(headers.filter((h) => h.includes("Prognos april|Prognos helår 2024|Förändring")).length).toBeGreaterThanOrEqual(2);
    const text = file.map((r) => r[0]).filter((c): c is string => typeof c === "string");
    const change = j8.totals.result.forecastChange as number;
    expect(text).toContainEqual(expect.stringMatching(new RegExp(`^Prognosen för årets resultat har ${change > 0 ? "förbättrats" : "försämrats"} med [\\d,]+\u00a0mnkr sedan april`)));
    expect(text).not.toContain("Prognossäkerhet");
  });

  it("shows at 12 how accurate the forecasts of 4 and 8 were, for the nämnd and per ansvar, and no interval", async () => {
    const j12 = json(`${cli[12]}.json`);
    const [j4, j8] = [json(`${cli[4]}.json`), json(`${cli[8]}.json`)];
    const top = (j12.forecastHistory.accuracy as { period: number; responsibility: string | null; forecast: number; outcome: number; difference: number }[]).filter((a) => a.responsibility === null);
    expect(top.map((a) => [a.period, a.forecast, a.outcome])).toEqual([
      [4, j4.totals.result.forecast, j12.totals.result.actual],
      [8, j8.totals.result.forecast, j12.totals.result.actual],
    ]);
    for (const a of top) expect(a.difference).toBeCloseTo(a.outcome - a.forecast, 9);
    expect(j12.forecastHistory.accuracy.length).toBeGreaterThan(top.length);
    expect(j12.forecastInterval).toBeNull();
    const file = await reportCells(cli[12]);
    expect(unstamped(file)).toEqual(unstamped(excelReport[12]).slice(0, file.length));
    const text = file.map((r) => r[0]);
    expect(text).toContain("Prognossäkerhet");
    expect(text).toContain("April 2024");
    expect(text).toContain("Augusti 2024");
    expect(text).not.toContain("Årets resultat som intervall");
  });

  it("gives the same interval in both hosts and on every refresh", async () => {
    const j8 = json(`${cli[8]}.json`);
    expect(j8.forecastInterval).toMatchObject({ simulations: 20000, spreadSource: "setting" });
    const again = path.join(dir, "p8.igen.xlsx");
    expect((await runCli([path.join(dir, "p8.xlsx"), "--out", again, "--json", `${again}.json`])).code).toBe(0);
    expect(json(`${again}.json`).forecastInterval).toEqual(j8.forecastInterval);
    // In the report tab: the interval's rows as the file host wrote them, as Excel wrote them, and as Excel wrote them again.
    const rows = (cells: unknown[][]) => {
      const at = cells.findIndex((r) => r[0] === "Årets resultat som intervall");
      return cells.slice(at, at + 5).map((r) => r.slice(0, 5).map((c) => (c === "" ? null : c)));
    };
    const file = rows(await reportCells(cli[8]));
    expect(file[3][0]).toBe("Årets resultat inkl. över-/underskott");
    expect(file[3][1]).toBe(Math.round(j8.forecastInterval.includingCarryover.p10 * 10) / 10);
    expect(rows(excelReport[8])).toEqual(file);
    expect(rows(excelReport["8 igen"])).toEqual(file);
  });

  it("draws chart 5, the forecast through the year, in both hosts once there are two periods", async () => {
    const chart = "Uppföljning: Prognos för årets resultat, mnkr";
    expect(excelCharts[4]).not.toContain(chart);
    expect(excelCharts[8]).toContain(chart);
    expect(excelCharts[12]).toContain(chart);
    // In the file: the chart's own cells under the report, the forecast at April and August with P10 and P90 at August.
    const cells = await reportCells(cli[8]);
    const at = cells.findIndex((r) => r[0] === "Prognosens utveckling");
    expect(at).toBeGreaterThan(0);
    const j8 = json(`${cli[8]}.json`);
    const points = cells.slice(at + 1, at + 3).map((r) => r.slice(0, 5));
    expect(points.map((r) => r[0])).toEqual(["april", "augusti"]);
    expect(points.map((r) => r[1])).toEqual([json(`${cli[4]}.json`).totals.result.forecast, j8.totals.result.forecast]);
    expect(points[1][3]).toBeCloseTo(j8.forecastInterval.p10, 6);
    expect(points[1][4]).toBeCloseTo(j8.forecastInterval.p90, 6);
  });
});

const json = (f: string) => JSON.parse(fs.readFileSync(f, "utf8"));

/** Report cells with empty strings as null and the title block's time stamp taken out (each refresh has its own). */
const unstamped = (cells: unknown[][]) => cells.map((r) => r.map((c) => (c === "" ? null : typeof c === "string" ? c.replace(/ · Uppdaterad .*$/, "") : c)));

/** The report tab's cells as the file holds them. */
async function reportCells(file: string): Promise<unknown[][]> {
  const wb = await readWorkbook(fs.readFileSync(file), file, () => true);
  return ((await wb.readSheetCells("Rapport")) as Cell[][]).map((r) => r.map((c) => (c === "" ? null : c)));
}
