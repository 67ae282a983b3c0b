/**
 * Contract v3, first half, section by section: what each new input gives in the report, what it gives in the engine,
 * how it is read (headers and their alternatives, Swedish numbers and percentages), and that each new section is
 * absent, not empty, without its input.
 */
import fc from "fast-check";
import { readContract } from "../../src/contract/readContract";
import { computeAll } from "../../src/engine";
import { Finding } from "../../src/findings/findings";
import { ReportModel } from "../../src/report/model";
import { computed, labels, report } from "../support/report";
import { SheetRange, workbook } from "../support/sheets";

type Ranges = Record<string, SheetRange>;

/** Two ansvar, three posts, last year's period and bokslut, a forecast; eight months in tkr, report in tkr. */
function base(): Ranges {
  return {
    Budget: {
      rows: [
        ["Ansvar", "Post", "Typ", "Helår"],
        ["Kök", "Intäkter", "Intäkt", 1200],
        ["Kök", "Livsmedel", "Kostnad", -600],
        ["Kök", "Personal", "Kostnad", -500],
        ["Städ", "Intäkter", "Intäkt", 300],
        ["Städ", "Personal", "Kostnad", -320],
      ],
    },
    Utfall: {
      rows: [
        ["Ansvar", "Post", "Utfall fg år", "Utfall", "Prognos", "Utfall helår fg år"],
        ["Kök", "Intäkter", 760, 790, 1180, 1150],
        ["Kök", "Livsmedel", -420, -380, -590, -630],
        ["Kök", "Personal", -320, -335, -505, -488],
        ["Städ", "Intäkter", 190, 205, 305, 290],
        ["Städ", "Personal", -205, -210, -318, -309],
      ],
    },
    Inställningar: { rows: [["Inställning", "Värde"], ["Organisation", "Servicenämnden"], ["År", 2024], ["Period", 8], ["Enhet in", "tkr"], ["Enhet ut", "tkr"], ["Decimaler", 0]] },
  };
}

function edit(change: (r: Ranges) => void): Ranges {
  const r = base();
  change(r);
  return r;
}

const ids = (m: ReportModel) => m.blocks.map((b) => b.id);
const block = (m: ReportModel, id: string) => m.blocks.find((b) => b.id === id);
const values = (m: ReportModel, id: string, label: string) => block(m, id)?.rows.find((r) => r.cells[0]?.value === label)?.cells.map((c) => c.value);

describe("absent, not empty", () => {
  it("a workbook without v3's inputs gets none of v3's sections and no Bokslut column", () => {
    const r = edit((w) => (w.Utfall.rows = w.Utfall.rows.map((row) => row.slice(0, 5))));
    const { model } = report(workbook(r));
    expect(ids(model)).not.toEqual(expect.arrayContaining(["nonRecurring"]));
    for (const id of ["nonRecurring", "responsibilityStatements", "indicatorGenders"]) expect(ids(model)).not.toContain(id);
    expect(block(model, "statement")?.rows[1].cells.map((c) => c.value)).not.toContain("Bokslut 2023");
  });

  it("Kostnadsutveckling needs Utfall fg år", () => {
    const r = edit((w) => (w.Utfall.rows = w.Utfall.rows.map((row) => [row[0], row[1], row[3], row[4]])));
    expect(ids(report(workbook(r)).model)).not.toContain("costDevelopment");
    expect(ids(report(workbook(base())).model)).toContain("costDevelopment");
  });
});

