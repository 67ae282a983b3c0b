/**
 * Reads a ledger export (`Huvudbok`) as the ekonomisystem writes it, wide (one row per account and ansvar with
 * amount columns) or long (one row per account, period and kind), and an account plan (`Kontoplan`). Amounts are
 * turned to the report's sign on reading (a ledger books debit positive); long rows are summed exactly per account
 * and ansvar. Every problem names its cell.
 */
import { AmountScale, decimalsOf } from "../engine/amounts";
import { add, Int } from "../engine/exact";
import { AccountRule, LedgerRows } from "../engine/types";
import { Settings } from "../engine/settings";
import { Finding, finding } from "../findings/findings";
import { AccountHint } from "../findings/params";
import { MONTH_COLUMNS, MONTH_KEYS } from "./months";
import { ColumnSpec, Table, TableRow } from "./table";
import { parseKind } from "../core/kinds";
import { canon, own } from "../core/text";
import { parseAccountRule, specificity } from "../engine/accountPlan";

/** Headers of a ledger's amount columns named after years (`BUDGET 2025`, `Utfall 2024`), read for the report's year. */
export interface YearHeaders {
  budget: string[];
  utfall: string[];
  fgar: string[];
  prognos: string[];
  /** Budget columns for other years only, more than one: which is meant cannot be told. */
  ambiguous: string[];
}

const YEAR_HEADER = /^(?:ack\.? )?(budget|utfall|prognos|arsprognos|bokfort|redovisat)( ack\.?| ackumulerat)? (?:ar )?(\d{4})$/;
/** Outcome named after its months: `Utfall jan-aug`, `Utfall fg år jan–aug 2024`, `Utfall t.o.m. aug`. */
const PERIOD_HEADER = /^(utfall|bokfort|redovisat)( fg ar| foregaende ar)? (?:(?:jan|januari|1) ?[-–] ?[a-z0-9]+|t\.?o\.?m\.? [a-z0-9]+)(?: (\d{4}))?$/;

/** A header as compared: folded, without a unit in parentheses or trailing punctuation (`Utfall ack. (kr)`). */
function headerKey(h: string): string {
  let k = canon(h);
  const paren = k.lastIndexOf(" (");
  if (paren > 0 && k.endsWith(")")) k = k.slice(0, paren);
  return k.replace(/[.:]+$/, "");
}

/**
 * Sorts headers named after years or months: the budget, utfall and prognos of the report's year, utfall of the
 * year before as last year's, and utfall named by its months (`Utfall jan-aug`). A lone budget column for another
 * year is taken as the budget (exports name it after the year they were made for); several, none for the year,
 * are ambiguous.
 */
export function yearHeaders(headers: readonly unknown[], year: number): YearHeaders {
  const out: YearHeaders = { budget: [], utfall: [], fgar: [], prognos: [], ambiguous: [] };
  const otherBudgets: string[] = [];
  for (const h of headers) {
    if (typeof h !== "string") continue;
    const key = headerKey(h);
    const p = PERIOD_HEADER.exec(key);
    if (p) {
      const y = p[3] ? Number(p[3]) : null;
      if (p[2] || y === year - 1) out.fgar.push(h);
      else if (y === null || y === year) out.utfall.push(h);
      continue;
    }
    const m = YEAR_HEADER.exec(key);
    if (!m) continue;
    const [kind, y] = [m[1], Number(m[3])];
    if (kind === "budget") (y === year ? out.budget : otherBudgets).push(h);
    else if (kind === "prognos" || kind === "arsprognos") {
      if (y === year) out.prognos.push(h);
    } else if (y === year) out.utfall.push(h);
    else if (y === year - 1) out.fgar.push(h);
  }
  if (out.budget.length === 0 && otherBudgets.length === 1) out.budget.push(otherBudgets[0]);
  else if (out.budget.length === 0 && otherBudgets.length > 1) out.ambiguous = otherBudgets;
  return out;
}

