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
import { PHRASES } from "../../src/report/language/phrases";
import { computed, NOW } from "../support/report";
import { buildReport } from "../../src/report/build";
import { runCli, SheetRange, tempDir, workbook } from "../support/sheets";
import { swedishProblems } from "../support/swedishLint";

const NB = "\u00a0";
const M = "\u2212";

function computedOf(budget: (string | number)[][], actual: (string | number | null)[][], extra: Record<string, SheetRange> = {}, settings: (string | number)[][] = []) {
  return computed(
    workbook({
      Budget: { rows: [["Post", "Typ", "Helår"], ...budget] },
      Utfall: { rows: [actual[0] as string[], ...actual.slice(1)] },
      Inställningar: { rows: [["Inställning", "Värde"], ["Period", 8], ["År", 2024], ["Enhet in", "mkr"], ...settings] },
      ...extra,
    }),
  );
}

function analysis(budget: (string | number)[][], actual: (string | number | null)[][], extra: Record<string, SheetRange> = {}, settings: (string | number)[][] = []): string[] {
  return writeAnalysis(computedOf(budget, actual, extra, settings).result);
}

/** Every sentence the report writes: the analysis, and the notes under its tables (legends, footnotes, reasons). */
function reportTexts(budget: (string | number)[][], actual: (string | number | null)[][], extra: Record<string, SheetRange> = {}, settings: (string | number)[][] = []): string[] {
  const { result, findings } = computedOf(budget, actual, extra, settings);
  const model = buildReport(result, findings, { now: NOW });
  return model.blocks.filter((b) => !b.screenOnly).flatMap((b) => b.rows.filter((r) => r.role === "note" || r.role === "text").map((r) => String(r.cells[0]?.value ?? "")));
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

describe("the measures' sentences, and the period's result with what is carried", () => {
  const v = new Voice(1, "mkr");
  it("says for one and many decided measures what they save, and whether this year's saving is in the forecast", () => {
    expect(PHRASES.decidedMeasures({ count: 1, thisYear: 0.4, nextYear: 0.8, inForecast: "all" }, v)).toBe(
      `Den beslutade åtgärden beräknas spara 0,4${NB}mnkr i år och 0,8${NB}mnkr nästa år. Årets besparing ingår i prognosen.`,
    );
    expect(PHRASES.decidedMeasures({ count: 3, thisYear: 2, nextYear: 0, inForecast: "none" }, v)).toBe(
      `De beslutade åtgärderna beräknas spara 2,0${NB}mnkr i år och 0,0${NB}mnkr nästa år. Årets besparing ingår inte i prognosen.`,
    );
    expect(PHRASES.decidedMeasures({ count: 2, thisYear: 1.5, nextYear: 3, inForecast: "some" }, v)).toBe(
      `De beslutade åtgärderna beräknas spara 1,5${NB}mnkr i år och 3,0${NB}mnkr nästa år. En del av årets besparing ingår i prognosen.`,
    );
    expect(PHRASES.proposedMeasures({ count: 1, thisYear: 0, nextYear: 0.7 }, v)).toBe(`Den åtgärd som ännu inte är beslutad skulle spara 0,0${NB}mnkr i år och 0,7${NB}mnkr nästa år.`);
    expect(PHRASES.periodWithCarryover({ carried: 1.2, including: 3, variance: 0.01 }, v)).toBe(`Inklusive rullat överskott på 1,2${NB}mnkr är resultatet +3,0${NB}mnkr, i nivå med budget för perioden.`);
    expect(PHRASES.periodWithCarryover({ carried: -4.7, including: 11, variance: 1.5 }, v)).toBe(`Inklusive rullat underskott på 4,7${NB}mnkr är resultatet +11,0${NB}mnkr, 1,5${NB}mnkr bättre än budget för perioden.`);
    expect(PHRASES.forecastWithMeasures({ forecast: -2.8, carryover: true }, v)).toBe(
      `Med årets effekt av de åtgärder som ännu inte ingår i prognosen väntas resultatet inklusive över-/underskott bli ${M}2,8${NB}mnkr.`,
    );
    for (const text of [PHRASES.decidedMeasures({ count: 2, thisYear: 1, nextYear: 2, inForecast: "some" }, v), PHRASES.forecastWithMeasures({ forecast: 1, carryover: false }, v)]) {
      expect(swedishProblems(text)).toEqual([]);
    }
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
      // The analysis opens the report; the next section's heading (13 pt, as every section's) ends it.
      const heading = row.getCell(1).font?.size === 13;
      if (heading && v !== "Analys" && v !== "Analys (forts.)") on = false;
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
        `Exklusive det rullade underskottet är prognosen ett överskott på 4,0${NB}mnkr, 4,0${NB}mnkr bättre än en budget i balans. ` +
        `Med hänsyn till riskerna är sannolikheten för ett underskott 82${NB}%; resultatet inklusive över-/underskott hamnar med 80${NB}% sannolikhet mellan ${M}13,9 och +2,3${NB}mnkr.`,
      `Resultatet för januari–augusti 2024 är +15,7${NB}mnkr exklusive över-/underskott, vilket är 1,9${NB}mnkr bättre än budget för perioden (+13,8${NB}mnkr). ` +
        `Inklusive rullat underskott på 4,7${NB}mnkr är resultatet +11,0${NB}mnkr, 2,8${NB}mnkr sämre än budget för perioden. Samma period föregående år var resultatet +0,1${NB}mnkr (+3,3${NB}mnkr inklusive över-/underskott).`,
      `Utfallet innehåller en jämförelsestörande post på +6,1${NB}mnkr: reavinster vid försäljning av fordon (utöver föregående års nivå). ` +
        `Exklusive den är resultatet för perioden +9,6${NB}mnkr före över-/underskott och prognosen för helåret ${M}1,4${NB}mnkr.`,
      `Störst negativ avvikelse mot budget för perioden har övriga intäkter, som är 7,5${NB}mnkr lägre än budgeterat (1,3${NB}%). ` +
        `Störst positiv avvikelse har livsmedel, som är 6,1${NB}mnkr lägre än budgeterat (10,1${NB}%). ` +
        `I prognosen mot helårsbudgeten har övriga intäkter den största negativa avvikelsen (${M}12,0${NB}mnkr) och personalkostnader den största positiva (+15,3${NB}mnkr).`,
      // The real report: "Nämndens totala kostnader har ökat med 2,2% … Störst minskning i kronor är kostnaden för livsmedel
      // viken minskat med 3,7 mnkr vilket motsvarar en minskning med 6,4%. Största kostnadsökningen förutom personal är
      // transporter vilka ökat med 4,2 mnkr."
      `De totala kostnaderna har ökat med 2,2${NB}% jämfört med samma period föregående år, från 527,7${NB}mnkr till 539,4${NB}mnkr. ` +
        `Störst ökning i kronor har personalkostnader, som har ökat med 10,0${NB}mnkr (3,4${NB}%), följt av transporter (4,2${NB}mnkr, 27,9${NB}%). ` +
        `Störst minskning i kronor har livsmedel, som har minskat med 3,7${NB}mnkr (6,4${NB}%).`,
      `Bland ansvaren har Område 4 Måltidsservice störst negativ avvikelse mot budget för perioden (${M}5,4${NB}mnkr) och Område 2 HR och kommunikation störst positiv (+3,0${NB}mnkr). ` +
        `För helåret har Område 3 Ekonomi och upphandling den största negativa prognosavvikelsen (${M}4,5${NB}mnkr) och Område 5 Transport och service den största positiva (+4,9${NB}mnkr).`,
      `De beslutade åtgärderna beräknas spara 6,2${NB}mnkr i år och 6,7${NB}mnkr nästa år. Årets besparing ingår i prognosen. ` +
        `De åtgärder som ännu inte är beslutade skulle spara 1,3${NB}mnkr i år och 17,0${NB}mnkr nästa år. ` +
        `Av åtgärdernas besparingar hamnar 1,0${NB}mnkr i år och 8,0${NB}mnkr nästa år hos beställande nämnder och förbättrar därför inte nämndens resultat. ` +
        `Med årets effekt av de åtgärder som ännu inte ingår i prognosen väntas resultatet inklusive över-/underskott bli ${M}2,8${NB}mnkr.`,
      `Investeringarna uppgår till 30,8${NB}mnkr för perioden, mot en helårsbudget på 46,9${NB}mnkr. Prognosen för helåret är 44,1${NB}mnkr, 2,8${NB}mnkr mindre än budgeterat.`,
      "Av tio indikatorer är två uppfyllda, fyra delvis uppfyllda och tre inte uppfyllda; en kan ännu inte bedömas. Ej uppfyllda är sjukfrånvaro totalt, långtidssjukfrånvaro (från dag 15) och svarstid i kundtjänst.",
      "En risk har ett mycket högt riskvärde: otillräcklig försörjningsberedskap när behoven definieras sent (16). " +
        "Två risker har ett högt riskvärde: ”överbelastade chefer och medarbetare” (9) och ”mutor, korruption, bedrägeri och jäv” (8). " +
        `Vägda med sina sannolikheter väntas de tre risker som har en ekonomisk konsekvens försämra årets resultat med sammanlagt 2,8${NB}mnkr; störst väntad effekt har fortsatt höga livsmedelspriser (${M}2,3${NB}mnkr).`,
      // Issue 23: the sensitivity's paragraph closes with the break-even of the factor nearest to it (the forecast incl.
      // över-/underskott is −3,0 of 841 mnkr costs).
      `En kostnadsökning med en procent försämrar årets resultat med 8,4${NB}mnkr. ` +
        `För att resultatet inklusive över-/underskott ska nå noll behöver kostnaderna minska med 0,4${NB}%.`,
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

  /** A paragraph's first sentence (sentences end with a full stop before a capital; numbers here have commas). */
  const firstSentence = (p: string) => p.split(/(?<=\.) (?=[A-ZÅÄÖ])/)[0];

  it("closes the forecast's paragraph with the interval's sentence: how likely a deficit is", () => {
    const p = simple(82, -60, [100, -110])[0];
    expect(p).toMatch(/^Nämnden prognostiserar för helåret ett underskott på 10,0\u00a0mnkr, [^.]*\. Sannolikheten för ett underskott är (i praktiken )?(\d+|\d+,\d)\u00a0%; resultatet hamnar med 80\u00a0% sannolikhet mellan −\d+,\d och −\d+,\d\u00a0mnkr\.$/);
    expect(simple(82, -60, [125, -95])[0]).toMatch(/Sannolikheten för ett underskott är försumbar; resultatet hamnar med 80\u00a0% sannolikhet mellan \+\d+,\d och \+\d+,\d\u00a0mnkr\.$/);
    // Without an interval (Prognosintervall = Nej) the paragraph is the forecast alone.
    const off = analysis(
      [["Intäkter", "Intäkt", 120], ["Personal", "Kostnad", -96]],
      [["Post", "Utfall", "Prognos"], ["Intäkter", 82, 100], ["Personal", -60, -110]],
      {},
      [["Prognosintervall", "Nej"]],
    )[0];
    expect(off).toBe(`Nämnden prognostiserar för helåret ett underskott på 10,0${NB}mnkr, 34,0${NB}mnkr sämre än ett budgeterat resultat på +24,0${NB}mnkr.`);
  });

  it("says överskott, underskott or balans for the forecast, against the budget", () => {
    expect(firstSentence(simple(82, -60, [125, -95])[0])).toBe(`Nämnden prognostiserar för helåret ett överskott på 30,0${NB}mnkr, 6,0${NB}mnkr bättre än ett budgeterat resultat på +24,0${NB}mnkr.`);
    expect(firstSentence(simple(82, -60, [100, -110])[0])).toBe(`Nämnden prognostiserar för helåret ett underskott på 10,0${NB}mnkr, 34,0${NB}mnkr sämre än ett budgeterat resultat på +24,0${NB}mnkr.`);
    expect(firstSentence(simple(82, -60, [120, -96])[0])).toBe(`Nämnden prognostiserar för helåret ett överskott på 24,0${NB}mnkr, i nivå med ett budgeterat resultat på +24,0${NB}mnkr.`);
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
    analysis([["A", "Intäkt", 12]], [["Post", "Utfall"], ["A", 8]], { Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens"], ...rows] } }).find((p) => /risk/i.test(p) && !/prognostiserar/.test(p));

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

  const withPrior = (extra: Record<string, SheetRange> = {}, settings: (string | number)[][] = []) =>
    analysis(
      [["Avgifter", "Intäkt", 120], ["Löner", "Kostnad", -60], ["Lokaler", "Kostnad", -24], ["Material", "Kostnad", -12]],
      [["Post", "Utfall fg år", "Utfall", "Prognos"], ["Avgifter", 78, 82, 121], ["Löner", -38, -41, -61], ["Lokaler", -16, -15.5, -23.5], ["Material", -7, -7.8, -12]],
      extra,
      settings,
    );

  it("names the non-recurring items and the result without them: one, several, or only in the forecast", () => {
    const nr = (rows: (string | number | null)[][]) => withPrior({ Jämförelsestörande: { rows: [["Beskrivning", "Post", "Utfall", "Prognos"], ...rows] } }).find((p) => /jämförelsestörande/.test(p));
    expect(nr([["Försäljning av fastighet", "Avgifter", 6.1, 6.1]])).toBe(
      `Utfallet innehåller en jämförelsestörande post på +6,1${NB}mnkr: försäljning av fastighet. Exklusive den är resultatet för perioden +11,6${NB}mnkr och prognosen för helåret +18,4${NB}mnkr.`,
    );
    expect(nr([["Försäljning av fastighet", "Avgifter", 6.1, 6.1], ["Återbetald försäkringspremie", "Löner", 1.5, null]])).toBe(
      `Utfallet innehåller två jämförelsestörande poster på sammanlagt +7,6${NB}mnkr: försäljning av fastighet och återbetald försäkringspremie. Exklusive dem är resultatet för perioden +10,1${NB}mnkr och prognosen för helåret +18,4${NB}mnkr.`,
    );
    expect(nr([["Engångskostnad för flytt", "Lokaler", null, -2]])).toBe(
      `Prognosen innehåller en jämförelsestörande post på ${M}2,0${NB}mnkr: engångskostnad för flytt. Exklusive den är resultatet för perioden +17,7${NB}mnkr och prognosen för helåret +26,5${NB}mnkr.`,
    );
  });

  it("names the costs that moved most against last year: the two largest increases and the largest decrease", () => {
    const costs = withPrior().find((p) => p.startsWith("De totala kostnaderna"));
    expect(costs).toBe(
      `De totala kostnaderna har ökat med 5,4${NB}% jämfört med samma period föregående år, från 61,0${NB}mnkr till 64,3${NB}mnkr. ` +
        `Störst ökning i kronor har löner, som har ökat med 3,0${NB}mnkr (7,9${NB}%), följt av material (0,8${NB}mnkr, 11,4${NB}%). ` +
        `Störst minskning i kronor har lokaler, som har minskat med 0,5${NB}mnkr (3,1${NB}%).`,
    );
    // One cost line only: the total says it all.
    const single = analysis([["Avgifter", "Intäkt", 120], ["Löner", "Kostnad", -60]], [["Post", "Utfall fg år", "Utfall"], ["Avgifter", 78, 82], ["Löner", -38, -41]]);
    expect(single.find((p) => p.startsWith("De totala kostnaderna"))).toBe(`De totala kostnaderna har ökat med 7,9${NB}% jämfört med samma period föregående år, från 38,0${NB}mnkr till 41,0${NB}mnkr.`);
  });

  it("says how much of the measures' saving lands at another nämnd, this year, next year or both", () => {
    const measures = (rows: (string | number | null)[][]) =>
      withPrior({ Åtgärder: { rows: [["Åtgärd", "Status", "Effekt i år", "Effekt nästa år", "Effekt hos"], ...rows] } }).find((p) => /åtgärd/.test(p));
    expect(measures([["Frångå märkning", "Ej beslutad", null, 5, "Vård- och omsorgsnämnden"]])).toContain(
      `Av åtgärdernas besparingar hamnar 5,0${NB}mnkr nästa år hos vård- och omsorgsnämnden och förbättrar därför inte nämndens resultat.`,
    );
    const both = measures([["Mat nära gästen", "Ej beslutad", 1, 3, "Barn- och utbildningsnämnden"], ["Märkning", "Ej beslutad", null, 5, "Vård- och omsorgsnämnden"], ["Vakans", "Ej beslutad", 0.5, 1, null]]);
    expect(both).toContain(`Av åtgärdernas besparingar hamnar 1,0${NB}mnkr i år och 8,0${NB}mnkr nästa år hos barn- och utbildningsnämnden och vård- och omsorgsnämnden och förbättrar därför inte nämndens resultat.`);
    // Only the 0,5 that lands at the nämnd itself improves its forecast: +25,0 + 0,5.
    expect(both).toContain(`Med årets effekt av de åtgärder som ännu inte ingår i prognosen väntas resultatet bli +25,0${NB}mnkr.`);
  });

  it("weighs the risks' consequences by their probabilities, and says why it cannot where they have none", () => {
    const risks = (rows: (string | number | null)[][], settings: (string | number)[][] = []) =>
      withPrior({ Risker: { rows: [["Risk", "Sannolikhet", "Konsekvens", "Ekonomisk konsekvens", "Sannolikhet %"], ...rows] } }, settings).find((p) => /risk/i.test(p) && !/prognostiserar/.test(p));
    expect(risks([["Brand", 1, 2, -3, null]])).toBe(
      `Risken har inte ett högt riskvärde. En risk har en ekonomisk konsekvens på ${M}3,0${NB}mnkr om den inträffar men ingen sannolikhet i procent, så dess väntade effekt kan inte beräknas.`,
    );
    expect(risks([["Brand", 1, 2, -3, null], ["Läcka", 2, 2, -1.5, null]])).toBe(
      `Ingen av de två riskerna har ett högt riskvärde. Två risker har en ekonomisk konsekvens, sammanlagt ${M}4,5${NB}mnkr om alla inträffar, men ingen sannolikhet i procent, så deras väntade effekt kan inte beräknas.`,
    );
    expect(risks([["Brand", 1, 2, -3, 10]])).toBe(`Risken har inte ett högt riskvärde. Vägd med sin sannolikhet väntas den risk som har en ekonomisk konsekvens försämra årets resultat med 0,3${NB}mnkr.`);
    expect(risks([["Brand", 1, 2, -3, 10], ["Läcka", 2, 2, -1.5, 40], ["Strejk", 3, 3, -2, null]])).toBe(
      "En risk har ett högt riskvärde: strejk (9). " +
        `Vägda med sina sannolikheter väntas de två risker som har en ekonomisk konsekvens försämra årets resultat med sammanlagt 0,9${NB}mnkr; störst väntad effekt har läcka (${M}0,6${NB}mnkr). ` +
        `Ytterligare en risk har en ekonomisk konsekvens på ${M}2,0${NB}mnkr om den inträffar men ingen sannolikhet i procent, så dess väntade effekt kan inte beräknas.`,
    );
    // Sannolikhet per nivå gives the levels' probabilities; a risk's own wins.
    expect(risks([["Brand", 1, 2, -3, null], ["Läcka", 2, 2, -1.5, 40]], [["Sannolikhet per nivå", "5 %; 20 %; 50 %; 80 %"]])).toBe(
      `Ingen av de två riskerna har ett högt riskvärde. Vägda med sina sannolikheter väntas de två risker som har en ekonomisk konsekvens försämra årets resultat med sammanlagt 0,8${NB}mnkr; störst väntad effekt har läcka (${M}0,6${NB}mnkr).`,
    );
  });

  it("never states a cause", () => {
    expect(simple(82, -60, [125, -95]).join(" ")).not.toMatch(/på grund av|beror på|eftersom/);
  });
});

describe("the proofreader's check over generated workbooks", () => {
  it("finds nothing in any text, the analysis and every note: no '1 risker', no digits for small counts, no double spaces, no empty sentences, no English", () => {
    const amount = fc.integer({ min: -2000, max: 2000 }).map((n) => n / 10);
    const status = fc.constantFrom<[number | null, number]>([100, 100], [90, 100], [10, 100], [null, 100]);
    fc.assert(
      fc.property(
        fc.record({
          revenue: fc.tuple(amount, amount, amount),
          cost: fc.tuple(amount, amount, amount),
          premises: fc.option(fc.tuple(amount, amount, amount), { nil: null }),
          carry: fc.option(fc.tuple(amount, amount), { nil: null }),
          indicators: fc.array(status, { maxLength: 15 }),
          risks: fc.array(
            fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.option(amount, { nil: null }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })),
            { maxLength: 15 },
          ),
          levels: fc.boolean(),
          decided: fc.array(fc.tuple(amount, amount, fc.boolean()), { maxLength: 3 }),
          proposed: fc.array(fc.tuple(amount, amount, fc.boolean()), { maxLength: 3 }),
          nonRecurring: fc.array(fc.tuple(fc.option(amount, { nil: null }), fc.option(amount, { nil: null })), { maxLength: 6 }),
          organisation: fc.constantFrom("", "Kulturnämnden"),
        }),
        (w) => {
          const utfall: (string | number | null)[][] = [["Post", "Typ", "Utfall fg år", "Utfall", "Prognos"], ["Avgifter", "Intäkt", ...w.revenue], ["Löner", "Kostnad", ...w.cost.map((x) => -Math.abs(x))]];
          const budget: (string | number)[][] = [["Avgifter", "Intäkt", 100], ["Löner", "Kostnad", -90]];
          if (w.premises) {
            utfall.push(["Lokaler", "Kostnad", ...w.premises.map((x) => -Math.abs(x))]);
            budget.push(["Lokaler", "Kostnad", -30]);
          }
          if (w.carry) utfall.push(["Rullat underskott", "Över-/underskott", 0, w.carry[0], w.carry[1]]);
          const extra: Record<string, SheetRange> = {};
          if (w.indicators.length) extra.Indikatorer = { rows: [["Indikator", "Utfall", "Mål"], ...w.indicators.map(([a, t], i) => [`Mått ${i + 1}`, a, t])] };
          if (w.risks.length) {
            extra.Risker = { rows: [["Risk", "Sannolikhet", "Konsekvens", "Ekonomisk konsekvens", "Sannolikhet %"], ...w.risks.map(([l, c, money, p], i) => [`Risk nummer ${i + 1}`, l, c, money, p])] };
          }
          if (w.decided.length + w.proposed.length) {
            const row = (status: string) => ([a, b, elsewhere]: [number, number, boolean], i: number) => [`${status} ${i}`, status, a, b, elsewhere ? "Vård- och omsorgsnämnden" : null];
            extra.Åtgärder = { rows: [["Åtgärd", "Status", "Effekt i år", "Effekt nästa år", "Effekt hos"], ...w.decided.map(row("Beslutad")), ...w.proposed.map(row("Ej beslutad"))] };
          }
          if (w.nonRecurring.length) {
            extra.Jämförelsestörande = { rows: [["Beskrivning", "Post", "Utfall", "Prognos"], ...w.nonRecurring.map(([a, f], i) => [`Engångspost nummer ${i + 1}`, i % 2 ? "Löner" : "Avgifter", a, f])] };
          }
          const settings: (string | number)[][] = [];
          if (w.organisation) settings.push(["Organisation", w.organisation]);
          if (w.levels) settings.push(["Sannolikhet per nivå", "5 %; 20 %; 50 %; 80 %"]);
          const texts = reportTexts(budget, utfall, extra, settings);
          for (const t of texts) expect(swedishProblems(t)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
