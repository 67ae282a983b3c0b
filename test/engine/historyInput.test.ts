/**
 * The forecast history between the contract and the analysis: kinds and signs for the history's rows, the current
 * lines as the history keeps them (exactly the amounts of the workbook), and the notices about rows whose post or
 * ansvar is gone.
 */
import fc from "fast-check";
import { AmountScale } from "../../src/engine/amounts";
import { CurrentLine } from "../../src/engine/forecastHistory";
import { currentLines, historyRows, HistoryInputRow, inputAmount } from "../../src/engine/historyInput";
import { Finding, toPublic } from "../../src/findings/findings";
import { compute } from "../../src/pipeline";
import { minimalRanges, SheetRange, workbook } from "../support/sheets";

const at = (row: number, col = 0) => ({ sheet: "Prognoshistorik", row, col });

function input(rows: [number, number, string | null, string, HistoryInputRow["kind"], number | null, number | null][]): HistoryInputRow[] {
  return rows.map(([year, period, responsibility, item, kind, forecast, actual], i) => ({ year, period, responsibility, item, kind, forecast, actual, at: at(i + 1), kindAt: at(i + 1, 4) }));
}

const line = (item: string, kind: CurrentLine["kind"], responsibility: string | null = null): CurrentLine => ({ item, kind, responsibility, forecast: 0, actual: 0, budgetYear: 0 });

describe("historyRows", () => {
  const lines = [line("Intäkter", "revenue"), line("Personal", "cost"), line("Övrigt", "revenue"), line("Övrigt", "cost")];

  it("takes a missing kind from the current post of that name, and turns costs entered as positive to the report's sign", () => {
    const findings: Finding[] = [];
    const { rows, index } = historyRows(input([[2024, 4, null, "intakter", null, 120, 40], [2024, 4, null, "Personal", "cost", 95, 60], [2024, 4, null, "Personal ", null, 0, 0]]), lines, true, findings);
    expect(rows.map((r) => [r.item, r.kind, r.forecast, r.actual])).toEqual([
      ["intakter", "revenue", 120, 40],
      ["Personal", "cost", -95, -60],
    ]);
    // The third row is the second once its kind is known (its Typ was empty): refused as a duplicate.
    expect(index).toEqual([0, 1]);
    expect(findings.map(toPublic).map((f) => [f.code, f.cell])).toEqual([["HISTORY_DUPLICATE", "Prognoshistorik!A3"]]);
  });

  it("refuses a row whose kind cannot be told (no such post, or one with two kinds) and a duplicate found only once kinds are known", () => {
    const findings: Finding[] = [];
    historyRows(input([[2024, 4, null, "Konsulter", null, 1, 1], [2024, 4, null, "Övrigt", null, 1, 1], [2024, 4, null, "Personal", "cost", 1, 1], [2024, 4, null, "PERSONAL", null, 2, 1]]), lines, false, findings);
    expect(findings.map(toPublic).map((f) => [f.code, f.cell])).toEqual([
      ["HISTORY_TYPE_NEEDED", "Prognoshistorik!E2"],
      ["HISTORY_TYPE_NEEDED", "Prognoshistorik!E3"],
      ["HISTORY_DUPLICATE", "Prognoshistorik!A4"],
    ]);
    expect(toPublic(findings[0]).message).toContain("posten ”Konsulter” finns inte med en enda typ i Budget och Utfall");
    expect(toPublic(findings[2]).message).toContain("för ”Personal” [kostnad] år 2024, period 4: Prognoshistorik!A4 och Prognoshistorik!A5.");
  });
});

describe("inputAmount", () => {
  it("gives back exactly the amount the workbook held, through any scale", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (m, d, extra) => {
        const x = Number(`${m}e-${d}`);
        const scale = new AmountScale(d + extra, "tkr", "mkr");
        expect(inputAmount(scale, scale.units(x))).toBe(x);
      }),
    );
  });
});

describe("currentLines", () => {
  function lines(ranges: Record<string, SheetRange>) {
    const c = compute(workbook(ranges));
    if (!c.ok) throw new Error(JSON.stringify(c.findings.map(toPublic)));
    return currentLines(c.result.income);
  }

  it("are the workbook's lines in the input unit, signed as the report signs them; an empty Prognos is the budget", () => {
    const r = minimalRanges();
    r.Budget = { rows: [["Ansvar", "Post", "Typ", "Helår"], ["Skola", "Intäkter", "Intäkt", 120.25], ["Skola", "Personal", "Kostnad", 96]] };
    r.Utfall = { rows: [["Ansvar", "Post", "Utfall", "Prognos"], ["Skola", "Intäkter", 82.1, 121.3], ["Skola", "Personal", 60, null]] };
    r.Inställningar.rows.push(["Teckenkonvention", "Kostnader positiva"]);
    expect(lines(r)).toEqual([
      { responsibility: "Skola", item: "Intäkter", kind: "revenue", forecast: 121.3, actual: 82.1, budgetYear: 120.25 },
      { responsibility: "Skola", item: "Personal", kind: "cost", forecast: -96, actual: -60, budgetYear: -96 },
    ]);
  });

  it("have no forecast when the workbook has no Prognos", () => {
    expect(lines(minimalRanges()).map((l) => l.forecast)).toEqual([null, null]);
  });
});

describe("the history's notices in a refresh", () => {
  it("says once per ansvar and per post that the workbook no longer has them, with the count, and keeps the rows", () => {
    const r = minimalRanges();
    r.Prognoshistorik = {
      rows: [
        ["År", "Period", "Ansvar", "Post", "Typ", "Prognos", "Utfall"],
        [2024, 4, null, "Intäkter", "Intäkt", 118, 40],
        [2024, 4, "Fritid", "Personal", "Kostnad", -10, -3],
        [2023, 12, "fritid", "Intäkter", "Intäkt", 5, 5],
        [2024, 4, null, "Lokaler", "Kostnad", -4, -1],
        // Rows of the current period are the refresh's own: no notice about them.
        [2024, 8, null, "Konsulter", "Kostnad", -4, -1],
      ],
    };
    const c = compute(workbook(r));
    expect(c.findings.map(toPublic).map((f) => [f.code, f.cell, f.message])).toEqual([
      ["HISTORY_RESPONSIBILITY_GONE", "Prognoshistorik!A3", "Prognoshistorik!A3: ansvaret ”Fritid” i Prognoshistorik finns inte längre i Budget eller Utfall. Historikens rader för det (antal: 2, den första här) räknas ändå med när tidigare prognoser jämförs."],
      ["HISTORY_ITEM_GONE", "Prognoshistorik!A5", "Prognoshistorik!A5: posten ”Lokaler” i Prognoshistorik finns inte längre i Budget eller Utfall. Historikens rader för den (antal: 1, den första här) räknas ändå med när tidigare prognoser jämförs."],
    ]);
    expect(c.ok).toBe(true);
  });
});
