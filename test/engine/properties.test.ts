import fc from "fast-check";
import { readContract } from "../../src/contract/readContract";
import { Cell } from "../../src/contract/source";
import { computeAll } from "../../src/engine";
import { indicatorStatus } from "../../src/engine/indicatorStatus";
import { riskLevel, riskValue } from "../../src/engine/risk";
import { computeIncome } from "../support/lines";
import { BudgetLine, ActualLine } from "../support/lines";
import { Finding } from "../../src/findings/findings";
import { compute } from "../../src/pipeline";
import { DEFAULT_RISK_THRESHOLDS, defaultSettings } from "../../src/engine/settings";
import { workbook } from "../support/sheets";

const amount = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 100);
const name = fc.constantFrom("Lön", "Hyra", "Avgifter", "Bidrag", "Material", "Konsulter", "Ränta");
const kind = fc.constantFrom<BudgetLine["kind"]>("revenue", "cost", "financial");
const ansvar = fc.option(fc.constantFrom("Skola", "Vård", "Kultur"), { nil: null });

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("1 234,5", "\u22124,7", "12 %", "Intäkt", "Kostnad", "Finansiell", "Lägre", "=SUM(A1)", "@x"),
  fc.boolean(),
  fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }, { formula: "=A1" }),
  fc.date({ min: new Date(2000, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true }),
);
const headerRow = (headers: string[]) => fc.subarray(headers, { minLength: 1 }).chain((h) => fc.shuffledSubarray(h, { minLength: h.length }));
const table = (headers: string[]) =>
  headerRow(headers).chain((h) => fc.array(fc.array(cell, { minLength: h.length, maxLength: h.length }), { maxLength: 6 }).map((rows) => [h as Cell[], ...rows]));

const isFiniteOrNull = (v: unknown): boolean => v === null || (typeof v === "number" && Number.isFinite(v));

