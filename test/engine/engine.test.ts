import { periodBudget } from "../../src/engine/periodisation";
import { indicatorStatus, indicatorTrend } from "../../src/engine/indicatorStatus";
import { assessRisks, riskLevel, RiskResult, riskValue, summariseRisks } from "../../src/engine/risk";
import { computeSensitivity } from "../../src/engine/sensitivity";
import { ActualLine, BudgetLine, computeIncome } from "../support/lines";
import { unitFactor } from "../../src/core/units";
import { RiskInput } from "../../src/engine/types";
import { Finding, toPublic } from "../../src/findings/findings";
import { DEFAULT_RISK_THRESHOLDS, defaultSettings, Settings } from "../../src/engine/settings";

const src = (range: string, row: number) => ({ range, at: { sheet: range, row, col: 0 } });
const budget = (item: string, kind: BudgetLine["kind"], budgetYear: number, responsibility: string | null = null, row = 1, months: number[] | null = null): BudgetLine => ({
  responsibility, item, kind, budgetYear, months, source: src("Budget", row),
});
const actual = (item: string, value: number, extra: Partial<ActualLine> = {}, row = 1): ActualLine => ({
  responsibility: null, item, kind: null, actual: value, months: null, actualPriorYear: null, forecast: null, source: src("Utfall", row), ...extra,
});
const settings = (over: Partial<Settings> = {}): Settings => ({ ...defaultSettings(new Date(2024, 0, 1)), unitIn: "kr", unitOut: "kr", ...over });

describe("periodisation", () => {
  it("spreads Helår evenly without months, and sums the elapsed months with them", () => {
    expect(periodBudget(1200, null, 8)).toBe(800);
    expect(periodBudget(0, [100, 300, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0], 2)).toBe(400);
  });
});

describe("units", () => {
  it("converts between kr, tkr and mkr", () => {
    expect(unitFactor("kr", "mkr")).toBe(1e-6);
    expect(unitFactor("tkr", "mkr")).toBe(1e-3);
    expect(unitFactor("mkr", "tkr")).toBe(1000);
  });
});