/** Columns of a wide or long ledger, with the headers real exports use; `years` adds those named after years. */
export function ledgerColumns(years: YearHeaders = { budget: [], utfall: [], fgar: [], prognos: [], ambiguous: [] }, year: number = new Date().getFullYear()): ColumnSpec[] {
  return [
    { key: "konto", header: "Konto", aliases: ["UKONTO", "Kto", "Kontonummer", "Kontonr", "Konto nr", "Baskonto", "Kontokod", "Konto-id"] },
    { key: "ansvar", header: "Ansvar", aliases: ["KST", "Kostnadsställe", "Ansvarsområde", "Ansvarsenhet", "Ansvarskod", "Resultatenhet", "Resultatställe"] },
    { key: "budget", header: "Budget", aliases: ["Budget helår", "Årsbudget", "Budget år", "Budget totalt", "Helårsbudget", ...years.budget] },
    {
      key: "utfall",
      header: "Utfall",
      aliases: ["Utfall ack", "Ack utfall", "Ack. utfall", "Utfall ackumulerat", "Ackumulerat utfall", "Utfall hittills", "Utfall period", "Bokfört", "Bokfört ack", "Redovisat", ...years.utfall],
    },
    { key: "fgar", header: "Utfall fg år", aliases: ["Utfall fg år ack", "Utfall fg ack", "Fg år", "Utfall föregående år", "Föregående år", "Utfall fjol", "Fg år ack", ...years.fgar] },
    { key: "fghelar", header: "Utfall helår fg år", aliases: ["UTFALL FG HELÅR", "Utfall fg helår", "Bokslut fg år", `Bokslut ${year - 1}`, "Bokslut föregående år", "Utfall helår föregående år", "Bokslut"] },
    { key: "prognos", header: "Prognos", aliases: ["PRG", "Årsprognos", "Helårsprognos", "Prognos helår", "Prognos år", ...years.prognos] },
    { key: "period", header: "Period", aliases: ["Månad", "Per", "Bokföringsperiod", "Redovisningsperiod"] },
    { key: "belopp", header: "Belopp", aliases: ["Summa", "Värde", "Belopp kr"] },
    { key: "art", header: "Art", aliases: ["Typ av belopp", "Beloppstyp", "Beloppsart"] },
    ...MONTH_COLUMNS,
  ];
}

export const KONTOPLAN_COLUMNS: ColumnSpec[] = [
  { key: "konto", header: "Konto", aliases: ["Konton", "Kontointervall"] },
  { key: "post", header: "Post" },
  { key: "typ", header: "Typ" },
];

/** An account number from a cell: digits, from a number or from text. Findings for anything else. */
function readAccount(row: TableRow, texts: Map<number, string>): string | null {
  const cell = row.cell("konto");
  if (cell === null) {
    row.missing("konto");
    return null;
  }
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 0 && cell < 1e10) {
      // One text per account number: the same string object row after row is cheaper to compare and hash.
      let t = texts.get(cell);
      if (t === undefined) texts.set(cell, (t = String(cell)));
      return t;
    }
    row.flag("ACCOUNT_INVALID", "konto", String(cell).replace(".", ","), { hint: "none" });
    return null;
  }
  if (typeof cell !== "string") {
    row.text("konto");
    if (typeof cell === "boolean" || cell instanceof Date) row.flag("ACCOUNT_INVALID", "konto", cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell), { hint: "none" });
    return null;
  }
  const t = cell.trim();
  if (/^\d{1,10}$/.test(t)) return t;
  const zero = /^(\d{1,10})[.,]0+$/.exec(t);
  if (zero) {
    row.flag("ACCOUNT_NORMALISED", "konto", t, { account: zero[1] });
    return zero[1];
  }
  const hint: AccountHint = /^\d{1,3}([\s\u00a0\u202f.,]\d{3})+$/.test(t) ? "thousands" : /^\d+\s*[-–:]?\s*\p{L}/u.test(t) ? "nameInCell" : /\s/.test(t) ? "spaces" : "none";
  row.flag("ACCOUNT_INVALID", "konto", t, { hint });
  return null;
}

