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
    const json = (f: string) => JSON.parse(fs.readFileSync(f, "utf8"));
    expect(json(`${again}.json`)).toEqual(json(`${cli[12]}.json`));
  });
});
