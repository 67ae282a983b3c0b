/**
 * The tornado of the sensitivity analysis: per factor, its effect on the year's result as the table gives it, and,
 * lighter, the effect of an equally large change the other way (the same with the opposite sign, as the table's note
 * says), the largest at the top (the table is sorted so already): red to the left where the result decreases, green to
 * the right where it increases. The factors and their effects are drawn straight from the table's rows, the other
 * way from the charts' own cells; the in-cell bars stay for readers of cells.
 */
import { Ctx } from "../sections/context";
import { ReportBlock } from "../model";
import { PHRASES } from "../language/phrases";
import { unitWord, Voice } from "../language/words";
import { ACTUAL_SERIES, AMOUNT_SCALE, CHART_TITLES, chartTitle, deviationStyle, FORECAST_SERIES } from "./notation";
import { barChartHeight, ChartData, extentOf, numberAt, run, UnplacedChart } from "./band";

/** The column of the table holding each factor's effect. */
const EFFECT_COL = 3;

/** The tornado, or null without factors (or when the table is not the one this chart knows). */
export function tornadoChart(ctx: Ctx, block: ReportBlock, data: ChartData, place: { col: number; cols: number }): UnplacedChart | null {
  const list = ctx.result.sensitivity;
  if (list.length === 0) return null;
  const first = block.rows.findIndex((r) => r.role === "header") + 1;
  const last = first + list.length - 1;
  if (first < 1 || list.some((s, i) => block.rows[first + i]?.cells[0]?.value !== s.factor)) return null;
  const effects = list.map((_, i) => numberAt(block.rows[first + i], EFFECT_COL));
  if (effects.every((e) => !e)) return null;
  const title = chartTitle(CHART_TITLES.tornado, unitWord(ctx.settings.unitOut));
  const voice = new Voice(ctx.decimals, ctx.settings.unitOut);
  // The other way: the printed effect with its sign turned (never −0).
  const opposite = effects.map((e) => (e === null || e === 0 ? e : -e));
  const table = data.add({ title: "Känslighetsanalys", headers: ["Åt andra hållet"], rows: list.map((s, i) => ({ label: s.factor, values: [opposite[i]] })), numberFormat: ctx.amountFmt });
  const labels = { numberFormat: ctx.amountFmt };
  return {
    id: "kanslighetsanalys",
    kind: "tornado",
    type: "barClustered",
    title,
    alt: { title, description: PHRASES.tornadoChartAlt({ factors: list.map((s, i) => ({ name: s.factor, effect: effects[i] ?? 0 })) }, voice) },
    categories: run(block, first, last, 0),
    series: [
      { name: "Förändring enligt tabellen", values: run(block, first, last, EFFECT_COL), ...ACTUAL_SERIES, points: effects.map((e) => deviationStyle(e)), labels },
      { name: "Lika stor förändring åt andra hållet", values: table.columns[0], ...FORECAST_SERIES, points: opposite.map((e) => deviationStyle(e, true)), labels },
    ],
    legend: true,
    valueAxis: { visible: false, numberFormat: ctx.amountFmt },
    categoriesTopDown: true,
    gapWidth: 50,
    // Both bars of a factor on one line, one to each side of zero.
    overlap: 100,
    extent: extentOf([...effects, ...opposite]),
    scaleGroup: AMOUNT_SCALE,
    height: barChartHeight(list.length, 1, true),
    ...place,
  };
}