const ART: Record<string, "utfall" | "budget" | "prognos" | "fgar" | "fghelar"> = {
  utfall: "utfall", "utfall ack": "utfall", budget: "budget", prognos: "prognos", arsprognos: "prognos",
  "utfall fg ar": "fgar", "fg ar": "fgar", "utfall foregaende ar": "fgar", "foregaende ar": "fgar",
  "utfall helar fg ar": "fghelar", "utfall fg helar": "fghelar", "bokslut fg ar": "fghelar", bokslut: "fghelar", "bokslut foregaende ar": "fghelar",
};

/**
 * The month of a period cell: 3, `2024-03`, `202403` (or a date); null, with a finding, for anything else. A period
 * that names its year must name the report's (`Utfall fg år` and `Bokslut fg år` also the year before): a row of another
 * year is a finding naming its cell, never added to this year's months.
 */
function readPeriod(row: TableRow, year: number, art: string | null): number | null {
  const cell = row.cell("period");
  let m: number | null = null;
  let y: number | null = null;
  if (typeof cell === "number" && Number.isInteger(cell)) {
    if (cell >= 100000 && cell <= 999912) [y, m] = [Math.floor(cell / 100), cell % 100];
    else m = cell;
  } else if (typeof cell === "string") {
    const t = cell.trim();
    const iso = /^(\d{4})-?(\d{1,2})$/.exec(t);
    if (iso && (t.includes("-") || t.length === 6)) [y, m] = [Number(iso[1]), Number(iso[2])];
    else if (/^\d{1,2}$/.test(t)) m = Number(t);
  } else if (cell instanceof Date) [y, m] = [cell.getUTCFullYear(), cell.getUTCMonth() + 1];
  const shown = () => String(cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);
  if (m !== null && m >= 1 && m <= 12) {
    if (y === null || y === year || ((art === "fgar" || art === "fghelar") && y === year - 1)) return m;
    row.flag("LEDGER_PERIOD_OTHER_YEAR", "period", shown(), { year });
    return null;
  }
  if (cell === null) row.missing("period");
  else row.flag("LEDGER_PERIOD_INVALID", "period", shown());
  return null;
}

/**
 * Reads `Huvudbok`. Wide form: Konto, Ansvar and amount columns (Budget, Utfall, Utfall fg år, Prognos, Jan…Dec).
 * Long form: Konto, Ansvar, Period, Belopp, Art. Amounts come out in the report's sign.
 */
export function readLedger(table: Table, settings: Settings): LedgerRows | null {
  table.require("konto");
  const long = table.has("belopp") || table.has("art");
  const amounts = ["budget", "utfall", "fgar", "fghelar", "prognos"].filter((k) => table.has(k));
  const monthly = MONTH_KEYS.some((k) => table.has(k));
  if (long) {
    if (!table.require("belopp", "art", "period")) return null;
  } else if (amounts.length === 0 && !monthly) {
    table.findings.push(finding("LEDGER_NO_AMOUNTS", table.name, table.origin, {}));
    return null;
  }
  if (!table.has("konto")) return null;
  const sign = settings.ledgerDebitPositive ? -1 : 1;
  return long ? readLong(table, settings, sign) : readWide(table, sign, monthly);
}

