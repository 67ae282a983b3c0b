/**
 * Golden figures: Servicenämnden's delårsrapport 2 2024 (jan–aug, mkr), reproduced from a workbook built the
 * contract's way (six ansvar, monthly budget in tkr, Utfall fg år and Prognos), through the CLI's --json.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildExampleWorkbook, GOLDEN_RESPONSIBILITY, MALTIDSSERVICE_PRINTED, OTHER_COSTS_SPLIT } from "../../scripts/exampleWorkbook";
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

/** The example's posts behind a printed line: Övriga kostnader is split in three (see OTHER_COSTS_SPLIT). */
const behind = (item: string) => (item === "Övriga kostnader" ? ["Livsmedel", "Transporter", "Övriga kostnader"] : [item]);

it.each(PRINTED)("reproduces the printed line %s", (item, prior, actual, budget, variance, forecast, forecastVariance) => {
  const rows = json.income.filter((r) => behind(item).includes(r.item));
  expect(rows.length).toBeGreaterThanOrEqual(5);
  const sum = (k: string) => rows.reduce((s, r) => s + (r[k] as number), 0);
  expect(r1(sum("actualPriorYear"))).toBe(prior);
  expect(r1(sum("actual"))).toBe(actual);
  expect(r1(sum("budgetPeriod"))).toBe(budget);
  expect(r1(sum("variance"))).toBe(variance);
  expect(r1(sum("forecast"))).toBe(forecast);
  expect(r1(sum("forecastVariance"))).toBe(forecastVariance);
});

it("splits the printed Övriga kostnader in three posts that add up to it exactly, in every column", () => {
  const figures = ["actualPriorYear", "actual", "budgetPeriod", "budgetYear", "forecast"] as const;
  const nanos = (v: number) => Math.round(v * 1e9);
  const sumOf = (items: string[], k: string) => json.income.filter((r) => items.includes(r.item)).reduce((s, r) => s + nanos(r[k] as number), 0);
  // Exactly (to the billionth of a mkr): −187,5; −189,3; −192,5; −293,97; −295,61 as in the workbook behind the printed line.
  expect(figures.map((k) => sumOf(behind("Övriga kostnader"), k))).toEqual([-187.5, -189.3, -192.5, -293.97, -295.61].map(nanos));
  // The two invented posts give what the real report's text says of the cost development: livsmedel −3,7 mnkr
  // (−6,4 %), transporter +4,2 mnkr.
  const change = (f: { priorYear: number; actual: number }) => f.actual - f.priorYear;
  expect(change(OTHER_COSTS_SPLIT.Livsmedel)).toBe(3702);
  expect(Math.round((change(OTHER_COSTS_SPLIT.Livsmedel) / -OTHER_COSTS_SPLIT.Livsmedel.priorYear) * 1000) / 10).toBe(6.4);
  expect(change(OTHER_COSTS_SPLIT.Transporter)).toBe(-4196);
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
  expect(out.sensitivity).toEqual([{ factor: "Lönesumma +1 %", base: -60.5, change: 0.01, effect: expect.closeTo(-0.605, 10), breakEven: null }]);
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
    // 1 000 tkr of the proposed measures' 1 250 this year, and 8 000 of 17 000 next year, land at the customer
    // ("besparing hos kund"): the forecast with measures counts only the 250 that improve the nämnd's own result.
    expect(m).toEqual({ decidedThisYear: 6.22, decidedNextYear: 6.65, proposedThisYear: 1.25, proposedNextYear: 17, forecastWithMeasures: -2.76, elsewhereThisYear: 1, elsewhereNextYear: 8 });
  });

  it("follows up the investments with the variance columns", () => {
    const t = (json as unknown as { investmentTotals: Record<string, number | null> }).investmentTotals;
    expect([t.actualToDate, t.actual, t.budgetYear, t.forecast, t.forecastVariance].map(r1)).toEqual([-32.4, -30.8, -46.9, -44.1, 2.8]);
  });

  it("prints the same figures on the report tab", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(reportFile);
    const ws = wb.getWorksheet("Rapport") as ExcelJS.Worksheet;
    // In the statement, column B is Bokslut 2023 (contract v3) and the period's columns follow it; the investments
    // table has its own columns from B.
    const rowValues = (label: string, from = 3): unknown[] => {
      const found: unknown[][] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === label) found.push((row.values as unknown[]).slice(from, from + 5));
      });
      return found[0] ?? [];
    };
    // A result's variance has no per cent (of a result near zero it misleads): the cell after it is empty.
    expect(rowValues("Årets resultat exkl. över-/underskott")).toEqual([0.1, 15.7, 13.8, 1.9]);
    expect(rowValues("Årets resultat inkl. över-/underskott")).toEqual([3.3, 11, 13.8, -2.8]);
    expect(rowValues("Årets resultat exkl. över-/underskott", 2).slice(0, 1)).toEqual([-10.2]);
    // Only Utfall (and Prognos, further right) for the result without the non-recurring items.
    expect(Array.from(rowValues("Resultat exkl. jämförelsestörande poster", 2), (v) => v ?? null)).toEqual([null, null, 9.6, null, null]);
    const numbers = (label: string) => {
      const found: unknown[][] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === label) found.push((row.values as unknown[]).filter((v) => typeof v === "number"));
      });
      return found[0];
    };
    expect(numbers("Summa beslutade åtgärder")).toEqual([6220, 6650]);
    expect(numbers("Summa ej beslutade åtgärder")).toEqual([1250, 17000]);
    expect(numbers("Prognos inkl. ej beslutade åtgärder")).toEqual([-2.8]);
    expect(numbers("Varav besparing hos annan nämnd eller part")).toEqual([1000, 8000]);
    expect(rowValues("Summa investeringar", 2)).toEqual([-30.8, -46.9, -44.1, 2.8, -32.4]);
  });
});

