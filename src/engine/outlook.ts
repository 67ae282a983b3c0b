/**
 * The forecast's outlook, for the report, the pane and the JSON (contract v3): how the forecast moved since the last
 * period (Prognosförändring), how accurate earlier forecasts were (Prognossäkerhet), and the year's result as an
 * interval with the probability of a deficit. Each is absent (null), not empty, when the workbook cannot give it:
 * no change without an earlier forecast this year, no accuracy without a year whose outcome and earlier forecasts are
 * in the history, no interval without a forecast, at period 12 (the outcome is known) or with `Prognosintervall = Nej`.
 */
import { canon } from "../core/text";
import { AccuracyRow, Change, ChangeTotals, ForecastChange, SpreadInput, TrendPoint } from "./forecastHistory";
import { ForecastInterval, forecastInterval } from "./forecastInterval";
import { analyseHistory, currentLines, PreparedHistory } from "./historyInput";
import { Settings } from "./settings";
import { IncomeResult, Totals } from "./variance";
import { Figures } from "./types";
import { ResponsibilityStatement } from "./responsibilityStatement";

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
  /** The forecast of the result at each period of this year that has one (chart 5), or null with fewer than two. */
  trend: TrendPoint[] | null;
}

/**
 * The most draws one refresh makes, counted per post and risk: 20 000 simulations of 200 posts and 200 risks (the
 * benchmark issue 23 sets). A workbook with more posts and risks gets fewer simulations, never fewer than
 * MIN_SIMULATIONS, so the interval's cost stays bounded however many posts it has; the note under the interval says
 * how many were made and why.
 */
export const MAX_DRAWS = 20_000 * 400;
export const MIN_SIMULATIONS = 2_000;

/** The simulations a refresh makes: the setting's, or fewer when posts and risks are so many that MAX_DRAWS binds. */
export function simulationsFor(requested: number, posts: number, risks: number): number {
  const perDraw = Math.max(1, posts + risks);
  return Math.min(requested, Math.max(MIN_SIMULATIONS, Math.floor(MAX_DRAWS / perDraw)));
}

/** The outlook from the prepared history (null without one), the income statement and the risks with probabilities. */
export function forecastOutlook(prepared: PreparedHistory | null, income: IncomeResult, settings: Settings, risks: readonly IntervalRisk[]): ForecastOutlook {
  const analysis = prepared?.analysis ?? analyseHistory([], currentLines(income), settings);
  const { spread } = analysis;
  const forecast = income.totals.result.forecast;
  const simulate = () =>
    // At period 12 the year's outcome is known: nothing remains to vary and no risk can still occur this year.
    settings.forecastInterval && settings.months < 12 && income.hasForecast && forecast !== null
      ? forecastInterval({
          result: forecast,
          carryover: income.totals.carryover.forecast ?? 0,
          posts: { key: spread.key, remaining: spread.remaining, spread: spread.spread },
          // Each risk draws from its own stream, keyed by its name as the contract folds names.
          risks: { key: risks.map((r) => canon(r.risk)), probability: risks.map((r) => r.probability), consequence: risks.map((r) => r.consequence) },
          simulations: simulationsFor(settings.simulations, spread.key.length, risks.length),
          spreadSource: spread.source,
        })
      : null;
  const trend = analysis.trend ?? [];
  // The simulation runs when the interval is first read, once: its cost grows with posts × draws, and a workbook the
  // report refuses for its size (report/build.ts, before any section is built) never pays it.
  let interval: ForecastInterval | null | undefined;
  return {
    change: analysis.change,
    accuracy: analysis.accuracy.length ? analysis.accuracy : null,
    get interval(): ForecastInterval | null {
      if (interval === undefined) interval = simulate();
      return interval;
    },
    spread,
    trend: trend.length >= 2 ? trend : null,
  };
}

/**
 * Puts Prognosförändring's figures on the figures the report and the JSON read: the resultaträkning's lines and
 * totals, each ansvar's result, each line, and the lines and totals of each ansvar's own resultaträkning. Without a
 * change nothing is set (the fields stay absent). Lines are matched as the history matches them: kind and folded names.
 */
export function attachForecastChange(change: ForecastChange | null, income: IncomeResult, statements: readonly ResponsibilityStatement[]): void {
  if (!change) return;
  const put = (f: Figures, c: Change | undefined) => {
    f.forecastPrevious = c?.forecastPrevious ?? null;
    f.forecastChange = c?.forecastChange ?? null;
  };
  const putTotals = (t: Totals, c: ChangeTotals | undefined) => {
    for (const k of Object.keys(t) as (keyof Totals)[]) put(t[k], c?.[k]);
  };
  const posts = new Map(change.posts.map((l) => [lineKey(l), l]));
  for (const r of income.statement) put(r, posts.get(lineKey({ ...r, responsibility: null })));
  putTotals(income.totals, change.totals);
  const byResp = new Map(change.responsibilities.map((r) => [canon(r.responsibility), r]));
  for (const r of income.byResponsibility ?? []) put(r, byResp.get(canon(r.responsibility))?.resultIncludingCarryover);
  const lines = new Map(change.lines.map((l) => [lineKey(l), l]));
  for (const st of statements) {
    for (const r of st.lines) put(r, lines.get(lineKey(r)));
    putTotals(st.totals, byResp.get(canon(st.responsibility))?.totals);
  }
}

/** A line's change by its (ansvar, kind, post), for the JSON's lines (computed one at a time). */
export function lineChangeLookup(change: ForecastChange | null): ((r: { responsibility: string | null; kind: string; item: string }) => Change | null) | null {
  if (!change) return null;
  const lines = new Map(change.lines.map((l) => [lineKey(l), l]));
  return (r) => lines.get(lineKey(r)) ?? null;
}

/** A line's identity as the history matches lines: its ansvar and post folded as the contract folds names, and its kind. */
function lineKey(r: { responsibility: string | null; kind: string; item: string }): string {
  return `${r.responsibility === null ? "" : canon(r.responsibility)}\u0000${r.kind}\u0000${canon(r.item)}`;
}