describe("Utfall helår fg år: Bokslut <År−1>", () => {
  it("gives the statement and the per-ansvar table a first column Bokslut 2023, summed exactly", () => {
    const { model } = report(workbook(base()));
    expect(block(model, "statement")?.rows[1].cells[1].value).toBe("Bokslut 2023");
    expect(values(model, "statement", "Årets resultat")?.[1]).toBe(13);
    expect(block(model, "responsibility")?.rows.find((r) => r.cells[0].value === "Kök")?.cells[1].value).toBe(32);
  });

  it.each([["Bokslut 2023"], ["Bokslut fg år"], ["bokslut foregaende ar"], ["Utfall helår fg år"]])("reads the column under the header %s", (header) => {
    const r = edit((w) => (w.Utfall.rows[0][5] = header));
    const { result } = computed(workbook(r));
    expect(result.income.totals.result.actualPriorYearFull).toBe(13);
  });

  it("a bokslut for another year than År − 1 is not last year's: Bokslut 2022 is not read", () => {
    const r = edit((w) => (w.Utfall.rows[0][5] = "Bokslut 2022"));
    expect(computed(workbook(r)).result.income.hasPriorYearFull).toBe(false);
  });

  it("reads it from a ledger, wide (UTFALL FG HELÅR) or long (Art Bokslut fg år), debit positive", () => {
    const wide = computed(
      workbook({
        Huvudbok: { rows: [["KONTO", "KST", "BUDGET 2024", "UTFALL ACK", "UTFALL FG HELÅR"], [3111, "Kök", -1200000, -790000, -1150000], [5011, "Kök", 500000, 335000, 488000]] },
        Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024], ["Period", 8], ["Enhet ut", "tkr"]] },
      }),
    ).result;
    expect(wide.income.totals.result.actualPriorYearFull).toBe(662);
    const long = computed(
      workbook({
        Huvudbok: {
          rows: [
            ["Konto", "Ansvar", "Period", "Art", "Belopp"],
            [3111, "Kök", 12, "Budget", -1200000],
            [3111, "Kök", 8, "Utfall", -790000],
            [3111, "Kök", 3, "Bokslut fg år", -400000],
            [3111, "Kök", 11, "Bokslut fg år", -750000],
          ],
        },
        Inställningar: { rows: [["Inställning", "Värde"], ["År", 2024], ["Period", 8], ["Enhet ut", "tkr"]] },
      }),
    ).result;
    // Every month of last year counts, also those after the period.
    expect(long.income.totals.revenue.actualPriorYearFull).toBe(1150);
  });
});

describe("Kostnadsutveckling", () => {
  it("shows each post against the same period last year with the change in amount and in per cent, favourable positive", () => {
    const { model } = report(workbook(base()));
    expect(labels(model, "costDevelopment").slice(0, 8)).toEqual(["Kostnadsutveckling", "Post", "Intäkter", "Summa intäkter", "Livsmedel", "Personal", "Summa kostnader", expect.stringMatching(/^Förändringen jämför periodens utfall/)]);
    // Livsmedel −420 → −380: the cost shrank by 40, −9,5 % (green); Personal −525 → −545: it grew by 20, +3,8 % (red).
    expect(values(model, "costDevelopment", "Livsmedel")?.slice(1, 5)).toEqual([-420, -380, -40, -0.095]);
    expect(values(model, "costDevelopment", "Personal")?.slice(1, 5)).toEqual([-525, -545, 20, 0.038]);
  });
});

