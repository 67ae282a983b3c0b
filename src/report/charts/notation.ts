/**
 * The charts' notation, after the International Business Communication Standards (IBCS) where it fits a nämnd's
 * report: actual solid and dark, budget outlined, forecast lighter (Excel's JavaScript API has no pattern fills, so
 * a lighter tint with the full colour's outline stands for IBCS's hatching in both hosts alike); deviations green when
 * favourable and red when unfavourable, the forecast's in lighter tints of the same; labels on the bars, so no value
 * axis is drawn; one scale for the amounts of a page (the layout sets the axes' bounds).
 */
import { COLORS } from "../styles";
import { PointStyle } from "../model";

export const CHART_COLORS = {
  /** Actual: solid dark grey. */
  actual: "404040",
  /** Forecast: a lighter grey, outlined in the actual's grey. */
  forecast: "BFBFBF",
  /** Budget: outlined, white inside. */
  budget: "FFFFFF",
  favourable: COLORS.favourable,
  unfavourable: COLORS.unfavourable,
  /** The forecast's deviations: lighter tints of green and red, outlined in the full colour. */
  favourableLight: "A9D5B3",
  unfavourableLight: "EBA3A3",
  /** Text and axis lines. */
  ink: "404040",
};

/** How the bar of a deviation looks: green when favourable, red when not, nothing special when it prints as zero. */
export function deviationStyle(printed: number | null, light = false): PointStyle | null {
  if (printed === null || printed === 0) return null;
  if (printed > 0) return light ? { fill: CHART_COLORS.favourableLight, line: CHART_COLORS.favourable } : { fill: CHART_COLORS.favourable };
  return light ? { fill: CHART_COLORS.unfavourableLight, line: CHART_COLORS.unfavourable } : { fill: CHART_COLORS.unfavourable };
}

/** The look of a series of actual deviations (its legend key) and of the forecast's. */
export const ACTUAL_SERIES = { fill: CHART_COLORS.actual } as const;
export const FORECAST_SERIES = { fill: CHART_COLORS.forecast, line: CHART_COLORS.actual } as const;

/** The scale group of charts of amounts in the report's unit: one scale for those on one page. */
export const AMOUNT_SCALE = "amount";

/** What each chart is called: its title before the unit ("Avvikelse per post, mnkr"). */
export const CHART_TITLES = {
  posts: "Avvikelse per post",
  bridge: "Från budget till prognos",
  responsibilities: "Avvikelse per ansvar",
  tornado: "Känslighetsanalys: effekt på årets resultat",
  forecast: "Prognos för årets resultat",
} as const;

/** A chart's title: what it is called and the unit of its amounts. */
export function chartTitle(name: string, unit: string): string {
  return `${name}, ${unit}`;
}
