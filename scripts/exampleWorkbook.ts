/**
 * Builds the bundled example: Servicenämnden's delår 2 2024 (January–August), in tkr, spread over six ansvar
 * with a monthly budget that is not linear over the year. Per post the ansvar add up exactly to the figures the
 * real report printed (mkr), so the example doubles as the golden test of the engine.
 */
import ExcelJS from "exceljs";

export interface GoldenPost {
  item: string;
  type: "Intäkt" | "Kostnad" | "Finansiell";
  /** mkr: utfall aug 2023, utfall aug 2024, budget aug 2024, budget helår, årsprognos */
  priorYear: number;
  actual: number;
  budgetPeriod: number;
  budgetYear: number;
  forecast: number;
}

/** The real report's lines (mkr). Helår = årsprognos − avvikelse prognos. */
export const GOLDEN_POSTS: GoldenPost[] = [
  { item: "Övriga intäkter", type: "Intäkt", priorYear: 527.6, actual: 554.9, budgetPeriod: 562.4, budgetYear: 840.9, forecast: 828.9 },
  { item: "Personalkostnader", type: "Kostnad", priorYear: -296.3, actual: -306.3, budgetPeriod: -310.8, budgetYear: -479.0, forecast: -463.7 },
  { item: "Lokalkostnader", type: "Kostnad", priorYear: -42.9, actual: -42.8, budgetPeriod: -43.6, budgetYear: -65.5, forecast: -64.4 },
  { item: "Köp av verksamhet", type: "Kostnad", priorYear: -1.0, actual: -1.0, budgetPeriod: -1.9, budgetYear: -2.8, forecast: -1.4 },
  { item: "Övriga kostnader", type: "Kostnad", priorYear: -187.5, actual: -189.3, budgetPeriod: -192.5, budgetYear: -294.0, forecast: -295.6 },
  { item: "Finansnetto", type: "Finansiell", priorYear: 0.2, actual: 0.2, budgetPeriod: 0.2, budgetYear: 0.2, forecast: 0.2 },
];

export const RESPONSIBILITIES = [
  "Nämnd och ledning",
  "Område 1 IT och digitalisering",
  "Område 2 HR och kommunikation",
  "Område 3 Ekonomi och upphandling",
  "Område 4 Måltidsservice",
  "Område 5 Transport och service",
];

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];
/** Seasonal weights of the budget: a light July (holidays), heavier autumn. */
const SEASON = [1.0, 1.0, 1.05, 1.0, 1.0, 0.95, 0.55, 0.9, 1.1, 1.1, 1.1, 1.25];

/** A small deterministic generator so the example is the same on every machine. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Splits an integer total into integer parts by weights; the parts always add up to the total. */
export function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.round((total * w) / sum));
  parts[parts.length - 1] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const tkr = (mkr: number) => Math.round(mkr * 1000);

