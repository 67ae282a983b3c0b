import { Figures } from "./types";

/** Variance in percent of the budget: variance / |budget|, so it carries the variance's sign; null when the budget is 0. */
export function variancePercent(variance: number, budget: number): number | null {
  return budget === 0 ? null : variance / Math.abs(budget);
}

/** Builds a figures record from its base amounts; variances are derived, never stored separately. */
export function makeFigures(
  actual: number,
  budgetPeriod: number,
  budgetYear: number,
  actualPriorYear: number | null,
  forecast: number | null,
): Figures {
  const variance = actual - budgetPeriod;
  return {
    actualPriorYear,
    actual,
    budgetPeriod,
    variance,
    variancePercent: variancePercent(variance, budgetPeriod),
    budgetYear,
    forecast,
    forecastVariance: forecast === null ? null : forecast - budgetYear,
  };
}

/** The figures of a sum of lines: every amount added up, percentages recomputed. */
export function sumFigures(lines: readonly Figures[], hasPriorYear: boolean, hasForecast: boolean): Figures {
  let actual = 0, budgetPeriod = 0, budgetYear = 0, prior = 0, forecast = 0;
  for (const l of lines) {
    actual += l.actual;
    budgetPeriod += l.budgetPeriod;
    budgetYear += l.budgetYear;
    prior += l.actualPriorYear ?? 0;
    forecast += l.forecast ?? 0;
  }
  return makeFigures(actual, budgetPeriod, budgetYear, hasPriorYear ? prior : null, hasForecast ? forecast : null);
}

/** True when a variance is large enough to flag under the materiality settings. */
export function isSignificant(f: Figures, materialityAmount: number, materialityPercent: number): boolean {
  if (f.variance === 0) return false;
  if (Math.abs(f.variance) < materialityAmount) return false;
  if (f.variancePercent !== null && Math.abs(f.variancePercent) < materialityPercent) return false;
  return true;
}