function readWide(table: Table, sign: number, monthly: boolean): LedgerRows {
  const n = table.size;
  const account: string[] = [];
  const responsibility: (string | null)[] = [];
  const col = (k: string) => (table.has(k) ? new Float64Array(n) : null);
  const budget = table.has("budget") ? new Float64Array(n) : monthly ? new Float64Array(n) : null;
  const actual = col("utfall"), prior = col("fgar"), priorFull = col("fghelar"), forecast = col("prognos");
  const months = monthly ? new Float64Array(n * 12) : null;
  const rows = new Int32Array(n);
  const texts = new Map<number, string>();
  let size = 0;
  for (let i = 0; i < n; i++) {
    const row = table.row(i);
    const a = readAccount(row, texts);
    const resp = row.text("ansvar");
    const b = table.has("budget") ? row.number("budget") : null;
    const u = actual ? row.number("utfall") : null;
    const p = prior ? row.number("fgar") : null;
    const pf = priorFull ? row.number("fghelar") : null;
    const f = forecast ? row.number("prognos") : null;
    const fBlank = forecast ? row.blank("prognos") : false;
    let ms: number[] | null = null;
    if (months) ms = MONTH_KEYS.map((k) => (table.has(k) ? (row.number(k) ?? 0) : 0));
    if (a === null) continue;
    account.push(a);
    responsibility.push(resp);
    // A negated zero stays zero: -0 would print as a minus sign.
    if (budget) budget[size] = b === null ? (monthly && !table.has("budget") ? NaN : 0) : b * sign || 0;
    if (actual) actual[size] = (u ?? 0) * sign || 0;
    if (prior) prior[size] = (p ?? 0) * sign || 0;
    if (priorFull) priorFull[size] = (pf ?? 0) * sign || 0;
    if (forecast) forecast[size] = f === null ? (fBlank ? NaN : 0) : f * sign || 0;
    if (months && ms) for (let m = 0; m < 12; m++) months[size * 12 + m] = ms[m] * sign || 0;
    rows[size] = table.raw.row + row.offset;
    size++;
  }
  return {
    size,
    account,
    responsibility,
    budget: budget ? budget.subarray(0, size) : null,
    months: months ? months.subarray(0, size * 12) : null,
    actual: actual ? actual.subarray(0, size) : null,
    priorYear: prior ? prior.subarray(0, size) : null,
    priorYearFull: priorFull ? priorFull.subarray(0, size) : null,
    forecast: forecast ? forecast.subarray(0, size) : null,
    debitPositive: sign < 0,
    origin: { range: table.name, sheet: table.raw.sheet, col: table.raw.col + (table.columns.get("konto") ?? 0), rows: rows.subarray(0, size) },
  };
}

function readLong(table: Table, settings: Settings, sign: number): LedgerRows {
  // Amounts are summed per account and ansvar exactly, on a scale of the column's own decimals.
  let d = 0;
  const values: (number | null)[] = [];
  for (let i = 0; i < table.size; i++) {
    const v = table.row(i).number("belopp");
    values.push(v);
    if (v !== null && !Number.isInteger(v)) d = Math.max(d, decimalsOf(v));
  }
  const scale = new AmountScale(d, "kr", "kr");
  interface Key {
    account: string;
    resp: string | null;
    first: number;
    months: Int[];
    actual: Int;
    prior: Int;
    priorFull: Int;
    forecast: Int;
    hasForecast: boolean;
    hasBudget: boolean;
  }
  const keys = new Map<string, Key>();
  const texts = new Map<number, string>();
  const seen = { budget: false, utfall: false, fgar: false, fghelar: false, prognos: false };
  for (let i = 0; i < table.size; i++) {
    const row = table.row(i);
    const a = readAccount(row, texts);
    const resp = row.text("ansvar");
    const artText = row.requiredText("art");
    const art = artText === null ? null : (own(ART, canon(artText)) ?? null);
    if (artText !== null && art === null) row.flag("LEDGER_ART_UNKNOWN", "art", artText);
    const month = readPeriod(row, settings.year, art);
    const v = values[i];
    if (a === null || art === null || month === null || v === null) continue;
    const id = `${a}\u0000${canon(resp ?? "")}`;
    let k = keys.get(id);
    if (!k) keys.set(id, (k = { account: a, resp, first: table.raw.row + row.offset, months: new Array<Int>(12).fill(0), actual: 0, prior: 0, priorFull: 0, forecast: 0, hasForecast: false, hasBudget: false }));
    const u = scale.units(v * sign || 0);
    seen[art] = true;
    if (art === "budget") {
      k.months[month - 1] = add(k.months[month - 1], u);
      k.hasBudget = true;
    } else if (art === "utfall") {
      if (month <= settings.months) k.actual = add(k.actual, u);
    } else if (art === "fghelar") {
      // Last year's whole year: every month counts.
      k.priorFull = add(k.priorFull, u);
    } else if (art === "fgar") {
      if (month <= settings.months) k.prior = add(k.prior, u);
    } else {
      k.forecast = add(k.forecast, u);
      k.hasForecast = true;
    }
  }
  const list = [...keys.values()];
  const back = (u: Int) => scale.toReport(u);
  return {
    size: list.length,
    account: list.map((k) => k.account),
    responsibility: list.map((k) => k.resp),
    budget: seen.budget ? Float64Array.from(list, () => NaN) : null,
    months: seen.budget ? Float64Array.from(list.flatMap((k) => k.months.map(back))) : null,
    actual: seen.utfall ? Float64Array.from(list, (k) => back(k.actual)) : null,
    priorYear: seen.fgar ? Float64Array.from(list, (k) => back(k.prior)) : null,
    priorYearFull: seen.fghelar ? Float64Array.from(list, (k) => back(k.priorFull)) : null,
    forecast: seen.prognos ? Float64Array.from(list, (k) => (k.hasForecast ? back(k.forecast) : NaN)) : null,
    debitPositive: sign < 0,
    origin: { range: table.name, sheet: table.raw.sheet, col: table.raw.col + (table.columns.get("konto") ?? 0), rows: Int32Array.from(list, (k) => k.first) },
  };
}

