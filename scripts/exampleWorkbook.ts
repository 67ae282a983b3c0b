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

/**
 * The real report's lines (mkr). The report prints no full-year budget per post: Budget helår is chosen, to the
 * krona, so that every printed figure reproduces (årsprognos, its deviation, the sums, and a nämnd budget in balance:
 * 0,0 for the year's result), as is the forecast inside its printed rounding.
 */
export const GOLDEN_POSTS: GoldenPost[] = [
  { item: "Övriga intäkter", type: "Intäkt", priorYear: 527.6, actual: 554.9, budgetPeriod: 562.4, budgetYear: 840.94, forecast: 828.9 },
  { item: "Personalkostnader", type: "Kostnad", priorYear: -296.3, actual: -306.3, budgetPeriod: -310.8, budgetYear: -478.97, forecast: -463.7 },
  { item: "Lokalkostnader", type: "Kostnad", priorYear: -42.9, actual: -42.8, budgetPeriod: -43.6, budgetYear: -65.47, forecast: -64.4 },
  { item: "Köp av verksamhet", type: "Kostnad", priorYear: -1.0, actual: -1.0, budgetPeriod: -1.9, budgetYear: -2.77, forecast: -1.4 },
  { item: "Övriga kostnader", type: "Kostnad", priorYear: -187.5, actual: -189.3, budgetPeriod: -192.5, budgetYear: -293.97, forecast: -295.61 },
  { item: "Finansnetto", type: "Finansiell", priorYear: 0.2, actual: 0.2, budgetPeriod: 0.2, budgetYear: 0.24, forecast: 0.2 },
];

export const RESPONSIBILITIES = [
  "Nämnd och ledning",
  "Område 1 IT och digitalisering",
  "Område 2 HR och kommunikation",
  "Område 3 Ekonomi och upphandling",
  "Område 4 Måltidsservice",
  "Område 5 Transport och service",
];

/**
 * The real report's table per ansvar (mkr, including över-/underskott), as printed: utfall aug 2023, utfall aug
 * 2024, budget aug 2024, avvikelse. The example's figures are chosen inside each printed value's rounding so that
 * they also add up exactly to the statement's totals (the printed column sums 11,1 where the statement says 11,0).
 */
export const GOLDEN_RESPONSIBILITY: { priorYear: number; actual: number; budgetPeriod: number; variance: number }[] = [
  { priorYear: 9.9, actual: 11.3, budgetPeriod: 10.1, variance: 1.2 },
  { priorYear: -2.0, actual: -3.1, budgetPeriod: -0.1, variance: -3.0 },
  { priorYear: 4.3, actual: 2.9, budgetPeriod: -0.2, variance: 3.0 },
  { priorYear: -0.8, actual: -1.8, budgetPeriod: -0.3, variance: -1.5 },
  { priorYear: -5.3, actual: -1.2, budgetPeriod: 4.2, variance: -5.4 },
  { priorYear: -2.9, actual: 3.0, budgetPeriod: 0.1, variance: 2.9 },
];

/** The exact per-ansvar figures behind the printed ones (tkr, including över-/underskott). */
const RESPONSIBILITY_TKR = {
  priorYear: [9920, -1980, 4320, -780, -5280, -2900],
  actual: [11280, -3100, 2860, -1820, -1220, 3000],
  budgetPeriod: [10100, -100, -160, -300, 4160, 100],
  /**
   * Årsprognos per ansvar. The real table prints −0,7 −3,8 2,5 −4,5 −1,2 5,1, which sum to −2,6, while its own
   * resultaträkning says −3,0: the printed report contradicts itself. The example follows the resultaträkning and
   * puts the difference on Område 5 (4,9 instead of 5,1).
   */
  forecast: [-740, -3840, 2460, -4540, -1240, 4890],
};

/** Över-/underskott (tkr) per ansvar: rolled over from earlier years, no budget. Måltidsservice's as the report says. */
const CARRYOVER_TKR = {
  priorYear: [3200, 0, 0, 0, 0, 0],
  actual: [0, 0, 0, -2100, -2600, 0],
  forecast: [0, 0, 0, -3100, -3900, 0],
};

