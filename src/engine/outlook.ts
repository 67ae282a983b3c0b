/**
 * The forecast's outlook, for the report, the pane and the JSON (contract v3): how the forecast moved since the last
 * period (Prognosförändring), how accurate earlier forecasts were (Prognossäkerhet), and the year's result as an
 * interval with the probability of a deficit. Each is absent (null), not empty, when the workbook cannot give it:
 * no change without an earlier forecast this year, no accuracy without a year whose outcome and earlier forecasts are
 * in the history, no interval without a forecast or with `Prognosintervall = Nej`.
 */
import { canon } from "../core/text";
import { AccuracyRow, ForecastChange, SpreadInput } from "./forecastHistory";
import { ForecastInterval, forecastInterval } from "./forecastInterval";
import { analyseHistory, currentLines, PreparedHistory } from "./historyInput";
import { Settings } from "./settings";
import { IncomeResult } from "./variance";

/** A risk that enters the interval: its probability this year and its effect on the result (report unit, a loss negative). */
export interface IntervalRisk {
  risk: string;
  probability: number;
  consequence: number;
}

export interface ForecastOutlook {
  change: ForecastChange | null;
  accuracy: AccuracyRow[] | null;
  interval: ForecastInterval | null;
  /** Where the interval's spreads come from, post by post (the note under the interval says it). */
  spread: SpreadInput;
}

/** The outlook from the prepared history (null without one), the income statement and the risks with probabilities. */
export function forecastOutlook(prepared: PreparedHistory | null, income: IncomeResult, settings: Settings, risks: readonly IntervalRisk[]): ForecastOutlook {
  const analysis = prepared?.analysis ?? analyseHistory([], currentLines(income), settings);
  const { spread } = analysis;
  const forecast = income.totals.result.forecast;
  const interval =
    settings.forecastInterval && income.hasForecast && forecast !== null
      ? forecastInterval({
          result: forecast,
          carryover: income.totals.carryover.forecast ?? 0,
          posts: { key: spread.key, remaining: spread.remaining, spread: spread.spread },
          // Each risk draws from its own stream, keyed by its name as the contract folds names.
          risks: { key: risks.map((r) => canon(r.risk)), probability: risks.map((r) => r.probability), consequence: risks.map((r) => r.consequence) },
          simulations: settings.simulations,
          spreadSource: spread.source,
        })
      : null;
  return { change: analysis.change, accuracy: analysis.accuracy.length ? analysis.accuracy : null, interval, spread };
}