describe("variance", () => {
  it("signs variances so that positive is favourable, for revenue and for cost", () => {
    const f: Finding[] = [];
    const r = computeIncome([budget("Avgifter", "revenue", 1200), budget("Lön", "cost", -2400, null, 2)], [actual("Avgifter", 700), actual("Lön", -1500, {}, 2)], settings({ months: 6 }), false, false, f);
    expect(r.rows.map((x) => [x.item, x.budgetPeriod, x.variance])).toEqual([["Avgifter", 600, 100], ["Lön", -1200, -300]]);
    expect(r.rows[1].variancePercent).toBeCloseTo(-0.25);
    expect(r.totals.result).toMatchObject({ actual: -800, budgetPeriod: -600, variance: -200 });
    expect(f).toEqual([]);
  });

  it("flips costs entered as positive amounts when the setting says so", () => {
    const r = computeIncome([budget("Lön", "cost", 2400)], [actual("Lön", 1500)], settings({ months: 6, costsPositive: true }), false, false, []);
    expect(r.rows[0]).toMatchObject({ actual: -1500, budgetPeriod: -1200, variance: -300 });
  });

  it("notices when costs carry the wrong sign for the setting", () => {
    const f: Finding[] = [];
    computeIncome([budget("Lön", "cost", 2400), budget("Hyra", "cost", 100, null, 2)], [], settings(), false, false, f);
    expect(f.map((x) => x.code)).toContain("SIGN_SUSPECT");
  });

  it("keeps unbudgeted outcome and budget without outcome, each with a notice", () => {
    const f: Finding[] = [];
    const r = computeIncome([budget("Lön", "cost", -1200)], [actual("Konsulter", -50)], settings(), false, false, f);
    expect(r.rows.map((x) => [x.item, x.kind, x.actual, x.budgetPeriod])).toEqual([["Lön", "cost", 0, -1200], ["Konsulter", "cost", -50, 0]]);
    expect(f.map((x) => x.code).sort()).toEqual(["ACTUAL_KIND_FROM_SIGN", "BUDGET_WITHOUT_ACTUAL"]);
  });

  it("matches on ansvar and post, case and spaces ignored, and totals per ansvar", () => {
    const r = computeIncome(
      [budget("Lön", "cost", -1200, "Skola", 1), budget("Lön", "cost", -600, "Förskola", 2)],
      [actual("lön ", -1300, { responsibility: "SKOLA" }, 1), actual("Lön", -500, { responsibility: "Förskola" }, 2)],
      settings(), false, false, [],
    );
    expect(r.byResponsibility?.map((b) => [b.responsibility, b.variance])).toEqual([["Skola", -100], ["Förskola", 100]]);
    expect(r.statement).toHaveLength(1);
    expect(r.statement[0]).toMatchObject({ item: "Lön", actual: -1800, variance: 0 });
  });

  it("uses Typ to tell apart two budget rows with the same post", () => {
    const f: Finding[] = [];
    const r = computeIncome([budget("Kost", "revenue", 100), budget("Kost", "cost", -80, null, 2)], [actual("Kost", 90, { kind: "revenue" }), actual("Kost", -70, { kind: "cost" }, 2)], settings(), false, false, f);
    expect(r.rows.map((x) => x.actual)).toEqual([90, -70]);
    expect(f.filter((x) => x.severity === "error")).toEqual([]);
  });

  it("takes the full-year budget as the forecast where the Prognos cell is blank, and says so", () => {
    const f: Finding[] = [];
    const r = computeIncome([budget("Lön", "cost", -1200)], [actual("Lön", -1000, { forecast: null, forecastBlankAt: { sheet: "Utfall", row: 1, col: 3 } })], settings(), true, true, f);
    expect(r.rows[0]).toMatchObject({ forecast: -1200, forecastVariance: 0, actualPriorYear: 0 });
    expect(f.map(toPublic)).toEqual([expect.objectContaining({ code: "FORECAST_BLANK", cell: "Utfall!D2" })]);
  });

  it("does not flag variances under the materiality settings", () => {
    const r = computeIncome([budget("A", "revenue", 1000), budget("B", "revenue", 1000, null, 2)], [actual("A", 1004), actual("B", 1100, {}, 2)], settings({ materialityAmount: 5 }), false, false, []);
    expect(r.rows.map((x) => x.significant)).toEqual([false, true]);
  });
});

describe("indicator status", () => {
  const ind = (actual: number | null, target: number, direction: "higher" | "lower" = "higher", tolerance: number | null = null) => ({ actual, target, direction, tolerance });
  it.each([
    [ind(0.683, 0.75), "partlyMet"],
    [ind(0.75, 0.75), "met"],
    [ind(0.5, 0.75), "notMet"],
    [ind(null, 0.75), "notAssessable"],
    [ind(6.1, 5.5, "lower", 0.5), "notMet"],
    [ind(5.9, 5.5, "lower", 0.5), "partlyMet"],
    [ind(5.0, 5.5, "lower"), "met"],
    [ind(97.4, 98, "higher", 1), "partlyMet"],
  ] as const)("%j is %s", (i, expected) => {
    expect(indicatorStatus(i, 0.2)).toBe(expected);
  });

  it("reads the trend against the direction", () => {
    expect(indicatorTrend({ actual: 6.1, previous: 6.4, direction: "lower" })).toBe("improving");
    expect(indicatorTrend({ actual: 6.1, previous: 6.4, direction: "higher" })).toBe("worsening");
    expect(indicatorTrend({ actual: 1, previous: null, direction: "higher" })).toBeNull();
  });
});

