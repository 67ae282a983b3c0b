/**
 * Reads the list ranges: `Indikatorer`, `Risker`, `Känslighet`, `Åtgärder` and `Investeringar`, each row into the
 * engine's input type, every problem a finding naming its cell.
 */
import { CellRef } from "../core/references";
import { canon, own } from "../core/text";
import { finding } from "../findings/findings";
import { Settings } from "../engine/settings";
import { Direction, IndicatorInput, InvestmentInput, MeasureInput, MeasureStatus, RiskInput, SensitivityInput } from "../engine/types";
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
      source: { range: table.name, at: row.at() },
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

export function readRisks(table: Table, settings: Settings): RiskInput[] {
  if (!table.require("risk", "sannolikhet", "konsekvens")) return [];
  const list: RiskInput[] = [];
  for (const row of table.rows) {
    const risk = row.requiredText("risk");
    const likelihood = readScale(row, "sannolikhet", settings.riskScale);
    const consequence = readScale(row, "konsekvens", settings.riskScale);
    const economicConsequence = row.number("ekonomisk");
    const previousRiskValue = row.number("foregaende");
    if (risk === null || likelihood === null || consequence === null) continue;
    list.push({
      risk,
      likelihood,
      consequence,
      action: row.text("atgard"),
      owner: row.text("ansvarig"),
      comment: row.text("kommentar"),
      economicConsequence,
      previousRiskValue,
      source: { range: table.name, at: row.at() },
    });
  }
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