/** Över-/underskott on the statement (mkr): utfall aug 2023 and 2024, årsprognos. */
export const GOLDEN_CARRYOVER = { priorYear: 3.2, actual: -4.7, forecast: -7.0 };

/**
 * Measures for a budget in balance (tkr): decided and proposed, effect this year and next, as in the real report
 * (described in the example's own words).
 */
export const MEASURES: [string, "Beslutad" | "Ej beslutad", number | null, number | null][] = [
  ["IT: färre tjänster i supporten (1,7 årsarbetare)", "Beslutad", 400, 800],
  ["IT: egen personal i stället för inhyrd", "Beslutad", 340, 700],
  ["IT: vakans lämnas obesatt", "Beslutad", 480, 800],
  ["IT: enheter slås samman", "Beslutad", 400, 950],
  ["Kommunikation: lägre systemkostnader och andra annonskanaler", "Beslutad", 350, 150],
  ["HR: psykologtjänst vakanshålls 2024 och tillsätts inte 2025", "Beslutad", 300, 800],
  ["Ekonomi: två controllertjänster färre", "Beslutad", null, 1600],
  ["Upphandling: tjänst vakanshålls", "Beslutad", 800, null],
  ["Omlastningscentralen: färre postturer", "Beslutad", 300, 500],
  ["Eskilstuna direkt: tolkförmedlingen effektiviseras", "Beslutad", 350, 350],
  ["Allmänt: mindre fika, konferenser och utbildningar", "Beslutad", 2500, null],
  ["Ekonomi: en administrativ tjänst färre utöver plan", "Ej beslutad", null, 700],
  ["Upphandling: tjänst vakanshålls även 2025", "Ej beslutad", null, 800],
  ["Nämnd och registratur: en nämndsekreterare färre", "Ej beslutad", null, 700],
  ["Måltid: ingen märkning av livsmedel (besparing hos kunden, riktlinje ändras)", "Ej beslutad", null, 5000],
  ["Måltid: riktlinjen om mat nära gästen ändras (besparing hos kunden)", "Ej beslutad", 1000, 3000],
  ["Måltid: en matsal stängs (kräver beslut av gymnasiet)", "Ej beslutad", 250, 1000],
  ["Transport: stadshuscaféet stängs", "Ej beslutad", null, 300],
  ["HR: besparingar enligt prioriteringar i ledningsgruppen", "Ej beslutad", null, 3000],
  ["Allmänt: mindre fika, konferenser och utbildningar även 2025", "Ej beslutad", null, 2500],
];

