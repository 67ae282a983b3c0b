/**
 * The written analysis, tested like a language: golden paragraphs for the bundled example (Servicenämnden's real
 * delårsrapport), golden sentences for zero, one, two and many of each thing, each sign and each status, and a
 * proofreader's check (test/support/swedishLint.ts) over every text a generated workbook gives.
 */
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { buildExampleWorkbook } from "../../scripts/exampleWorkbook";
import { writeAnalysis } from "../../src/report/analysis";
import { formatNumber, percentWords, periodWords, Voice } from "../../src/report/language/words";
import { computed } from "../support/report";
import { runCli, SheetRange, tempDir, workbook } from "../support/sheets";
import { swedishProblems } from "../support/swedishLint";

const NB = "\u00a0";
const M = "\u2212";

function analysis(budget: (string | number)[][], actual: (string | number | null)[][], extra: Record<string, SheetRange> = {}, settings: (string | number)[][] = []): string[] {
  return writeAnalysis(
    computed(
      workbook({
        Budget: { rows: [["Post", "Typ", "Helår"], ...budget] },
        Utfall: { rows: [actual[0] as string[], ...actual.slice(1)] },
        Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["År", 2024], ["Enhet in", "mkr"], ...settings] },
        ...extra,
      }),
    ).result,
  );
}

describe("Swedish numbers and words", () => {
  it("writes numbers with decimal comma, non-breaking thousands space and a real minus", () => {
    expect(formatNumber(1234.5, 1)).toBe(`1${NB}234,5`);
    expect(formatNumber(-4.7, 1)).toBe(`${M}4,7`);
    expect(formatNumber(-0.04, 1)).toBe("0,0");
    expect(formatNumber(15.7, 1, true)).toBe("+15,7");
    expect(new Voice(1, "mkr").size(-4.5)).toBe(`4,5${NB}mnkr`);
    expect(new Voice(1, "mkr").result(-3.01)).toBe(`ett underskott på 3,0${NB}mnkr`);
    expect(new Voice(1, "mkr").result(0.04)).toBe("ett resultat i balans");
    expect(percentWords(0.01)).toBe("en procent");
    expect(percentWords(-0.02)).toBe("två procent");
    expect(percentWords(0.025)).toBe("2,5 procent");
    expect(percentWords(0.15)).toBe("15 procent");
    expect(periodWords(8, 2024)).toBe("januari–augusti 2024");
    expect(periodWords(1, 2025)).toBe("januari 2025");
  });
});