describe("Jämförelsestörande", () => {
  const withItems = (rows: (string | number | null)[][]) => edit((w) => (w.Jämförelsestörande = { rows: [["Beskrivning", "Post", "Ansvar", "Utfall", "Prognos"], ...rows] }));

  it("gives the result without the items, for the period and the forecast, in the statement and in a table of its own", () => {
    const { model } = report(workbook(withItems([["Försäkringsersättning", "Intäkter", "Kök", 62, 62], ["Engångskostnad flytt", "Personal", "Städ", -12.5, -20]])));
    // Result 70 (utfall) and 72 (prognos); items 49,5 and 42: 20,5 (printed 21) and 30.
    expect(values(model, "statement", "Resultat exkl. jämförelsestörande poster")?.filter((v) => typeof v === "number")).toEqual([21, 30]);
    expect(labels(model, "nonRecurring").slice(0, 7)).toEqual([
      "Jämförelsestörande poster", "Jämförelsestörande post", "Försäkringsersättning", "Engångskostnad flytt", "Summa jämförelsestörande poster", "Årets resultat", "Resultat exkl. jämförelsestörande poster",
    ]);
    expect(values(model, "nonRecurring", "Summa jämförelsestörande poster")?.filter((v) => typeof v === "number")).toEqual([50, 42]);
  });

  it("is read as every range is: the name and headers folded (Jamforelsestorande, BESKRIVNING), any column order, all problems at once", () => {
    const r = edit((w) => {
      w.Jamforelsestorande = { rows: [["PROGNOS", "utfall", "ansvar", "POST", "beskrivning"], [10, 12, "kok", "intakter", "Gåva"], [null, 5, "Städ", "Lokaler", "Fel post"], [1, 1, "Städ", "Livsmedel", "Fel ansvar"]] };
    });
    const { findings } = readContract(workbook(r));
    const { input } = readContract(workbook(r));
    expect(input.nonRecurring?.map((n) => [n.description, n.item, n.responsibility, n.actual, n.forecast])).toEqual([
      ["Gåva", "intakter", "kok", 12, 10], ["Fel post", "Lokaler", "Städ", 5, null], ["Fel ansvar", "Livsmedel", "Städ", 1, 1],
    ]);
    expect(findings).toEqual([]);
    const engine: Finding[] = [];
    computeAll(input, engine);
    // The item and ansvar are judged against the resultaträkning, folded as names are: "intakter" under "kok" is Kök's Intäkter.
    expect(engine.map((f) => [f.code, f.at && `${f.at.sheet}!${f.at.row}:${f.at.col}`])).toEqual([
      ["NONRECURRING_ITEM_UNKNOWN", "Jamforelsestorande!2:3"],
      ["NONRECURRING_RESPONSIBILITY_UNKNOWN", "Jamforelsestorande!3:2"],
    ]);
  });

  it("takes the amounts in the input unit, exactly", () => {
    const r = withItems([["Reavinst", "Intäkter", "Kök", 6.1, null]]);
    r.Inställningar.rows.push(["Enhet ut", "mkr"]);
    r.Inställningar.rows = r.Inställningar.rows.filter((row, i) => !(row[0] === "Enhet ut" && i < r.Inställningar.rows.length - 1));
    const nr = computed(workbook(r)).result.nonRecurring;
    expect(nr?.items[0].actualReport).toBe(0.0061);
    expect(nr?.resultExcluding.actual).toBe(0.0639);
  });
});

describe("Resultaträkning per ansvar", () => {
  it.each([["Kök"], ["kok"], ["Ja"], ["alla"], ["Kök; Städ"]])("the setting %s chooses ansvar, folded as names are", (value) => {
    const r = edit((w) => w.Inställningar.rows.push(["Resultaträkning per ansvar", value]));
    const { model } = report(workbook(r));
    const expected = ["Kök", "kok"].includes(value) ? ["Resultaträkning Kök"] : ["Resultaträkning per ansvar", "Kök", "Post"];
    expect(labels(model, "responsibilityStatements").slice(0, expected.length)).toEqual(expected);
  });

  it("Nej gives none", () => {
    const r = edit((w) => w.Inställningar.rows.push(["Resultaträkning per ansvar", "Nej"]));
    expect(ids(report(workbook(r)).model)).not.toContain("responsibilityStatements");
  });

  it("each ansvar's statement adds up to its line in the per-ansvar table, and all of them to the nämnd's, exactly (property)", () => {
    const amount = fc.integer({ min: -99999, max: 99999 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("A", "B", "C"), fc.constantFrom("Intäkt", "Kostnad"), amount, amount), { minLength: 1, maxLength: 12 }), (lines) => {
        const seen = new Set<string>();
        const rows = lines.filter(([a, k], i) => !seen.has(`${a}${k}${i % 3}`) && seen.add(`${a}${k}${i % 3}`)).map(([a, k, b, u], i) => [a, `${k} ${i % 3}`, k, b, u]);
        const findings: Finding[] = [];
        const { input } = readContract(
          workbook({
            Budget: { rows: [["Ansvar", "Post", "Typ", "Helår"], ...rows.map(([a, p, k, b]) => [a, p, k, b])] },
            Utfall: { rows: [["Ansvar", "Post", "Utfall"], ...rows.map(([a, p, , , u]) => [a, p, u])] },
            Inställningar: { rows: [["Inställning", "Värde"], ["Period", 5], ["Enhet in", "tkr"], ["Enhet ut", "mkr"], ["Resultaträkning per ansvar", "Ja"]] },
          }),
        );
        const result = computeAll(input, findings);
        const by = new Map((result.income.byResponsibility ?? []).map((r) => [r.responsibility, r]));
        let sum = 0n;
        for (const st of result.responsibilityStatements) {
          const t = st.totals.resultIncludingCarryover;
          expect([t.actual, t.budgetPeriod, t.budgetYear]).toEqual([by.get(st.responsibility)?.actual, by.get(st.responsibility)?.budgetPeriod, by.get(st.responsibility)?.budgetYear]);
          sum += BigInt(Math.round(t.actual * 1e9));
        }
        expect(sum).toBe(BigInt(Math.round(result.income.totals.resultIncludingCarryover.actual * 1e9)));
      }),
      { numRuns: 100 },
    );
  });
});