describe("risk", () => {
  it("levels risk values on the default 4-point scale", () => {
    const t = DEFAULT_RISK_THRESHOLDS[4];
    expect([1, 3, 4, 6, 8, 9, 12, 16].map((v) => riskLevel(v, t))).toEqual(["low", "low", "medium", "medium", "high", "high", "veryHigh", "veryHigh"]);
  });

  const risk = (name: string, l: number, c: number, eco: number | null = null, own: number | null = null): RiskInput => ({
    risk: name, likelihood: l, consequence: c, action: null, owner: null, comment: null, economicConsequence: eco, ownProbability: own, previousRiskValue: null, source: src("Risker", 1),
  });

  it("sorts by risk value, highest first", () => {
    const r = assessRisks([risk("a", 2, 3), risk("b", 4, 4, -2), risk("c", 3, 3)], DEFAULT_RISK_THRESHOLDS[4]);
    expect(r.map((x) => [x.risk, x.riskValue])).toEqual([["b", 16], ["c", 9], ["a", 6]]);
    expect(riskValue(4, 4)).toBe(16);
  });

  it("never turns a level into a probability: level 4 of 4 with a consequence has no expected effect", () => {
    const [r] = assessRisks([risk("b", 4, 4, -2)], DEFAULT_RISK_THRESHOLDS[4]);
    expect([r.probability, r.probabilitySource, r.expectedEffect]).toEqual([null, null, null]);
    expect(summariseRisks([r])).toEqual({ weighted: 0, expectedEffect: 0, unweighted: 1, unweightedConsequence: -2 });
  });

  it("weighs the consequence by the risk's own probability, else its level's under Sannolikhet per nivå, exactly", () => {
    const levels = [0.05, 0.2, 0.5, 0.8];
    const r = assessRisks([risk("own", 2, 4, -2, 0.1), risk("level", 3, 2, -4.5), risk("none", 1, 1, -6), risk("nothing", 2, 1)], DEFAULT_RISK_THRESHOLDS[4], levels);
    const by = (n: string) => r.find((x) => x.risk === n) as RiskResult;
    expect([by("own").probability, by("own").probabilitySource, by("own").expectedEffect]).toEqual([0.1, "risk", -0.2]);
    expect([by("level").probability, by("level").probabilitySource, by("level").expectedEffect]).toEqual([0.5, "level", -2.25]);
    // A level's probability applies to a risk without a consequence too (the forecast interval needs both, the table shows it).
    expect([by("none").probability, by("none").expectedEffect]).toEqual([0.05, -0.3]);
    expect([by("nothing").probability, by("nothing").expectedEffect]).toEqual([0.2, null]);
    expect(summariseRisks(r)).toEqual({ weighted: 3, expectedEffect: -2.75, unweighted: 0, unweightedConsequence: 0 });
    // 0.1 × −2.3 is −0.22999999999999998 in doubles; the engine gives the decimal.
    expect(assessRisks([risk("x", 1, 1, -2.3, 0.1)], DEFAULT_RISK_THRESHOLDS[4])[0].expectedEffect).toBe(-0.23);
  });
});

describe("sensitivity", () => {
  const income = computeIncome(
    [budget("Intäkter", "revenue", 1000), budget("Personalkostnader", "cost", -605, null, 2), budget("Övrigt", "cost", -300, null, 3)],
    [], settings(), false, false, [],
  );

  it("analyses +1 % on every post and on total revenue and cost without a Känslighet range", () => {
    const s = computeSensitivity(null, income.statement, income.scale, []);
    expect(s.map((x) => [x.factor, x.effect])).toEqual([
      ["Intäkter +1 %", 10], ["Summa intäkter +1 %", 10], ["Summa kostnader +1 %", expect.closeTo(-9.05, 10)],
      ["Personalkostnader +1 %", expect.closeTo(-6.05, 10)], ["Övrigt +1 %", -3],
    ]);
  });

  it("takes a post, a type or an explicit base, and reports an unknown post", () => {
    const f: Finding[] = [];
    const s = computeSensitivity(
      [
        { factor: "Lön", item: "personalkostnader", base: null, change: 0.01, source: src("Känslighet", 1) },
        { factor: "Kostnader", item: "Kostnad", base: null, change: 0.02, source: src("Känslighet", 2) },
        { factor: "Egen bas", item: null, base: -60.5, change: 0.01, source: src("Känslighet", 3) },
        { factor: "Fel", item: "Finns inte", base: null, change: 0.01, source: src("Känslighet", 4) },
      ],
      income.statement, income.scale, f,
    );
    expect(s.map((x) => [x.factor, x.effect])).toEqual([["Kostnader", expect.closeTo(-18.1, 10)], ["Lön", expect.closeTo(-6.05, 10)], ["Egen bas", expect.closeTo(-0.605, 10)]]);
    expect(f.map((x) => x.code)).toEqual(["SENSITIVITY_ITEM_UNKNOWN"]);
  });
});
