/**
 * Reads the list ranges: `Indikatorer`, `Risker`, `Känslighet`, `Åtgärder`, `Investeringar` and `Jämförelsestörande`,
 * each row into the engine's input type, every problem a finding naming its cell.
 */
import { CellRef } from "../core/references";
import { canon, own } from "../core/text";
import { finding } from "../findings/findings";
import { percentToShare } from "../engine/amounts";
import { Settings } from "../engine/settings";
import { Direction, IndicatorInput, InvestmentInput, MeasureInput, MeasureStatus, NonRecurringInput, RiskInput, SensitivityInput } from "../engine/types";
import { isPercentFormat, Table, TableRow } from "./table";

const STATUS: Record<string, MeasureStatus> = {
  beslutad: "decided", beslutade: "decided", beslutat: "decided",
  "ej beslutad": "proposed", "ej beslutade": "proposed", "ej beslutat": "proposed", forslag: "proposed", foreslagen: "proposed", foreslagna: "proposed", foreslaget: "proposed",
};

export function readMeasures(table: Table): MeasureInput[] {
  if (!table.require("atgard", "status")) return [];
  const list: MeasureInput[] = [];
  for (const row of table.rows) {
    const measure = row.requiredText("atgard");
    const statusText = row.requiredText("status");
    const status = statusText === null ? null : (own(STATUS, canon(statusText)) ?? null);
    if (statusText !== null && status === null) row.flag("MEASURE_STATUS_UNKNOWN", "status", statusText);
    const effectThisYear = row.number("iar");
    const effectNextYear = row.number("nastaar");
    const flag = row.text("iprognos");
    let inForecast: boolean | null = null;
    if (flag !== null) {
      const c = canon(flag);
      if (c === "ja" || c === "j" || c === "x") inForecast = true;
      else if (c === "nej" || c === "n") inForecast = false;
      else row.flag("MEASURE_IN_FORECAST_UNKNOWN", "iprognos", flag);
    }
    if (measure === null || status === null) continue;
    list.push({
      measure,
      status,
      effectThisYear,
      effectNextYear,
      inForecast: inForecast ?? status === "decided",
      responsibility: row.text("ansvar"),
      comment: row.text("kommentar"),
      effectAt: row.text("hos"),
      source: { range: table.name, at: row.at() },
    });
  }
  return list;
}

/**
 * Reads `Jämförelsestörande`: each item's description, the post (and ansvar, where the budget has ansvar) it is
 * booked on, and its amounts in Utfall and Prognos (input unit, gain positive). Whether the post exists is judged by
 * the engine, against the resultaträkning (which a ledger builds from its accounts).
 */
export function readNonRecurring(table: Table, budgetHasResponsibility: boolean): NonRecurringInput[] {
  let ok = table.require("beskrivning", "post");
  if (budgetHasResponsibility) ok = table.require("ansvar") && ok;
  if (!ok) return [];
  const list: NonRecurringInput[] = [];
  for (const row of table.rows) {
    const description = row.requiredText("beskrivning");
    const item = row.requiredText("post");
    const responsibility = budgetHasResponsibility ? row.requiredText("ansvar") : row.text("ansvar");
    const actual = row.number("utfall");
    const forecast = row.number("prognos");
    if (description === null || item === null || (budgetHasResponsibility && responsibility === null)) continue;
    if (actual === null && forecast === null && row.blank("utfall") && row.blank("prognos")) {
      table.findings.push(finding("NONRECURRING_WITHOUT_AMOUNT", table.name, row.at("beskrivning"), { description }));
    }
    list.push({
      description,
      item,
      responsibility,
      actual,
      forecast,
      source: { range: table.name, at: row.at() },
      itemAt: row.at("post"),
      responsibilityAt: row.has("ansvar") ? row.at("ansvar") : null,
    });
  }
  return list;
}

