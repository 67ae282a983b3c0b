import {
  AccountRule, ActualRows, BudgetRows, CellRef, LedgerRows, Direction, IndicatorInput, InvestmentInput, ItemKind, KIND_CODES, MeasureInput, MeasureStatus, NO_KIND, RiskInput, RowOrigin, SensitivityInput,
} from "../engine/types";
import { Finding, finding, FindingList, formatAddress } from "../findings/findings";
import { Settings } from "../settings/settings";
import { readSettings, SETTINGS_COLUMNS } from "./readSettings";
import { RangeEntry, SourceWorkbook } from "./source";
import { ColumnSpec, isPercentFormat, Table, TableRow } from "./table";
import { canon, isCarryoverName, parseKind } from "./text";
import { MONTH_COLUMNS, MONTH_HEADERS, MONTH_KEYS } from "./months";
import { KONTOPLAN_COLUMNS, ledgerColumns, readKontoplan, readLedger, yearHeaders } from "./readLedger";

/** Everything the engine needs, read from a workbook. Amounts are as entered (input unit, the workbook's signs). */
export interface ContractInput {
  settings: Settings;
  budget: BudgetRows;
  actuals: ActualRows;
  hasPriorYear: boolean;
  hasForecast: boolean;
  indicators: IndicatorInput[];
  risks: RiskInput[];
  /** null when there is no `Känslighet` range: the engine then analyses every post. */
  sensitivity: SensitivityInput[] | null;
  /** Measures for a budget in balance, or null when there is no `Åtgärder` range. */
  measures: MeasureInput[] | null;
  /** A ledger with its account plan, in place of Budget and Utfall, or null. */
  ledger: { rows: LedgerRows; plan: AccountRule[] } | null;
  /** Investment projects, or null when there is no `Investeringar` range. */
  investments: InvestmentInput[] | null;
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

export const CONTRACT_RANGES = ["Budget", "Utfall", "Huvudbok", "Kontoplan", "Indikatorer", "Risker", "Känslighet", "Åtgärder", "Investeringar", "Inställningar"] as const;
export type ContractRangeName = (typeof CONTRACT_RANGES)[number];
const REQUIRED: ReadonlySet<ContractRangeName> = new Set(["Budget", "Utfall"]);
const FOLDED_NAMES = new Set<string>(CONTRACT_RANGES.map((n) => canon(n)));

/** True when a workbook name is one of the contract's ranges (compared as the contract says: case, spaces, å/ä/ö). */
export function isContractRangeName(name: string): boolean {
  return FOLDED_NAMES.has(canon(name));
}

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
/** Åtgärder: the effect columns may be named after the year (`Effekt 2024`, `Effekt 2025 (tkr)`). */
function measureColumns(year: number): ColumnSpec[] {
  return [
    { key: "atgard", header: "Åtgärd", aliases: ["Åtgärder"] },
    { key: "status", header: "Status", aliases: ["Beslut"] },
    { key: "iar", header: "Effekt i år", aliases: [`Effekt ${year}`] },
    { key: "nastaar", header: "Effekt nästa år", aliases: [`Effekt ${year + 1}`] },
    { key: "iprognos", header: "Ingår i prognos", aliases: ["I prognos", "Ingår i prognosen"] },
    { key: "ansvar", header: "Ansvar" },
    { key: "kommentar", header: "Kommentar" },
  ];
}

const INVESTMENT_COLUMNS: ColumnSpec[] = [
  { key: "projekt", header: "Projekt", aliases: ["Investering", "Investeringsprojekt"] },
  { key: "kategori", header: "Kategori", aliases: ["Grupp", "Investeringstyp"] },
  { key: "utfall", header: "Utfall", aliases: ["Utfall ack", "Utfall period", "Utfall hittills"] },
  { key: "budget", header: "Budget helår", aliases: ["Budget", "Årsbudget"] },
  { key: "prognos", header: "Prognos helår", aliases: ["Prognos", "Årsprognos", "Helårsprognos"] },
  { key: "acktotalt", header: "Utfall ack totalt", aliases: ["Utfall totalt", "Ackumulerat utfall"] },
  { key: "projektbudget", header: "Total projektbudget", aliases: ["Projektbudget", "Budget totalt"] },
  { key: "prognostotal", header: "Prognos total", aliases: ["Prognos totalt", "Total prognos", "Prognos projekt"] },
];

const SENSITIVITY_COLUMNS: ColumnSpec[] = [
  { key: "faktor", header: "Faktor" },
  { key: "post", header: "Post" },
  { key: "bas", header: "Bas" },
  { key: "forandring", header: "Förändring" },
];

/** Reads every contract input of a workbook. All problems are collected in `findings`. */
export function readContract(source: SourceWorkbook, now?: Date): { input: ContractInput; findings: Finding[] } {
  const findings = new FindingList();
  const found: FoundRange[] = [];
  const opened: Table[] = [];
  // A ledger (Huvudbok) takes the place of Budget and Utfall: then they are not required.
  const hasLedger = source.entries.some((e) => canon(e.name) === canon("Huvudbok")) || (source.sheetScoped ?? []).some((e) => canon(e.name) === canon("Huvudbok"));
  const required = (name: ContractRangeName) => (hasLedger ? name === "Huvudbok" : REQUIRED.has(name));
  const open = (name: ContractRangeName, specs: ColumnSpec[] | ((header: readonly unknown[]) => ColumnSpec[])): Table | null => {
    const table = openTable(source, name, specs, findings, required(name));
    if (table) opened.push(table);
    found.push({
      name,
      required: required(name),
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
  const measureTable = open("Åtgärder", measureColumns(settings.year));
  const investmentTable = open("Investeringar", INVESTMENT_COLUMNS);
  let ambiguousBudget: string[] = [];
  const ledgerTable = hasLedger
    ? open("Huvudbok", (header) => {
        const years = yearHeaders(header, settings.year);
        ambiguousBudget = years.ambiguous;
        return ledgerColumns(years);
      })
    : null;
  // A Kontoplan only maps a ledger's accounts; without a Huvudbok it is not read (and said so).
  const planTable = hasLedger ? open("Kontoplan", KONTOPLAN_COLUMNS) : null;
  const unusedPlan = hasLedger ? undefined : source.entries.find((e) => canon(e.name) === canon("Kontoplan"));
  if (unusedPlan) findings.push(finding("PLAN_WITHOUT_LEDGER", "Kontoplan", null, {}));
  if (hasLedger) {
    // With a ledger, Budget and Utfall are not wanted: listing them as missing would only confuse.
    for (let i = found.length - 1; i >= 0; i--) if (!found[i].found && (found[i].name === "Budget" || found[i].name === "Utfall")) found.splice(i, 1);
  }
  found.sort((a, b) => CONTRACT_RANGES.indexOf(a.name) - CONTRACT_RANGES.indexOf(b.name));

  let ledger: ContractInput["ledger"] = null;
  if (ledgerTable) {
    const other = budgetTable ?? actualTable;
    if (other) findings.push(finding("LEDGER_AND_BUDGET", "Huvudbok", ledgerTable.origin, {}, [other.origin]));
    if (ambiguousBudget.length) findings.push(finding("LEDGER_BUDGET_COLUMNS", "Huvudbok", ledgerTable.origin, { value: ambiguousBudget.join(", "), year: settings.year }));
    const rows = readLedger(ledgerTable, settings);
    if (rows) ledger = { rows, plan: planTable ? readKontoplan(planTable, findings) : [] };
  }
  const budget = budgetTable && !ledgerTable ? readBudget(budgetTable, settings) : noBudget();
  const actuals = actualTable && !ledgerTable ? readActuals(actualTable, settings, budgetTable?.has("ansvar") ?? false) : noActuals();
  const input: ContractInput = {
    settings,
    budget,
    actuals,
    ledger,
    hasPriorYear: (ledger ? ledger.rows.priorYear !== null : actualTable?.has("fgar")) ?? false,
    hasForecast: (ledger ? ledger.rows.forecast !== null : actualTable?.has("prognos")) ?? false,
    indicators: indicatorTable ? readIndicators(indicatorTable) : [],
    risks: riskTable ? readRisks(riskTable, settings) : [],
    sensitivity: sensitivityTable ? readSensitivity(sensitivityTable) : null,
    measures: measureTable ? readMeasures(measureTable) : null,
    investments: investmentTable ? readInvestments(investmentTable, settings) : null,
    found,
  };
  for (const t of opened) t.finish();
  return { input, findings: findings.close() };
}

function openTable(source: SourceWorkbook, name: ContractRangeName, specsOf: ColumnSpec[] | ((header: readonly unknown[]) => ColumnSpec[]), findings: Finding[], required: boolean): Table | null {
  const wanted = canon(name);
  const entries = source.entries.filter((e) => canon(e.name) === wanted);
  const scoped = (source.sheetScoped ?? []).filter((e) => canon(e.name) === wanted);
  const sheets = scoped.map((e) => e.sheet).join(", ");
  if (entries.length === 0) {
    if (scoped.length) findings.push(finding(required ? "RANGE_SHEET_SCOPED" : "RANGE_SHEET_SCOPED_OPTIONAL", name, null, { sheet: sheets }));
    else if (required) findings.push(finding("RANGE_MISSING", name, null));
    return null;
  }
  const entry: RangeEntry = entries.find((e) => e.origin === "table") ?? entries[0];
  const lookup = entry.lookup;
  if (lookup.kind !== "cells") {
    const code = lookup.kind === "brokenRef" ? "RANGE_BROKEN_REF" : lookup.kind === "notCells" ? "RANGE_NOT_CELLS" : "RANGE_MULTI_AREA";
    findings.push(finding(code, name, null, { formula: lookup.formula }));
    return null;
  }
  const header = Array.from({ length: lookup.range.grid.colCount }, (_, c) => lookup.range.grid.get(0, c));
  const specs = typeof specsOf === "function" ? specsOf(header) : specsOf;
  const table = new Table(name, lookup.range, specs, findings);
  if (entries.length > 1 && entries.some((e) => e.origin === "name")) {
    findings.push(finding("RANGE_DUPLICATE_NAME", name, table.origin));
  }
  if (scoped.length) findings.push(finding("RANGE_SHEET_SCOPED_IGNORED", name, table.origin, { sheet: sheets }));
  if (table.size === 0) {
    findings.push(finding(required ? "RANGE_EMPTY" : "RANGE_EMPTY_OPTIONAL", name, table.origin));
    return required ? table : null;
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

/** Writes data row `i`'s months Jan…Dec into `into` at `at` (0 for an absent or empty cell), one cell at a time. */
function readMonthsInto(table: Table, i: number, cols: readonly (number | undefined)[], into: Float64Array, at: number): void {
  for (let m = 0; m < 12; m++) into[at + m] = table.numberOf(i, cols[m], MONTH_KEYS[m]) ?? 0;
}

/** The sum of the twelve months at `at`, added in month order. */
function monthSum(months: Float64Array, at: number): number {
  let sum = 0;
  for (let m = 0; m < 12; m++) sum += months[at + m];
  return sum;
}

/** The column of each month in a table (undefined where absent), looked up once for all rows. */
function monthCols(table: Table): (number | undefined)[] {
  return MONTH_KEYS.map((k) => table.columns.get(k));
}

/** The Typ of data row `i`; `post` is the row's Post as read, for the check that a carryover is typed as one. */
function readKind(table: Table, i: number, typCol: number | undefined, required: boolean, post: string | null): ItemKind | null {
  const t = required ? table.requiredTextOf(i, typCol, "typ") : table.textOf(i, typCol, "typ");
  if (t === null) return null;
  const kind = parseKind(t);
  if (!kind) table.row(i).flag("TYPE_UNKNOWN", "typ", t);
  else if (kind !== "carryover" && isCarryoverName(post)) table.row(i).flag("CARRYOVER_TYPE_SUSPECT", "typ", t, { item: post ?? "" });
  return kind;
}

/** Growable typed columns for rows read one by one; trimmed to size at the end. */
class Columns {
  size = 0;
  rows: Int32Array;
  constructor(capacity: number) {
    this.rows = new Int32Array(Math.max(1, capacity));
  }
}

function emptyRows(table: Table | null): RowOrigin {
  return { range: table?.name ?? "", sheet: table?.raw.sheet ?? "", col: table?.raw.col ?? 0, rows: new Int32Array(0) };
}

/** No budget rows (when the range is missing or unusable). */
export function noBudget(table: Table | null = null): BudgetRows {
  return { size: 0, responsibility: [], item: [], kind: new Uint8Array(0), budgetYear: new Float64Array(0), months: null, origin: emptyRows(table) };
}

export function noActuals(table: Table | null = null): ActualRows {
  return { size: 0, responsibility: [], item: [], kind: new Uint8Array(0), actual: null, months: null, priorYear: null, forecast: null, forecastCol: 0, origin: emptyRows(table) };
}

function readBudget(table: Table, settings: Settings): BudgetRows {
  const hasYear = table.has("helar");
  const headersOk = table.require("post", "typ");
  const monthly = monthColumns(table, settings.months, !hasYear);
  if (!hasYear && MONTH_KEYS.some((k) => !table.has(k)) && !MONTH_KEYS.some((k) => table.has(k))) table.require("helar");
  if (!headersOk) return noBudget(table);
  const n = table.size;
  const out = new Columns(n);
  const responsibility: (string | null)[] = [];
  const item: string[] = [];
  const kind = new Uint8Array(n);
  const budgetYear = new Float64Array(n);
  const months = monthly ? new Float64Array(n * 12) : null;
  const allTwelve = MONTH_KEYS.every((k) => table.has(k));
  const mcols = monthCols(table);
  const [postCol, typCol, respCol, yearCol] = ["post", "typ", "ansvar", "helar"].map((k) => table.colOf(k));
  // Numbers are read a column at a time, by data row; rows holding anything but plain numbers are read cell by cell
  // in the loop below, in row order, for their findings. Rows without Post or Typ close up behind.
  const odd = new Uint8Array(n);
  if (months) table.numbersInto(mcols, months, odd);
  // Without Helår the year is the months' exact sum, worked out by the engine; NaN says so.
  const noYear = months ? NaN : 0;
  budgetYear.fill(noYear);
  if (yearCol !== undefined) table.numbersInto([yearCol], budgetYear, odd);
  for (let i = 0; i < n; i++) {
    const post = table.requiredTextOf(i, postCol, "post");
    const k = readKind(table, i, typCol, true, post);
    const resp = table.textOf(i, respCol, "ansvar");
    const at = out.size;
    let stated: number | null;
    if (odd[i]) {
      if (months) readMonthsInto(table, i, mcols, months, at * 12);
      stated = table.numberOf(i, yearCol, "helar");
    } else {
      if (months && at !== i) months.copyWithin(at * 12, i * 12, i * 12 + 12);
      stated = Number.isNaN(budgetYear[i]) ? null : budgetYear[i];
    }
    if (stated !== null && months && allTwelve) {
      const sum = monthSum(months, at * 12);
      if (Math.abs(stated - sum) > 0.5) table.findings.push(finding("YEAR_DIFFERS_FROM_MONTHS", table.name, table.row(i).at("helar"), { year: stated, sum }));
    }
    if (post === null || k === null) continue;
    responsibility.push(resp);
    item.push(post);
    kind[at] = KIND_CODES.indexOf(k);
    budgetYear[at] = stated ?? noYear;
    out.rows[at] = table.raw.row + table.rowOffsets[i];
    out.size++;
  }
  return {
    size: out.size,
    responsibility,
    item,
    kind: kind.subarray(0, out.size),
    budgetYear: budgetYear.subarray(0, out.size),
    months: months ? months.subarray(0, out.size * 12) : null,
    origin: { range: table.name, sheet: table.raw.sheet, col: table.raw.col, rows: out.rows.subarray(0, out.size) },
  };
}

function readActuals(table: Table, settings: Settings, budgetHasResponsibility: boolean): ActualRows {
  let ok = table.require("post");
  if (budgetHasResponsibility) ok = table.require("ansvar") && ok;
  const monthly = !table.has("utfall") && monthColumns(table, settings.months, false);
  if (!table.has("utfall") && !MONTH_KEYS.some((k) => table.has(k))) ok = table.require("utfall") && ok;
  if (!ok) return noActuals(table);
  const n = table.size;
  const out = new Columns(n);
  const responsibility: (string | null)[] = [];
  const item: string[] = [];
  const kind = new Uint8Array(n);
  const actual = table.has("utfall") ? new Float64Array(n) : null;
  const months = monthly ? new Float64Array(n * 12) : null;
  const priorYear = table.has("fgar") ? new Float64Array(n) : null;
  const forecast = table.has("prognos") ? new Float64Array(n) : null;
  const mcols = monthCols(table);
  const [postCol, typCol, respCol, actualCol, priorCol, forecastCol] = ["post", "typ", "ansvar", "utfall", "fgar", "prognos"].map((k) => table.colOf(k));
  // As in readBudget: numbers a column at a time, odd rows cell by cell. An empty forecast cell is NaN: the engine
  // uses the annual budget, with a notice. Other problems are findings already.
  const odd = new Uint8Array(n);
  if (actual) table.numbersInto([actualCol], actual, odd);
  if (months) table.numbersInto(mcols, months, odd);
  if (priorYear) table.numbersInto([priorCol], priorYear, odd);
  if (forecast) {
    forecast.fill(NaN);
    table.numbersInto([forecastCol], forecast, odd);
  }
  for (let i = 0; i < n; i++) {
    const post = table.requiredTextOf(i, postCol, "post");
    const k = typCol !== undefined ? readKind(table, i, typCol, false, post) : null;
    const at = out.size;
    if (odd[i]) {
      const a = table.numberOf(i, actualCol, "utfall") ?? 0;
      if (months) readMonthsInto(table, i, mcols, months, at * 12);
      const prior = table.numberOf(i, priorCol, "fgar") ?? 0;
      const f = table.numberOf(i, forecastCol, "prognos");
      if (post === null) continue;
      if (actual) actual[at] = a;
      if (priorYear) priorYear[at] = prior;
      if (forecast) forecast[at] = f === null ? (table.row(i).blank("prognos") ? NaN : 0) : f;
    } else {
      if (post === null) continue;
      if (at !== i) {
        if (actual) actual[at] = actual[i];
        if (months) months.copyWithin(at * 12, i * 12, i * 12 + 12);
        if (priorYear) priorYear[at] = priorYear[i];
        if (forecast) forecast[at] = forecast[i];
      }
    }
    responsibility.push(table.textOf(i, respCol, "ansvar"));
    item.push(post);
    kind[at] = k === null ? NO_KIND : KIND_CODES.indexOf(k);
    out.rows[at] = table.raw.row + table.rowOffsets[i];
    out.size++;
  }
  return {
    size: out.size,
    responsibility,
    item,
    kind: kind.subarray(0, out.size),
    actual: actual ? actual.subarray(0, out.size) : null,
    months: months ? months.subarray(0, out.size * 12) : null,
    priorYear: priorYear ? priorYear.subarray(0, out.size) : null,
    forecast: forecast ? forecast.subarray(0, out.size) : null,
    forecastCol: table.raw.col + (table.columns.get("prognos") ?? 0),
    origin: { range: table.name, sheet: table.raw.sheet, col: table.raw.col, rows: out.rows.subarray(0, out.size) },
  };
}

const STATUS: Record<string, MeasureStatus> = {
  beslutad: "decided", beslutade: "decided", beslutat: "decided",
  "ej beslutad": "proposed", "ej beslutade": "proposed", "ej beslutat": "proposed", forslag: "proposed", foreslagen: "proposed", foreslagna: "proposed", foreslaget: "proposed",
};

function readMeasures(table: Table): MeasureInput[] {
  if (!table.require("atgard", "status")) return [];
  const list: MeasureInput[] = [];
  for (const row of table.rows) {
    const measure = row.requiredText("atgard");
    const statusText = row.requiredText("status");
    const status = statusText === null ? null : (STATUS[canon(statusText)] ?? null);
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

function readInvestments(table: Table, settings: Settings): InvestmentInput[] {
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
