import { readContract } from "../../src/contract/readContract";
import { toPublic } from "../../src/findings/findings";
import { budgetLines, workbook } from "../support/sheets";

const settings = { rows: [["Inställning", "Värde"], ["Period", 6], ["År", 2024]] };

describe("names and headers", () => {
  it("matches names and headers without regard to case, spaces or å/ä/ö, in any column order", () => {
    const { input, findings } = readContract(
      workbook({
        " budget ": { rows: [["  helar", "TYP", "post"], [1200, "intakter", "Avgifter"]] },
        UTFALL: { rows: [["Utfall", "Post"], [500, "Avgifter"]] },
        installningar: { rows: [["installning", "varde"], ["period", 6]] },
        Kanslighet: { rows: [["Faktor", "Post", "Forandring"], ["Avgiftshöjning", "Avgifter", "2 %"]] },
      }),
    );
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(budgetLines(input.budget)).toEqual([expect.objectContaining({ item: "Avgifter", kind: "revenue", budgetYear: 1200, months: null })]);
    expect(input.settings.months).toBe(6);
    expect(input.sensitivity).toEqual([expect.objectContaining({ factor: "Avgiftshöjning", item: "Avgifter", change: 0.02 })]);
  });

  it("prefers a table over a name of the same spelling, with a notice", () => {
    const { findings, input } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1]] },
        budget: { table: true, sheet: "Tabell", rows: [["Post", "Typ", "Helår"], ["B", "Intäkt", 2]] },
        Utfall: { rows: [["Post", "Utfall"], ["B", 1]] },
      }),
    );
    expect(budgetLines(input.budget).map((b) => b.item)).toEqual(["B"]);
    expect(findings.map((f) => f.code)).toContain("RANGE_DUPLICATE_NAME");
  });

  it("reads the name spelled as the contract spells it before one that only folds to it (Excel keeps Utfall and Ütfall apart)", () => {
    const { findings, input } = readContract(
      workbook({
        Ütfall: { sheet: "Gammal", rows: [["Post", "Utfall"], ["A", 2000]] },
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1]] },
        UTFALL: { rows: [["Post", "Utfall"], ["A", 1000]] },
        Inställningar: settings,
      }),
    );
    expect(input.actuals.actual?.[0]).toBe(1000);
    expect(findings.map((f) => f.code)).not.toContain("RANGE_DUPLICATE_NAME");
    expect(findings.map((f) => f.code)).not.toContain("RANGE_NAME_AMBIGUOUS");
  });

  it("refuses two names that only fold to the contract's, naming both, and takes one alone", () => {
    const two = readContract(
      workbook({
        Ütfall: { rows: [["Post", "Utfall"], ["A", 2000]] },
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1]] },
        Útfall: { rows: [["Post", "Utfall"], ["A", 1000]] },
      }),
    );
    const ambiguous = two.findings.map(toPublic).find((f) => f.code === "RANGE_NAME_AMBIGUOUS");
    expect(ambiguous?.message).toContain("”Ütfall” och ”Útfall”");
    expect(ambiguous?.severity).toBe("error");
    const one = readContract(workbook({ Ütfall: { rows: [["Post", "Utfall"], ["A", 2000]] }, Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1]] } }));
    expect(one.input.actuals.actual?.[0]).toBe(2000);
  });

  it("skips wholly empty rows and reports a header given twice with both cells", () => {
    const { findings } = readContract(
      workbook({
        Budget: { at: "C3", rows: [["Post", "Typ", "Helår", "Post"], [null, null, null, null], ["A", "Intäkt", 1, "B"]] },
        Utfall: { rows: [["Post", "Utfall"], ["A", 1]] },
      }),
    );
    const dup = findings.map(toPublic).find((f) => f.code === "HEADER_DUPLICATE");
    expect(dup?.message).toBe("Kolumnen ”Post” finns två gånger i Budget: Budget!C3 och Budget!F3.");
  });

  it("reports a broken name, a constant and several areas", () => {
    const wb = workbook({ Utfall: { rows: [["Post", "Utfall"]] } });
    wb.entries.push({ name: "Budget", origin: "name", lookup: { kind: "brokenRef", formula: "#REF!$A$1:$C$9" } });
    wb.entries.push({ name: "Risker", origin: "name", lookup: { kind: "notCells", formula: "0,25" } });
    wb.entries.push({ name: "Indikatorer", origin: "name", lookup: { kind: "multiArea", formula: "Ind!$A$1:$B$2,Ind!$D$1:$E$2" } });
    const codes = readContract(wb).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["RANGE_BROKEN_REF", "RANGE_NOT_CELLS", "RANGE_MULTI_AREA", "RANGE_EMPTY"]));
  });
});

describe("budget columns", () => {
  it("uses monthly columns for the period and their sum for Helår", () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];
    const { input } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", ...months], ["Lön", "Kostnad", ...months.map((_, i) => -(i + 1))]] },
        Utfall: { rows: [["Post", "Utfall"], ["Lön", -20]] },
        Inställningar: settings,
      }),
    );
    expect(budgetLines(input.budget)[0]).toMatchObject({ budgetYear: -78, months: [-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12] });
  });

  it("requires the months of the period when only some months are given", () => {
    const { findings } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår", "Jan", "Feb"], ["Lön", "Kostnad", -12, -1, -1]] },
        Utfall: { rows: [["Post", "Utfall"], ["Lön", -2]] },
        Inställningar: settings,
      }),
    );
    expect(findings.map(toPublic).find((f) => f.code === "MONTH_COLUMN_MISSING")?.message).toContain("saknar ”Mar”");
  });

  it("accepts plural and lower-case types and refuses unknown ones", () => {
    const { input, findings } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "intäkter", 1], ["B", "KOSTNADER", -1], ["C", "Finansiella", 0], ["D", "Bidrag", 1]] },
        Utfall: { rows: [["Post", "Utfall"], ["A", 1]] },
      }),
    );
    expect(budgetLines(input.budget).map((b) => b.kind)).toEqual(["revenue", "cost", "financial"]);
    expect(findings.map(toPublic).filter((f) => f.severity === "error").map((f) => f.cell)).toEqual(["Budget!B5"]);
  });

  it("requires Ansvar in Utfall when the budget has it", () => {
    const { findings } = readContract(
      workbook({
        Budget: { rows: [["Ansvar", "Post", "Typ", "Helår"], ["Skola", "A", "Intäkt", 1]] },
        Utfall: { rows: [["Post", "Utfall"], ["A", 1]] },
      }),
    );
    expect(findings.map(toPublic)).toContainEqual(expect.objectContaining({ code: "HEADER_MISSING", message: expect.stringContaining("”Ansvar” saknas i Utfall") }));
  });
});

