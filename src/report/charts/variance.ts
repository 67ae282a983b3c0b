/**
 * Avvikelse per post and Avvikelse per ansvar: horizontal bars of each line's deviation against the period's budget,
 * and a second, lighter series for the forecast's deviation against the full-year budget, green where favourable
 * and red where not, labelled with the figures the table prints.
 */
import { rowKey } from "../sections/context";
import { Ctx, periodSpan } from "../sections/context";
import { ChartSeries, ReportBlock } from "../model";
import { PHRASES } from "../language/phrases";
import { periodWords, unitWord, Voice } from "../language/words";
import { ACTUAL_SERIES, AMOUNT_SCALE, CHART_TITLES, chartTitle, deviationStyle, FORECAST_SERIES } from "./notation";
import { barChartHeight, ChartData, extentOf, figureColumn, numberAt, rowsByKey, run, UnplacedChart } from "./band";

interface Line {
  name: string;
  variance: number | null;
  forecastVariance: number | null;
}

/** The largest negative and positive of some amounts, by name (for the alt text). */
function extremes(lines: readonly { name: string; amount: number | null }[]): { worst: { name: string; amount: number } | null; best: { name: string; amount: number } | null } {
  let worst: { name: string; amount: number } | null = null;
  let best: { name: string; amount: number } | null = null;
  for (const l of lines) {
    if (l.amount === null || l.amount === 0) continue;
    if (l.amount < 0 && (!worst || l.amount < worst.amount)) worst = { name: l.name, amount: l.amount };
    if (l.amount > 0 && (!best || l.amount > best.amount)) best = { name: l.name, amount: l.amount };
  }
  return { worst, best };
}

/** The two series of a deviation chart over runs of cells holding the printed deviations. */
function series(ctx: Ctx, lines: readonly Line[], values: ChartSeries["values"], forecastValues: ChartSeries["values"] | null): ChartSeries[] {
  const labels = { numberFormat: ctx.amountFmt };
  const out: ChartSeries[] = [
    { name: `Avvikelse ${periodSpan(ctx.settings.months)}`, values, ...ACTUAL_SERIES, points: lines.map((l) => deviationStyle(l.variance)), labels },
  ];
  if (forecastValues) out.push({ name: "Avvikelse prognos helår", values: forecastValues, ...FORECAST_SERIES, points: lines.map((l) => deviationStyle(l.forecastVariance, true)), labels });
  return out;
}

function chart(ctx: Ctx, id: string, subject: "posts" | "responsibilities", lines: readonly Line[], left: number, place: { col: number; cols: number }): Omit<UnplacedChart, "categories" | "series"> {
  const forecast = ctx.result.income.hasForecast;
  const title = chartTitle(subject === "posts" ? CHART_TITLES.posts : CHART_TITLES.responsibilities, unitWord(ctx.settings.unitOut));
  const voice = new Voice(ctx.decimals, ctx.settings.unitOut);
  const facts = extremes(lines.map((l) => ({ name: l.name, amount: l.variance })));
  return {
    id,
    kind: "variance",
    type: "barClustered",
    title,
    alt: { title, description: PHRASES.varianceChartAlt({ subject, period: periodWords(ctx.settings.months, ctx.settings.year), forecast, ...facts, left }, voice) },
    legend: forecast,
    valueAxis: { visible: false, numberFormat: ctx.amountFmt },
    categoriesTopDown: true,
    gapWidth: 40,
    overlap: 0,
    extent: extentOf(lines.flatMap((l) => [l.variance, l.forecastVariance])),
    scaleGroup: AMOUNT_SCALE,
    height: barChartHeight(lines.length, forecast ? 2 : 1, forecast),
    ...place,
  };
}

/**
 * Avvikelse per post, from the resultaträkning: its lines (never its sums) stand apart in the table, so the chart
 * draws copies of their printed deviations in the charts' own cells. Lines whose deviations both print as zero are
 * left out. Null when no line deviates.
 */
export function postVarianceChart(ctx: Ctx, statement: ReportBlock, data: ChartData, place: { col: number; cols: number }): UnplacedChart | null {
  const vCol = figureColumn(ctx, "variance");
  const fCol = figureColumn(ctx, "forecastVariance");
  const lines: Line[] = [];
  let left = 0;
  const byKey = rowsByKey(statement);
  for (const r of ctx.result.income.statement) {
    const row = byKey.get(rowKey.statement(r.kind, r.item));
    if (!row) continue;
    const line = { name: r.item, variance: numberAt(row, vCol), forecastVariance: fCol < 0 ? null : numberAt(row, fCol) };
    if (!line.variance && !line.forecastVariance) left++;
    else lines.push(line);
  }
  if (lines.length === 0) return null;
  const headers = [`Avvikelse ${periodSpan(ctx.settings.months)} ${ctx.settings.year}`, ...(fCol < 0 ? [] : [`Avvikelse prognos helår ${ctx.settings.year}`])];
  const table = data.add({
    title: "Avvikelse per post",
    headers,
    rows: lines.map((l) => ({ label: l.name, values: fCol < 0 ? [l.variance] : [l.variance, l.forecastVariance] })),
    numberFormat: ctx.amountFmt,
  });
  return { ...chart(ctx, "avvikelse-per-post", "posts", lines, left, place), categories: table.categories, series: series(ctx, lines, table.columns[0], table.columns[1] ?? null) };
}

/** Avvikelse per ansvar, drawn straight from the rows of the table per ansvar. Null when there is none. */
export function responsibilityVarianceChart(ctx: Ctx, block: ReportBlock, place: { col: number; cols: number }): UnplacedChart | null {
  const list = ctx.result.income.byResponsibility;
  if (!list || list.length === 0) return null;
  const first = block.rows.findIndex((r) => r.key === rowKey.responsibility(list[0].responsibility));
  const last = first + list.length - 1;
  // The rows of the table, one per ansvar in order: anything else and the chart stays out rather than mislabel.
  if (first < 0 || list.some((r, i) => block.rows[first + i]?.key !== rowKey.responsibility(r.responsibility))) return null;
  const vCol = figureColumn(ctx, "variance");
  const fCol = figureColumn(ctx, "forecastVariance");
  const lines: Line[] = list.map((r, i) => ({
    name: r.responsibility || "(utan ansvar)",
    variance: numberAt(block.rows[first + i], vCol),
    forecastVariance: fCol < 0 ? null : numberAt(block.rows[first + i], fCol),
  }));
  if (lines.every((l) => !l.variance && !l.forecastVariance)) return null;
  return {
    ...chart(ctx, "avvikelse-per-ansvar", "responsibilities", lines, 0, place),
    categories: run(block, first, last, 0),
    series: series(ctx, lines, run(block, first, last, vCol), fCol < 0 ? null : run(block, first, last, fCol)),
  };
}