describe("each ansvar's revenue and costs, beside its net", () => {
  it("gives every ansvar with both kinds its intäkter and kostnader for Utfall, Budget, Prognos and Budget helår, with the sums when all are there", () => {
    const { model } = report(workbook(base()));
    expect(labels(model, "responsibilityKinds").slice(0, 5)).toEqual(["Intäkter och kostnader per ansvar", "Ansvar", "Kök", "Städ", "Summa Servicenämnden"]);
    expect(block(model, "responsibilityKinds")?.rows[1].cells.slice(1, 9).map((c) => c.value)).toEqual([
      "Utfall intäkter", "Utfall kostnader", "Budget intäkter", "Budget kostnader", "Budget helår intäkter", "Budget helår kostnader", "Prognos intäkter", "Prognos kostnader",
    ]);
    // Kök: 790 and −715 this period, 800 and −733 budgeted (two thirds of the year), 1 200 and −1 100 for the year, 1 180 and −1 095 forecast.
    expect(values(model, "responsibilityKinds", "Kök")?.slice(1, 9)).toEqual([790, -715, 800, -733, 1200, -1100, 1180, -1095]);
    expect(values(model, "responsibilityKinds", "Summa Servicenämnden")?.slice(1, 3)).toEqual([995, -925]);
    expect(labels(model, "responsibilityKinds")).toContain("Utfall och budget gäller januari–augusti 2024, budget helår och prognos hela året. Intäkter minus kostnader är ansvarets netto före finansiella poster och över-/underskott.");
  });

  it("leaves out an ansvar with only one kind, and the sums with it; absent when no ansvar has both", () => {
    const r = edit((w) => {
      w.Budget.rows.push(["Ledning", "Personal", "Kostnad", -100]);
      w.Utfall.rows.push(["Ledning", "Personal", -60, -66, -99, -98]);
    });
    const { model } = report(workbook(r));
    expect(labels(model, "responsibilityKinds").slice(2, 5)).toEqual(["Kök", "Städ", "Tabellen tar upp de ansvar som har både intäkter och kostnader."].map((l, i) => (i < 2 ? l : expect.stringContaining(l))));
    const costsOnly = edit((w) => {
      w.Budget.rows = w.Budget.rows.filter((row) => row[2] !== "Intäkt");
      w.Utfall.rows = w.Utfall.rows.filter((row) => row[1] !== "Intäkter");
    });
    expect(ids(report(workbook(costsOnly)).model)).not.toContain("responsibilityKinds");
  });

  it("keeps the JSON's revenue and cost per ansvar exact, null for an ansvar with only one kind", () => {
    const r = edit((w) => {
      w.Budget.rows.push(["Ledning", "Personal", "Kostnad", -100]);
      w.Utfall.rows.push(["Ledning", "Personal", -60, -66, -99, -98]);
    });
    const by = computed(workbook(r)).result.income.byResponsibility ?? [];
    expect(by.map((x) => [x.responsibility, x.revenue?.actual ?? null, x.cost?.actual ?? null])).toEqual([["Kök", 790, -715], ["Städ", 205, -210], ["Ledning", null, null]]);
  });
});

