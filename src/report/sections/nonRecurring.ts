import { NonRecurringItem } from "../../engine/nonRecurring";
import { ReportBlock, ReportCell, ReportRow } from "../model";
import { S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { Ctx, periodSpan, rowKey, Tree } from "./context";

/**
 * Jämförelsestörande poster: the non-recurring items with the post (and ansvar) they are booked on and their amounts
 * in Utfall and Prognos, their sum, and the bridge from Årets resultat to the result without them.
 */
export function nonRecurringSection(ctx: Ctx): ReportBlock | null {
  const nr = ctx.result.nonRecurring;
  if (!nr) return null;
  const { income } = ctx.result;
  const { settings } = ctx;
  const withForecast = income.hasForecast || nr.items.some((n) => n.forecastReport !== null);
  const withResponsibility = nr.items.some((n) => n.responsibility !== null);
  // Description in the label column, post and ansvar sharing what the amounts leave of the grid.
  const free = ctx.columns.length - (withForecast ? 2 : 1);
  const postSpan = withResponsibility ? Math.ceil(free / 2) : free;
  const respSpan = withResponsibility ? free - postSpan : 0;
  const headers: (string | [string, number])[] = ["Jämförelsestörande post", ["Post", postSpan]];
  if (withResponsibility) headers.push(["Ansvar", respSpan]);
  headers.push(`Utfall ${periodSpan(settings.months)} ${settings.year}`);
  if (withForecast) headers.push(`Prognos helår ${settings.year}`);

  type Key = NonRecurringItem | "sum" | "result" | "excluding";
  const result = income.totals.result;
  const tree: Tree<Key> = { key: "result", parts: [{ key: "excluding" }, { key: "sum", parts: nr.items.map((key) => ({ key })) }] };
  const printed = ctx.printed<Key>(tree, ["actual", "forecast"], (k, f) => {
    const actual = f === "actual";
    if (k === "result") return actual ? result.actual : result.forecast;
    if (k === "excluding") return actual ? nr.resultExcluding.actual : nr.resultExcluding.forecast;
    if (k === "sum") return actual ? nr.sum.actual : (nr.sum.forecast ?? (withForecast ? 0 : null));
    return actual ? k.actualReport : k.forecastReport;
  });
  const amounts = (k: Key, st?: typeof S.total): ReportCell[] => {
    const cell = (f: string): ReportCell => ({ value: printed.get(k, f), style: style({ numberFormat: ctx.amountFmt }, st) });
    return withForecast ? [cell("actual"), cell("forecast")] : [cell("actual")];
  };
  const rows: ReportRow[] = [ctx.heading("Jämförelsestörande poster"), ctx.headerRow(headers, true)];
  for (const n of nr.items) {
    const cells: ReportCell[] = [{ value: n.description, style: S.wrapText }, { value: n.item, span: postSpan, style: S.wrapText }];
    if (withResponsibility) cells.push({ value: n.responsibility ?? "", span: respSpan, style: S.wrapText });
    rows.push(ctx.row([...cells, ...amounts(n)], { key: rowKey.nonRecurring(n.description), label: n.description }));
  }
  const line = (label: string, k: Key, st: typeof S.total) => ctx.row([{ value: label, style: st, span: 1 + postSpan + respSpan }, ...amounts(k, st)], { role: "total" });
  rows.push(line("Summa jämförelsestörande poster", "sum", S.total));
  rows.push(line(income.hasCarryover ? "Årets resultat exkl. över-/underskott" : "Årets resultat", "result", S.total));
  rows.push(line("Resultat exkl. jämförelsestörande poster", "excluding", S.grandTotal));
  rows.push(ctx.note(PHRASES.nonRecurringNote({ carryover: income.hasCarryover })));
  const rounding = ctx.roundingNote(printed);
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "nonRecurring", title: "Jämförelsestörande poster", rows };
}
