/**
 * Reading `Prognoshistorik` (contract v3) with the strictness of every input range, and the settings of issue 23:
 * Spara prognoshistorik, Prognosintervall, Simuleringar and Prognososäkerhet.
 */
import { readContract } from "../../src/contract/readContract";
import { parseSpread } from "../../src/contract/settingsTable";
import { toPublic } from "../../src/findings/findings";
import { minimalRanges, SheetRange, workbook } from "../support/sheets";

const HEADER = ["År", "Period", "Ansvar", "Post", "Typ", "Prognos", "Utfall", "Uppdaterad"];

function read(history: SheetRange, extra: Record<string, SheetRange> = {}) {
  const { input, findings } = readContract(workbook({ ...minimalRanges(), Prognoshistorik: history, ...extra }));
  return { input, findings: findings.map(toPublic) };
}

describe("the rows of Prognoshistorik", () => {
  it("reads every column in any order and spelling, amounts as entered, Typ optional, Period also as a month", () => {
    const { input, findings } = read({
      at: "B3",
      rows: [
        ["post", "PROGNOS", "ar", "Period", "typ", "Utfall", "Ansvar"],
        ["Intäkter", 121, 2024, 4, "Intäkt", 40, null],
        ["Personal", -95, "2024", "augusti", null, -60.5, "Skola"],
        [null, null, null, null, null, null, null],
        ["Personal", -97, 2023, 12, "Kostnader", -97, "Skola"],
      ],
    });
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(input.history?.map(({ at, kindAt, ...r }) => ({ ...r, at: [at.row, at.col], kindAt: [kindAt.row, kindAt.col] }))).toEqual([
      { year: 2024, period: 4, responsibility: null, item: "Intäkter", kind: "revenue", forecast: 121, actual: 40, at: [3, 1], kindAt: [3, 5] },
      { year: 2024, period: 8, responsibility: "Skola", item: "Personal", kind: null, forecast: -95, actual: -60.5, at: [4, 1], kindAt: [4, 5] },
      { year: 2023, period: 12, responsibility: "Skola", item: "Personal", kind: "cost", forecast: -97, actual: -97, at: [6, 1], kindAt: [6, 5] },
    ]);
  });

  it("says where the range and each row stand, for writing the current period back in place", () => {
    const { input } = read({
      sheet: "Prognoshistorik",
      at: "C2",
      rows: [
        ["Prognos", "År", "Period", "Post", "Typ", "Kommentar"],
        [120, 2024, 4, "Intäkter", "Intäkt", "ok"],
        [null, null, null, null, null, null],
        [-90, 2024, 8, "Personal", "Kostnad", null],
      ],
    });
    expect(input.historyLayout).toEqual({
      sheet: "Prognoshistorik",
      origin: "name",
      top: 1,
      left: 2,
      width: 6,
      bottom: 4,
      columns: { prognos: 2, ar: 3, period: 4, post: 5, typ: 6 },
      rows: [
        { row: 2, year: 2024, period: 4 },
        { row: 4, year: 2024, period: 8 },
      ],
    });
  });

  it("knows where an empty history stands (only its header), and an Excel table as a table", () => {
    expect(read({ rows: [HEADER] }).input.historyLayout).toMatchObject({ sheet: "Prognoshistorik", top: 0, rows: [], columns: { ar: 0, uppdaterad: 7 } });
    expect(read({ rows: [HEADER] }).input.history).toBeNull();
    expect(read({ table: true, rows: [HEADER, [2024, 4, null, "Intäkter", "Intäkt", 120, 40, null]] }).input.historyLayout?.origin).toBe("table");
  });

  it("refuses a year or a period it cannot be, naming the cell, and reads the rest of the row", () => {
    const { findings } = read({
      rows: [HEADER, ["i fjol", 4, null, "Intäkter", "Intäkt", 1, 1, null], [1850, 4, null, "Intäkter", "Intäkt", 1, 1, null], [2024, 13, null, "Intäkter", "Intäkt", 1, 1, null], [2024, 2.5, null, "Personal", "Kostnad", "mycket", 1, null]],
    });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ["HISTORY_YEAR_INVALID", "Prognoshistorik!A2"],
      ["HISTORY_YEAR_INVALID", "Prognoshistorik!A3"],
      ["HISTORY_PERIOD_INVALID", "Prognoshistorik!B4"],
      ["HISTORY_PERIOD_INVALID", "Prognoshistorik!B5"],
      ["NUMBER_EXPECTED", "Prognoshistorik!F5"],
    ]);
    expect(findings[0].message).toBe("Prognoshistorik!A2: ”i fjol” är inget årtal. År i Prognoshistorik ska vara budgetåret, t.ex. 2024.");
    expect(findings[2].message).toContain("perioden ”13” är inte en månad 1–12");
  });

  it("refuses the same forecast twice (names folded, empty ansvar alike) with both cells, and a row without År, Period or Post", () => {
    const { findings } = read({
      rows: [HEADER, [2024, 4, "Skola", "Intäkter", "Intäkt", 1, 1, null], [2024, 4, " skola", "INTÄKTER", "Intäkter", 2, 1, null], [2024, 4, null, null, "Intäkt", 2, 1, null], [null, 4, null, "Personal", "Kostnad", 2, 1, null]],
    });
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ["HISTORY_DUPLICATE", "Prognoshistorik!A2"],
      ["VALUE_REQUIRED", "Prognoshistorik!D4"],
      ["VALUE_REQUIRED", "Prognoshistorik!A5"],
    ]);
    expect(findings[0].message).toBe(
      "Prognoshistorik har två rader för ”Intäkter” (ansvar ”Skola”) [intäkt] år 2024, period 4: Prognoshistorik!A2 och Prognoshistorik!A3. Varje prognos sparas en gång per period; ta bort den ena raden.",
    );
  });

  it("needs År, Period, Post and Prognos; an unknown Typ is an error", () => {
    const missing = read({ rows: [["År", "Post", "Utfall"], [2024, "Intäkter", 1]] }).findings;
    expect(missing.map((f) => [f.code, f.message])).toEqual([
      ["HEADER_MISSING", "Kolumnen ”Period” saknas i Prognoshistorik (rubrikraden börjar i Prognoshistorik!A1)."],
      ["HEADER_MISSING", "Kolumnen ”Prognos” saknas i Prognoshistorik (rubrikraden börjar i Prognoshistorik!A1)."],
    ]);
    expect(read({ rows: [HEADER, [2024, 4, null, "Intäkter", "Bidrag", 1, 1, null]] }).findings.map((f) => [f.code, f.cell])).toEqual([["TYPE_UNKNOWN", "Prognoshistorik!E2"]]);
  });
});