export function readInvestments(table: Table, settings: Settings): InvestmentInput[] {
  if (!table.require("projekt")) return [];
  const list: InvestmentInput[] = [];
  const sign = settings.costsPositive ? -1 : 1;
  let positive: CellRef | null = null, negative: CellRef | null = null, positives = 0, negatives = 0;
  for (const row of table.rows) {
    const project = row.requiredText("projekt");
    const amount = (key: string): number | null => {
      const v = row.number(key);
      if (v === null) return null;
      if (v > 0) {
        positives++;
        positive ??= row.at(key);
      } else if (v < 0) {
        negatives++;
        negative ??= row.at(key);
      }
      return v * sign || 0;
    };
    const entry = {
      actual: amount("utfall"),
      budgetYear: amount("budget"),
      forecast: amount("prognos"),
      actualToDate: amount("acktotalt"),
      projectBudget: amount("projektbudget"),
      projectForecast: amount("prognostotal"),
    };
    if (project === null) continue;
    list.push({ project, category: row.text("kategori"), ...entry, source: { range: table.name, at: row.at() } });
  }
  // Spending follows the cost sign: most amounts of the other sign suggest the setting does not fit.
  const wrong = settings.costsPositive ? (negatives > positives ? negative : null) : positives > negatives ? positive : null;
  if (wrong) {
    const convention = settings.costsPositive ? "Kostnader positiva" : "Kostnader negativa";
    table.findings.push(finding("INVESTMENT_SIGN_SUSPECT", table.name, wrong, { convention, sign: settings.costsPositive ? "negativa" : "positiva" }));
  }
  return list;
}

function readDirection(row: TableRow): Direction {
  const t = row.text("riktning");
  if (t === null) return "higher";
  const c = canon(t);
  if (c === "hogre" || c === "hog" || c === "hogre ar battre") return "higher";
  if (c === "lagre" || c === "lag" || c === "lagre ar battre") return "lower";
  row.flag("DIRECTION_UNKNOWN", "riktning", t);
  return "higher";
}

/** Målår: a year written as a number or as text (`2026`); anything else is a finding. */
function readTargetYear(row: TableRow): number | null {
  const cell = row.cell("malar");
  if (cell === null || (typeof cell === "string" && cell.trim() === "")) return null;
  const year = typeof cell === "number" ? cell : typeof cell === "string" && /^\s*\d{4}\s*$/.test(cell) ? Number(cell) : NaN;
  if (Number.isInteger(year) && year >= 1900 && year <= 2200) return year;
  const shown = typeof cell === "number" || typeof cell === "string" ? cell : row.text("malar");
  if (shown !== null) row.flag("TARGET_YEAR_INVALID", "malar", shown);
  return null;
}

/**
 * The values for kvinnor and män of one pair of columns, checked against the total they stand beside: a value without
 * its total is an error; a total neither between them nor their sum, a notice.
 */
function readGenders(table: Table, row: TableRow, indicator: string | null, totalKey: string, totalHeader: string, womenKey: string, menKey: string): { women: number | null; men: number | null } {
  const women = row.number(womenKey);
  const men = row.number(menKey);
  const total = row.number(totalKey);
  if (women === null && men === null) return { women, men };
  if (total === null && row.blank(totalKey)) {
    const key = women !== null ? womenKey : menKey;
    row.flag("INDICATOR_GENDER_WITHOUT_TOTAL", key, (women ?? men) as number, { total: totalHeader });
  } else if (total !== null && women !== null && men !== null && indicator !== null) {
    const between = total >= Math.min(women, men) - 1e-9 && total <= Math.max(women, men) + 1e-9;
    const sum = Math.abs(women + men - total) <= 1e-9 * Math.max(1, Math.abs(total));
    if (!between && !sum) table.findings.push(finding("INDICATOR_GENDER_TOTAL_SUSPECT", table.name, row.at(totalKey), { column: totalHeader, indicator }));
  }
  return { women, men };
}

export function readIndicators(table: Table): IndicatorInput[] {
  if (!table.require("indikator", "mal")) return [];
  const list: IndicatorInput[] = [];
  for (const row of table.rows) {
    const indicator = row.requiredText("indikator");
    const target = row.requiredNumber("mal");
    const actual = row.number("utfall");
    const direction = readDirection(row);
    const tolerance = row.number("tolerans");
    if (tolerance !== null && tolerance < 0) row.flag("TOLERANCE_NEGATIVE", "tolerans", tolerance);
    const percentFormat = isPercentFormat(row.format("utfall")) || isPercentFormat(row.format("mal"));
    const targetYear = readTargetYear(row);
    const now = readGenders(table, row, indicator, "utfall", "Utfall", "utfallk", "utfallm");
    const before = readGenders(table, row, indicator, "foregaende", "Föregående", "foregk", "foregm");
    if (indicator === null || target === null) continue;
    if (actual !== null && target !== 0 && actual !== 0) {
      const ratio = Math.abs(actual / target);
      // One side a share (0,43), the other percent points (75): a share is a fraction, never a whole number.
      const isShare = (x: number) => Math.abs(x) < 1 && !Number.isInteger(x);
      const fractionAndPoints = isShare(actual) !== isShare(target) && (isShare(actual) ? Math.abs(target) > 1 : Math.abs(actual) > 1);
      if (fractionAndPoints && (ratio > 20 || ratio < 0.05)) {
        table.findings.push(finding("INDICATOR_PERCENT_MISMATCH", table.name, row.at("utfall"), { indicator }));
      }
    }
    list.push({
      indicator,
      actual,
      target,
      direction,
      tolerance: tolerance !== null && tolerance >= 0 ? tolerance : null,
      previous: row.number("foregaende"),
      unit: row.text("enhet"),
      comment: row.text("kommentar"),
      percentFormat,
      group: row.text("grupp"),
      targetYear,
      actualWomen: now.women,
      actualMen: now.men,
      previousWomen: before.women,
      previousMen: before.men,
      source: { range: table.name, at: row.at() },
    });
  }
  return list;
}

