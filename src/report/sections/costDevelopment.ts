import { roundReport } from "../../engine/amounts";
import { Figures } from "../../engine/types";
import { IncomeRow } from "../../engine/variance";
import { CellStyle, ReportBlock, ReportCell, ReportRow } from "../model";
import { PERCENT_SHARE_FORMAT, S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { Ctx, periodSpan, Printed, Tree } from "./context";

type Line = Figures & { significant?: boolean };
const FIELDS = ["actualPriorYear", "actual", "changeFromPriorYear"] as const;

/**
 * Kostnadsutveckling: each post's outcome this period against the same period last year, with the change in amount
 * and in per cent, revenue and costs with their sums. Present whenever the workbook gives Utfall fg år.
 * The change is printed as the post grew or shrank (a cost that rose 10,0 mnkr shows +10,0 and +3,4 %, as a
 * controller writes "kostnaderna har ökat med 3,4 %"); its colour says whether that was good for the result. The
 * JSON keeps the signed change (actual − actual last year), as the contract defines it.
 */
export function costDevelopmentSection(ctx: Ctx): ReportBlock | null {
  const { income, settings } = ctx.result;
  if (!income.hasPriorYear) return null;
  const span = periodSpan(settings.months);
  const y = settings.year;
  const rows: ReportRow[] = [
    ctx.heading("Kostnadsutveckling"),
    ctx.headerRow(["Post", `Utfall ${span} ${y - 1}`, `Utfall ${span} ${y}`, "Förändring", "Förändring %"], false),
  ];
  const t = income.totals;
  const printedAll: Printed<Line>[] = [];
  const group = (lines: IncomeRow[], total: Line, label: string) => {
    if (lines.length === 0) return;
    const tree: Tree<Line> = { key: total, parts: lines.map((key) => ({ key })) };
    const printed = ctx.printed<Line>(tree, FIELDS, (k, f) => k[f as keyof Figures] as number | null);
    printedAll.push(printed);
    const growth = lines[0].kind === "cost" ? -1 : 1;
    for (const l of lines) rows.push(ctx.row([{ value: l.item, style: S.item }, ...cells(ctx, l, printed, growth)]));
    rows.push(ctx.row([{ value: label, style: S.total }, ...cells(ctx, total, printed, growth, S.total)], { role: "total" }));
  };
  group(income.statement.filter((r) => r.kind === "revenue"), t.revenue, "Summa intäkter");
  group(income.statement.filter((r) => r.kind === "cost"), t.cost, "Summa kostnader");
  rows.push(ctx.note(PHRASES.changeLegend()));
  const rounding = ctx.roundingNote({ differs: printedAll.some((p) => p.differs), adjusted: printedAll.some((p) => p.adjusted) });
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "costDevelopment", title: "Kostnadsutveckling", rows };
}

/**
 * Last year, this year, the growth and the growth in per cent (a dash where the change prints as zero). `growth` is
 * −1 for costs, which the report signs negative: a cost that grows becomes more negative, and is printed as growing.
 */
function cells(ctx: Ctx, f: Line, printed: Printed<Line>, growth: 1 | -1, rowStyle?: CellStyle): ReportCell[] {
  const change = printed.get(f, "changeFromPriorYear");
  const amount = (value: number | null, colour?: CellStyle) => ({ value, style: style({ numberFormat: ctx.amountFmt }, rowStyle, colour) });
  const grown = (n: number) => (n === 0 ? 0 : growth * n);
  const percent: ReportCell =
    f.changePercentFromPriorYear === null || change === null || change === 0
      ? { value: "–", style: style(rowStyle, { align: "right" }) }
      : { value: grown(roundReport(f.changePercentFromPriorYear, 3)), style: style(rowStyle, { numberFormat: PERCENT_SHARE_FORMAT }, ctx.tone(f.changeFromPriorYear)) };
  return [amount(printed.get(f, "actualPriorYear")), amount(printed.get(f, "actual")), amount(change === null ? null : grown(change), ctx.tone(change)), percent];
}