/** Investments (tkr, spending negative): the real report's nämndbeslutad investering split over three projects. */
export const INVESTMENTS: [string, string, number | null, number | null, number | null, number | null][] = [
  // project, category, utfall aug, budget helår, prognos helår, utfall ack totalt
  ["Fastighetsinvesteringar (kf)", "Anläggningsinvesteringar (kf)", null, null, null, 0],
  ["Datorer och klienter", "Nämndbeslutad investering", -18400, -30100, -27600, -19800],
  ["Köksutrustning", "Nämndbeslutad investering", -7300, -9800, -9700, -7500],
  ["Fordon", "Nämndbeslutad investering", -5100, -7000, -6800, -5100],
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

/**
 * A posts × ansvar matrix of integers whose rows add up to `rowTotals` and whose columns add up to `colTotals`
 * (the two must have the same sum): every post but the last is spread by `weights`, the last takes what each ansvar
 * still needs.
 */
export function allocate(rowTotals: readonly number[], colTotals: readonly number[], weights: readonly (readonly number[])[]): number[][] {
  const rows = rowTotals.slice(0, -1).map((t, p) => split(t, weights[p]));
  const last = colTotals.map((c, a) => c - rows.reduce((s, r) => s + r[a], 0));
  return [...rows, last];
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
  // Personalkostnader take up what each ansvar still needs (the holiday pay liability moves them over the year): last.
  const order = [0, 2, 3, 5, 4, 1];
  const posts = order.map((i) => GOLDEN_POSTS[i]);
  const weights = posts.map(() => RESPONSIBILITIES.map((_, i) => (i === 4 ? 5 : 1) * (0.8 + 0.4 * rnd())));
  const withoutCarryover = (key: "priorYear" | "actual" | "forecast") => RESPONSIBILITY_TKR[key].map((v, a) => v - CARRYOVER_TKR[key][a]);
  const matrix = (key: "priorYear" | "actual" | "budgetPeriod" | "forecast", totals: number[]) =>
    allocate(totals, key === "budgetPeriod" ? RESPONSIBILITY_TKR.budgetPeriod : withoutCarryover(key), weights);
  const prior = matrix("priorYear", posts.map((p) => tkr(p.priorYear)));
  const actual = matrix("actual", posts.map((p) => tkr(p.actual)));
  const period = matrix("budgetPeriod", posts.map((p) => tkr(p.budgetPeriod)));
  const forecast = matrix("forecast", posts.map((p) => tkr(p.forecast)));

  const budgetRows: (string | number | null)[][] = [];
  const actualRows: (string | number | null)[][] = [];
  // Each ansvar's full-year budget is in balance, as the nämnd's is: what remains after August is what the ansvar's
  // period budget must be evened out by (Nämnd och ledning's +10,1 is the holiday pay liability, which turns in autumn).
  const rest = allocate(
    posts.map((p) => tkr(p.budgetYear) - tkr(p.budgetPeriod)),
    RESPONSIBILITY_TKR.budgetPeriod.map((v) => -v),
    weights,
  );
  posts.forEach((p, pi) => {
    RESPONSIBILITIES.forEach((ansvar, i) => {
      const months = [...split(period[pi][i], SEASON.slice(0, 8)), ...split(rest[pi][i], SEASON.slice(8))];
      budgetRows.push([ansvar, p.item, p.type, ...months]);
      actualRows.push([ansvar, p.item, null, prior[pi][i], actual[pi][i], forecast[pi][i]]);
    });
  });
  RESPONSIBILITIES.forEach((ansvar, i) => {
    if (CARRYOVER_TKR.priorYear[i] || CARRYOVER_TKR.actual[i] || CARRYOVER_TKR.forecast[i]) {
      actualRows.push([ansvar, "Rullat över-/underskott", "Över-/underskott", CARRYOVER_TKR.priorYear[i], CARRYOVER_TKR.actual[i], CARRYOVER_TKR.forecast[i]]);
    }
  });

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

  const utfall = sheetWithRows(wb, "Utfall", ["Ansvar", "Post", "Typ", "Utfall fg år", "Utfall", "Prognos"], actualRows, [34, 26, 16, 14, 14, 14]);
  ["D", "E", "F"].forEach((c) => (utfall.getColumn(c).numFmt = "#,##0"));
  defineName(wb, "Utfall", utfall, 6, actualRows.length);

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
      ["Svarstid i kundtjänst", 95, 60, "Lägre", null, 80, "s", "Vakanser under sommaren."],
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

  const measures = sheetWithRows(wb, "Åtgärder", ["Åtgärd", "Status", "Effekt 2024", "Effekt 2025"], MEASURES, [64, 14, 14, 14]);
  ["C", "D"].forEach((c) => (measures.getColumn(c).numFmt = "#,##0"));
  defineName(wb, "Åtgärder", measures, 4, MEASURES.length);

  const investments = sheetWithRows(wb, "Investeringar", ["Projekt", "Kategori", "Utfall", "Budget helår", "Prognos helår", "Utfall ack totalt"], INVESTMENTS, [30, 30, 14, 14, 14, 16]);
  ["C", "D", "E", "F"].forEach((c) => (investments.getColumn(c).numFmt = "#,##0"));
  defineName(wb, "Investeringar", investments, 6, INVESTMENTS.length);

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
      ["Enhet åtgärder", "tkr"],
    ],
    [24, 22],
  );
  settings.getCell("B10").numFmt = "0%";
  settings.getCell("B12").numFmt = "0%";
  defineName(wb, "Inställningar", settings, 2, 13);

  const notes = wb.addWorksheet("Egna anteckningar");
  notes.getCell("A1").value = "Controllerns egna beräkningar (rörs inte av rapporten)";
  notes.getCell("A3").value = "Resultat enligt egen avstämning (tkr)";
  notes.getCell("B3").value = { formula: "SUM(Utfall!E2:E39)", result: 11000 } as ExcelJS.CellFormulaValue;
  notes.getCell("A4").value = "=Detta är text, ingen formel";

  // What is real and what is invented, said in the workbook itself: on a sheet of its own and beside every input.
  const about = wb.addWorksheet("Om exemplet");
  about.getColumn(1).width = 120;
  ABOUT_THE_EXAMPLE.forEach((line, i) => {
    about.getCell(`A${i + 1}`).value = line;
    if (i === 0) about.getCell("A1").font = { bold: true, size: 13 };
  });
  for (const [sheet, col] of [["Budget", "R"], ["Utfall", "H"], ["Indikatorer", "J"], ["Risker", "J"], ["Känslighet", "F"], ["Åtgärder", "F"], ["Investeringar", "H"]] as const) {
    const cell = wb.getWorksheet(sheet)?.getCell(`${col}1`);
    if (cell) {
      cell.value = INVENTED_NOTE[sheet];
      cell.font = { italic: true, color: { argb: "FF7F6000" } };
    }
  }
  return wb;
}