function readScale(row: TableRow, key: string, max: number): number | null {
  const n = row.requiredNumber(key);
  if (n === null) return null;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    row.flag("SCALE_OUT_OF_RANGE", key, n, { max });
    return null;
  }
  return n;
}

/**
 * `Sannolikhet %` as a share: percent points (20 → 0,2), or a cell shown as a percentage or written with `%` (as it
 * reads). Outside 0–100 % is a finding.
 */
function readProbability(row: TableRow): number | null {
  if (!row.has("procent")) return null;
  const cell = row.cell("procent");
  const n = row.number("procent");
  if (n === null) return null;
  const formatted = isPercentFormat(row.format("procent"));
  const share = formatted || (typeof cell === "string" && /%\s*$/.test(cell)) ? n : percentToShare(n);
  if (share >= 0 && share <= 1) return share;
  row.flag("PROBABILITY_OUT_OF_RANGE", "procent", typeof cell === "string" ? cell.trim() : formatted ? `${n * 100} %` : n);
  return null;
}

export function readRisks(table: Table, settings: Settings): RiskInput[] {
  if (!table.require("risk", "sannolikhet", "konsekvens")) return [];
  const list: RiskInput[] = [];
  let gains = 0, losses = 0;
  let firstGain: CellRef | null = null;
  for (const row of table.rows) {
    const risk = row.requiredText("risk");
    const likelihood = readScale(row, "sannolikhet", settings.riskScale);
    const consequence = readScale(row, "konsekvens", settings.riskScale);
    const economicConsequence = row.number("ekonomisk");
    const ownProbability = readProbability(row);
    const previousRiskValue = row.number("foregaende");
    if (economicConsequence !== null && economicConsequence > 0) {
      gains++;
      firstGain ??= row.at("ekonomisk");
    } else if (economicConsequence !== null && economicConsequence < 0) losses++;
    if (risk === null || likelihood === null || consequence === null) continue;
    list.push({
      risk,
      likelihood,
      consequence,
      action: row.text("atgard"),
      owner: row.text("ansvarig"),
      comment: row.text("kommentar"),
      economicConsequence,
      ownProbability,
      previousRiskValue,
      source: { range: table.name, at: row.at() },
    });
  }
  // A consequence is the risk's effect on the result: a loss is negative. Only gains suggests losses entered as gains.
  if (gains > 0 && losses === 0 && firstGain) table.findings.push(finding("RISK_CONSEQUENCE_SIGN_SUSPECT", table.name, firstGain, { column: "Ekonomisk konsekvens" }));
  return list;
}

export function readSensitivity(table: Table): SensitivityInput[] {
  let ok = table.require("faktor");
  if (!table.has("post") && !table.has("bas")) {
    table.findings.push(finding("HEADER_ONE_OF", table.name, table.origin, { column: "Post", alternative: "Bas" }));
    ok = false;
  }
  if (!ok) return [];
  const list: SensitivityInput[] = [];
  for (const row of table.rows) {
    const factor = row.requiredText("faktor");
    const item = row.text("post");
    const base = row.number("bas");
    const change = row.share("forandring") ?? 0.01;
    if (item === null && base === null) {
      row.missing(table.has("post") ? "post" : "bas");
      continue;
    }
    if (factor === null) continue;
    list.push({ factor, item, base, change, source: { range: table.name, at: row.at() }, itemAt: row.at("post") });
  }
  return list;
}
