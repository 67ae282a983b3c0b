/**
 * The tornado of the sensitivity analysis: one horizontal bar per factor, its effect on the year's result, the
 * largest at the top (the table is sorted so already), red to the left where the result decreases and green to the
 * right where it increases. Drawn straight from the table's rows; the in-cell bars stay for readers of cells.
 */
import { Ctx } from "../sections/context";
import { ReportBlock } from "../model";
import { PHRASES } from "../language/phrases";
import { unitWord, Voice } from "../language/words";
import { AMOUNT_SCALE, CHART_COLORS, deviationStyle } from "./notation";
import { barChartHeight, extentOf, numberAt, run, UnplacedChart } from "./band";

/** The column of the table holding each factor's effect. */
const EFFECT_COL = 3;

/** The tornado, or null without factors (or when the table is not the one this chart knows). */
export function tornadoChart(ctx: Ctx, block: ReportBlock, place: { col: number; cols: number }): UnplacedChart | null {
  const list = ctx.result.sensitivity;
  if (list.length === 0) return null;
  const first = block.rows.findIndex((r) => r.role === "header") + 1;
  const last = first + list.length - 1;
  if (first < 1 || list.some((s, i) => block.rows[first + i]?.cells[0]?.value !== s.factor)) return null;
  const effects = list.map((_, i) => numberAt(block.rows[first + i], EFFECT_COL));
  if (effects.every((e) => !e)) return null;
  const title = `Känslighetsanalys: effekt på årets resultat, ${unitWord(ctx.settings.unitOut)}`;
  const voice = new Voice(ctx.decimals, ctx.settings.unitOut);
  return {
    id: "kanslighetsanalys",
    kind: "tornado",
    type: "barClustered",
    title,
    alt: { title, description: PHRASES.tornadoChartAlt({ factors: list.map((s, i) => ({ name: s.factor, effect: effects[i] ?? 0 })) }, voice) },
    categories: run(block, first, last, 0),
    series: [{ name: "Effekt på resultatet", values: run(block, first, last, EFFECT_COL), fill: CHART_COLORS.actual, points: effects.map((e) => deviationStyle(e)), labels: { numberFormat: ctx.amountFmt } }],
    legend: false,
    valueAxis: { visible: false, numberFormat: ctx.amountFmt },
    categoriesTopDown: true,
    gapWidth: 50,
    extent: extentOf(effects),
    scaleGroup: AMOUNT_SCALE,
    height: barChartHeight(list.length, 1, false),
    ...place,
  };
}