/** The sheet "Om exemplet": where each part of the example comes from. */
export const ABOUT_THE_EXAMPLE = [
  "Om exemplet: Servicenämnden i Eskilstuna, delårsrapport 2 (januari–augusti) 2024",
  "Från den publicerade rapporten: resultaträkningens alla tryckta belopp (utfall 2023 och 2024, budget för perioden, avvikelser, årsprognos och prognosavvikelse), det rullade underskottet,",
  "tabellen per ansvar (utfall 2023 och 2024, budget för perioden och avvikelse), de beslutade och föreslagna åtgärderna med sina effekter, investeringarnas summor,",
  "förbättringskulturen (68,3 % mot målet 75 %) och de fem första riskernas sannolikhet och konsekvens.",
  "Påhittat: månadsbudgeten, fördelningen av varje post på sex ansvar, helårsbudgeten per post på kronan när (vald så att alla tryckta belopp stämmer och budgeten är i balans),",
  "de övriga indikatorerna, riskerna 6–8 och alla ekonomiska konsekvenser och föregående riskvärden, känslighetsfaktorerna och investeringarnas fördelning på tre projekt.",
  "Den tryckta tabellen per ansvar har årsprognoser som summerar till −2,6 mnkr medan resultaträkningen anger −3,0 mnkr; exemplet följer resultaträkningen och ger Område 5 4,9 mnkr i stället för 5,1.",
];

const INVENTED_NOTE: Record<string, string> = {
  Budget: "Exempel: månadsbudget och fördelning på ansvar är påhittade; summorna är rapportens. Se bladet Om exemplet.",
  Utfall: "Exempel: fördelningen på ansvar är påhittad; summorna per post och ansvar är rapportens. Se bladet Om exemplet.",
  Indikatorer: "Exempel: bara förbättringskulturen är rapportens; de andra indikatorerna är påhittade. Se bladet Om exemplet.",
  Risker: "Exempel: riskerna 1–5 är rapportens; riskerna 6–8, ekonomiska konsekvenser och föregående riskvärden är påhittade.",
  Känslighet: "Exempel: känslighetsfaktorerna är påhittade. Se bladet Om exemplet.",
  Åtgärder: "Åtgärderna och deras effekter är rapportens, med egna ord. Se bladet Om exemplet.",
  Investeringar: "Exempel: summorna är rapportens; fördelningen på tre projekt är påhittad. Se bladet Om exemplet.",
};