describe("reader and engine on arbitrary tables", () => {
  it("give findings or results, never an exception or a NaN", () => {
    fc.assert(
      fc.property(
        table(["Post", "Typ", "Ansvar", "Helår", "Jan", "Feb"]),
        table(["Post", "Ansvar", "Typ", "Utfall", "Utfall fg år", "Prognos"]),
        table(["Indikator", "Utfall", "Mål", "Riktning", "Tolerans"]),
        table(["Risk", "Sannolikhet", "Konsekvens"]),
        table(["Inställning", "Värde"]),
        (b, u, i, r, s) => {
          const c = compute(workbook({ Budget: { rows: b }, Utfall: { rows: u }, Indikatorer: { rows: i }, Risker: { rows: r }, Inställningar: { rows: s } }));
          for (const f of c.findings) expect(f.range === null || typeof f.range === "string").toBe(true);
          if (!c.ok) {
            expect(c.findings.some((f) => f.severity === "error")).toBe(true);
            return;
          }
          for (const row of c.result.income.rows) {
            for (const k of ["actual", "budgetPeriod", "variance", "budgetYear", "variancePercent", "forecast", "forecastVariance", "actualPriorYear"] as const) {
              expect(isFiniteOrNull(row[k])).toBe(true);
            }
          }
          for (const s2 of c.result.sensitivity) expect(Number.isFinite(s2.effect)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keep every input row: each budget row and each unmatched outcome row appears once", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(ansvar, name, kind, amount), { selector: (t) => `${t[0]}|${t[1]}|${t[2]}`, maxLength: 12 }), fc.array(fc.tuple(ansvar, name, amount), { maxLength: 12 }), (budgetRows, actualRows) => {
        const typed = budgetRows.map(([a, p, k, v]) => [a, p, ({ revenue: "Intäkt", cost: "Kostnad", financial: "Finansiell", carryover: "Över-/underskott" } as const)[k], v] as Cell[]);
        const uniqueActuals = [...new Map(actualRows.map((t) => [`${t[0]}|${t[1]}`, t])).values()];
        const { input, findings } = readContract(
          workbook({
            Budget: { rows: [["Ansvar", "Post", "Typ", "Helår"], ...typed] },
            Utfall: { rows: [["Ansvar", "Post", "Utfall"], ...uniqueActuals.map((t) => [...t] as Cell[])] },
          }),
        );
        if (budgetRows.length === 0 || uniqueActuals.length === 0) return;
        const result = computeAll(input, findings);
        const ambiguous = findings.filter((f) => f.code === "ACTUAL_AMBIGUOUS").length;
        const matchedOrNot = result.income.rows.filter((r) => r.actualSource !== null).length;
        expect(result.income.rows.filter((r) => r.budgetSource !== null)).toHaveLength(budgetRows.length);
        expect(matchedOrNot + ambiguous).toBe(uniqueActuals.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("invariants of the calculations", () => {
  const line = fc.tuple(name, kind, amount, amount, fc.integer({ min: 1, max: 12 }));

  it("the variance of a total is the sum of its rows' variances", () => {
    fc.assert(
      fc.property(fc.uniqueArray(line, { selector: (l) => `${l[0]}|${l[1]}`, maxLength: 20 }), fc.integer({ min: 1, max: 12 }), (lines, months) => {
        const src = (range: string, row: number) => ({ range, at: { sheet: range, row, col: 0 } });
        const budget: BudgetLine[] = lines.map(([item, k, b], i) => ({ responsibility: null, item, kind: k, budgetYear: b, months: null, source: src("Budget", i) }));
        const actuals: ActualLine[] = lines.map(([item, k, , a], i) => ({ responsibility: null, item, kind: k, actual: a, months: null, actualPriorYear: null, forecast: null, source: src("Utfall", i) }));
        const findings: Finding[] = [];
        const r = computeIncome(budget, actuals, { ...defaultSettings(), months, unitIn: "kr", unitOut: "tkr" }, false, false, findings);
        const sum = (rows: { variance: number }[]) => rows.reduce((s, x) => s + x.variance, 0);
        expect(r.totals.result.variance).toBeCloseTo(sum(r.rows), 6);
        expect(r.totals.revenue.variance + r.totals.cost.variance + r.totals.financial.variance).toBeCloseTo(r.totals.result.variance, 6);
        expect(sum(r.statement)).toBeCloseTo(r.totals.result.variance, 6);
      }),
    );
  });

  it("riskvärde and its level never fall when likelihood or consequence rises", () => {
    fc.assert(
      fc.property(fc.constantFrom<4 | 5>(4, 5), fc.nat(), fc.nat(), fc.nat(), fc.nat(), (scale, a, b, c, d) => {
        const [l1, l2] = [1 + (a % scale), 1 + (b % scale)].sort((x, y) => x - y);
        const [c1, c2] = [1 + (c % scale), 1 + (d % scale)].sort((x, y) => x - y);
        const order = ["low", "medium", "high", "veryHigh"];
        const t = DEFAULT_RISK_THRESHOLDS[scale];
        expect(riskValue(l2, c1)).toBeGreaterThanOrEqual(riskValue(l1, c1));
        expect(riskValue(l1, c2)).toBeGreaterThanOrEqual(riskValue(l1, c1));
        expect(order.indexOf(riskLevel(riskValue(l2, c2), t))).toBeGreaterThanOrEqual(order.indexOf(riskLevel(riskValue(l1, c1), t)));
      }),
    );
  });

  it("every indicator gets exactly one status, and met means the target is reached", () => {
    const statuses = ["met", "partlyMet", "notMet", "notAssessable"];
    fc.assert(
      fc.property(fc.option(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { nil: null }), fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constantFrom<"higher" | "lower">("higher", "lower"), fc.option(fc.double({ noNaN: true, min: 0, max: 1e3 }), { nil: null }), fc.double({ min: 0, max: 1, noNaN: true }), (actual, target, direction, tolerance, rel) => {
        const s = indicatorStatus({ actual, target, direction, tolerance }, rel);
        expect(statuses.filter((x) => x === s)).toHaveLength(1);
        if (actual === null) expect(s).toBe("notAssessable");
        else expect(s === "met").toBe(direction === "higher" ? actual >= target : actual <= target);
      }),
    );
  });
});