/** Reads `Kontoplan` into rules; rows of equal specificity that cover a common account are an error naming both. */
export function readKontoplan(table: Table, findings: Finding[]): AccountRule[] {
  if (!table.require("konto", "post", "typ")) return [];
  const rules: AccountRule[] = [];
  for (const row of table.rows) {
    const cell = row.cell("konto");
    const text = typeof cell === "number" && Number.isInteger(cell) ? String(cell) : row.requiredText("konto");
    const item = row.requiredText("post");
    const typ = row.requiredText("typ");
    const kind = typ === null ? null : parseKind(typ);
    if (typ !== null && !kind) row.flag("TYPE_UNKNOWN", "typ", typ);
    if (text === null) continue;
    const parsed = parseAccountRule(text);
    if (parsed === null) {
      row.flag("ACCOUNT_RULE_INVALID", "konto", text);
      continue;
    }
    if ("backwards" in parsed) {
      row.flag("ACCOUNT_RULE_BACKWARDS", "konto", text);
      continue;
    }
    if (item === null || kind === null) continue;
    rules.push({ text: text.trim(), ...parsed, item, kind, source: { range: table.name, at: row.at("konto") } });
  }
  // Overlaps: compare every pair of equally specific rules on a common length of ten digits.
  const span = (r: AccountRule): [number, number] => [r.first * 10 ** (10 - r.digits), (r.last + 1) * 10 ** (10 - r.digits) - 1];
  const bySpec = new Map<string, AccountRule[]>();
  for (const r of rules) {
    const key = specificity(r).toFixed(6);
    let list = bySpec.get(key);
    if (!list) bySpec.set(key, (list = []));
    list.push(r);
  }
  for (const list of bySpec.values()) {
    const sorted = [...list].sort((a, b) => span(a)[0] - span(b)[0]);
    for (let i = 1; i < sorted.length; i++) {
      const [prev, cur] = [sorted[i - 1], sorted[i]];
      if (span(cur)[0] <= span(prev)[1]) {
        findings.push(finding("ACCOUNT_PLAN_OVERLAP", table.name, prev.source?.at ?? null, { first: prev.text, second: cur.text, account: String(cur.first) }, cur.source ? [cur.source.at] : undefined));
      }
    }
  }
  return rules;
}
