/**
 * Builds the bundled example: Servicenämnden's delår 2 2024 (January–August), in tkr, spread over six ansvar
 * with a monthly budget that is not linear over the year. Per post the ansvar add up exactly to the figures the
 * real report printed (mkr), so the example doubles as the golden test of the engine; the printed Övriga kostnader is
 * split in three posts that add up to it exactly (see OTHER_COSTS_SPLIT), and Måltidsservice (Område 4) has the
 * real report's own table of its cost types. What is invented is said on the sheet "Om exemplet" and beside each input.
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
  /** Invented: the year 2023 as a whole (bokslut), the surplus from 2022 used up as in the period. */
  priorYearFull: [3200, 0, 0, 0, 0, 0],
};

/** Över-/underskott on the statement (mkr): utfall aug 2023 and 2024, årsprognos. */
export const GOLDEN_CARRYOVER = { priorYear: 3.2, actual: -4.7, forecast: -7.0 };

/** A post of the example's workbook in tkr: utfall aug 2023, utfall aug 2024, budget aug 2024, budget helår, årsprognos, bokslut 2023. */
export interface ExamplePost {
  item: string;
  type: "Intäkt" | "Kostnad" | "Finansiell";
  priorYear: number;
  actual: number;
  budgetPeriod: number;
  budgetYear: number;
  forecast: number;
  /** Invented: the real report prints no bokslut 2023. */
  priorYearFull: number;
}

type Figure = "priorYear" | "actual" | "budgetPeriod" | "budgetYear" | "forecast" | "priorYearFull";

/**
 * The printed line Övriga kostnader split in three, so that the example can show what the real report's text says of
 * the cost development ("störst minskning i kronor är kostnaden för livsmedel … 3,7 mnkr … 6,4 %", "största
 * kostnadsökningen förutom personal är transporter … 4,2 mnkr") and Måltidsservice's own table: Livsmedel and
 * Transporter are invented at the nämnd's level (Måltidsservice's part is the report's table, the rest lies with
 * Område 5), chosen to give those changes; Övriga kostnader is what remains of the printed line. The three add up
 * exactly to the printed Övriga kostnader in every column (a golden test checks it).
 */
export const OTHER_COSTS_SPLIT: Record<"Livsmedel" | "Transporter", Omit<ExamplePost, "item" | "type" | "priorYearFull">> = {
  Livsmedel: { priorYear: -57802, actual: -54100, budgetPeriod: -60207, budgetYear: -95527, forecast: -86649 },
  Transporter: { priorYear: -15036, actual: -19232, budgetPeriod: -17303, budgetYear: -26004, forecast: -29964 },
};

/** Invented bokslut 2023 per post (tkr): the nämnd's result −10,2 mnkr, −7,0 mnkr including the surplus from 2022. */
const PRIOR_YEAR_FULL: Record<string, number> = {
  "Övriga intäkter": 798400,
  Personalkostnader: -455900,
  Lokalkostnader: -64300,
  "Köp av verksamhet": -1600,
  Livsmedel: -88900,
  Transporter: -22800,
  "Övriga kostnader": -175400,
  Finansnetto: 300,
};

const tkr = (mkr: number) => Math.round(mkr * 1000);

/** The example's posts (tkr): the printed lines, with Övriga kostnader split as above. */
export function examplePosts(): ExamplePost[] {
  const out: ExamplePost[] = [];
  for (const p of GOLDEN_POSTS) {
    const base = { priorYear: tkr(p.priorYear), actual: tkr(p.actual), budgetPeriod: tkr(p.budgetPeriod), budgetYear: tkr(p.budgetYear), forecast: tkr(p.forecast) };
    if (p.item !== "Övriga kostnader") {
      out.push({ item: p.item, type: p.type, ...base, priorYearFull: PRIOR_YEAR_FULL[p.item] });
      continue;
    }
    const parts = Object.entries(OTHER_COSTS_SPLIT);
    for (const [item, f] of parts) out.push({ item, type: "Kostnad", ...f, priorYearFull: PRIOR_YEAR_FULL[item] });
    const rest = (k: keyof typeof base) => base[k] - parts.reduce((sum, [, f]) => sum + f[k], 0);
    out.push({ item: p.item, type: p.type, priorYear: rest("priorYear"), actual: rest("actual"), budgetPeriod: rest("budgetPeriod"), budgetYear: rest("budgetYear"), forecast: rest("forecast"), priorYearFull: PRIOR_YEAR_FULL[p.item] });
  }
  return out;
}