describe("the settings of issue 23", () => {
  const settings = (...rows: (string | number)[][]) => readContract(workbook({ ...minimalRanges(), Inställningar: { rows: [["Inställning", "Värde"], ...rows] } }));

  it("has the contract's defaults", () => {
    const s = settings().input.settings;
    expect([s.saveHistory, s.forecastInterval, s.simulations, s.forecastSpread]).toEqual([true, true, 20000, { revenue: 0.02, cost: 0.01, financial: 0.01 }]);
  });

  it("reads Ja/Nej, a number of draws and spreads per Typ", () => {
    const { input, findings } = settings(["Spara prognoshistorik", "nej"], ["Prognosintervall", "Nej"], ["Simuleringar", 50000], ["Prognososäkerhet", "Intäkter 3 %; kostnad 1,5 %"]);
    expect(findings).toEqual([]);
    expect(input.settings).toMatchObject({ saveHistory: false, forecastInterval: false, simulations: 50000, forecastSpread: { revenue: 0.03, cost: 0.015, financial: 0.01 } });
  });

  it("refuses what they cannot be, with a hint, keeping the default", () => {
    const { input, findings } = settings(["Spara prognoshistorik", "kanske"], ["Simuleringar", 500], ["Prognososäkerhet", "Lön 2 %"]);
    expect(findings.map((f) => toPublic(f).message)).toEqual([
      "Inställningar!B2: inställningen Spara prognoshistorik kan inte vara ”kanske”. Ange Ja eller Nej.",
      "Inställningar!B3: inställningen Simuleringar kan inte vara ”500”. Ange ett heltal från 1\u00a0000 till 1\u00a0000\u00a0000, t.ex. 20 000.",
      "Inställningar!B4: inställningen Prognososäkerhet kan inte vara ”Lön 2 %”. Ange en procentsats per typ, åtskilda med semikolon, t.ex. Intäkt 2 %; Kostnad 1 %; Finansiell 1 %.",
    ]);
    expect(input.settings).toMatchObject({ saveHistory: true, simulations: 20000, forecastSpread: { revenue: 0.02, cost: 0.01, financial: 0.01 } });
  });

  it("reads a spread per Typ as a share, percent sign optional, and refuses what is not one", () => {
    expect(parseSpread("Intäkt 2 %; Kostnad 1 %")).toEqual({ revenue: 0.02, cost: 0.01 });
    expect(parseSpread("Finansiella: 0,5%")).toEqual({ financial: 0.005 });
    expect(parseSpread("Kostnad 2")).toEqual({ cost: 0.02 });
    for (const bad of ["", "Kostnad", "2 %", "Kostnad 1 %; Kostnader 2 %", "Över-/underskott 1 %", "Kostnad 120 %", "Kostnad −1 %", "Intäkt 1 000 %"]) expect(parseSpread(bad)).toBeNull();
  });
});
