/**
 * Reads `Budget` and `Utfall` into the engine's columnar rows. Numbers are read a column at a time straight from the
 * grid; rows holding anything else are read cell by cell, in row order, for their findings.
 */
import { ItemKind, KIND_CODES, NO_KIND, isCarryoverName, parseKind } from "../core/kinds";
import { finding } from "../findings/findings";
import { Settings } from "../engine/settings";
import { ActualRows, BudgetRows, RowOrigin } from "../engine/types";
import { MONTH_HEADERS, MONTH_KEYS } from "./months";
import { Table } from "./table";

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
  return { size: 0, responsibility: [], item: [], kind: new Uint8Array(0), actual: null, months: null, priorYear: null, priorYearFull: null, forecast: null, forecastCol: 0, origin: emptyRows(table) };
}

export function readBudget(table: Table, settings: Settings): BudgetRows {
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

export function readActuals(table: Table, settings: Settings, budgetHasResponsibility: boolean): ActualRows {
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
  const priorYearFull = table.has("fghelar") ? new Float64Array(n) : null;
  const forecast = table.has("prognos") ? new Float64Array(n) : null;
  const mcols = monthCols(table);
  const [postCol, typCol, respCol, actualCol, priorCol, forecastCol, fullCol] = ["post", "typ", "ansvar", "utfall", "fgar", "prognos", "fghelar"].map((k) => table.colOf(k));
  // As in readBudget: numbers a column at a time, odd rows cell by cell. An empty forecast cell is NaN: the engine
  // uses the annual budget, with a notice. Other problems are findings already.
  const odd = new Uint8Array(n);
  if (actual) table.numbersInto([actualCol], actual, odd);
  if (months) table.numbersInto(mcols, months, odd);
  if (priorYear) table.numbersInto([priorCol], priorYear, odd);
  if (priorYearFull) table.numbersInto([fullCol], priorYearFull, odd);
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
      const full = table.numberOf(i, fullCol, "fghelar") ?? 0;
      const f = table.numberOf(i, forecastCol, "prognos");
      if (post === null) continue;
      if (actual) actual[at] = a;
      if (priorYear) priorYear[at] = prior;
      if (priorYearFull) priorYearFull[at] = full;
      if (forecast) forecast[at] = f === null ? (table.row(i).blank("prognos") ? NaN : 0) : f;
    } else {
      if (post === null) continue;
      if (at !== i) {
        if (actual) actual[at] = actual[i];
        if (months) months.copyWithin(at * 12, i * 12, i * 12 + 12);
        if (priorYear) priorYear[at] = priorYear[i];
        if (priorYearFull) priorYearFull[at] = priorYearFull[i];
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
    priorYearFull: priorYearFull ? priorYearFull.subarray(0, out.size) : null,
    forecast: forecast ? forecast.subarray(0, out.size) : null,
    forecastCol: table.raw.col + (table.columns.get("prognos") ?? 0),
    origin: { range: table.name, sheet: table.raw.sheet, col: table.raw.col, rows: out.rows.subarray(0, out.size) },
  };
}
