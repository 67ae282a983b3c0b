import { EngineResult } from "../../engine";
import { InvestmentFigures } from "../../engine/investments";
import { CellStyle, ReportBlock, ReportRow } from "../model";
import { amountFormat, S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { Ctx, periodSpan, rowKey, Tree } from "./context";

/**
 * Investeringsredovisning: projects under their category with a subtotal each, and a total. Spending is negative,
 * so a positive variance means spending less than budgeted. Columns without any figures are left out.
 */
export function investmentSection(ctx: Ctx): ReportBlock | null {
  const inv = ctx.result.investments as EngineResult["investments"];
  if (!inv) return null;
  const y = ctx.settings.year;
  const all: { field: keyof InvestmentFigures; header: string; variance?: boolean }[] = [
    { field: "actual", header: `Utfall ${periodSpan(ctx.settings.months)} ${y}` },
    { field: "budgetYear", header: `Budget helår ${y}` },
    { field: "forecast", header: `Prognos helår ${y}` },
    { field: "forecastVariance", header: "Avvikelse prognos helår", variance: true },
    { field: "actualToDate", header: "Utfall ack totalt" },
    { field: "projectBudget", header: "Total projektbudget" },
    { field: "projectForecast", header: "Prognos total" },
    { field: "projectVariance", header: "Avvikelse total", variance: true },
  ];
  const columns = all.filter((c) => inv.projects.some((p) => p[c.field] !== null)).slice(0, ctx.columns.length);
  const grouped = inv.groups.some((g) => g.category !== null);
  const tree: Tree<InvestmentFigures> = grouped
    ? { key: inv.total, parts: inv.groups.map((g) => ({ key: g, parts: g.projects.map((key) => ({ key })) })) }
    : { key: inv.total, parts: inv.projects.map((key) => ({ key })) };
  const printed = ctx.printed(tree, columns.map((c) => c.field), (k, f) => k[f as keyof InvestmentFigures]);
  const fmt = amountFormat(ctx.decimals);
  const cells = (f: InvestmentFigures, rowStyle?: CellStyle) =>
    columns.map((c) => {
      const v = printed.get(f, c.field);
      return { value: v, style: style({ numberFormat: fmt }, rowStyle, c.variance ? ctx.tone(v) : undefined) };
    });
  const rows: ReportRow[] = [ctx.heading("Investeringsredovisning"), ctx.headerRow(["Projekt", ...columns.map((c) => c.header)], true)];
  for (const g of inv.groups) {
    if (grouped) rows.push(ctx.subheading(g.category ?? "Övriga investeringar"));
    for (const p of g.projects) rows.push(ctx.row([{ value: p.project, style: S.item }, ...cells(p)], { key: rowKey.investment(p.project), label: p.project }));
    if (grouped) rows.push(ctx.row([{ value: `Summa ${g.category ?? "övriga investeringar"}`, style: S.total }, ...cells(g, S.total)], { role: "total" }));
  }
  rows.push(ctx.row([{ value: "Summa investeringar", style: S.grandTotal }, ...cells(inv.total, S.grandTotal)], { key: rowKey.total("investments"), label: "Summa investeringar", role: "total" }));
  rows.push(ctx.note(PHRASES.investmentSigns()));
  const rounding = ctx.roundingNote(printed);
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "investments", title: "Investeringsredovisning", rows };
}
