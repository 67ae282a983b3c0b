/**
 * Income-statement rows as objects, as tests write them, and the engine's computeIncome taking them. The engine
 * itself takes columnar rows only (engine/types.ts: a ledger of a million rows would not fit as objects).
 */
import { ItemKind, KIND_CODES, NO_KIND } from "../../src/core/kinds";
import { CellRef, SourceRef } from "../../src/core/references";
import { Settings } from "../../src/engine/settings";
import { ActualRows, BudgetRows } from "../../src/engine/types";
import { computeIncome as computeIncomeRows, IncomeResult } from "../../src/engine/variance";
import { Finding } from "../../src/findings/findings";

/** One budget line, already read from the workbook and signed (revenue +, cost −). Amounts in the input unit. */
export interface BudgetLine {
  responsibility: string | null;
  item: string;
  kind: ItemKind;
  /** Annual budget. */
  budgetYear: number;
  /** Monthly budget Jan…Dec, or null when the workbook gives only Helår. */
  months: number[] | null;
  /** Where the line came from, so results can point back at it. */
  source: SourceRef;
}

/** One outcome line, signed like the budget. Amounts in the input unit. */
export interface ActualLine {
  responsibility: string | null;
  item: string;
  /** Type given in Utfall, if any. */
  kind: ItemKind | null;
  /** Outcome for the elapsed period, or null when only monthly figures are given. */
  actual: number | null;
  months: number[] | null;
  actualPriorYear: number | null;
  forecast: number | null;
  /** Set when the Prognos column exists but this row's cell is empty. */
  forecastBlankAt?: CellRef;
  source: SourceRef;
}

function originOf(sources: readonly SourceRef[]): BudgetRows["origin"] {
  const first = sources[0];
  return { range: first?.range ?? "", sheet: first?.at.sheet ?? "", col: first?.at.col ?? 0, rows: Int32Array.from(sources, (s) => s.at.row) };
}

/** Budget lines as objects to columnar rows. */
export function budgetRows(lines: readonly BudgetLine[]): BudgetRows {
  const monthly = lines.some((l) => l.months !== null);
  const months = monthly ? new Float64Array(lines.length * 12) : null;
  lines.forEach((l, i) => l.months?.forEach((v, m) => ((months as Float64Array)[i * 12 + m] = v)));
  return {
    size: lines.length,
    responsibility: lines.map((l) => l.responsibility),
    item: lines.map((l) => l.item),
    kind: Uint8Array.from(lines, (l) => KIND_CODES.indexOf(l.kind)),
    budgetYear: Float64Array.from(lines, (l) => l.budgetYear),
    months,
    origin: originOf(lines.map((l) => l.source)),
  };
}

/** Outcome lines as objects to columnar rows. */
export function actualRows(lines: readonly ActualLine[]): ActualRows {
  const monthly = lines.some((l) => l.months !== null);
  const months = monthly ? new Float64Array(lines.length * 12) : null;
  lines.forEach((l, i) => l.months?.forEach((v, m) => ((months as Float64Array)[i * 12 + m] = v)));
  const hasPrior = lines.some((l) => l.actualPriorYear !== null);
  const hasForecast = lines.some((l) => l.forecast !== null || l.forecastBlankAt);
  return {
    size: lines.length,
    responsibility: lines.map((l) => l.responsibility),
    item: lines.map((l) => l.item),
    kind: Uint8Array.from(lines, (l) => (l.kind === null ? NO_KIND : KIND_CODES.indexOf(l.kind))),
    actual: lines.every((l) => l.actual !== null) ? Float64Array.from(lines, (l) => l.actual as number) : null,
    months,
    priorYearFull: null,
    priorYear: hasPrior ? Float64Array.from(lines, (l) => l.actualPriorYear ?? 0) : null,
    forecast: hasForecast ? Float64Array.from(lines, (l) => (l.forecast === null ? NaN : l.forecast)) : null,
    forecastCol: lines.find((l) => l.forecastBlankAt)?.forecastBlankAt?.col ?? 0,
    origin: originOf(lines.map((l) => l.source)),
  };
}

/** The engine's computeIncome for rows written as objects (or already columnar). */
export function computeIncome(
  budget: BudgetRows | readonly BudgetLine[],
  actuals: ActualRows | readonly ActualLine[],
  settings: Settings,
  hasPriorYear: boolean,
  hasForecast: boolean,
  findings: Finding[],
): IncomeResult {
  return computeIncomeRows(
    Array.isArray(budget) ? budgetRows(budget) : (budget as BudgetRows),
    Array.isArray(actuals) ? actualRows(actuals) : (actuals as ActualRows),
    settings,
    hasPriorYear,
    hasForecast,
    findings,
  );
}
