import { labels, report, rowOf } from "../support/report";
import { workbook } from "../support/sheets";
import { amountFormat, LEVEL_FILL, STATUS_FILL } from "../../src/report/styles";

const base = () => ({
  Budget: {
    rows: [
      ["Ansvar", "Post", "Typ", "Helår"],
      ["Skola", "Avgifter", "Intäkt", 1_200_000],
      ["Skola", "Personalkostnader", "Kostnad", -9_000_000],
      ["Vård", "Personalkostnader", "Kostnad", -3_000_000],
      ["Vård", "Ränta", "Finansiell", -120_000],
    ],
  },
  Utfall: {
    rows: [
      ["Ansvar", "Post", "Utfall", "Utfall fg år", "Prognos"],
      ["Skola", "Avgifter", 700_000, 650_000, 1_150_000],
      ["Skola", "Personalkostnader", -4_650_000, -4_400_000, -9_200_000],
      ["Vård", "Personalkostnader", -1_400_000, -1_500_000, -2_900_000],
      ["Vård", "Ränta", -60_000, -50_000, -120_000],
    ],
  },
  Inställningar: { rows: [["Inställning", "Värde"], ["Organisation", "Kulturnämnden"], ["År", 2024], ["Period", 6], ["Enhet ut", "tkr"], ["Decimaler", 0]] },
  Indikatorer: {
    rows: [
      ["Indikator", "Utfall", "Mål", "Riktning", "Föregående"],
      ["Besökare", 900, 1000, "Högre", 800],
      ["Sjukfrånvaro", 7, 5, "Lägre", 6],
      ["Nöjdhet", null, 80, null, null],
      ["Lån", 120, 100, null, null],
    ],
  },
  Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens", "Åtgärd"], ["Låg risk", 1, 2, null], ["Brand", 4, 4, "=HYPERLINK(\"x\")"], ["Läckage", 2, 4, null]] },
});