/**
 * Måltidsservice (Område 4): the real report's table of its cost types (tkr, costs positive there): utfall aug 2023
 * and 2024, budget aug 2024, budget helår, prognos helår, as the ansvar's own posts. Personal is Personalkostnader,
 * Lokal + el is Lokalkostnader, and Övrigt material och tjänster with OH (4 100 / 6 150 tkr) is Övriga kostnader.
 * Its revenue is what the ansvar's printed result leaves (−5,3 / +1,4 excl. underskott / +4,2 budget / 0 for the year /
 * +2,7 forecast excl. underskott), which gives the report's "intäkterna har minskat med −7,5 mnkr mot budget". The
 * bokslut 2023 is invented.
 */
export const MALTIDSSERVICE: Record<string, Record<Figure, number>> = {
  "Övriga intäkter": { priorYear: 214666, actual: 217823, budgetPeriod: 225331, budgetYear: 335253, forecast: 328327, priorYearFull: 321900 },
  Personalkostnader: { priorYear: -112483, actual: -111475, budgetPeriod: -111314, budgetYear: -165237, forecast: -161842, priorYearFull: -166900 },
  Lokalkostnader: { priorYear: -28564, actual: -28511, budgetPeriod: -28824, budgetYear: -43236, forecast: -43481, priorYearFull: -42800 },
  Livsmedel: { priorYear: -56982, actual: -53070, budgetPeriod: -59307, budgetYear: -94177, forecast: -85149, priorYearFull: -87100 },
  Transporter: { priorYear: -5936, actual: -7432, budgetPeriod: -6403, budgetYear: -9604, forecast: -12364, priorYearFull: -8900 },
  "Övriga kostnader": { priorYear: -15981, actual: -15955, budgetPeriod: -15323, budgetYear: -22999, forecast: -22831, priorYearFull: -23900 },
};
/** The printed table, as it stands (tkr, costs positive): Personal, Lokal + el, Livsmedel, Transport, Övrigt material och tjänster, OH, total. */
export const MALTIDSSERVICE_PRINTED = {
  priorYear: [112483, 28564, 56982, 5936, 11881, 4100, 219946],
  actual: [111475, 28511, 53070, 7432, 11855, 4100, 216443],
  budgetPeriod: [111314, 28824, 59307, 6403, 11223, 4100, 221171],
  budgetYear: [165237, 43236, 94177, 9604, 16849, 6150, 335253],
  forecast: [161842, 43481, 85149, 12364, 16681, 6150, 325667],
};
const MS = 4;

/** Invented bokslut 2023 per ansvar (tkr, excl. över-/underskott): −10,2 mnkr in all. */
const RESPONSIBILITY_PRIOR_FULL = [1900, -2600, 3700, -1900, -7700, -3600];

/** The non-recurring item the real report names: vehicle sales 6,1 mnkr above 2023's; its forecast invented. */
export const NON_RECURRING: [string, string, string, number, number][] = [
  ["Reavinster vid försäljning av fordon (utöver föregående års nivå)", "Övriga intäkter", "Område 5 Transport och service", 6100, 5400],
];

/**
 * Measures for a budget in balance (tkr): decided and proposed, effect this year and next, as in the real report
 * (described in the example's own words); the two whose saving lands at the customer ("besparing hos kund") say where.
 */
