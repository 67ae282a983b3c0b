/**
 * The report's charts: native Excel charts drawn from the report's own cells, so that a workbook sent by email shows
 * them without the add-in. Each section that has one gets a band of rows under its table (pagination keeps the band on
 * the section's page) and the chart over it; cells a chart draws that no table holds as one run stand in a
 * screen-only block below the print area. Both hosts draw the charts the layout places (layout.ts, chartLayout.ts).
 *
 * 1. Avvikelse per post and 2. Från budget till prognos, side by side under the resultaträkning;
 * 3. Avvikelse per ansvar under the table per ansvar; 4. the tornado under the sensitivity analysis;
 * 5. Prognosens utveckling och intervall (forecast.ts) in the interval's section (or Prognossäkerhet's at period 12);
 * 6. the risk matrix needs none: its heat-map cells stay.
 */
import { ReportBlock } from "../model";
import { Ctx } from "../sections/context";
import { bridgeChart } from "./bridge";
import { ChartData, placeBand, UnplacedChart } from "./band";
import { forecastChart, ForecastTrendInput } from "./forecast";
import { tornadoChart } from "./tornado";
import { postVarianceChart, responsibilityVarianceChart } from "./variance";

export { CHART_DATA_BLOCK } from "./band";
export type { ForecastTrendInput } from "./forecast";

/** Where the second chart of a band begins: the label column and about half the figures go to the first. */
function split(ctx: Ctx): { left: { col: number; cols: number }; right: { col: number; cols: number } } {
  const figures = ctx.columns.length;
  const leftCols = 1 + Math.floor((figures - 1) / 2);
  return { left: { col: 0, cols: leftCols }, right: { col: leftCols, cols: 1 + figures - leftCols } };
}

export interface ChartOptions {
  /** Chart 5's data, once the forecast history and interval reach the report, and the block it stands in. */
  forecast?: { input: ForecastTrendInput; block: string };
}

/**
 * Adds the charts to the sections' blocks (by their ids) and returns the screen-only block of their own cells, or
 * null when no chart needed one. Sections that are absent, or hold nothing to draw, get no chart.
 */
export function addCharts(ctx: Ctx, blocks: readonly ReportBlock[], options: ChartOptions = {}): ReportBlock | null {
  const data = new ChartData(ctx);
  const byId = (id: string) => blocks.find((b) => b.id === id) ?? null;
  const { left, right } = split(ctx);
  const statement = byId("statement");
  if (statement) {
    // Without a bridge beside it (no forecast), the chart of posts keeps its half of the page all the same.
    const posts = postVarianceChart(ctx, statement, data, left);
    const bridge = bridgeChart(ctx, statement, data, right);
    placeBand(statement, [posts, bridge].filter((c): c is UnplacedChart => c !== null));
  }
  const responsibility = byId("responsibility");
  if (responsibility) placeBand(responsibility, [responsibilityVarianceChart(ctx, responsibility, left)].filter((c): c is UnplacedChart => c !== null));
  const sensitivity = byId("sensitivity");
  if (sensitivity) placeBand(sensitivity, [tornadoChart(ctx, sensitivity, data, left)].filter((c): c is UnplacedChart => c !== null));
  if (options.forecast) {
    const block = byId(options.forecast.block);
    const chart = block && forecastChart(ctx, options.forecast.input, data, left);
    if (block && chart) placeBand(block, [chart]);
  }
  return data.block();
}
