import { IndicatorResult } from "../../engine/indicatorStatus";
import { IndicatorStatus, Trend } from "../../engine/types";
import { ReportBlock, ReportCell, ReportRow } from "../model";
import { COLORS, PERCENT_SHARE_FORMAT, S, STATUS_FILL } from "../styles";
import { unitSymbol } from "../language/words";
import { PHRASES } from "../language/phrases";
import { Ctx, rowKey } from "./context";
import { canon } from "../../core/text";

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

function indicatorValue(ind: IndicatorResult, v: number | null, targetYear: number | null = null): ReportCell {
  let fmt: string;
  const unit = unitSymbol(ind.unit);
  // A target's year, where the column's header cannot carry it, follows the target: `75,0 % (2026)`.
  const year = targetYear === null ? "" : `" (${targetYear})"`;
  if (ind.percentFormat) fmt = year ? `0.0 %${year};"\u2212"0.0 %${year};0.0 %${year}` : PERCENT_SHARE_FORMAT;
  else if (unit === "%") fmt = `0.0" %"${year};"\u2212"0.0" %"${year};0.0" %"${year}`;
  else {
    const decimals = [ind.actual, ind.target, ind.previous].some((x) => x !== null && !Number.isInteger(x)) ? 1 : 0;
    const base = decimals ? "#,##0.0" : "#,##0";
    const suffix = unit ? `" ${unit.replace(/"/g, "")}"` : "";
    fmt = `${base}${suffix}${year};"\u2212"${base}${suffix}${year};${base}${suffix}${year}`;
  }
  return { value: v, style: { numberFormat: fmt } };
}

/** The indicators in their groups (`Grupp`), groups in the order they first appear, ungrouped ones last. */
export function groupIndicators<T extends { group: string | null }>(list: readonly T[]): { group: string | null; items: T[] }[] {
  const groups: { group: string | null; items: T[] }[] = [];
  const byName = new Map<string, { group: string | null; items: T[] }>();
  let ungrouped: { group: string | null; items: T[] } | null = null;
  for (const ind of list) {
    if (ind.group === null) {
      ungrouped ??= { group: null, items: [] };
      ungrouped.items.push(ind);
      continue;
    }
    const key = canon(ind.group);
    let g = byName.get(key);
    if (!g) {
      byName.set(key, (g = { group: ind.group, items: [] }));
      groups.push(g);
    }
    g.items.push(ind);
  }
  if (ungrouped) groups.push(ungrouped);
  return groups;
}

/**
 * Indikatorer: outcome against target with status, trend against the previous value, and the comment; under their
 * groups (`Grupp`) as subheadings where the workbook groups them. A target year (`Målår`) stands in the header
 * (`Mål 2026`) when every indicator has the same, else beside each target.
 */
export function indicatorSection(ctx: Ctx): ReportBlock | null {
  const list = ctx.result.indicators;
  if (list.length === 0) return null;
  const n = ctx.columns.length;
  // With room, Föregående and a coloured trend get columns of their own; otherwise the arrow follows the status.
  const withPrevious = n >= 7 && list.some((i) => i.previous !== null);
  const commentSpan = n - (withPrevious ? 6 : 4);
  const years = new Set(list.map((i) => i.targetYear));
  const sharedYear = years.size === 1 ? list[0].targetYear : null;
  const headers: (string | [string, number])[] = ["Indikator", "Utfall", sharedYear === null ? "Mål" : `Mål ${sharedYear}`, ...(withPrevious ? ["Föregående", "Trend"] : []), ["Status", 2], ["Kommentar", commentSpan]];
  const rows: ReportRow[] = [ctx.heading("Indikatorer"), ctx.headerRow(headers, true, withPrevious ? [4, 5] : [3])];
  const groups = groupIndicators(list);
  const grouped = groups.some((g) => g.group !== null);
  for (const g of groups) {
    if (grouped) rows.push(ctx.subheading(g.group ?? "Övriga indikatorer"));
    for (const ind of g.items) {
      const trend = trendCell(ind.trend, ind.actual !== null && ind.previous !== null ? Math.sign(ind.actual - ind.previous) : 0);
      const cells: ReportCell[] = [{ value: ind.indicator, style: S.wrapText }, indicatorValue(ind, ind.actual), indicatorValue(ind, ind.target, sharedYear === null ? ind.targetYear : null)];
      if (withPrevious) cells.push(indicatorValue(ind, ind.previous), { value: trend ? `${trend.arrow} ${trend.word}` : null, style: { align: "center", bold: true, color: trend?.color } });
      const arrow = !withPrevious && trend ? " " + trend.arrow : "";
      cells.push({ value: `${STATUS_LABEL[ind.status]}${arrow}`, span: 2, style: { fill: STATUS_FILL[ind.status], align: "center", bold: true } }, { value: ind.comment ?? "", span: commentSpan, style: S.wrapText });
      rows.push(ctx.row(cells, { key: rowKey.indicator(ind.indicator), label: ind.indicator }));
    }
  }
  rows.push(ctx.note(PHRASES.indicatorLegend()));
  rows.push(ctx.blank());
  return { id: "indicators", title: "Indikatorer", rows };
}

