import { AmountScale, decimalsOf, sumReport } from "./amounts";
import { add, Int } from "./exact";
import { AmountUnit } from "../core/units";
import { MeasureInput } from "./types";

export interface MeasureResult extends MeasureInput {
  /** Effects in the report's unit (exact to 9 decimals). */
  effectThisYearReport: number | null;
  effectNextYearReport: number | null;
}

export interface MeasuresSummary {
  decidedThisYear: number;
  decidedNextYear: number;
  proposedThisYear: number;
  proposedNextYear: number;
  /** Effect this year of the measures the forecast does not count yet, and whose saving lands at this nämnd. */
  notInForecastThisYear: number;
  /** Effects of the measures whose saving lands at another nämnd or party (`Effekt hos`): part of the sums above. */
  elsewhereThisYear: number;
  elsewhereNextYear: number;
  /** The forecast result including över-/underskott plus that effect, or null without a forecast. */
  forecastWithMeasures: number | null;
  /** The same sums in the measures' own unit, for a table printed in it. */
  own: { decidedThisYear: number; decidedNextYear: number; proposedThisYear: number; proposedNextYear: number; elsewhereThisYear: number; elsewhereNextYear: number };
}

/**
 * Measures for a budget in balance: their effects in the report's unit, the sums of decided and proposed
 * measures this year and next, and the forecast result with the effect of measures not yet in the forecast.
 * Effects are in `unit` (the setting Enhet åtgärder); everything is summed exactly before it is converted. A measure
 * whose saving lands at another nämnd (`Effekt hos`) counts in the sums (it is a measure the nämnd proposes) but not
 * in the forecast with measures: it does not improve this nämnd's result.
 *
 *   Forecast −3,01 mnkr incl. carried deficit, proposed 1 250 tkr not in the forecast of which 1 000 tkr lands at the
 *   customer → forecastWithMeasures −2,76.
 */
export function computeMeasures(list: readonly MeasureInput[], unit: AmountUnit, reportUnit: AmountUnit, forecast: { units: Int; scale: AmountScale } | null): { measures: MeasureResult[]; summary: MeasuresSummary } {
  let d = 0;
  for (const m of list) for (const v of [m.effectThisYear, m.effectNextYear]) if (v !== null) d = Math.max(d, decimalsOf(v));
  if (forecast) d = Math.max(d, forecast.scale.decimals);
  const toReport = new AmountScale(d, unit, reportUnit);
  const toOwn = new AmountScale(d, unit, unit);
  const sums = { decidedThisYear: 0 as Int, decidedNextYear: 0 as Int, proposedThisYear: 0 as Int, proposedNextYear: 0 as Int, notInForecast: 0 as Int, elsewhereThisYear: 0 as Int, elsewhereNextYear: 0 as Int };
  const measures = list.map((m) => {
    const now = m.effectThisYear === null ? 0 : toReport.units(m.effectThisYear);
    const next = m.effectNextYear === null ? 0 : toReport.units(m.effectNextYear);
    if (m.status === "decided") {
      sums.decidedThisYear = add(sums.decidedThisYear, now);
      sums.decidedNextYear = add(sums.decidedNextYear, next);
    } else {
      sums.proposedThisYear = add(sums.proposedThisYear, now);
      sums.proposedNextYear = add(sums.proposedNextYear, next);
    }
    if (m.effectAt !== null) {
      sums.elsewhereThisYear = add(sums.elsewhereThisYear, now);
      sums.elsewhereNextYear = add(sums.elsewhereNextYear, next);
    } else if (!m.inForecast) sums.notInForecast = add(sums.notInForecast, now);
    return {
      ...m,
      effectThisYearReport: m.effectThisYear === null ? null : toReport.toReport(now),
      effectNextYearReport: m.effectNextYear === null ? null : toReport.toReport(next),
    };
  });
  let forecastWithMeasures: number | null = null;
  if (forecast) {
    // Both exact to 9 decimals in the report's unit, each from its own scale; their sum is exact too.
    forecastWithMeasures = sumReport([forecast.scale.toReport(forecast.units), toReport.toReport(sums.notInForecast)]);
  }
  return {
    measures,
    summary: {
      decidedThisYear: toReport.toReport(sums.decidedThisYear),
      decidedNextYear: toReport.toReport(sums.decidedNextYear),
      proposedThisYear: toReport.toReport(sums.proposedThisYear),
      proposedNextYear: toReport.toReport(sums.proposedNextYear),
      notInForecastThisYear: toReport.toReport(sums.notInForecast),
      elsewhereThisYear: toReport.toReport(sums.elsewhereThisYear),
      elsewhereNextYear: toReport.toReport(sums.elsewhereNextYear),
      forecastWithMeasures,
      own: {
        decidedThisYear: toOwn.toReport(sums.decidedThisYear),
        decidedNextYear: toOwn.toReport(sums.decidedNextYear),
        proposedThisYear: toOwn.toReport(sums.proposedThisYear),
        proposedNextYear: toOwn.toReport(sums.proposedNextYear),
        elsewhereThisYear: toOwn.toReport(sums.elsewhereThisYear),
        elsewhereNextYear: toOwn.toReport(sums.elsewhereNextYear),
      },
    },
  };
}