describe("report model", () => {
  const { model, layout } = report(workbook(base()));

  it("has the sections in the order a nämnd reads them", () => {
    // Utfall fg år gives the Kostnadsutveckling (contract v3) after the statement.
    // Skola has both revenue and costs: the table of each ansvar's revenue and costs follows the per-ansvar table.
    // The written analysis first, as a delårsrapport opens with its summary.
    // Last, below the print area, the cells only the charts draw (issue 24).
    expect(model.blocks.map((b) => b.id)).toEqual(["title", "analysis", "statement", "costDevelopment", "responsibility", "responsibilityKinds", "indicators", "risks", "matrix", "sensitivity", "forecastInterval", "chartData"]);
    expect(model.sheetName).toBe("Rapport");
  });

  it("titles the report with organisation, period in words, unit and refresh time", () => {
    expect(labels(model, "title").slice(0, 4)).toEqual([
      "Kulturnämnden",
      "Delårsrapport 2024",
      "Period: januari–juni 2024 · Belopp i tkr · Uppdaterad 2024-09-12 09:30",
      null,
    ]);
  });

  it("prints the income statement with groups, subtotals and the result, rounded to the setting", () => {
    expect(labels(model, "statement")).toEqual([
      "Resultaträkning", "Post", "Avgifter", "Summa intäkter", "Personalkostnader", "Summa kostnader", "Ränta", "Årets resultat",
      "Intäkter redovisas som positiva belopp och kostnader som negativa. En positiv avvikelse är gynnsam: högre intäkter eller lägre kostnader än budget.", null,
    ]);
    // Utfall fg år, Utfall, Budget, Avvikelse, Avvikelse %, Budget helår, Prognos, Avvikelse prognos
    expect(rowOf(layout, "Personalkostnader").slice(1, 9)).toEqual([-5900, -6050, -6000, -50, -0.008, -12000, -12100, -100]);
    // No per cent beside a result's variance: of a result near zero it misleads.
    expect(rowOf(layout, "Årets resultat").slice(1, 9)).toEqual([-5300, -5410, -5460, 50, null, -10920, -11070, -150]);
  });

  it("leaves out columns without data", () => {
    const wb = base();
    wb.Utfall.rows = wb.Utfall.rows.map((r) => r.slice(0, 3));
    const { model: m } = report(workbook(wb));
    const header = m.blocks.find((b) => b.id === "statement")?.rows[1].cells.map((c) => c.value);
    expect(header).toEqual(["Post", "Utfall jan–jun 2024", "Budget jan–jun 2024", "Avvikelse", "Avvikelse %", "Budget helår 2024", "Förklaring"]);
  });

  it("formats amounts with separators and minus signs, colours variances by direction", () => {
    const block = model.blocks.find((b) => b.id === "statement");
    const row = block?.rows.find((r) => r.cells[0].value === "Personalkostnader");
    expect(row?.cells[2].style?.numberFormat).toBe(amountFormat(0));
    expect(amountFormat(1)).toBe('#,##0.0;"\u2212"#,##0.0;#,##0.0');
    expect(row?.cells[4].style?.color).toBe("C00000");
    const revenue = block?.rows.find((r) => r.cells[0].value === "Avgifter");
    expect(revenue?.cells[4].value).toBe(100);
    expect(revenue?.cells[4].style?.color).toBe("1E7B34");
  });

  it("breaks down per ansvar with a total equal to the result", () => {
    expect(labels(model, "responsibility").slice(2)).toEqual(["Skola", "Vård", "Summa Kulturnämnden", null]);
    expect(rowOf(layout, "Vård").slice(2, 5)).toEqual([-1460, -1560, 100]);
  });

  it("gives each indicator its status in words and colour, with a trend arrow", () => {
    const rows = model.blocks.find((b) => b.id === "indicators")?.rows.slice(2, 6) ?? [];
    const status = rows.map((r) => r.cells.find((c) => typeof c.value === "string" && /uppfyllt|bedömas/i.test(c.value)));
    expect(status.map((c) => c?.value)).toEqual(["Delvis uppfyllt", "Ej uppfyllt", "Kan ej bedömas", "Uppfyllt"]);
    expect(status.map((c) => c?.style?.fill)).toEqual([STATUS_FILL.partlyMet, STATUS_FILL.notMet, STATUS_FILL.notAssessable, STATUS_FILL.met]);
    const trend = rows.map((r) => r.cells[4]);
    expect(trend.map((c) => c.value)).toEqual(["↑ bättre", "↑ sämre", null, null]);
    expect(trend.map((c) => c.style?.color)).toEqual(["1E7B34", "C00000", undefined, undefined]);
  });

  it("sorts risks by value, keeps formula-looking text as text, and places numbers in the matrix", () => {
    expect(labels(model, "risks").slice(2, 5)).toEqual(["1. Brand", "2. Läckage", "3. Låg risk"]);
    const brand = model.blocks.find((b) => b.id === "risks")?.rows[2];
    expect(brand?.cells.find((c) => c.value === '=HYPERLINK("x")')).toBeDefined();
    const matrix = model.blocks.find((b) => b.id === "matrix")?.rows ?? [];
    const cell = (l: number, c: number) => matrix[2 + (4 - l)].cells[c];
    expect(cell(4, 4)).toMatchObject({ value: "1", style: { fill: LEVEL_FILL.veryHigh } });
    expect(cell(2, 4)).toMatchObject({ value: "2", style: { fill: LEVEL_FILL.high } });
    expect(cell(1, 2)).toMatchObject({ value: "3", style: { fill: LEVEL_FILL.low } });
    expect(cell(3, 3).value).toBeNull();
  });

  it("sorts the sensitivity by size of effect; the tornado chart shows it, and without charts a bar in the cells does", () => {
    const rows = model.blocks.find((b) => b.id === "sensitivity")?.rows.filter((r) => r.role === "body") ?? [];
    const effects = rows.map((r) => r.cells[3].value as number);
    expect(effects).toEqual([...effects].sort((a, b) => Math.abs(b) - Math.abs(a)));
    expect(rows.slice(0, 2).map((r) => r.cells[0].value).sort()).toEqual(["Personalkostnader +1 %", "Summa kostnader +1 %"]);
    // With charts (the default) no block bars: the chart under the table draws the same effects.
    const header = (m: typeof model) => (m.blocks.find((b) => b.id === "sensitivity")?.rows.find((r) => r.role === "header")?.cells ?? []).map((c) => c.value);
    expect(header(model)).not.toContain("Minskar resultatet");
    expect(model.blocks.find((b) => b.id === "sensitivity")?.charts?.length).toBe(1);
    const noCharts = base();
    noCharts.Inställningar.rows.push(["Diagram", "Nej"]);
    const plain = report(workbook(noCharts)).model;
    expect(header(plain)).toEqual(expect.arrayContaining(["Minskar resultatet", "Ökar resultatet"]));
    const bars = plain.blocks.find((b) => b.id === "sensitivity")?.rows.filter((r) => r.role === "body") ?? [];
    expect(bars.every((r) => /^█+$/.test(String(r.cells[4].value ?? r.cells[5].value)))).toBe(true);
  });

  it("names under the per-ansvar table what each ansvar's forecast carries from earlier years", () => {
    const carrying = base();
    carrying.Budget.rows.push(["Vård", "Rullat underskott", "Över-/underskott", 0]);
    carrying.Utfall.rows.push(["Vård", "Rullat underskott", -200_000, null as unknown as number, -300_000]);
    const m = report(workbook(carrying)).model;
    expect(labels(m, "responsibility")).toContain("I ansvarets prognos ingår rullat över-/underskott: Vård \u2212300\u00a0tkr.");
    // Two ansvar carrying, one of them a surplus; an ansvar whose carryover prints as zero is not named.
    carrying.Budget.rows.push(["Skola", "Rullat överskott", "Över-/underskott", 0], ["Bibliotek", "Rullat underskott", "Över-/underskott", 0]);
    carrying.Utfall.rows.push(["Skola", "Rullat överskott", 100_000, null as unknown as number, 150_000], ["Bibliotek", "Rullat underskott", 0, null as unknown as number, -0.4]);
    expect(labels(report(workbook(carrying)).model, "responsibility")).toContain("I ansvarens prognoser ingår rullat över-/underskott: Skola +150\u00a0tkr och Vård \u2212300\u00a0tkr.");
    // Without carryover, no note.
    expect(labels(model, "responsibility").some((l) => typeof l === "string" && l.includes("rullat"))).toBe(false);
  });

  it("ties explanation cells to row keys", () => {
    const keyed = model.blocks.flatMap((b) => b.rows).filter((r) => r.key).map((r) => r.key);
    expect(keyed).toEqual(expect.arrayContaining(["rr|cost|personalkostnader", "rr|total|result", "ansvar|skola", "ind|besokare", "risk|brand"]));
    expect(new Set(keyed).size).toBe(keyed.length);
  });

  it("prints A4 landscape at a scale that fits the figures, without the empty Förklaring column, with page numbers", () => {
    expect(model.print).toMatchObject({ orientation: "landscape", footerLeft: "Kulturnämnden – Delårsrapport 2024", footerRight: "Sida &P av &N" });
    expect(layout.print.scale).toBeGreaterThanOrEqual(10);
    expect(layout.print.scale).toBeLessThanOrEqual(100);
    expect(layout.print.area.cols).toBe(layout.explanationColumn);
    expect(layout.rowHeights).toHaveLength(layout.rowCount);
    // Every page break starts a section or a continued table, never the row after a heading.
    for (const r of layout.pageBreaks) {
      const first = layout.values[r][0];
      expect(typeof first === "string" && first.length > 0).toBe(true);
    }
  });

  it("keeps notices about the input out of the nämnd's text and out of print, below the report", () => {
    const wb = base();
    wb.Utfall.rows.push(["Vård", "Konsulter", -10_000, 0, -20_000]);
    const { model: m, layout: l } = report(workbook(wb));
    expect(labels(m, "title").join(" ")).not.toMatch(/notering/);
    // Below the report; only the cells the charts draw come after (issue 24).
    expect(m.blocks.slice(-2)).toMatchObject([{ id: "notices", screenOnly: true }, { id: "chartData", screenOnly: true }]);
    expect(labels(m, "notices")).toEqual(["Noteringar om indata (skrivs inte ut)", "Utfall!A6"]);
    const at = l.values.findIndex((row) => row[0] === "Noteringar om indata (skrivs inte ut)");
    expect(at).toBeGreaterThanOrEqual(l.print.area.rows);
  });
});

