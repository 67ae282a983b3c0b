import { AccuracyRow } from "../../engine/forecastHistory";
import { roundReport } from "../../engine/amounts";
import { ReportBlock, ReportCell, ReportRow } from "../model";
import { PERCENT_SHARE_FORMAT, S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { capitalise } from "../language/grammar";
import { forecastWhen } from "../language/words";
import { accuracySentence, intervalSentence } from "../analysis";
import { Ctx, Tree } from "./context";

export const ACCURACY_TITLE = "Prognossäkerhet";
export const INTERVAL_TITLE = "Årets resultat som intervall";

/**
 * Prognossäkerhet (contract v3): each earlier forecast of Årets resultat against the year's outcome, for the nämnd and
 * under it per ansvar, with the difference in amount and in per cent of the year's total costs. Absent without a year
 * whose outcome and earlier forecasts are in the history.
 */
export function forecastAccuracySection(ctx: Ctx): ReportBlock | null {
  const accuracy = ctx.result.outlook.accuracy;
  if (!accuracy) return null;
  const rows: ReportRow[] = [ctx.heading(ACCURACY_TITLE), ctx.headerRow(["Prognos gjord i", "Prognos helår", "Utfall helår", "Differens", "Differens i % av kostnaderna"], false)];
  const groups = new Map<string, { top: AccuracyRow | null; parts: AccuracyRow[] }>();
  for (const a of accuracy) {
    const key = `${a.year}:${a.period}`;
    const g = groups.get(key) ?? { top: null, parts: [] };
    if (a.responsibility === null) g.top = a;
    else g.parts.push(a);
    groups.set(key, g);
  }
  let differs = false, adjusted = false;
  const fields = ["forecast", "outcome", "difference"] as const;
  for (const g of groups.values()) {
    const top = g.top;
    if (!top) continue;
    const tree: Tree<AccuracyRow> = { key: top, parts: g.parts.length ? g.parts.map((key) => ({ key })) : undefined };
    const printed = ctx.printed(tree, fields, (k, f) => k[f as (typeof fields)[number]]);
    differs ||= printed.differs;
    adjusted ||= printed.adjusted;
    const cells = (a: AccuracyRow, st?: typeof S.total): ReportCell[] => [
      ...fields.map((f) => ({ value: printed.get(a, f), style: style({ numberFormat: ctx.amountFmt }, st, f === "difference" ? ctx.tone(printed.get(a, f)) : undefined) })),
      a.differencePercent === null || printed.get(a, "difference") === 0
        ? { value: "–", style: style(st, { align: "right" }) }
        : { value: roundReport(a.differencePercent, 3), style: style(st, { numberFormat: PERCENT_SHARE_FORMAT }, ctx.tone(a.difference)) },
    ];
    const st = g.parts.length ? S.total : undefined;
    const label = capitalise(forecastWhen(top.year, top.period));
    rows.push(ctx.row([{ value: label, style: st ?? S.wrapText }, ...cells(top, st)], { role: g.parts.length ? "total" : "body" }));
    for (const a of g.parts) rows.push(ctx.row([{ value: a.responsibility, style: S.item }, ...cells(a)]));
  }
  rows.push(ctx.note(PHRASES.accuracyLegend()));
  const rounding = ctx.roundingNote({ differs, adjusted });
  if (rounding) rows.push(rounding);
  const sentence = accuracySentence(ctx.result);
  if (sentence) rows.push(ctx.prose(sentence));
  rows.push(ctx.blank());
  return { id: "forecastAccuracy", title: ACCURACY_TITLE, rows };
}

/**
 * Årets resultat som intervall: P10, P50 and P90 of the year's result (excl. and, with över-/underskott, incl. it) and
 * the probability of a deficit, the sentence, and a note on the simulations, the spread's source and the risks in it.
 */
export function forecastIntervalSection(ctx: Ctx): ReportBlock | null {
  const { interval, spread } = ctx.result.outlook;
  if (!interval) return null;
  const { income, riskSummary, settings } = ctx.result;
  const rows: ReportRow[] = [ctx.heading(INTERVAL_TITLE), ctx.headerRow(["Resultat", "P10", "P50 (median)", "P90", "Sannolikhet för underskott"], false)];
  const line = (label: string, f: { p10: number; p50: number; p90: number; probabilityDeficit: number }, st?: typeof S.total) =>
    ctx.row([
      { value: label, style: st ?? S.wrapText },
      ctx.amount(f.p10, st),
      ctx.amount(f.p50, st),
      ctx.amount(f.p90, st),
      { value: roundReport(f.probabilityDeficit, 3), style: style(st, { numberFormat: PERCENT_SHARE_FORMAT }) },
    ], { role: st ? "total" : "body" });
  if (income.hasCarryover) {
    rows.push(line("Årets resultat exkl. över-/underskott", interval));
    rows.push(line("Årets resultat inkl. över-/underskott", interval.includingCarryover, S.total));
  } else rows.push(line("Årets resultat", interval, S.total));
  const sentence = intervalSentence(ctx.result);
  if (sentence) rows.push(ctx.prose(sentence));
  rows.push(
    ctx.note(
      PHRASES.intervalNote({
        simulations: interval.simulations,
        requested: settings.simulations,
        source: interval.spreadSource,
        years: spread.years,
        spread: { revenue: settings.forecastSpread.revenue, cost: settings.forecastSpread.cost },
        risks: riskSummary.weighted,
        risksWithout: riskSummary.unweighted,
      }),
    ),
  );
  rows.push(ctx.blank());
  return { id: "forecastInterval", title: INTERVAL_TITLE, rows };
}