describe("Indikatorer: Grupp, Målår, kvinnor och män", () => {
  const indicators = (rows: (string | number | null)[][], header = ["Indikator", "Grupp", "Utfall", "Mål", "Målår", "Riktning", "Föregående", "Utfall kvinnor", "Utfall män", "Föregående kvinnor", "Föregående män"]) =>
    report(workbook(edit((w) => (w.Indikatorer = { rows: [header, ...rows] })))).model;

  it("stands the indicators under their groups, in the order the groups first appear, the ungrouped last", () => {
    const m = indicators([
      ["Sjukfrånvaro", "Personal", 6.1, 5.5, 2026, "Lägre", 6.4, 7.4, 4.6, 7.7, 4.9],
      ["Nöjd kund", "Kund", 4.3, 4, null, "Högre", 4.1, null, null, null, null],
      ["Övertid", null, 3, 2, null, "Lägre", null, null, null, null, null],
      ["Personalomsättning", "Personal", 9, 8, null, "Lägre", null, null, null, null, null],
    ]);
    expect(labels(m, "indicators").slice(2, 9)).toEqual(["Personal", "Sjukfrånvaro", "Personalomsättning", "Kund", "Nöjd kund", "Övriga indikatorer", "Övertid"]);
  });

  it("writes a target's year in the header when all share it, else beside each target", () => {
    const shared = indicators([["Sjukfrånvaro", null, 6.1, 5.5, 2026, "Lägre", null, null, null, null, null]]);
    expect(block(shared, "indicators")?.rows[1].cells.map((c) => c.value)).toContain("Mål 2026");
    const mixed = indicators([["Sjukfrånvaro", null, 6.1, 5.5, 2026, "Lägre", null, null, null, null, null], ["Övertid", null, 3, 2, null, "Lägre", null, null, null, null, null]]);
    const target = block(mixed, "indicators")?.rows.find((r) => r.cells[0].value === "Sjukfrånvaro")?.cells[2];
    expect([target?.value, target?.style?.numberFormat]).toEqual([5.5, '#,##0.0" (2026)";"\u2212"#,##0.0" (2026)";#,##0.0" (2026)"']);
  });

  it("shows Kvinnor, Män and Totalt for the outcome and the previous value, and the change, for the indicators that have them", () => {
    const m = indicators([
      ["Sjukfrånvaro", "Personal", 6.1, 5.5, null, "Lägre", 6.4, 7.4, 4.6, 7.7, 4.9],
      ["Nöjd kund", "Kund", 4.3, 4, null, "Högre", 4.1, null, null, null, null],
    ]);
    expect(labels(m, "indicatorGenders").slice(0, 4)).toEqual(["Kvinnor och män", "Indikator", "Personal", "Sjukfrånvaro"]);
    expect(values(m, "indicatorGenders", "Sjukfrånvaro")?.slice(1, 8)).toEqual([7.4, 4.6, 6.1, 7.7, 4.9, 6.4, -0.3]);
    const change = block(m, "indicatorGenders")?.rows.find((r) => r.cells[0].value === "Sjukfrånvaro")?.cells[7];
    expect(change?.style?.color).toBe("1E7B34");
  });
});

describe("Åtgärder: Effekt hos", () => {
  it("lists where the saving lands, counts it in the sum with a varav line, and leaves it out of the forecast", () => {
    const r = edit((w) => {
      w.Åtgärder = {
        rows: [
          ["Åtgärd", "Status", "Effekt i år", "Effekt nästa år", "Effekt hos"],
          ["Vakans", "Beslutad", 40, 80, null],
          ["Frångå märkning", "Ej beslutad", null, 500, "Vård- och omsorgsnämnden"],
          ["Mat nära gästen", "Ej beslutad", 100, 300, "Barn- och utbildningsnämnden"],
          ["Stäng café", "Ej beslutad", 25, 30, null],
        ],
      };
    });
    const { result } = computed(workbook(r));
    expect(result.measures?.summary).toMatchObject({ proposedThisYear: 125, elsewhereThisYear: 100, elsewhereNextYear: 800, notInForecastThisYear: 25 });
    // Forecast 72 + the café's 25: the savings at other nämnder do not improve this one's result.
    expect(result.measures?.summary.forecastWithMeasures).toBe(97);
    const { model } = report(workbook(r));
    const rows = (block(model, "measures")?.rows ?? []).filter((x) => x.cells.length > 0);
    expect(rows.find((x) => x.cells[0].value === "Frångå märkning")?.cells.map((c) => c.value).filter((v) => v !== null)).toEqual(["Frångå märkning", "Vård- och omsorgsnämnden", 500]);
    expect(rows.find((x) => x.cells[0].value === "Varav besparing hos annan nämnd eller part")?.cells.map((c) => c.value).filter((v) => v !== null)).toEqual(["Varav besparing hos annan nämnd eller part", 100, 800]);
    // The decided measures' table has no such measure and no such column.
    expect(rows.find((x) => x.cells[0].value === "Beslutade åtgärder")?.cells.map((c) => c.value)).not.toContain("Effekt hos");
  });
});

