import { AmountScale, share } from "./amounts";
import { add, Int, sub } from "./exact";
import { Figures } from "./types";

/** The base amounts of a line or a sum, as exact units (see amounts.ts). */
export interface ExactFigures {
  actual: Int;
  budgetPeriod: Int;
  budgetYear: Int;
  /** null when the workbook has no Utfall fg år / Prognos / Utfall helår fg år. */
  actualPriorYear: Int | null;
  forecast: Int | null;
  /** Last year's full-year outcome (the bokslut), or null without the column. */
  actualPriorYearFull: Int | null;
}

/** Running exact sums of base amounts: one pass, no intermediate arrays. */
export class FigureSum {
  actual: Int = 0;
  budgetPeriod: Int = 0;
  budgetYear: Int = 0;
  prior: Int = 0;
  forecast: Int = 0;
  priorFull: Int = 0;
  /** Lines added (with `add`), for telling whether a sum has any. */
  lines = 0;

  add(actual: Int, budgetPeriod: Int, budgetYear: Int, prior: Int, forecast: Int, priorFull: Int = 0): void {
    this.actual = add(this.actual, actual);
    this.budgetPeriod = add(this.budgetPeriod, budgetPeriod);
    this.budgetYear = add(this.budgetYear, budgetYear);
    this.prior = add(this.prior, prior);
    this.forecast = add(this.forecast, forecast);
    if (priorFull !== 0) this.priorFull = add(this.priorFull, priorFull);
  }

  addSum(s: FigureSum): void {
    this.add(s.actual, s.budgetPeriod, s.budgetYear, s.prior, s.forecast, s.priorFull);
  }

  exact(hasPriorYear: boolean, hasForecast: boolean, hasPriorYearFull = false): ExactFigures {
    return {
      actual: this.actual,
      budgetPeriod: this.budgetPeriod,
      budgetYear: this.budgetYear,
      actualPriorYear: hasPriorYear ? this.prior : null,
      forecast: hasForecast ? this.forecast : null,
      actualPriorYearFull: hasPriorYearFull ? this.priorFull : null,
    };
  }
}

/**
 * Variance in percent of the budget: variance / |budget|, so it carries the variance's sign; null when the budget
 * would print as zero at the report's decimals (a balanced budget's result must not divide by a near-zero).
 */
export function variancePercent(variance: Int, budget: Int, scale: AmountScale, decimals: number): number | null {
  return scale.printsAsZero(budget, decimals) ? null : share(variance, budget);
}

/** Figures in the report's unit from exact base amounts; variances are derived, never stored separately. */
export function makeFigures(e: ExactFigures, scale: AmountScale, decimals: number): Figures {
  const variance = sub(e.actual, e.budgetPeriod);
  const change = e.actualPriorYear === null ? null : sub(e.actual, e.actualPriorYear);
  return {
    actualPriorYear: e.actualPriorYear === null ? null : scale.toReport(e.actualPriorYear),
    actual: scale.toReport(e.actual),
    budgetPeriod: scale.toReport(e.budgetPeriod),
    variance: scale.toReport(variance),
    variancePercent: variancePercent(variance, e.budgetPeriod, scale, decimals),
    budgetYear: scale.toReport(e.budgetYear),
    forecast: e.forecast === null ? null : scale.toReport(e.forecast),
    forecastVariance: e.forecast === null ? null : scale.toReport(sub(e.forecast, e.budgetYear)),
    actualPriorYearFull: e.actualPriorYearFull === null ? null : scale.toReport(e.actualPriorYearFull),
    changeFromPriorYear: change === null ? null : scale.toReport(change),
    changePercentFromPriorYear: change === null || e.actualPriorYear === null ? null : variancePercent(change, e.actualPriorYear as Int, scale, decimals),
  };
}

/** True when a variance is large enough to flag under the materiality settings. */
export function isSignificant(f: Figures, materialityAmount: number, materialityPercent: number): boolean {
  if (f.variance === 0) return false;
  if (Math.abs(f.variance) < materialityAmount) return false;
  if (f.variancePercent !== null && Math.abs(f.variancePercent) < materialityPercent) return false;
  return true;
}