function sheetWithRows(wb: ExcelJS.Workbook, name: string, header: string[], rows: (string | number | null)[][], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE4EE" } };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

function defineName(wb: ExcelJS.Workbook, name: string, ws: ExcelJS.Worksheet, columns: number, rows: number): void {
  const last = String.fromCharCode(64 + columns);
  wb.definedNames.add(`'${ws.name}'!$A$1:$${last}$${rows + 1}`, name);
}

/** The example workbook, in memory. */
export function buildExampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppföljning (exempel)";
  const rnd = random(2024);
  const weightsFor = () => RESPONSIBILITIES.map((_, i) => (i === 4 ? 5 : 1) * (0.6 + rnd()));

  const budgetRows: (string | number | null)[][] = [];
  const actualRows: (string | number | null)[][] = [];
  for (const p of GOLDEN_POSTS) {
    const base = weightsFor();
    const jitter = () => base.map((w) => w * (0.9 + 0.2 * rnd()));
    const period = split(tkr(p.budgetPeriod), base);
    const rest = split(tkr(p.budgetYear) - tkr(p.budgetPeriod), base);
    const actual = split(tkr(p.actual), jitter());
    const prior = split(tkr(p.priorYear), jitter());
    const forecast = split(tkr(p.forecast), jitter());
    RESPONSIBILITIES.forEach((ansvar, i) => {
      const months = [...split(period[i], SEASON.slice(0, 8)), ...split(rest[i], SEASON.slice(8))];
      budgetRows.push([ansvar, p.item, p.type, ...months]);
      actualRows.push([ansvar, p.item, prior[i], actual[i], forecast[i]]);
    });
  }

  const budget = wb.addWorksheet("Budget", { views: [{ state: "frozen", ySplit: 1 }] });
  budget.addTable({
    name: "Budget",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "Ansvar" }, { name: "Post" }, { name: "Typ" }, ...MONTHS.map((m) => ({ name: m })), { name: "Helår" }],
    rows: budgetRows.map((r) => [...r, null]),
  });
  budgetRows.forEach((r, i) => {
    const total = (r.slice(3) as number[]).reduce((x, y) => x + y, 0);
    budget.getCell(`P${i + 2}`).value = { formula: `SUM(D${i + 2}:O${i + 2})`, result: total } as ExcelJS.CellFormulaValue;
  });
  [34, 22, 12, ...MONTHS.map(() => 9), 11].forEach((w, i) => (budget.getColumn(i + 1).width = w));
  for (let c = 4; c <= 16; c++) budget.getColumn(c).numFmt = "#,##0";

  const actual = sheetWithRows(wb, "Utfall", ["Ansvar", "Post", "Utfall fg år", "Utfall", "Prognos"], actualRows, [34, 22, 14, 14, 14]);
  ["C", "D", "E"].forEach((c) => (actual.getColumn(c).numFmt = "#,##0"));
  defineName(wb, "Utfall", actual, 5, actualRows.length);

  const indicators = sheetWithRows(
    wb,
    "Indikatorer",
    ["Indikator", "Utfall", "Mål", "Riktning", "Tolerans", "Föregående", "Enhet", "Kommentar"],
    [
      ["Andel medarbetare som upplever en god förbättringskultur", 0.683, 0.75, "Högre", null, null, null, "Första mätningen under mandatperioden."],
      ["Sjukfrånvaro", 6.1, 5.5, "Lägre", 0.5, 6.4, "%", null],
      ["Kundnöjdhet (NKI, skala 1–5)", 4.3, 4.0, "Högre", null, 4.1, "index", null],
      ["Leveransprecision transporter", 97.4, 98, "Högre", 1, 97.9, "%", null],
      ["Andel ekologiska livsmedel", 28, 30, "Högre", null, 26, "%", null],
      ["Svarstid kundtjänst", 95, 60, "Lägre", null, 80, "sek", "Vakanser under sommaren."],
      ["Medarbetarengagemang (HME)", null, 80, "Högre", null, 79, "index", "Mäts i oktober."],
      ["Andel e-fakturor från leverantörer", 0.91, 0.9, "Högre", null, 0.88, null, null],
    ],
    [52, 10, 10, 10, 10, 12, 8, 40],
  );
  for (const r of [2, 9]) for (const c of ["B", "C", "F"]) indicators.getCell(`${c}${r}`).numFmt = "0.0%";
  defineName(wb, "Indikatorer", indicators, 8, 8);

  const risks = sheetWithRows(
    wb,
    "Risker",
    ["Risk", "Sannolikhet", "Konsekvens", "Åtgärd", "Ansvarig", "Kommentar", "Ekonomisk konsekvens", "Föregående riskvärde"],
    [
      ["Otillräcklig försörjningsberedskap när behoven definieras sent", 4, 4, "Gemensam målbild och delmål i koncernens beredskapsgrupp", "Förvaltningschef", null, null, 16],
      ["Undermålig drift när driftresurser används till utveckling", 2, 3, "Systematiska utvecklingsplaner med kunderna", "Område 1", null, null, 9],
      ["Överbelastade chefer och medarbetare", 3, 3, "Uppföljning av arbetsmiljön med trafikljusmodell", "HR-chef", null, null, 9],
      ["Suboptimering när helhetsbilden saknas", 2, 3, "Mätning av förbättringskulturen på alla enheter", "Ledningsgrupp", null, null, null],
      ["Mutor, korruption, bedrägeri och jäv", 2, 4, "Utbildning på arbetsplatsträffar", "Förvaltningschef", null, 2.0, 8],
      ["Fortsatt höga livsmedelspriser", 3, 2, "Receptanpassning och minskat svinn", "Område 4", null, 4.5, 9],
      ["Avbrott i it-drift vid cyberangrepp", 1, 4, "Segmenterat nätverk, övningar", "Område 1", null, 6.0, null],
      ["Försenad flytt till nya lokaler", 1, 2, null, null, "Hyresavtal klart.", null, null],
    ],
    [48, 12, 12, 44, 18, 24, 14, 14],
  );
  defineName(wb, "Risker", risks, 8, 8);

  const sensitivity = sheetWithRows(
    wb,
    "Känslighet",
    ["Faktor", "Post", "Bas", "Förändring"],
    [
      ["Löneökning 1 %", "Personalkostnader", null, 0.01],
      ["Intäktsbortfall 1 %", "Intäkt", null, -0.01],
      ["Prisökning livsmedel 2 %", null, -94177, 0.02],
      ["Hyreshöjning 3 %", "Lokalkostnader", null, 0.03],
      ["Ökade kostnader totalt 1 %", "Kostnad", null, 0.01],
    ],
    [32, 22, 14, 12],
  );
  sensitivity.getColumn("D").numFmt = "0%";
  sensitivity.getColumn("C").numFmt = "#,##0";
  defineName(wb, "Känslighet", sensitivity, 4, 5);

  const settings = sheetWithRows(
    wb,
    "Inställningar",
    ["Inställning", "Värde"],
    [
      ["Organisation", "Servicenämnden"],
      ["Rapport", "Delårsrapport 2"],
      ["År", 2024],
      ["Period", 8],
      ["Enhet in", "tkr"],
      ["Enhet ut", "mkr"],
      ["Decimaler", 1],
      ["Väsentlighet belopp", 0.5],
      ["Väsentlighet procent", 0.01],
      ["Riskskala", 4],
      ["Indikatortolerans", 0.2],
      ["Teckenkonvention", "Kostnader negativa"],
    ],
    [24, 22],
  );
  settings.getCell("B10").numFmt = "0%";
  settings.getCell("B12").numFmt = "0%";
  defineName(wb, "Inställningar", settings, 2, 12);

  const notes = wb.addWorksheet("Egna anteckningar");
  notes.getCell("A1").value = "Controllerns egna beräkningar (rörs inte av rapporten)";
  notes.getCell("A3").value = "Resultat enligt egen avstämning (tkr)";
  notes.getCell("B3").value = { formula: "SUM(Utfall!D2:D37)", result: 15700 } as ExcelJS.CellFormulaValue;
  notes.getCell("A4").value = "=Detta är text, ingen formel";
  return wb;
}