describe("Risker: probabilities and the sign of the consequence", () => {
  const risks = (rows: (string | number | null)[][], header: string[], settings: (string | number)[][] = [], fewColumns = false) => {
    const r = edit((w) => {
      w.Risker = { rows: [header, ...rows] };
      w.Inställningar.rows.push(...settings);
      if (fewColumns) w.Utfall.rows = w.Utfall.rows.map((row) => [row[0], row[1], row[3]]);
    });
    return { ...report(workbook(r)), result: computed(workbook(r)).result };
  };
  const header = ["Risk", "Sannolikhet", "Konsekvens", "Ekonomisk konsekvens", "Sannolikhet %"];

  it("without a probability, shows the consequence unweighted, says why, and weighs nothing", () => {
    const { model, result } = risks([["Brand", 4, 4, -300, null], ["Läcka", 2, 3, -50, null]], header);
    expect(result.risks.map((r) => [r.probability, r.expectedEffect])).toEqual([[null, null], [null, null]]);
    const rows = block(model, "risks")?.rows ?? [];
    expect(rows[1].cells.map((c) => c.value)).toEqual(expect.arrayContaining(["Ekonomisk konsekvens"]));
    expect(rows[1].cells.map((c) => c.value)).not.toContain("Väntad effekt");
    expect(labels(model, "risks")).toContain("Riskerna saknar sannolikhet i procent, så deras ekonomiska konsekvenser visas ovägda. Ingen sannolikhet antas utifrån en nivå: ange kolumnen Sannolikhet % eller inställningen Sannolikhet per nivå för att få den väntade effekten.");
  });

  it("with probabilities, weighs each consequence and sums the expected effects exactly", () => {
    const { model, result } = risks([["Brand", 4, 4, -300, "20 %"], ["Läcka", 2, 3, -50, 12.5]], header);
    expect(result.risks.map((r) => [r.probability, r.expectedEffect])).toEqual([[0.2, -60], [0.125, -6.25]]);
    expect(result.riskSummary).toEqual({ weighted: 2, expectedEffect: -66.25, unweighted: 0, unweightedConsequence: 0 });
    expect(values(model, "risks", "Summa väntad effekt")?.filter((v) => typeof v === "number")).toEqual([-66]);
  });

  it("reads a percentage shown as one (0,2 with a % format) as 20 %, and a header Sannolikhet (%)", () => {
    const r = edit((w) => (w.Risker = { rows: [["Risk", "Sannolikhet", "Konsekvens", "Sannolikhet (%)"], ["Brand", 2, 2, 0.2]], formats: [[], [null, null, null, "0%"]] }));
    expect(computed(workbook(r)).result.risks[0].probability).toBe(0.2);
  });

  it("takes a level's probability from Sannolikhet per nivå where a risk has none of its own, and says so under the table", () => {
    const { model, result } = risks([["Brand", 4, 4, -300, null], ["Läcka", 2, 3, -50, 30]], header, [["Sannolikhet per nivå", "5; 15; 40; 70"]]);
    expect(result.risks.map((r) => [r.probability, r.probabilitySource, r.expectedEffect])).toEqual([[0.7, "level", -210], [0.3, "risk", -15]]);
    expect(labels(model, "risks")).toContain("Där en risk saknar egen sannolikhet i procent gäller inställningen Sannolikhet per nivå: nivå 1 5\u00a0%, nivå 2 15\u00a0%, nivå 3 40\u00a0% och nivå 4 70\u00a0%.");
  });

  it("on a five-point scale needs five levels", () => {
    const { result } = risks([["Brand", 5, 4, -300, null]], header, [["Riskskala", 5], ["Sannolikhet per nivå", "2 %; 10 %; 25 %; 50 %; 90 %"]]);
    expect(result.risks[0].probability).toBe(0.9);
  });

  it("where the grid has no room for columns, says it in the risk's text", () => {
    const { model } = risks([["Brand", 4, 4, -300, 20]], header, [], true);
    const text = block(model, "risks")?.rows[2].cells.find((c) => typeof c.value === "string" && c.value.includes("Ekonomisk konsekvens"))?.value;
    expect(text).toBe("Ekonomisk konsekvens \u2212300\u00a0tkr om risken inträffar; med sannolikheten 20\u00a0% är den väntade effekten \u221260\u00a0tkr.");
  });
});