describe("the bundled example's analysis (Servicenämnden, delår 2 2024)", () => {
  let paragraphs: string[];
  beforeAll(async () => {
    const dir = tempDir();
    const input = path.join(dir, "exempel.xlsx");
    await buildExampleWorkbook().xlsx.writeFile(input);
    const out = path.join(dir, "rapport.xlsx");
    expect((await runCli([input, "--out", out, "--report-only"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Rapport") as ExcelJS.Worksheet;
    const rows: string[] = [];
    let on = false;
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      // The charts' own cells come after the analysis, below the print area (issue 24).
      if (typeof v === "string" && v.startsWith("Underlag för diagrammen")) on = false;
      else if (v === "Analys") on = true;
      else if (on && typeof v === "string" && v.trim() !== "" && !v.endsWith("(forts.)")) rows.push(v);
      else if (on && rows.length > 0 && v === null) on = rows.length === 0;
    });
    // The layout breaks lines at spaces only; a paragraph is its lines joined by a space.
    paragraphs = rows.map((p) => p.replace(/\n/g, " "));
  }, 60_000);

  it("reads as a controller would write it, forecast first", () => {
    expect(paragraphs).toEqual([
      `Servicenämnden prognostiserar för helåret ett underskott på 3,0${NB}mnkr inklusive rullat underskott från tidigare år på 7,0${NB}mnkr. ` +
        `Exklusive det rullade underskottet är prognosen ett överskott på 4,0${NB}mnkr, 4,0${NB}mnkr bättre än en budget i balans.`,
      `Resultatet för januari–augusti 2024 är +15,7${NB}mnkr exklusive över-/underskott, vilket är 1,9${NB}mnkr bättre än budget för perioden (+13,8${NB}mnkr). ` +
        `Inklusive rullat underskott på 4,7${NB}mnkr är resultatet +11,0${NB}mnkr. Samma period föregående år var resultatet +0,1${NB}mnkr (+3,3${NB}mnkr inklusive över-/underskott).`,
      `Störst negativ avvikelse mot budget för perioden har övriga intäkter, som är 7,5${NB}mnkr lägre än budgeterat (1,3${NB}%). ` +
        `Störst positiv avvikelse har personalkostnader, som är 4,5${NB}mnkr lägre än budgeterat (1,4${NB}%). ` +
        `I prognosen mot helårsbudgeten har övriga intäkter den största negativa avvikelsen (${M}12,0${NB}mnkr) och personalkostnader den största positiva (+15,3${NB}mnkr).`,
      `De totala kostnaderna har ökat med 2,2${NB}% jämfört med samma period föregående år, från 527,7${NB}mnkr till 539,4${NB}mnkr.`,
      `Bland ansvaren har Område 4 Måltidsservice störst negativ avvikelse mot budget för perioden (${M}5,4${NB}mnkr) och Område 2 HR och kommunikation störst positiv (+3,0${NB}mnkr). ` +
        `För helåret har Område 3 Ekonomi och upphandling den största negativa prognosavvikelsen (${M}4,5${NB}mnkr) och Område 5 Transport och service den största positiva (+4,9${NB}mnkr).`,
      `De beslutade åtgärderna beräknas ge 6,2${NB}mnkr i år och 6,7${NB}mnkr nästa år och ingår i prognosen. ` +
        `De åtgärder som ännu inte är beslutade skulle ge 1,3${NB}mnkr i år och 17,0${NB}mnkr nästa år. ` +
        `Med årets effekt av de åtgärder som inte ingår i prognosen blir prognosen inklusive över-/underskott ${M}1,8${NB}mnkr.`,
      `Investeringarna uppgår till 30,8${NB}mnkr för perioden, mot en helårsbudget på 46,9${NB}mnkr. Prognosen för helåret är 44,1${NB}mnkr, 2,8${NB}mnkr mindre än budgeterat.`,
      "Av åtta indikatorer är två uppfyllda, tre delvis uppfyllda och två inte uppfyllda; en kan ännu inte bedömas. Ej uppfyllda är sjukfrånvaro och svarstid i kundtjänst.",
      "En risk har ett mycket högt riskvärde: otillräcklig försörjningsberedskap när behoven definieras sent (16). " +
        "Två risker har ett högt riskvärde: ”överbelastade chefer och medarbetare” (9) och ”mutor, korruption, bedrägeri och jäv” (8).",
      `En kostnadsökning med en procent försämrar årets resultat med 8,4${NB}mnkr.`,
    ]);
  });

  it("passes the proofreader's check", () => {
    for (const p of paragraphs) expect(swedishProblems(p)).toEqual([]);
  });
});

describe("sentences for zero, one, two and many, each sign and each status", () => {
  const simple = (actualRevenue: number, actualCost: number, forecast?: [number, number]) =>
    analysis(
      [["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -96]],
      forecast
        ? [["Post", "Utfall", "Prognos"], ["Intäkter", actualRevenue, forecast[0]], ["Personal", actualCost, forecast[1]]]
        : [["Post", "Utfall"], ["Intäkter", actualRevenue], ["Personal", actualCost]],
    );

  it("says överskott, underskott or balans for the forecast, against the budget", () => {
    expect(simple(82, -60, [125, -95])[0]).toBe(`Nämnden prognostiserar för helåret ett överskott på 30,0${NB}mnkr, 6,0${NB}mnkr bättre än ett budgeterat resultat på +24,0${NB}mnkr.`);
    expect(simple(82, -60, [100, -110])[0]).toBe(`Nämnden prognostiserar för helåret ett underskott på 10,0${NB}mnkr, 34,0${NB}mnkr sämre än ett budgeterat resultat på +24,0${NB}mnkr.`);
    expect(simple(82, -60, [120, -96])[0]).toBe(`Nämnden prognostiserar för helåret ett överskott på 24,0${NB}mnkr, i nivå med ett budgeterat resultat på +24,0${NB}mnkr.`);
    expect(simple(82, -60)[0]).toMatch(/^Resultatet för januari–augusti 2024/);
  });

  it("names the largest negative and the largest positive deviation, or says there is none", () => {
    const deviations = simple(70, -60, [110, -90])[2];
    expect(deviations).toContain(`Störst negativ avvikelse mot budget för perioden har intäkter, som är 10,0${NB}mnkr lägre än budgeterat`);
    expect(deviations).toContain(`Störst positiv avvikelse har personal, som är 4,0${NB}mnkr lägre än budgeterat`);
    expect(deviations).toContain(`I prognosen mot helårsbudgeten har intäkter den största negativa avvikelsen (${M}10,0${NB}mnkr) och personal den största positiva (+6,0${NB}mnkr).`);
    const exact = analysis([["Intäkter", "Intäkt", 120]], [["Post", "Utfall"], ["Intäkter", 80]]);
    expect(exact[1]).toBe("Ingen post avviker från budget för perioden med mer än väsentlighetsgränsen.");
  });

  const indicators = (rows: (string | number | null)[][]) =>
    analysis([["A", "Intäkt", 12]], [["Post", "Utfall"], ["A", 8]], { Indikatorer: { rows: [["Indikator", "Utfall", "Mål"], ...rows] } }).find((p) => /indikator|uppfyll|bedömas/.test(p));

  it("counts indicators in words, agreeing in number", () => {
    expect(indicators([["Besök", 100, 100]])).toBe("Den enda indikatorn är uppfylld.");
    expect(indicators([["Besök", 100, 100], ["Lån", 100, 100]])).toBe("Båda indikatorerna är uppfyllda.");
    expect(indicators([["Besök", 100, 100], ["Lån", 100, 100], ["Nöjdhet", 100, 100]])).toBe("Alla tre indikatorer är uppfyllda.");
    expect(indicators([["Besök", 100, 100], ["Lån", 10, 100], ["Nöjdhet", 90, 100], ["Väntetid", null, 5]])).toBe(
      "Av fyra indikatorer är en uppfylld, en delvis uppfylld och en inte uppfylld; en kan ännu inte bedömas. Ej uppfylld är lån.",
    );
    expect(indicators([["Lån", 10, 100], ["Utlån", 1, 100], ["Besök", 100, 100]])).toBe("Av tre indikatorer är en uppfylld och två inte uppfyllda. Ej uppfyllda är lån och utlån.");
    expect(indicators([["Väntetid", null, 5]])).toBe("Indikatorn kan ännu inte bedömas.");
    const many = Array.from({ length: 14 }, (_, i) => [`Mått ${i + 1}`, 1, 100]);
    expect(indicators(many)).toBe("Ingen av de 14 indikatorerna är uppfylld. Ej uppfyllda är mått 1, mått 2, mått 3, mått 4, mått 5 och ytterligare nio indikatorer.");
  });

  const risks = (rows: (string | number)[][]) =>
    analysis([["A", "Intäkt", 12]], [["Post", "Utfall"], ["A", 8]], { Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens"], ...rows] } }).find((p) => /risk/i.test(p));

  it("names the highest risks with number words and the neuter article", () => {
    expect(risks([["Brand", 4, 4], ["Läcka", 3, 3], ["Strejk", 2, 4]])).toBe("En risk har ett mycket högt riskvärde: brand (16). Två risker har ett högt riskvärde: läcka (9) och strejk (8).");
    expect(risks([["Regn", 1, 2]])).toBe("Risken har inte ett högt riskvärde.");
    expect(risks([["Regn", 1, 2], ["Snö", 1, 1]])).toBe("Ingen av de två riskerna har ett högt riskvärde.");
  });

  it("says what a sensitivity factor does to the result", () => {
    const text = (factor: (string | number | null)[]) =>
      analysis([["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -96]], [["Post", "Utfall"], ["Intäkter", 82], ["Personal", -60]], {
        Känslighet: { rows: [["Faktor", "Post", "Bas", "Förändring"], factor] },
      }).slice(-1)[0];
    expect(text(["Kostnader", "Kostnad", null, 0.01])).toBe(`En kostnadsökning med en procent försämrar årets resultat med 1,0${NB}mnkr.`);
    expect(text(["Intäkter", "Intäkt", null, -0.02])).toBe(`Ett intäktsbortfall på två procent försämrar årets resultat med 2,4${NB}mnkr.`);
    expect(text(["Lön", "Personal", null, 0.025])).toBe(`Om personal ökar med 2,5 procent försämras årets resultat med 2,4${NB}mnkr.`);
    expect(text(["Elpris", null, -10, 0.5])).toBe(`Faktorn ”Elpris” i känslighetsanalysen försämrar årets resultat med 5,0${NB}mnkr.`);
  });

  it("never states a cause", () => {
    expect(simple(82, -60, [125, -95]).join(" ")).not.toMatch(/på grund av|beror på|eftersom/);
  });
});

describe("the proofreader's check over generated workbooks", () => {
  it("finds nothing in any text: no '1 risker', no digits for small counts, no double spaces, no empty sentences, no English", () => {
    const amount = fc.integer({ min: -2000, max: 2000 }).map((n) => n / 10);
    const status = fc.constantFrom<[number | null, number]>([100, 100], [90, 100], [10, 100], [null, 100]);
    fc.assert(
      fc.property(
        fc.record({
          revenue: fc.tuple(amount, amount, amount),
          cost: fc.tuple(amount, amount, amount),
          carry: fc.option(fc.tuple(amount, amount), { nil: null }),
          indicators: fc.array(status, { maxLength: 15 }),
          risks: fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), { maxLength: 15 }),
          decided: fc.array(fc.tuple(amount, amount), { maxLength: 3 }),
          proposed: fc.array(fc.tuple(amount, amount), { maxLength: 3 }),
          organisation: fc.constantFrom("", "Kulturnämnden"),
        }),
        (w) => {
          const utfall: (string | number | null)[][] = [["Post", "Typ", "Utfall fg år", "Utfall", "Prognos"], ["Avgifter", "Intäkt", ...w.revenue], ["Löner", "Kostnad", ...w.cost.map((x) => -Math.abs(x))]];
          if (w.carry) utfall.push(["Rullat underskott", "Över-/underskott", 0, w.carry[0], w.carry[1]]);
          const extra: Record<string, SheetRange> = {};
          if (w.indicators.length) extra.Indikatorer = { rows: [["Indikator", "Utfall", "Mål"], ...w.indicators.map(([a, t], i) => [`Mått ${i + 1}`, a, t])] };
          if (w.risks.length) extra.Risker = { rows: [["Risk", "Sannolikhet", "Konsekvens"], ...w.risks.map(([l, c], i) => [`Risk nummer ${i + 1}`, l, c])] };
          if (w.decided.length + w.proposed.length) {
            extra.Åtgärder = {
              rows: [["Åtgärd", "Status", "Effekt i år", "Effekt nästa år"], ...w.decided.map(([a, b], i) => [`Beslut ${i}`, "Beslutad", a, b]), ...w.proposed.map(([a, b], i) => [`Förslag ${i}`, "Ej beslutad", a, b])],
            };
          }
          const texts = analysis([["Avgifter", "Intäkt", 100], ["Löner", "Kostnad", -90]], utfall, extra, w.organisation ? [["Organisation", w.organisation]] : []);
          for (const t of texts) expect(swedishProblems(t)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
