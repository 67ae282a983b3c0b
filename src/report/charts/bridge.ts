/**
 * Från budget till prognos: a bridge from the full-year budget's result to the forecast's, one step per line of the
 * resultaträkning whose forecast deviates from its budget. Drawn as stacked columns, which every Excel and LibreOffice
 * opens: an invisible base lifts each step to where the one before it ended. Excel stacks positive and negative values
 * apart, from zero, so a step is split in a part above zero and a part below it, each on a base of its own side; a
 * step that crosses zero is drawn in both. The step's figure stands above a rise and below a fall, as text on an
 * invisible line series, so that every label reads as the table prints it whichever parts the step was split into.
 *
 * Why not Excel's own waterfall chart: a waterfall needs its first and last points marked as totals ("Set as total"),
 * and Excel's JavaScript API has no member that marks a point so (ChartPoint, ChartSeries: ExcelApi up to 1.19); the
 * forecast's bar would be drawn as one more step, ending at the wrong value. In a file, the waterfall is a chartex part
 * that LibreOffice and Excel 2013 and earlier do not draw. The stacked bridge looks the same in every host.
 */
import { rowKey } from "../sections/context";
import { Ctx } from "../sections/context";
import { PointStyle, ReportBlock } from "../model";
import { PHRASES } from "../language/phrases";
import { formatNumber, unitWord, Voice } from "../language/words";
import { AMOUNT_SCALE, CHART_COLORS, CHART_TITLES, chartTitle } from "./notation";
import { ChartData, figureColumn, numberAt, rowsByKey, UnplacedChart } from "./band";

/** One column of the bridge: where it starts and ends, how it looks, and the figure printed at it. */
interface Bar {
  name: string;
  from: number;
  to: number;
  style: PointStyle;
  /** The figure as the table prints it. */
  printed: number;
  total: boolean;
}

/** The bridge's parts for one bar: bases and visible parts above and below zero, and where its label stands. */
export function bridgeParts(from: number, to: number): { basePos: number; baseNeg: number; pos: number; neg: number } {
  const low = Math.min(from, to), high = Math.max(from, to);
  const basePos = Math.max(low, 0);
  const pos = Math.max(high, 0) - basePos;
  const baseNeg = Math.min(high, 0);
  const neg = Math.min(low, 0) - baseNeg;
  return { basePos, baseNeg, pos, neg };
}

const BUDGET_STYLE: PointStyle = { fill: CHART_COLORS.budget, line: CHART_COLORS.actual };
const FORECAST_STYLE: PointStyle = { fill: CHART_COLORS.forecast, line: CHART_COLORS.actual };

/** The bridge, or null without a forecast or when no line's forecast deviates. */
export function bridgeChart(ctx: Ctx, statement: ReportBlock, data: ChartData, place: { col: number; cols: number }): UnplacedChart | null {
  const { income, settings } = ctx.result;
  if (!income.hasForecast) return null;
  const fCol = figureColumn(ctx, "forecastVariance");
  const bCol = figureColumn(ctx, "budgetYear");
  const pCol = figureColumn(ctx, "forecast");
  const totals = income.hasCarryover ? income.totals.resultIncludingCarryover : income.totals.result;
  const totalKey = rowKey.total(income.hasCarryover ? "resultIncluding" : "result");
  const totalRow = statement.rows.find((r) => r.key === totalKey);
  if (!totalRow || totals.forecast === null) return null;
  const y = settings.year;
  const bars: Bar[] = [];
  let level = totals.budgetYear;
  bars.push({ name: `Budget helår ${y}`, from: 0, to: level, style: BUDGET_STYLE, printed: numberAt(totalRow, bCol) ?? 0, total: true });
  let left = 0;
  const steps: { name: string; amount: number }[] = [];
  const byKey = rowsByKey(statement);
  for (const r of income.statement) {
    const row = byKey.get(rowKey.statement(r.kind, r.item));
    const printed = row ? numberAt(row, fCol) : null;
    if (!row || r.forecastVariance === null || !printed) {
      // A deviation that prints as zero gets no step, yet counts: the next step starts where the arithmetic says.
      level += r.forecastVariance ?? 0;
      left++;
      continue;
    }
    const to = level + r.forecastVariance;
    bars.push({ name: r.item, from: level, to, style: { fill: r.forecastVariance > 0 ? CHART_COLORS.favourable : CHART_COLORS.unfavourable }, printed, total: false });
    steps.push({ name: r.item, amount: printed });
    level = to;
  }
  if (steps.length === 0) return null;
  // The forecast's bar stands at the forecast's own result: the steps add up to it exactly, unrounded.
  bars.push({ name: `Prognos helår ${y}`, from: 0, to: totals.forecast, style: FORECAST_STYLE, printed: numberAt(totalRow, pCol) ?? 0, total: true });

  const parts = bars.map((b) => bridgeParts(b.from, b.to));
  // The label stands at the end a reader's eye goes to: above a rise (or a total above zero), below a fall.
  const up = bars.map((b) => (b.total ? b.to >= 0 : b.to >= b.from));
  const labelAt = bars.map((b, i) => (up[i] ? Math.max(b.from, b.to) : Math.min(b.from, b.to)));
  const table = data.add({
    title: "Från budget till prognos",
    headers: ["Bas över noll", "Bas under noll", "Över noll", "Under noll", "Etikettens läge", "Belopp"],
    rows: bars.map((b, i) => ({ label: b.name, values: [parts[i].basePos, parts[i].baseNeg, parts[i].pos, parts[i].neg, labelAt[i], b.total ? b.to : b.to - b.from] })),
    numberFormat: ctx.amountFmt,
  });
  const [basePos, baseNeg, pos, neg, labelPos] = table.columns;
  const voice = new Voice(ctx.decimals, settings.unitOut);
  const title = chartTitle(CHART_TITLES.bridge, unitWord(settings.unitOut));
  const text = (b: Bar) => formatNumber(b.printed, ctx.decimals, !b.total);
  const lo = Math.min(0, ...bars.map((b) => Math.min(b.from, b.to)));
  const hi = Math.max(0, ...bars.map((b) => Math.max(b.from, b.to)));
  return {
    id: "budget-till-prognos",
    kind: "bridge",
    type: "columnStacked",
    title,
    alt: { title, description: PHRASES.bridgeChartAlt({ budget: bars[0].printed, forecast: bars[bars.length - 1].printed, steps, left }, voice) },
    categories: table.categories,
    series: [
      { name: "Bas över noll", values: basePos, fill: null },
      { name: "Bas under noll", values: baseNeg, fill: null },
      { name: "Över noll", values: pos, fill: CHART_COLORS.actual, points: bars.map((b) => b.style) },
      { name: "Under noll", values: neg, fill: CHART_COLORS.actual, points: bars.map((b) => b.style) },
      {
        name: "Belopp",
        values: labelPos,
        fill: null,
        overlay: "line",
        stroke: "none",
        marker: "none",
        labels: { texts: bars.map(text), positions: up.map((u) => (u ? "above" : "below")) },
      },
    ],
    legend: false,
    valueAxis: { visible: false, numberFormat: ctx.amountFmt },
    gapWidth: 30,
    overlap: 100,
    extent: [lo, hi],
    scaleGroup: AMOUNT_SCALE,
    // Tall enough that a step of a few per cent of the budget still reads: the statement's charts fill the upper half
    // of a page of their own where the statement leaves them no room.
    height: 250,
    ...place,
  };
}
