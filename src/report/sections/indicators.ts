import { IndicatorResult } from "../../engine/indicatorStatus";
import { IndicatorStatus, Trend } from "../../engine/types";
import { ReportBlock, ReportCell, ReportRow } from "../model";
import { COLORS, PERCENT_FORMAT, PERCENT_SHARE_FORMAT, S, STATUS_FILL } from "../styles";
import { unitSymbol } from "../language/words";
import { PHRASES } from "../language/phrases";
import { Ctx, rowKey } from "./context";

export const STATUS_LABEL: Record<IndicatorStatus, string> = {
  met: "Uppfyllt",
  partlyMet: "Delvis uppfyllt",
  notMet: "Ej uppfyllt",
  notAssessable: "Kan ej bedömas",
};

/** The arrow for a value's movement, and whether that is better or worse in the indicator's direction. */
export function trendCell(trend: Trend | null, movement: number): { arrow: string; word: string; color?: string } | null {
  if (trend === null) return null;
  const arrow = movement > 0 ? "↑" : movement < 0 ? "↓" : "→";
  const word = trend === "improving" ? "bättre" : trend === "worsening" ? "sämre" : "oförändrat";
  const color = trend === "improving" ? COLORS.favourable : trend === "worsening" ? COLORS.unfavourable : undefined;
  return { arrow, word, color };
}

function indicatorValue(ind: IndicatorResult, v: number | null): ReportCell {
  let fmt: string;
  const unit = unitSymbol(ind.unit);
  if (ind.percentFormat) fmt = PERCENT_SHARE_FORMAT;
  else if (unit === "%") fmt = PERCENT_FORMAT;
  else {
    const decimals = [ind.actual, ind.target, ind.previous].some((x) => x !== null && !Number.isInteger(x)) ? 1 : 0;
    const base = decimals ? "#,##0.0" : "#,##0";
    const suffix = unit ? `" ${unit.replace(/"/g, "")}"` : "";
    fmt = `${base}${suffix};"\u2212"${base}${suffix};${base}${suffix}`;
  }
  return { value: v, style: { numberFormat: fmt } };
}

/** Indikatorer: outcome against target with status, trend against the previous value, and the comment. */
export function indicatorSection(ctx: Ctx): ReportBlock | null {
  const list = ctx.result.indicators;
  if (list.length === 0) return null;
  const n = ctx.columns.length;
  // With room, Föregående and a coloured trend get columns of their own; otherwise the arrow follows the status.
  const withPrevious = n >= 7 && list.some((i) => i.previous !== null);
  const commentSpan = n - (withPrevious ? 6 : 4);
  const headers: (string | [string, number])[] = ["Indikator", "Utfall", "Mål", ...(withPrevious ? ["Föregående", "Trend"] : []), ["Status", 2], ["Kommentar", commentSpan]];
  const rows: ReportRow[] = [ctx.heading("Indikatorer"), ctx.headerRow(headers, true, withPrevious ? [4, 5] : [3])];
  for (const ind of list) {
    const trend = trendCell(ind.trend, ind.actual !== null && ind.previous !== null ? Math.sign(ind.actual - ind.previous) : 0);
    const cells: ReportCell[] = [{ value: ind.indicator, style: S.wrapText }, indicatorValue(ind, ind.actual), indicatorValue(ind, ind.target)];
    if (withPrevious) cells.push(indicatorValue(ind, ind.previous), { value: trend ? `${trend.arrow} ${trend.word}` : null, style: { align: "center", bold: true, color: trend?.color } });
    const arrow = !withPrevious && trend ? " " + trend.arrow : "";
    cells.push({ value: `${STATUS_LABEL[ind.status]}${arrow}`, span: 2, style: { fill: STATUS_FILL[ind.status], align: "center", bold: true } }, { value: ind.comment ?? "", span: commentSpan, style: S.wrapText });
    rows.push(ctx.row(cells, { key: rowKey.indicator(ind.indicator), label: ind.indicator }));
  }
  rows.push(ctx.note(PHRASES.indicatorLegend()));
  rows.push(ctx.blank());
  return { id: "indicators", title: "Indikatorer", rows };
}
