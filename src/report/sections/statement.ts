import { ReportBlock, ReportCell, ReportRow } from "../model";
import { S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { monthWord } from "../language/words";
import { Ctx, rowKey } from "./context";
import { statementTable } from "./statementTable";

/**
 * Resultaträkning: the posts by kind with their sums, the year's result, and after it what is carried from earlier
 * years and the result including it; with non-recurring items, the result without them. A legend says how to read
 * the signs; a footnote says where rounding shows.
 */
export function statementSection(ctx: Ctx): ReportBlock {
  const { income } = ctx.result;
  const table = statementTable(ctx, income.statement, income.totals, income.hasCarryover, { line: rowKey.statement, total: rowKey.total });
  const rows: ReportRow[] = [ctx.heading("Resultaträkning"), ...table.rows];
  const excluding = nonRecurringLine(ctx);
  if (excluding) rows.push(excluding);
  rows.push(ctx.note(PHRASES.signLegend()));
  const change = ctx.columns.some((c) => c.field === "forecastChange") ? ctx.result.outlook.change : null;
  if (change) rows.push(ctx.note(PHRASES.forecastChangeLegend({ month: monthWord(change.previousPeriod) })));
  const rounding = ctx.roundingNote(table.printed);
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "statement", title: "Resultaträkning", rows };
}

/** "Resultat exkl. jämförelsestörande poster": Årets resultat (before över-/underskott) without them, period and forecast. */
function nonRecurringLine(ctx: Ctx): ReportRow | null {
  const nr = ctx.result.nonRecurring;
  if (!nr) return null;
  const label = "Resultat exkl. jämförelsestörande poster";
  const st = style(S.total, { italic: true, fill: undefined });
  const cells: ReportCell[] = ctx.columns.map((c) => {
    if (c.field === "actual") return ctx.amount(nr.resultExcluding.actual, st);
    if (c.field === "forecast") return ctx.amount(nr.resultExcluding.forecast, st);
    return { value: null, style: st };
  });
  return ctx.row([{ value: label, style: st }, ...cells], { key: rowKey.total("resultExcludingNonRecurring"), label, role: "total" });
}
