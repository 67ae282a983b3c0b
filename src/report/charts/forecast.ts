/**
 * Prognosens utveckling och intervall: the year's result as forecast at each follow-up of the year, against the
 * budgeted result, with the forecast interval (P10 to P90) at the current period. Its data comes from the forecast
 * history and the interval (issue 23, build.ts: forecastTrend); it stands in the section that shows the interval, or
 * in Prognossäkerhet's at period 12, where there is no interval.
 */
import { Ctx } from "../sections/context";
import { PHRASES } from "../language/phrases";
import { unitWord, Voice } from "../language/words";
import { CHART_COLORS, CHART_TITLES, chartTitle } from "./notation";
import { ChartData, extentOf, UnplacedChart } from "./band";

export interface ForecastTrendInput {
  /** The forecast of the year's result at each follow-up, in order: the period as a column header writes it, the amount. */
  points: { period: string; forecast: number }[];
  /** The budgeted result for the year. */
  budget: number;
  /** The interval of the year's result at the last follow-up: P10 and P90, or null when it was not computed. */
  interval: { p10: number; p90: number } | null;
}

/** The chart, or null with fewer than two follow-ups (a line needs two points). */
export function forecastChart(ctx: Ctx, input: ForecastTrendInput, data: ChartData, place: { col: number; cols: number }): UnplacedChart | null {
  const n = input.points.length;
  if (n < 2) return null;
  const lastIndex = n - 1;
  const table = data.add({
    title: "Prognosens utveckling",
    headers: ["Prognos", "Budget", "P10", "P90"],
    rows: input.points.map((p, i) => ({
      label: p.period,
      values: [p.forecast, input.budget, i === lastIndex ? input.interval?.p10 ?? null : null, i === lastIndex ? input.interval?.p90 ?? null : null],
    })),
    numberFormat: ctx.amountFmt,
  });
  const [forecast, budget, p10, p90] = table.columns;
  const title = chartTitle(CHART_TITLES.forecast, unitWord(ctx.settings.unitOut));
  const voice = new Voice(ctx.decimals, ctx.settings.unitOut);
  const last = input.points[lastIndex];
  const labels = { numberFormat: ctx.amountFmt };
  const series: UnplacedChart["series"] = [
    { name: "Prognos", values: forecast, fill: CHART_COLORS.actual, line: CHART_COLORS.actual, stroke: "solid", marker: "circle", labels },
    { name: "Budget", values: budget, fill: null, line: CHART_COLORS.actual, stroke: "dash", marker: "none" },
  ];
  if (input.interval) {
    series.push(
      { name: "P10", values: p10, fill: CHART_COLORS.forecast, line: CHART_COLORS.actual, stroke: "none", marker: "dash", labels },
      { name: "P90", values: p90, fill: CHART_COLORS.forecast, line: CHART_COLORS.actual, stroke: "none", marker: "dash", labels },
    );
  }
  return {
    id: "prognosens-utveckling",
    kind: "forecast",
    type: "line",
    title,
    alt: {
      title,
      description: PHRASES.forecastChartAlt({ first: input.points[0].period, last: last.period, forecast: last.forecast, budget: input.budget, low: input.interval?.p10 ?? null, high: input.interval?.p90 ?? null }, voice),
    },
    categories: table.categories,
    series,
    legend: true,
    valueAxis: { visible: true, numberFormat: ctx.amountFmt },
    extent: extentOf([...input.points.map((p) => p.forecast), input.budget, input.interval?.p10 ?? null, input.interval?.p90 ?? null]),
    // Its own axis, shown with its figures: Excel chooses round bounds and steps (a shared scale would set bounds
    // like −9,1 and 10,9 that the axis then labels).
    height: 190,
    ...place,
  };
}