export const MEASURES: [string, "Beslutad" | "Ej beslutad", number | null, number | null, string | null][] = [
  ["IT: färre tjänster i supporten (1,7 årsarbetare)", "Beslutad", 400, 800, null],
  ["IT: egen personal i stället för inhyrd", "Beslutad", 340, 700, null],
  ["IT: vakans lämnas obesatt", "Beslutad", 480, 800, null],
  ["IT: enheter slås samman", "Beslutad", 400, 950, null],
  ["Kommunikation: lägre systemkostnader och andra annonskanaler", "Beslutad", 350, 150, null],
  ["HR: psykologtjänst vakanshålls 2024 och tillsätts inte 2025", "Beslutad", 300, 800, null],
  ["Ekonomi: två controllertjänster färre", "Beslutad", null, 1600, null],
  ["Upphandling: tjänst vakanshålls", "Beslutad", 800, null, null],
  ["Omlastningscentralen: färre postturer", "Beslutad", 300, 500, null],
  ["Eskilstuna direkt: tolkförmedlingen effektiviseras", "Beslutad", 350, 350, null],
  ["Allmänt: mindre fika, konferenser och utbildningar", "Beslutad", 2500, null, null],
  ["Ekonomi: en administrativ tjänst färre utöver plan", "Ej beslutad", null, 700, null],
  ["Upphandling: tjänst vakanshålls även 2025", "Ej beslutad", null, 800, null],
  ["Nämnd och registratur: en nämndsekreterare färre", "Ej beslutad", null, 700, null],
  ["Måltid: ingen märkning av livsmedel (riktlinjen ändras)", "Ej beslutad", null, 5000, "Beställande nämnder"],
  ["Måltid: riktlinjen om mat nära gästen ändras", "Ej beslutad", 1000, 3000, "Beställande nämnder"],
  ["Måltid: en matsal stängs (kräver beslut av gymnasiet)", "Ej beslutad", 250, 1000, null],
  ["Transport: stadshuscaféet stängs", "Ej beslutad", null, 300, null],
  ["HR: besparingar enligt prioriteringar i ledningsgruppen", "Ej beslutad", null, 3000, null],
  ["Allmänt: mindre fika, konferenser och utbildningar även 2025", "Ej beslutad", null, 2500, null],
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

/** One (ansvar, post) of the example, in tkr. */
interface Cell6 {
  ansvar: string;
  post: ExamplePost;
  figures: Record<Figure, number>;
  /** Budget helår − budget aug: what the months after August hold. */
  rest: number;
}

/**
 * Every (ansvar, post) of the example: Måltidsservice's from its real table, the other five ansvar sharing what
 * remains of each post so that every ansvar's printed total and every post's printed line hold exactly. Livsmedel and
 * Transporter outside Måltidsservice lie with Område 5 (transports and the café); Personalkostnader take up what each
 * ansvar still needs.
 */
function exampleCells(): Cell6[] {
  const rnd = random(2024);
  const posts = examplePosts();
  // Personalkostnader last: they take up what each ansvar still needs (the holiday pay liability moves them over the year).
  const order = [...posts.filter((p) => p.item !== "Personalkostnader"), posts.find((p) => p.item === "Personalkostnader") as ExamplePost];
  const others = RESPONSIBILITIES.map((_, i) => i).filter((i) => i !== MS);
  const onlyArea5 = new Set(["Livsmedel", "Transporter"]);
  const weights = order.map((p) => others.map((i) => (onlyArea5.has(p.item) ? (i === 5 ? 1 : 0) : 0.8 + 0.4 * rnd())));
  const ms = (p: ExamplePost, k: Figure) => MALTIDSSERVICE[p.item]?.[k] ?? 0;
  const withoutCarryover = (k: "priorYear" | "actual" | "forecast" | "priorYearFull") =>
    others.map((a) => (k === "priorYearFull" ? RESPONSIBILITY_PRIOR_FULL[a] : RESPONSIBILITY_TKR[k][a] - CARRYOVER_TKR[k][a]));
  const share = (k: Exclude<Figure, "budgetYear"> | "rest"): number[][] => {
    const rowTotals = order.map((p) => (k === "rest" ? p.budgetYear - p.budgetPeriod - (ms(p, "budgetYear") - ms(p, "budgetPeriod")) : p[k] - ms(p, k)));
    // Each ansvar's full-year budget is in balance, as the nämnd's is: what remains after August evens out its period budget.
    const colTotals = k === "rest" ? others.map((a) => -RESPONSIBILITY_TKR.budgetPeriod[a]) : k === "budgetPeriod" ? others.map((a) => RESPONSIBILITY_TKR.budgetPeriod[a]) : withoutCarryover(k as "priorYear" | "actual" | "forecast" | "priorYearFull");
    return allocate(rowTotals, colTotals, weights);
  };
  const keys = ["priorYear", "actual", "budgetPeriod", "forecast", "priorYearFull", "rest"] as const;
  const shares = Object.fromEntries(keys.map((k) => [k, share(k)])) as Record<(typeof keys)[number], number[][]>;
  const cells: Cell6[] = [];
  order.forEach((p, pi) => {
    RESPONSIBILITIES.forEach((ansvar, a) => {
      let f: Record<Figure, number>;
      let rest: number;
      if (a === MS) {
        if (!MALTIDSSERVICE[p.item]) return;
        f = { ...MALTIDSSERVICE[p.item] };
        rest = f.budgetYear - f.budgetPeriod;
      } else {
        const o = others.indexOf(a);
        if (weights[pi][o] === 0) return;
        const g = (k: Exclude<Figure, "budgetYear"> | "rest") => shares[k][pi][o];
        rest = g("rest");
        f = { priorYear: g("priorYear"), actual: g("actual"), budgetPeriod: g("budgetPeriod"), budgetYear: g("budgetPeriod") + rest, forecast: g("forecast"), priorYearFull: g("priorYearFull") };
      }
      if (p.type === "Kostnad" && (["priorYear", "actual", "budgetPeriod", "budgetYear", "forecast", "priorYearFull"] as const).some((k) => f[k] > 0)) {
        throw new Error(`Exemplet: ${ansvar} ${p.item} fick en positiv kostnad`);
      }
      cells.push({ ansvar, post: p, figures: f, rest });
    });
  });
  // Back in the statement's order.
  return posts.flatMap((p) => cells.filter((c) => c.post === p));
}

/** The example workbook, in memory. */
export function buildExampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Uppföljning (exempel)";
  const budgetRows: (string | number | null)[][] = [];
  const actualRows: (string | number | null)[][] = [];
  for (const c of exampleCells()) {
    const f = c.figures;
    const months = [...split(f.budgetPeriod, SEASON.slice(0, 8)), ...split(c.rest, SEASON.slice(8))];
    budgetRows.push([c.ansvar, c.post.item, c.post.type, ...months]);
    actualRows.push([c.ansvar, c.post.item, null, f.priorYear, f.actual, f.forecast, f.priorYearFull]);
  }
  RESPONSIBILITIES.forEach((ansvar, i) => {
    if (CARRYOVER_TKR.priorYear[i] || CARRYOVER_TKR.actual[i] || CARRYOVER_TKR.forecast[i]) {
      actualRows.push([ansvar, "Rullat över-/underskott", "Över-/underskott", CARRYOVER_TKR.priorYear[i], CARRYOVER_TKR.actual[i], CARRYOVER_TKR.forecast[i], CARRYOVER_TKR.priorYearFull[i]]);
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

  const utfall = sheetWithRows(wb, "Utfall", ["Ansvar", "Post", "Typ", "Utfall fg år", "Utfall", "Prognos", "Utfall helår fg år"], actualRows, [34, 26, 16, 14, 14, 14, 16]);
  ["D", "E", "F", "G"].forEach((c) => (utfall.getColumn(c).numFmt = "#,##0"));
  defineName(wb, "Utfall", utfall, 7, actualRows.length);

  const nonRecurring = sheetWithRows(wb, "Jämförelsestörande", ["Beskrivning", "Post", "Ansvar", "Utfall", "Prognos"], NON_RECURRING, [62, 18, 32, 12, 12]);
  ["D", "E"].forEach((c) => (nonRecurring.getColumn(c).numFmt = "#,##0"));
  defineName(wb, "Jämförelsestörande", nonRecurring, 5, NON_RECURRING.length);

  const indicators = sheetWithRows(
    wb,
    "Indikatorer",
    ["Indikator", "Grupp", "Utfall", "Mål", "Målår", "Riktning", "Tolerans", "Föregående", "Enhet", "Utfall kvinnor", "Utfall män", "Föregående kvinnor", "Föregående män", "Kommentar"],
    INDICATORS,
    [52, 14, 10, 10, 8, 10, 10, 12, 8, 10, 10, 12, 12, 40],
  );
  for (const r of [2, INDICATORS.length + 1]) for (const c of ["C", "D", "H"]) indicators.getCell(`${c}${r}`).numFmt = "0.0%";
  defineName(wb, "Indikatorer", indicators, 14, INDICATORS.length);

  const risks = sheetWithRows(
    wb,
    "Risker",
    ["Risk", "Sannolikhet", "Konsekvens", "Åtgärd", "Ansvarig", "Kommentar", "Ekonomisk konsekvens", "Sannolikhet %", "Föregående riskvärde"],
    [
      ["Otillräcklig försörjningsberedskap när behoven definieras sent", 4, 4, "Gemensam målbild och delmål i koncernens beredskapsgrupp", "Förvaltningschef", null, null, null, 16],
      ["Undermålig drift när driftresurser används till utveckling", 2, 3, "Systematiska utvecklingsplaner med kunderna", "Område 1", null, null, null, 9],
      ["Överbelastade chefer och medarbetare", 3, 3, "Uppföljning av arbetsmiljön med trafikljusmodell", "HR-chef", null, null, null, 9],
      ["Suboptimering när helhetsbilden saknas", 2, 3, "Mätning av förbättringskulturen på alla enheter", "Ledningsgrupp", null, null, null, null],
      ["Mutor, korruption, bedrägeri och jäv", 2, 4, "Utbildning på arbetsplatsträffar", "Förvaltningschef", null, -2.0, 10, 8],
      ["Fortsatt höga livsmedelspriser", 3, 2, "Receptanpassning och minskat svinn", "Område 4", null, -4.5, 50, 9],
      ["Avbrott i it-drift vid cyberangrepp", 1, 4, "Segmenterat nätverk, övningar", "Område 1", null, -6.0, 5, null],
      ["Försenad flytt till nya lokaler", 1, 2, null, null, "Hyresavtal klart.", null, null, null],
    ],
    [48, 12, 12, 44, 18, 24, 14, 14, 14],
  );
  defineName(wb, "Risker", risks, 9, 8);

  const sensitivity = sheetWithRows(
    wb,
    "Känslighet",
    ["Faktor", "Post", "Bas", "Förändring"],
    [
      ["Löneökning 1 %", "Personalkostnader", null, 0.01],
      ["Intäktsbortfall 1 %", "Intäkt", null, -0.01],
      ["Prisökning livsmedel 2 %", "Livsmedel", null, 0.02],
      ["Hyreshöjning 3 %", "Lokalkostnader", null, 0.03],
      ["Ökade kostnader totalt 1 %", "Kostnad", null, 0.01],
    ],
    [32, 22, 14, 12],
  );
  sensitivity.getColumn("D").numFmt = "0%";
  sensitivity.getColumn("C").numFmt = "#,##0";
  defineName(wb, "Känslighet", sensitivity, 4, 5);

  const measures = sheetWithRows(wb, "Åtgärder", ["Åtgärd", "Status", "Effekt 2024", "Effekt 2025", "Effekt hos"], MEASURES, [64, 14, 14, 14, 22]);
  ["C", "D"].forEach((c) => (measures.getColumn(c).numFmt = "#,##0"));
  defineName(wb, "Åtgärder", measures, 5, MEASURES.length);

  const investments = sheetWithRows(wb, "Investeringar", ["Projekt", "Kategori", "Utfall", "Budget helår", "Prognos helår", "Utfall ack totalt"], INVESTMENTS, [30, 30, 14, 14, 14, 16]);
  ["C", "D", "E", "F"].forEach((c) => (investments.getColumn(c).numFmt = "#,##0"));
  defineName(wb, "Investeringar", investments, 6, INVESTMENTS.length);

  const settingRows: (string | number)[][] = [
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
    ["Resultaträkning per ansvar", "Område 4 Måltidsservice"],
  ];
  const settings = sheetWithRows(wb, "Inställningar", ["Inställning", "Värde"], settingRows, [26, 26]);
  settings.getCell("B10").numFmt = "0%";
  settings.getCell("B12").numFmt = "0%";
  defineName(wb, "Inställningar", settings, 2, settingRows.length);

  const notes = wb.addWorksheet("Egna anteckningar");
  notes.getCell("A1").value = "Controllerns egna beräkningar (rörs inte av rapporten)";
  notes.getCell("A3").value = "Resultat enligt egen avstämning (tkr)";
  notes.getCell("B3").value = { formula: `SUM(Utfall!E2:E${actualRows.length + 1})`, result: 11000 } as ExcelJS.CellFormulaValue;
  notes.getCell("A4").value = "=Detta är text, ingen formel";

  // What is real and what is invented, said in the workbook itself: on a sheet of its own and beside every input.
  const about = wb.addWorksheet("Om exemplet");
  about.getColumn(1).width = 120;
  ABOUT_THE_EXAMPLE.forEach((line, i) => {
    about.getCell(`A${i + 1}`).value = line;
    if (i === 0) about.getCell("A1").font = { bold: true, size: 13 };
  });
  for (const [sheet, col] of [["Budget", "R"], ["Utfall", "I"], ["Jämförelsestörande", "G"], ["Indikatorer", "P"], ["Risker", "K"], ["Känslighet", "F"], ["Åtgärder", "G"], ["Investeringar", "H"]] as const) {
    const cell = wb.getWorksheet(sheet)?.getCell(`${col}1`);
    if (cell) {
      cell.value = INVENTED_NOTE[sheet];
      cell.font = { italic: true, color: { argb: "FF7F6000" } };
    }
  }
  return wb;
}

/**
 * Indikatorer: the improvement culture and its target (68,3 % against 75 % by the end of the mandate period) are the
 * report's; the sjukfrånvaro for kvinnor and män is invented (the real report only says that both short and long sick
 * leave decreased slightly), as are the other indicators.
 */
export const INDICATORS: (string | number | null)[][] = [
  // Indikator, Grupp, Utfall, Mål, Målår, Riktning, Tolerans, Föregående, Enhet, Utfall K, Utfall M, Föregående K, Föregående M, Kommentar
  ["Andel medarbetare som upplever en god förbättringskultur", "Medarbetare", 0.683, 0.75, 2026, "Högre", null, null, null, null, null, null, null, "Första mätningen under mandatperioden."],
  ["Sjukfrånvaro totalt", "Medarbetare", 6.1, 5.5, 2026, "Lägre", 0.5, 6.4, "%", 7.4, 4.6, 7.7, 4.9, null],
  ["Korttidssjukfrånvaro (dag 1–14)", "Medarbetare", 2.5, 2.4, null, "Lägre", 0.3, 2.6, "%", 3.0, 2.0, 3.1, 2.1, null],
  ["Långtidssjukfrånvaro (från dag 15)", "Medarbetare", 3.6, 3.1, null, "Lägre", 0.3, 3.8, "%", 4.4, 2.6, 4.6, 2.8, null],
  ["Medarbetarengagemang (HME)", "Medarbetare", null, 80, null, "Högre", null, 79, "index", null, null, null, null, "Mäts i oktober."],
  ["Kundnöjdhet (NKI, skala 1–5)", "Kund", 4.3, 4.0, null, "Högre", null, 4.1, "index", null, null, null, null, null],
  ["Svarstid i kundtjänst", "Kund", 95, 60, null, "Lägre", null, 80, "s", null, null, null, null, "Vakanser under sommaren."],
  ["Leveransprecision transporter", "Verksamhet", 97.4, 98, null, "Högre", 1, 97.9, "%", null, null, null, null, null],
  ["Andel ekologiska livsmedel", "Verksamhet", 28, 30, null, "Högre", null, 26, "%", null, null, null, null, null],
  ["Andel e-fakturor från leverantörer", "Verksamhet", 0.91, 0.9, null, "Högre", null, 0.88, null, null, null, null, null, null],
];

/** The sheet "Om exemplet": where each part of the example comes from. */
export const ABOUT_THE_EXAMPLE = [
  "Om exemplet: Servicenämnden i Eskilstuna, delårsrapport 2 (januari–augusti) 2024",
  "Från den publicerade rapporten: resultaträkningens alla tryckta belopp (utfall 2023 och 2024, budget för perioden, avvikelser, årsprognos och prognosavvikelse), det rullade underskottet,",
  "tabellen per ansvar (utfall 2023 och 2024, budget för perioden och avvikelse), de beslutade och föreslagna åtgärderna med sina effekter (två av dem med besparing hos kunden, de beställande nämnderna),",
  "investeringarnas summor, förbättringskulturen (68,3 % mot målet 75 % i slutet av mandatperioden, 2026) och de fem första riskernas sannolikhet och konsekvens,",
  "reavinsterna på sålda fordon som jämförelsestörande post (6,1 mnkr, så att resultatet exklusive posten blir 15,7 − 6,1 = 9,6 mnkr), och Måltidsservice tabell över sina kostnadsslag",
  "(personal, lokal + el, livsmedel, transport, övrigt material och tjänster samt OH: utfall 2023 och 2024, budget för perioden och helåret, prognos) som Område 4:s egen resultaträkning.",
  "Påhittat: månadsbudgeten, fördelningen av varje post på sex ansvar, helårsbudgeten per post på kronan när (vald så att alla tryckta belopp stämmer och budgeten är i balans),",
  "uppdelningen av raden Övriga kostnader i Livsmedel, Transporter och Övriga kostnader för hela nämnden (de tre summerar exakt till den tryckta raden i varje kolumn; vald så att",
  "livsmedel minskar med 3,7 mnkr, 6,4 %, och transporter ökar med 4,2 mnkr, som rapportens text säger), Måltidsservice intäkter (det som ansvarets tryckta resultat lämnar),",
  "bokslutet 2023 (kolumnen Utfall helår fg år; nämndens resultat −10,2 mnkr, −7,0 mnkr inklusive överskottet från 2022), reavinsternas prognos (5,4 mnkr),",
  "sjukfrånvaron för kvinnor och män, total, kort och lång (rapporten säger bara att både den korta och den långa sjukfrånvaron minskat något), de övriga indikatorerna,",
  "riskerna 6–8, alla ekonomiska konsekvenser, sannolikheter i procent och föregående riskvärden, känslighetsfaktorerna och investeringarnas fördelning på tre projekt.",
  "Den tryckta tabellen per ansvar har årsprognoser som summerar till −2,6 mnkr medan resultaträkningen anger −3,0 mnkr; exemplet följer resultaträkningen och ger Område 5 4,9 mnkr i stället för 5,1.",
];

const INVENTED_NOTE: Record<string, string> = {
  Budget: "Exempel: månadsbudget, fördelning på ansvar och uppdelningen av Övriga kostnader är påhittade; summorna är rapportens. Se bladet Om exemplet.",
  Utfall: "Exempel: fördelningen på ansvar, uppdelningen av Övriga kostnader och Utfall helår fg år (bokslut 2023) är påhittade; summorna per post och ansvar och Måltidsservice kostnader är rapportens.",
  Jämförelsestörande: "Utfallet 6,1 mnkr är rapportens; prognosen 5,4 mnkr är påhittad. Se bladet Om exemplet.",
  Indikatorer: "Exempel: bara förbättringskulturen är rapportens; sjukfrånvaron för kvinnor och män och de andra indikatorerna är påhittade. Se bladet Om exemplet.",
  Risker: "Exempel: riskerna 1–5 är rapportens; riskerna 6–8, ekonomiska konsekvenser, sannolikheter i procent och föregående riskvärden är påhittade.",
  Känslighet: "Exempel: känslighetsfaktorerna är påhittade. Se bladet Om exemplet.",
  Åtgärder: "Åtgärderna, deras effekter och var besparingen hamnar är rapportens, med egna ord. Se bladet Om exemplet.",
  Investeringar: "Exempel: summorna är rapportens; fördelningen på tre projekt är påhittad. Se bladet Om exemplet.",
};
