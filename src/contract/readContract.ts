import {
  ActualLine, BudgetLine, Direction, IndicatorInput, ItemKind, RiskInput, SensitivityInput,
} from "../engine/types";
import { Finding, finding, formatAddress } from "../findings/findings";
import { Settings } from "../settings/settings";
import { readSettings, SETTINGS_COLUMNS } from "./readSettings";
import { RangeEntry, SourceWorkbook } from "./source";
import { ColumnSpec, isPercentFormat, Table, TableRow } from "./table";
import { canon, parseKind } from "./text";

/** Everything the engine needs, read from a workbook. Amounts are as entered (input unit, the workbook's signs). */
export interface ContractInput {
  settings: Settings;
  budget: BudgetLine[];
  actuals: ActualLine[];
  hasPriorYear: boolean;
  hasForecast: boolean;
  indicators: IndicatorInput[];
  risks: RiskInput[];
  /** null when there is no `Känslighet` range: the engine then analyses every post. */
  sensitivity: SensitivityInput[] | null;
  found: FoundRange[];
}

/** One contract range as found (or not) in the workbook, for the task pane and the report. */
export interface FoundRange {
  name: ContractRangeName;
  required: boolean;
  found: boolean;
  address: string | null;
  rows: number;
}

export const CONTRACT_RANGES = ["Budget", "Utfall", "Indikatorer", "Risker", "Känslighet", "Inställningar"] as const;
export type ContractRangeName = (typeof CONTRACT_RANGES)[number];
const REQUIRED: ReadonlySet<ContractRangeName> = new Set(["Budget", "Utfall"]);
const FOLDED_NAMES = new Set<string>(CONTRACT_RANGES.map((n) => canon(n)));

/** True when a workbook name is one of the contract's ranges (compared as the contract says: case, spaces, å/ä/ö). */
export function isContractRangeName(name: string): boolean {
  return FOLDED_NAMES.has(canon(name));
}

export const MONTH_KEYS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"] as const;
const MONTH_HEADERS = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"];
const MONTH_LONG = ["Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober", "November", "December"];
const MONTH_COLUMNS: ColumnSpec[] = MONTH_KEYS.map((key, i) => ({ key, header: MONTH_HEADERS[i], aliases: [MONTH_LONG[i]] }));

const BUDGET_COLUMNS: ColumnSpec[] = [
  { key: "post", header: "Post" },
  { key: "typ", header: "Typ" },
  { key: "ansvar", header: "Ansvar" },
  { key: "helar", header: "Helår", aliases: ["Budget helår", "Årsbudget", "Budget"] },
  ...MONTH_COLUMNS,
];
const ACTUAL_COLUMNS: ColumnSpec[] = [
  { key: "post", header: "Post" },
  { key: "typ", header: "Typ" },
  { key: "ansvar", header: "Ansvar" },
  { key: "utfall", header: "Utfall" },
  { key: "fgar", header: "Utfall fg år", aliases: ["Utfall föregående år", "Fg år", "Föregående år"] },
  { key: "prognos", header: "Prognos", aliases: ["Helårsprognos", "Årsprognos"] },
  ...MONTH_COLUMNS,
];
const INDICATOR_COLUMNS: ColumnSpec[] = [
  { key: "indikator", header: "Indikator" },
  { key: "utfall", header: "Utfall" },
  { key: "mal", header: "Mål" },
  { key: "riktning", header: "Riktning" },
  { key: "tolerans", header: "Tolerans" },
  { key: "foregaende", header: "Föregående" },
  { key: "enhet", header: "Enhet" },
  { key: "kommentar", header: "Kommentar" },
];
const RISK_COLUMNS: ColumnSpec[] = [
  { key: "risk", header: "Risk" },
  { key: "sannolikhet", header: "Sannolikhet" },
  { key: "konsekvens", header: "Konsekvens" },
  { key: "atgard", header: "Åtgärd" },
  { key: "ansvarig", header: "Ansvarig" },
  { key: "kommentar", header: "Kommentar" },
  { key: "ekonomisk", header: "Ekonomisk konsekvens" },
  { key: "foregaende", header: "Föregående riskvärde" },
];
const SENSITIVITY_COLUMNS: ColumnSpec[] = [
  { key: "faktor", header: "Faktor" },
  { key: "post", header: "Post" },
  { key: "bas", header: "Bas" },
  { key: "forandring", header: "Förändring" },
];