/**
 * Indicators for kvinnor and män (as a delårsrapport shows sjukfrånvaro): for each indicator that has them, Kvinnor,
 * Män and Totalt for the outcome and for the previous value, and the change in Totalt; under their groups.
 */
export function indicatorGenderSection(ctx: Ctx): ReportBlock | null {
  const list = ctx.result.indicators.filter((i) => i.actualWomen !== null || i.actualMen !== null || i.previousWomen !== null || i.previousMen !== null);
  if (list.length === 0) return null;
  const withPrevious = list.some((i) => i.previous !== null || i.previousWomen !== null || i.previousMen !== null);
  const headers = ["Indikator", "Utfall kvinnor", "Utfall män", "Utfall totalt", ...(withPrevious ? ["Föregående kvinnor", "Föregående män", "Föregående totalt", "Förändring totalt"] : [])];
  const rows: ReportRow[] = [ctx.heading("Kvinnor och män"), ctx.headerRow(headers, false)];
  const groups = groupIndicators(list);
  const grouped = groups.some((g) => g.group !== null);
  for (const g of groups) {
    if (grouped) rows.push(ctx.subheading(g.group ?? "Övriga indikatorer"));
    for (const ind of g.items) {
      const cells: ReportCell[] = [{ value: ind.indicator, style: S.wrapText }, indicatorValue(ind, ind.actualWomen), indicatorValue(ind, ind.actualMen), style0(indicatorValue(ind, ind.actual))];
      if (withPrevious) {
        const change = ind.actual !== null && ind.previous !== null ? ind.actual - ind.previous : null;
        const better = change === null || Math.abs(change) < 1e-12 ? null : (change > 0) === (ind.direction === "higher");
        const changeCell = changeValue(ind, change);
        if (better !== null) changeCell.style = { ...changeCell.style, color: better ? COLORS.favourable : COLORS.unfavourable };
        cells.push(indicatorValue(ind, ind.previousWomen), indicatorValue(ind, ind.previousMen), style0(indicatorValue(ind, ind.previous)), changeCell);
      }
      rows.push(ctx.row(cells));
    }
  }
  rows.push(ctx.note(PHRASES.genderLegend()));
  rows.push(ctx.blank());
  return { id: "indicatorGenders", title: "Kvinnor och män", rows };
}

/**
 * The change of an indicator's value: in its own unit, except for a share, whose change is in procentenheter
 * (6,4 % → 6,1 % is −0,3 p.e., not −0,3 %; Språkrådet).
 */
function changeValue(ind: IndicatorResult, change: number | null): ReportCell {
  if (!ind.percentFormat && unitSymbol(ind.unit) !== "%") return indicatorValue(ind, change === null ? null : Math.round(change * 1e9) / 1e9);
  const points = change === null ? null : Math.round(change * (ind.percentFormat ? 100 : 1) * 1e9) / 1e9;
  return { value: points, style: { numberFormat: `0.0" p.e.";"\u2212"0.0" p.e.";0.0" p.e."` } };
}

/** A total's cell, in bold. */
function style0(cell: ReportCell): ReportCell {
  return { ...cell, style: { ...cell.style, bold: true } };
}