describe("the forecast's history and interval in the report (issue 23)", () => {
  const HISTORY = ["År", "Period", "Ansvar", "Post", "Typ", "Prognos", "Utfall"];
  const withHistory = (rows: (string | number | null)[][], settings: (string | number)[][] = []) => {
    const b = base();
    b.Inställningar.rows.push(...settings);
    return workbook({ ...b, Prognoshistorik: { rows: [HISTORY, ...rows] } });
  };
  const april = [
    [2024, 4, "Skola", "Avgifter", "Intäkt", 1_100_000, 400_000],
    [2024, 4, "Skola", "Personalkostnader", "Kostnad", -9_100_000, -3_000_000],
    [2024, 4, "Vård", "Personalkostnader", "Kostnad", -3_000_000, -900_000],
    [2024, 4, "Vård", "Ränta", "Finansiell", -120_000, -40_000],
  ];

  it("without a history: no Prognosförändring columns, no Prognossäkerhet, but the interval from the setting", () => {
    const { model } = report(workbook(base()));
    const ids = model.blocks.map((b) => b.id);
    expect(ids).not.toContain("forecastAccuracy");
    expect(ids).toContain("forecastInterval");
    const header = model.blocks.find((b) => b.id === "statement")?.rows.find((r) => r.role === "header");
    expect(header?.cells.map((c) => c.value)).not.toContain("Förändring");
  });

  it("with an earlier period: Prognos <month> and Förändring in the statement and per ansvar, the sentence in the analysis", () => {
    const { model } = report(withHistory(april));
    for (const id of ["statement", "responsibility"]) {
      const header = model.blocks.find((b) => b.id === id)?.rows.find((r) => r.role === "header");
      expect(header?.cells.map((c) => c.value)).toEqual(expect.arrayContaining(["Prognos april", "Förändring"]));
    }
    const result = model.blocks.find((b) => b.id === "statement")?.rows.find((r) => r.label === "Årets resultat");
    const values = result?.cells.map((c) => c.value);
    // Forecast −11 070 000 now against −11 120 000 in April: +50 000 kr, printed in tkr.
    expect(values).toEqual(expect.arrayContaining([-11120, -11070, 50]));
    const analysis = model.blocks.find((b) => b.id === "analysis")?.rows.map((r) => r.cells[0]?.value).join(" ");
    expect(analysis).toContain("Prognosen för årets resultat har förbättrats med 50\u00a0tkr sedan april, till −11\u00a0070\u00a0tkr.");
  });

  it("with Prognosintervall = Nej: no interval section; at period 12 with earlier forecasts: Prognossäkerhet, no interval", () => {
    expect(report(withHistory(april, [["Prognosintervall", "Nej"]])).model.blocks.map((b) => b.id)).not.toContain("forecastInterval");
    const b = base();
    b.Inställningar.rows = b.Inställningar.rows.map((r) => (r[0] === "Period" ? ["Period", 12] : r));
    const { model } = report(workbook({ ...b, Prognoshistorik: { rows: [HISTORY, ...april] } }));
    const ids = model.blocks.map((x) => x.id);
    expect(ids).toContain("forecastAccuracy");
    expect(ids).not.toContain("forecastInterval");
    const rows = model.blocks.find((x) => x.id === "forecastAccuracy")?.rows ?? [];
    expect(rows.map((r) => r.cells[0]?.value)).toEqual(expect.arrayContaining(["April 2024", "Skola", "Vård"]));
  });
});