/** Reads every contract input of a workbook. All problems are collected in `findings`. */
export function readContract(source: SourceWorkbook, now?: Date): { input: ContractInput; findings: Finding[] } {
  const findings: Finding[] = [];
  const found: FoundRange[] = [];
  const opened: Table[] = [];
  const open = (name: ContractRangeName, specs: ColumnSpec[]): Table | null => {
    const table = openTable(source, name, specs, findings);
    if (table) opened.push(table);
    found.push({
      name,
      required: REQUIRED.has(name),
      found: table !== null,
      address: table ? formatAddress(table.origin) : null,
      rows: table ? table.size : 0,
    });
    return table;
  };
  const settingsTable = open("Inställningar", SETTINGS_COLUMNS);
  const settings = readSettings(settingsTable, findings, now);
  const budgetTable = open("Budget", BUDGET_COLUMNS);
  const actualTable = open("Utfall", ACTUAL_COLUMNS);
  const indicatorTable = open("Indikatorer", INDICATOR_COLUMNS);
  const riskTable = open("Risker", RISK_COLUMNS);
  const sensitivityTable = open("Känslighet", SENSITIVITY_COLUMNS);
  found.sort((a, b) => CONTRACT_RANGES.indexOf(a.name) - CONTRACT_RANGES.indexOf(b.name));

  const budget = budgetTable ? readBudget(budgetTable, settings) : [];
  const actuals = actualTable ? readActuals(actualTable, settings, budgetTable?.has("ansvar") ?? false) : [];
  const input: ContractInput = {
    settings,
    budget,
    actuals,
    hasPriorYear: actualTable?.has("fgar") ?? false,
    hasForecast: actualTable?.has("prognos") ?? false,
    indicators: indicatorTable ? readIndicators(indicatorTable) : [],
    risks: riskTable ? readRisks(riskTable, settings) : [],
    sensitivity: sensitivityTable ? readSensitivity(sensitivityTable) : null,
    found,
  };
  for (const t of opened) t.finish();
  return { input, findings };
}

function openTable(source: SourceWorkbook, name: ContractRangeName, specs: ColumnSpec[], findings: Finding[]): Table | null {
  const wanted = canon(name);
  const entries = source.entries.filter((e) => canon(e.name) === wanted);
  if (entries.length === 0) {
    if (REQUIRED.has(name)) findings.push(finding("RANGE_MISSING", name, null));
    return null;
  }
  const entry: RangeEntry = entries.find((e) => e.origin === "table") ?? entries[0];
  const lookup = entry.lookup;
  if (lookup.kind !== "cells") {
    const code = lookup.kind === "brokenRef" ? "RANGE_BROKEN_REF" : lookup.kind === "notCells" ? "RANGE_NOT_CELLS" : "RANGE_MULTI_AREA";
    findings.push(finding(code, name, null, { formula: lookup.formula }));
    return null;
  }
  const table = new Table(name, lookup.range, specs, findings);
  if (entries.length > 1 && entries.some((e) => e.origin === "name")) {
    findings.push(finding("RANGE_DUPLICATE_NAME", name, table.origin));
  }
  if (table.size === 0) {
    findings.push(finding(REQUIRED.has(name) ? "RANGE_EMPTY" : "RANGE_EMPTY_OPTIONAL", name, table.origin));
    return REQUIRED.has(name) ? table : null;
  }
  return table;
}

/** Checks the monthly columns: returns true when monthly figures are to be used. */
function monthColumns(table: Table, months: number, needAllTwelve: boolean): boolean {
  const present = MONTH_KEYS.filter((k) => table.has(k));
  if (present.length === 0) return false;
  const needed = needAllTwelve ? 12 : months;
  let ok = true;
  for (let i = 0; i < needed; i++) {
    if (!table.has(MONTH_KEYS[i])) {
      table.findings.push(finding("MONTH_COLUMN_MISSING", table.name, table.origin, { month: MONTH_HEADERS[i] }));
      ok = false;
      break;
    }
  }
  return ok;
}