describe("contract v3 on the real report's figures", () => {
  type V3 = Omit<Json, "risks" | "totals" | "indicators"> & {
    totals: Record<string, Fig | { actual: number; forecast: number | null }>;
    nonRecurring: { description: string; item: string; responsibility: string; actual: number; forecast: number }[];
    responsibilityStatements: { responsibility: string; income: (Fig & { item: string; kind: string })[]; totals: Record<string, Fig> }[];
    risks: { risk: string; economicConsequence: number | null; probability: number | null; expectedEffect: number | null }[];
    indicators: { indicator: string; group: string | null; targetYear: number | null; actualWomen: number | null; actualMen: number | null; previousWomen: number | null; previousMen: number | null; status: string }[];
    measures: { measure: string; effectAt: string | null }[];
  };
  const v3 = () => json as unknown as V3;

  it("gives the result without the non-recurring vehicle sales: +15,7 − 6,1 = +9,6 mnkr, as the report says", () => {
    expect(v3().nonRecurring).toEqual([{ description: "Reavinster vid försäljning av fordon (utöver föregående års nivå)", item: "Övriga intäkter", responsibility: "Område 5 Transport och service", actual: 6.1, forecast: 5.4 }]);
    // Exact: the result is 15,7 to the krona in the example (3,99 for the forecast).
    expect(v3().totals.resultExcludingNonRecurring).toEqual({ actual: 9.6, forecast: -1.41 });
  });

  it("reproduces Måltidsservice's table of cost types as Område 4's own resultaträkning (tkr to the krona)", () => {
    const st = v3().responsibilityStatements;
    expect(st.map((s) => s.responsibility)).toEqual(["Område 4 Måltidsservice"]);
    const line = (item: string) => st[0].income.find((r) => r.item === item) as Fig;
    const tkr = (v: number | null) => (v === null ? null : -Math.round(v * 1000));
    const columns = ["actualPriorYear", "actual", "budgetPeriod", "budgetYear", "forecast"] as const;
    const printed = MALTIDSSERVICE_PRINTED;
    const col = (k: (typeof columns)[number]) => printed[k === "actualPriorYear" ? "priorYear" : k];
    for (const k of columns) {
      // Personal, Lokal + el, Livsmedel, Transport as printed; Övrigt material och tjänster with OH as Övriga kostnader.
      expect([line("Personalkostnader"), line("Lokalkostnader"), line("Livsmedel"), line("Transporter"), line("Övriga kostnader")].map((f) => tkr(f[k]))).toEqual([col(k)[0], col(k)[1], col(k)[2], col(k)[3], col(k)[4] + col(k)[5]]);
      expect(tkr(st[0].totals.cost[k])).toBe(col(k)[6]);
    }
    // The printed deviations: against last year 3 503, against the period's budget 4 728, the forecast against the year's budget 9 586.
    const cost = st[0].totals.cost;
    expect([cost.changeFromPriorYear, cost.variance, cost.forecastVariance].map((v) => Math.round((v as number) * 1000))).toEqual([3503, 4728, 9586]);
    expect(Math.round((line("Livsmedel").changeFromPriorYear as number) * 1000)).toBe(3912);
    // The ansvar's result as the per-ansvar table prints it: −1,2 including its rolled deficit of −2,6; +1,4 without.
    expect([st[0].totals.resultIncludingCarryover.actual, st[0].totals.result.actual, st[0].totals.carryover.actual]).toEqual([-1.22, 1.38, -2.6]);
    // And its revenue: 7,5 mnkr below the period's budget, as the report says.
    expect(r1(st[0].totals.revenue.variance)).toBe(-7.5);
  });

  it("gives the cost development against last year per post: personal +10,0, transporter +4,2, livsmedel −3,7 (−6,4 %)", () => {
    const change = (item: string) => json.income.filter((r) => r.item === item).reduce((s, r) => s + (r.changeFromPriorYear as number), 0);
    expect([change("Personalkostnader"), change("Transporter"), change("Livsmedel")].map(r1)).toEqual([-10, -4.2, 3.7]);
    const cost = json.totals.cost as Fig;
    expect(r1(cost.changeFromPriorYear)).toBe(-11.7);
    expect(Math.round(((cost.changeFromPriorYear as number) / -(cost.actualPriorYear as number)) * 1000) / 10).toBe(-2.2);
  });

  it("carries last year's bokslut (invented: −10,2 mnkr, −7,0 including the surplus from 2022)", () => {
    const t = json.totals as unknown as Record<string, Fig>;
    expect([t.result.actualPriorYearFull, t.carryover.actualPriorYearFull, t.resultIncludingCarryover.actualPriorYearFull]).toEqual([-10.2, 3.2, -7]);
  });

  it("marks the two measures whose saving lands at the customer", () => {
    expect(v3().measures.filter((m) => m.effectAt !== null).map((m) => m.effectAt)).toEqual(["Beställande nämnder", "Beställande nämnder"]);
  });

  it("weighs only the risks with a probability in per cent, and no probability comes from a level", () => {
    const by = (start: string) => v3().risks.find((r) => r.risk.startsWith(start));
    expect(by("Mutor")).toMatchObject({ economicConsequence: -2, probability: 0.1, expectedEffect: -0.2 });
    expect(by("Fortsatt höga")).toMatchObject({ economicConsequence: -4.5, probability: 0.5, expectedEffect: -2.25 });
    // Level 4 of 4, the highest risk value: still no probability and nothing weighted.
    expect(by("Otillräcklig")).toMatchObject({ probability: null, expectedEffect: null });
  });

  it("gives sjukfrånvaro for kvinnor and män (invented), grouped, with the targets' year", () => {
    const sick = v3().indicators.find((i) => i.indicator === "Sjukfrånvaro totalt");
    expect(sick).toMatchObject({ group: "Medarbetare", targetYear: 2026, actualWomen: 7.4, actualMen: 4.6, previousWomen: 7.7, previousMen: 4.9, status: "notMet" });
    expect(v3().indicators[0]).toMatchObject({ group: "Medarbetare", targetYear: 2026, status: "partlyMet" });
  });
});
