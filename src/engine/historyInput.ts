/**
 * The forecast history between the contract and the analysis (forecastHistory.ts): the rows of `Prognoshistorik` as
 * read, turned into the analysis' rows (a kind for every row, amounts signed as the report signs them), the current
 * refresh's lines as the history holds them, and the notices about rows whose post or ansvar the workbook no longer
 * has. Amounts stay in the input unit throughout, exactly as entered.
 */
import { ItemKind, KIND_CODES } from "../core/kinds";
import { CellRef } from "../core/references";
import { canon } from "../core/text";
import { Finding, finding } from "../findings/findings";
import { AmountScale } from "./amounts";
import { Int, sign } from "./exact";
import { analyseForecastHistory, CurrentLine, ForecastHistoryResult, HistoryRow, UnknownRow } from "./forecastHistory";
import { Settings } from "./settings";
import { IncomeResult } from "./variance";

/** The contract range the rows come from, for findings. */
const RANGE = "Prognoshistorik";

/** One row of `Prognoshistorik` as read: amounts in the input unit, as entered (the workbook's Teckenkonvention). */
export interface HistoryInputRow {
  year: number;
  /** Months elapsed when the forecast was made, 1–12. */
  period: number;
  responsibility: string | null;
  item: string;
  /** Null when the row has no Typ: the kind of the current post of that name is taken. */
  kind: ItemKind | null;
  /** Null for an empty cell. */
  forecast: number | null;
  /** Null for an empty cell (counts as 0). */
  actual: number | null;
  /** The row's first cell, for findings. */
  at: CellRef;
  /** The row's Typ cell (its Post cell when the range has no Typ), for findings about its kind. */
  kindAt: CellRef;
}

/**
 * The history rows as the analysis takes them: each with a kind (its own, or else the current post's of that name,
 * when the name has one kind) and signed as the report signs amounts (costs negated when the workbook enters them as
 * positive). A row whose kind cannot be told is an error; two rows that turn out to be the same key once their kinds
 * are known, too. `index[i]` is the input row behind `rows[i]`.
 */
export function historyRows(input: readonly HistoryInputRow[], current: readonly CurrentLine[], costsPositive: boolean, findings: Finding[]): { rows: HistoryRow[]; index: number[] } {
  const kinds = new Map<string, Set<ItemKind>>();
  for (const c of current) {
    const key = canon(c.item);
    const set = kinds.get(key) ?? new Set<ItemKind>();
    set.add(c.kind);
    kinds.set(key, set);
  }
  const rows: HistoryRow[] = [];
  const index: number[] = [];
  const seen = new Map<string, HistoryInputRow>();
  input.forEach((r, i) => {
    let kind = r.kind;
    if (kind === null) {
      const known = kinds.get(canon(r.item));
      if (!known || known.size !== 1) {
        findings.push(finding("HISTORY_TYPE_NEEDED", RANGE, r.kindAt, { item: r.item }));
        return;
      }
      kind = [...known][0];
    }
    const key = [r.year, r.period, r.responsibility === null ? "" : canon(r.responsibility), canon(r.item), kind].join("\u0000");
    const earlier = seen.get(key);
    if (earlier) {
      // Rows that both had a Typ were compared by the reader already.
      if (earlier.kind === null || r.kind === null) findings.push(finding("HISTORY_DUPLICATE", RANGE, earlier.at, { key: { item: earlier.item, responsibility: earlier.responsibility, kind }, year: r.year, period: r.period }, [r.at]));
      return;
    }
    seen.set(key, r);
    const negate = costsPositive && kind === "cost";
    const signed = (v: number | null) => (v === null ? null : negate ? -v || 0 : v);
    rows.push({ year: r.year, period: r.period, responsibility: r.responsibility, item: r.item, kind, forecast: signed(r.forecast), actual: signed(r.actual) });
    index.push(i);
  });
  return { rows, index };
}

/**
 * One notice per ansvar and per post that history rows name and the workbook no longer has, at the first such row,
 * with the number of rows: they are kept in every sum (they were part of the forecast then), never dropped.
 */
