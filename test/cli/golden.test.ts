/**
 * Golden figures: Servicenämnden's delårsrapport 2 2024 (jan–aug, mkr), reproduced from a workbook built the
 * contract's way (six ansvar, monthly budget in tkr, Utfall fg år and Prognos), through the CLI's --json.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildExampleWorkbook, GOLDEN_RESPONSIBILITY } from "../../scripts/exampleWorkbook";
import { runCli, tempDir } from "../support/sheets";

type Fig = Record<string, number | null>;
interface Json {
  unit: string;
  months: number;
  income: (Fig & { item: string; responsibility: string | null; kind: string })[];
  totals: Record<"revenue" | "cost" | "financial" | "result", Fig>;
  risks: { riskValue: number; likelihood: number; consequence: number; level: string }[];
  sensitivity: { factor: string; base: number; change: number; effect: number }[];
  indicators: { indicator: string; status: string }[];
}

// Post: utfall aug 2023, utfall aug 2024, budget aug 2024, avvikelse, årsprognos, avvikelse prognos (as printed).
const PRINTED: [string, number, number, number, number, number, number][] = [
  ["Övriga intäkter", 527.6, 554.9, 562.4, -7.5, 828.9, -12.0],
  ["Personalkostnader", -296.3, -306.3, -310.8, 4.5, -463.7, 15.3],
  ["Lokalkostnader", -42.9, -42.8, -43.6, 0.8, -64.4, 1.1],
  ["Köp av verksamhet", -1.0, -1.0, -1.9, 0.9, -1.4, 1.4],
  ["Övriga kostnader", -187.5, -189.3, -192.5, 3.2, -295.6, -1.6],
  ["Finansnetto", 0.2, 0.2, 0.2, 0.0, 0.2, 0.0],
];

const r1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10 + 0);

let json: Json;
let input: string;
let reportFile: string;
let inputBytes: Buffer;

beforeAll(async () => {
  const dir = tempDir();
  input = path.join(dir, "servicenamnden.xlsx");
  await buildExampleWorkbook().xlsx.writeFile(input);
  inputBytes = fs.readFileSync(input);
  reportFile = path.join(dir, "ut.xlsx");
  const { code, err } = await runCli([input, "--out", reportFile, "--json", path.join(dir, "ut.json")]);
  expect(err).toBe("");
  expect(code).toBe(0);
  json = JSON.parse(fs.readFileSync(path.join(dir, "ut.json"), "utf8"));
});

it("reports in mkr for eight months", () => {
  expect(json.unit).toBe("mkr");
  expect(json.months).toBe(8);
});

it.each(PRINTED)("reproduces the printed line %s", (item, prior, actual, budget, variance, forecast, forecastVariance) => {
  const rows = json.income.filter((r) => r.item === item);
  expect(rows).toHaveLength(6);
  const sum = (k: string) => rows.reduce((s, r) => s + (r[k] as number), 0);
  expect(r1(sum("actualPriorYear"))).toBe(prior);
  expect(r1(sum("actual"))).toBe(actual);
  expect(r1(sum("budgetPeriod"))).toBe(budget);
  expect(r1(sum("variance"))).toBe(variance);
  expect(r1(sum("forecast"))).toBe(forecast);
  expect(r1(sum("forecastVariance"))).toBe(forecastVariance);
});

it("reproduces Årets resultat and the totals", () => {
  const t = json.totals;
  expect([t.result.actualPriorYear, t.result.actual, t.result.budgetPeriod, t.result.variance, t.result.forecast].map(r1)).toEqual([0.1, 15.7, 13.8, 1.9, 4.0]);
  expect(r1(t.revenue.budgetYear)).toBe(840.9);
  // The printed forecast deviations fix the full-year budget: a nämnd in balance, as the real report's is.
  expect([t.cost.budgetYear, t.cost.forecast, t.cost.forecastVariance].map(r1)).toEqual([-841.2, -825.1, 16.1]);
  expect([t.result.budgetYear, t.result.forecastVariance].map(r1)).toEqual([0, 4.0]);
  expect(r1(t.cost.actual)).toBe(-539.4);
  expect(r1(t.cost.budgetPeriod)).toBe(-548.8);
  expect(r1(t.cost.variance)).toBe(9.4);
  expect(r1(t.result.variancePercent as number)).toBe(0.1);
  expect(t.result.variancePercent).toBeCloseTo(1.9 / 13.8, 2);
});

it("computes the report's risk values 16, 6, 9, 6, 8 on the 4-point scale", () => {
  const byPair = (l: number, c: number) => json.risks.find((r) => r.likelihood === l && r.consequence === c);
  expect([byPair(4, 4), byPair(2, 3), byPair(3, 3), byPair(2, 4)].map((r) => r?.riskValue)).toEqual([16, 6, 9, 8]);
  expect(byPair(4, 4)?.level).toBe("veryHigh");
  expect(byPair(3, 3)?.level).toBe("high");
  expect(byPair(2, 3)?.level).toBe("medium");
  const values = json.risks.map((r) => r.riskValue);
  expect(values).toEqual([...values].sort((a, b) => b - a));
});

it("judges the improvement-culture indicator (68,3 % against 75 %) partly met", () => {
  expect(json.indicators[0]).toMatchObject({ status: "partlyMet" });
  expect(json.indicators.find((i) => i.indicator === "Medarbetarengagemang (HME)")?.status).toBe("notAssessable");
});

it("never modifies the input file", () => {
  expect(fs.readFileSync(input).equals(inputBytes)).toBe(true);
});

it("gives the sensitivity line of a real report: payroll 60,5 mnkr, +1 % is 0,6 mnkr", async () => {
  const dir = tempDir();
  const { writeXlsx, minimalRanges } = await import("../support/sheets");
  const file = await writeXlsx(path.join(dir, "k.xlsx"), {
    ...minimalRanges(),
    Känslighet: { rows: [["Faktor", "Bas", "Förändring"], ["Lönesumma +1 %", -60.5, 0.01]] },
  });
  const { code } = await runCli([file, "--out", path.join(dir, "o.xlsx"), "--json", path.join(dir, "o.json")]);
  expect(code).toBe(0);
  const out: Json = JSON.parse(fs.readFileSync(path.join(dir, "o.json"), "utf8"));
  expect(out.sensitivity).toEqual([{ factor: "Lönesumma +1 %", base: -60.5, change: 0.01, effect: expect.closeTo(-0.605, 10) }]);
  expect(r1(Math.abs(out.sensitivity[0].effect))).toBe(0.6);
});

describe("the whole economic section (contract v2): över-/underskott, measures, investments", () => {
  // Servicenämnden delår 2 2024 as printed (mkr; measures in tkr).
  it("reproduces the result excluding, the carried deficit and the result including it", () => {
    const row = (f: Fig) => [f.actualPriorYear, f.actual, f.budgetPeriod, f.variance, f.forecast].map(r1);
    const t = json.totals as unknown as Record<string, Fig>;
    expect(row(t.result)).toEqual([0.1, 15.7, 13.8, 1.9, 4.0]);
    expect(row(t.carryover)).toEqual([3.2, -4.7, 0, -4.7, -7.0]);
    expect(row(t.resultIncludingCarryover)).toEqual([3.3, 11.0, 13.8, -2.8, -3.0]);
    expect(json.income.filter((r) => r.kind === "carryover").length).toBeGreaterThan(0);
  });

  it("breaks the result down per ansvar as printed, summing to the result including the deficit", () => {
    const by = (json as unknown as { byResponsibility: (Fig & { responsibility: string })[] }).byResponsibility;
    expect(by.map((b) => ({ priorYear: r1(b.actualPriorYear), actual: r1(b.actual), budgetPeriod: r1(b.budgetPeriod), variance: r1(b.variance) }))).toEqual(GOLDEN_RESPONSIBILITY);
    const sum = (k: string) => Math.round(by.reduce((s, b) => s + (b[k] as number), 0) * 1e6) / 1e6;
    expect(sum("actual")).toBe(11);
    // Each ansvar's full-year budget is in balance, so the forecast is also its deviation: Område 3 −4,5 and Område 2
    // +2,5 as printed (Område 5 4,9 instead of the printed 5,1, where the printed table contradicts the statement).
    expect(by.map((b) => [r1(b.budgetYear), r1(b.forecast), r1(b.forecastVariance)])).toEqual([
      [0, -0.7, -0.7], [0, -3.8, -3.8], [0, 2.5, 2.5], [0, -4.5, -4.5], [0, -1.2, -1.2], [0, 4.9, 4.9],
    ]);
    // The printed column adds up to 11,1: each row is rounded on its own.
    expect(Math.round(GOLDEN_RESPONSIBILITY.reduce((s, b) => s + b.actual, 0) * 10) / 10).toBe(11.1);
  });

  it("sums the decided and proposed measures and adds what the forecast lacks", () => {
    const m = (json as unknown as { measuresSummary: Record<string, number> }).measuresSummary;
    expect(m).toEqual({ decidedThisYear: 6.22, decidedNextYear: 6.65, proposedThisYear: 1.25, proposedNextYear: 17, forecastWithMeasures: -1.76 });
  });

  it("follows up the investments with the variance columns", () => {
    const t = (json as unknown as { investmentTotals: Record<string, number | null> }).investmentTotals;
    expect([t.actualToDate, t.actual, t.budgetYear, t.forecast, t.forecastVariance].map(r1)).toEqual([-32.4, -30.8, -46.9, -44.1, 2.8]);
  });

  it("prints the same figures on the report tab", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reportFile);
    const ws = wb.getWorksheet("Rapport") as ExcelJS.Worksheet;
    const rowValues = (label: string): unknown[] => {
      const found: unknown[][] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === label) found.push((row.values as unknown[]).slice(2, 7));
      });
      return found[0] ?? [];
    };
    expect(rowValues("Årets resultat exkl. över-/underskott")).toEqual([0.1, 15.7, 13.8, 1.9, 0.138]);
    expect(rowValues("Årets resultat inkl. över-/underskott")).toEqual([3.3, 11, 13.8, -2.8, -0.203]);
    const numbers = (label: string) => {
      const found: unknown[][] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === label) found.push((row.values as unknown[]).filter((v) => typeof v === "number"));
      });
      return found[0];
    };
    expect(numbers("Summa beslutade åtgärder")).toEqual([6220, 6650]);
    expect(numbers("Summa ej beslutade åtgärder")).toEqual([1250, 17000]);
    expect(numbers("Prognos inkl. ej beslutade åtgärder")).toEqual([-1.8]);
    expect(rowValues("Summa investeringar")).toEqual([-30.8, -46.9, -44.1, 2.8, -32.4]);
  });
});