function readMonths(row: TableRow): number[] {
  return MONTH_KEYS.map((k) => (row.has(k) ? (row.number(k) ?? 0) : 0));
}

function readKind(row: TableRow, required: boolean): ItemKind | null {
  const t = required ? row.requiredText("typ") : row.text("typ");
  if (t === null) return null;
  const kind = parseKind(t);
  if (!kind) row.flag("TYPE_UNKNOWN", "typ", t);
  return kind;
}

function readBudget(table: Table, settings: Settings): BudgetLine[] {
  const hasYear = table.has("helar");
  const headersOk = table.require("post", "typ");
  const monthly = monthColumns(table, settings.months, !hasYear);
  if (!hasYear && MONTH_KEYS.some((k) => !table.has(k)) && !MONTH_KEYS.some((k) => table.has(k))) table.require("helar");
  if (!headersOk) return [];
  const lines: BudgetLine[] = [];
  for (const row of table.rows) {
    const item = row.requiredText("post");
    const kind = readKind(row, true);
    const responsibility = row.text("ansvar");
    const months = monthly ? readMonths(row) : null;
    const sum = months ? months.reduce((a, b) => a + b, 0) : 0;
    const stated = hasYear ? row.number("helar") : null;
    if (stated !== null && months && MONTH_KEYS.every((k) => table.has(k)) && Math.abs(stated - sum) > 0.5) {
      table.findings.push(finding("YEAR_DIFFERS_FROM_MONTHS", table.name, row.at("helar"), { year: stated, sum }));
    }
    if (item === null || kind === null) continue;
    lines.push({
      responsibility,
      item,
      kind,
      budgetYear: stated ?? sum,
      months,
      source: { range: table.name, at: row.at() },
    });
  }
  return lines;
}

function readActuals(table: Table, settings: Settings, budgetHasResponsibility: boolean): ActualLine[] {
  let ok = table.require("post");
  if (budgetHasResponsibility) ok = table.require("ansvar") && ok;
  const monthly = !table.has("utfall") && monthColumns(table, settings.months, false);
  if (!table.has("utfall") && !MONTH_KEYS.some((k) => table.has(k))) ok = table.require("utfall") && ok;
  if (!ok) return [];
  const lines: ActualLine[] = [];
  for (const row of table.rows) {
    const item = row.requiredText("post");
    const kind = row.has("typ") ? readKind(row, false) : null;
    const actual = table.has("utfall") ? (row.number("utfall") ?? 0) : null;
    const months = monthly ? readMonths(row) : null;
    const actualPriorYear = table.has("fgar") ? (row.number("fgar") ?? 0) : null;
    const forecast = row.number("prognos");
    if (item === null) continue;
    lines.push({
      responsibility: row.text("ansvar"),
      item,
      kind,
      actual,
      months,
      actualPriorYear,
      forecast,
      source: { range: table.name, at: row.at() },
    });
    if (table.has("prognos") && forecast === null && row.cell("prognos") === null) {
      lines[lines.length - 1].forecastBlankAt = row.at("prognos");
    }
  }
  return lines;
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

function readIndicators(table: Table): IndicatorInput[] {
  if (!table.require("indikator", "mal")) return [];
  const list: IndicatorInput[] = [];
  for (const row of table.rows) {
    const indicator = row.requiredText("indikator");
    const target = row.requiredNumber("mal");
    const actual = row.number("utfall");
    const direction = readDirection(row);
    const tolerance = row.number("tolerans");
    if (tolerance !== null && tolerance < 0) row.flag("TOLERANCE_NEGATIVE", "tolerans", String(tolerance));
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
    row.flag("SCALE_OUT_OF_RANGE", key, String(n).replace(".", ","), { max });
    return null;
  }
  return n;
}

function readRisks(table: Table, settings: Settings): RiskInput[] {
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

function readSensitivity(table: Table): SensitivityInput[] {
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