export function unknownHistoryFindings(unknown: readonly UnknownRow[], rows: readonly HistoryRow[], index: readonly number[], input: readonly HistoryInputRow[]): Finding[] {
  const groups = new Map<string, { reason: UnknownRow["reason"]; name: string; at: CellRef; count: number }>();
  for (const u of unknown) {
    const r = rows[u.row];
    const name = u.reason === "responsibility" ? (r.responsibility as string) : r.item;
    const key = `${u.reason}\u0000${u.reason === "item" ? KIND_CODES.indexOf(r.kind) : ""}${canon(name)}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { reason: u.reason, name, at: input[index[u.row]].at, count: 1 });
  }
  return [...groups.values()].map((g) =>
    g.reason === "responsibility"
      ? finding("HISTORY_RESPONSIBILITY_GONE", RANGE, g.at, { name: g.name, count: g.count })
      : finding("HISTORY_ITEM_GONE", RANGE, g.at, { name: g.name, count: g.count }),
  );
}

/** Units of `scale` as an amount in its input unit: exact when the units are whole input decimals, as inputs are. */
export function inputAmount(scale: AmountScale, u: Int): number {
  if (sign(u) === 0) return 0;
  const twelve = typeof u === "bigint" ? 12n : 12;
  const whole = typeof u === "bigint" ? u % 12n === 0n : u % 12 === 0;
  if (!whole) return Number(u) / Number(scale.perUnit);
  const m = typeof u === "bigint" ? u / (twelve as bigint) : (u as number) / 12;
  // m × 10^-D: the nearest double to that decimal, which is the double the workbook held. For a safe integer m and
  // D ≤ 22 (10^D exact) IEEE division rounds the exact quotient once, so it gives that double without a string.
  if (scale.decimals === 0) return Number(m);
  const n = Number(m);
  if (Number.isSafeInteger(n) && scale.decimals <= 22) return n / 10 ** scale.decimals;
  return Number(`${m}e-${scale.decimals}`);
}

/**
 * The current refresh's lines as the history keeps them: one per (Ansvar, Post, Typ), in the input unit, signed as
 * the report signs them; the forecast the report uses (the budget where a line's Prognos is empty), or null when the
 * workbook has no Prognos.
 */
export function currentLines(income: IncomeResult): CurrentLine[] {
  const out: CurrentLine[] = [];
  const scale = income.scale;
  for (let i = 0; i < income.rowCount; i++) {
    const r = income.lineAt(i);
    const e = r.exact;
    out.push({
      responsibility: r.responsibility,
      item: r.item,
      kind: r.kind,
      forecast: e.forecast === null ? null : inputAmount(scale, e.forecast),
      actual: inputAmount(scale, e.actual),
      budgetYear: inputAmount(scale, e.budgetYear),
    });
  }
  return out;
}

/** The history's rows ready for the analysis, the current lines they are seen with, and what the analysis made of them. */
export interface PreparedHistory {
  rows: HistoryRow[];
  /** The input row behind each of `rows`. */
  index: number[];
  lines: CurrentLine[];
  analysis: ForecastHistoryResult;
}

/**
 * The history of a workbook, analysed, with its findings: each row given its kind and the report's signs, rows that
 * cannot be used refused (errors), and one notice per ansvar and post the workbook no longer has. Null without a
 * history.
 */
export function prepareHistory(input: readonly HistoryInputRow[] | null, income: IncomeResult, settings: Settings, findings: Finding[]): PreparedHistory | null {
  if (input === null) return null;
  const lines = currentLines(income);
  const { rows, index } = historyRows(input, lines, settings.costsPositive, findings);
  const analysis = analyseHistory(rows, lines, settings);
  findings.push(...unknownHistoryFindings(analysis.unknown, rows, index, input));
  return { rows, index, lines, analysis };
}

/** The analysis of forecastHistory.ts on a workbook's settings (no rows: the current lines alone). */
export function analyseHistory(rows: readonly HistoryRow[], lines: readonly CurrentLine[], settings: Settings): ForecastHistoryResult {
  return analyseForecastHistory({
    rows,
    year: settings.year,
    period: settings.months,
    current: lines,
    unitIn: settings.unitIn,
    unitOut: settings.unitOut,
    fold: canon,
    decimals: settings.decimals,
    settingSpread: settings.forecastSpread,
  });
}