describe("settings", () => {
  it("reads documented keys, accepts a month name for Period and flags unknown keys and bad values", () => {
    const { input, findings } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1]] },
        Utfall: { rows: [["Post", "Utfall"], ["A", 1]] },
        Inställningar: {
          rows: [
            ["Inställning", "Värde"],
            ["Period", "augusti"],
            ["Enhet in", "tkr"],
            ["Enhet ut", "mnkr"],
            ["Riskskala", 5],
            ["Indikatortolerans", "10 %"],
            ["Väsentlighet procent", 5],
            ["Teckenkonvention", "Kostnader positiva"],
            ["Färgtema", "blått"],
            ["Decimaler", 7],
          ],
        },
      }),
    );
    expect(input.settings).toMatchObject({
      months: 8, unitIn: "tkr", unitOut: "mkr", riskScale: 5, indicatorTolerance: 0.1, materialityPercent: 0.05, costsPositive: true, decimals: 1,
      riskThresholds: { medium: 5, high: 10, veryHigh: 15 },
    });
    const pub = findings.map(toPublic);
    expect(pub).toContainEqual(expect.objectContaining({ code: "SETTING_UNKNOWN", severity: "notice", cell: "Inställningar!A9" }));
    expect(pub).toContainEqual(expect.objectContaining({ code: "SETTING_INVALID", severity: "error", cell: "Inställningar!B10" }));
  });

  it.each([[0], [13], ["trettonde"], [2.5]])("refuses Period %j", (value) => {
    const { findings } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1]] },
        Utfall: { rows: [["Post", "Utfall"], ["A", 1]] },
        Inställningar: { rows: [["Inställning", "Värde"], ["Period", value]] },
      }),
    );
    expect(findings.map(toPublic)).toContainEqual(expect.objectContaining({ code: "SETTING_INVALID", cell: "Inställningar!B2" }));
  });
});

describe("indicators and risks", () => {
  it("keeps percent-formatted indicators and reads direction", () => {
    const { input } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1]] },
        Utfall: { rows: [["Post", "Utfall"], ["A", 1]] },
        Indikatorer: {
          rows: [["Indikator", "Utfall", "Mål", "Riktning"], ["Nöjdhet", 0.683, 0.75, null], ["Sjukfrånvaro", 6.1, 5.5, "Lägre"]],
          formats: [[], [null, "0.0%", "0%"], []],
        },
      }),
    );
    expect(input.indicators.map((i) => [i.indicator, i.direction, i.percentFormat])).toEqual([
      ["Nöjdhet", "higher", true],
      ["Sjukfrånvaro", "lower", false],
    ]);
  });

  it("notices a share written against a target in percent points, but not small whole numbers", () => {
    const { findings } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1]] },
        Utfall: { rows: [["Post", "Utfall"], ["A", 1]] },
        Indikatorer: { rows: [["Indikator", "Utfall", "Mål"], ["Nöjdhet", 0.683, 75], ["Klagomål", 1, 80], ["Andel", 0.4, 0.5]] },
      }),
    );
    expect(findings.filter((f) => f.code === "INDICATOR_PERCENT_MISMATCH").map(toPublic).map((f) => f.cell)).toEqual(["Indikatorer!B2"]);
  });

  it("counts hidden rows in and says so once", () => {
    const { input, findings } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ["A", "Intäkt", 1], ["B", "Intäkt", 2], ["C", "Intäkt", 3]], hiddenRows: [2, 3] },
        Utfall: { rows: [["Post", "Utfall"], ["A", 1]] },
      }),
    );
    expect(input.budget.size).toBe(3);
    expect(findings.map(toPublic).filter((f) => f.code === "HIDDEN_ROW_INCLUDED")).toEqual([
      expect.objectContaining({ cell: "Budget!A3", message: expect.stringContaining("2 dolda rader") }),
    ]);
  });
});

describe("many findings of one kind", () => {
  it("keeps the first 25 of a kind per column and counts the rest, naming the last cell", () => {
    const rows: (string | number)[][] = [["Post", "Typ", "Utfall"]];
    for (let i = 0; i < 1000; i++) rows.push([`Post ${i}`, "Kostnad", "x"]);
    const { findings } = readContract(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ["Post 0", "Kostnad", 1]] },
        Utfall: { rows },
        Inställningar: settings,
      }),
    );
    const invalid = findings.filter((f) => f.code === "NUMBER_EXPECTED");
    const more = findings.filter((f) => f.code === "MORE_ERRORS");
    expect(invalid).toHaveLength(25);
    expect(more).toHaveLength(1);
    expect(toPublic(more[0])).toMatchObject({ range: "Utfall", cell: "Utfall!C1001" });
    expect(toPublic(more[0]).message).toContain("ytterligare 975 celler i kolumnen Utfall");
  });
});
