import { Figures } from "../../engine/types";
import { IncomeRow, Totals } from "../../engine/variance";
import { CellStyle, ReportRow } from "../model";
import { S } from "../styles";
import { Ctx, Printed, Tree } from "./context";

export type Line = Figures & { significant?: boolean };

/** How the rows of one resultaträkning are keyed, for explanations: the nämnd's, or one ansvar's. */
export interface StatementKeys {
  line(kind: string, item: string): string;
  total(name: string): string;
}

/**
 * The rows of a resultaträkning: its header, the lines by kind with their sums, the year's result, and after it what
 * is carried from earlier years and the result including it; with the figures as printed (for a footnote about
 * rounding). The nämnd's statement and each ansvar's own are built by it alike.
 */
export function statementTable(ctx: Ctx, lines: readonly IncomeRow[], t: Totals, hasCarryover: boolean, keys: StatementKeys, firstHeader = "Post"): { rows: ReportRow[]; printed: Printed<Line> } {
  const of = (kind: IncomeRow["kind"]) => lines.filter((r) => r.kind === kind);
  const revenue = of("revenue"), cost = of("cost"), financial = of("financial"), carried = of("carryover");

  // The sum structure, for rounding that adds up: lines under their sums, sums under the results.
  const group = (total: Line, list: IncomeRow[]): Tree<Line> => (list.length === 1 && (total === t.financial || total === t.carryover) ? { key: list[0] } : { key: total, parts: list.map((key) => ({ key })) });
  const parts: Tree<Line>[] = [group(t.revenue, revenue), group(t.cost, cost)];
  if (financial.length) parts.push(group(t.financial, financial));
  const result: Tree<Line> = { key: t.result, parts };
  const tree: Tree<Line> = hasCarryover ? { key: t.resultIncludingCarryover, parts: [result, group(t.carryover, carried)] } : result;
  const fields = ctx.columns.filter((c) => c.kind !== "percent").map((c) => c.field);
  const printed = ctx.printed(tree, fields, (k, f) => k[f as keyof Figures] as number | null);

  const rows: ReportRow[] = [ctx.headerRow([firstHeader, ...ctx.columns.map((c) => c.header)], true)];
  const line = (r: IncomeRow, rowStyle?: CellStyle) =>
    ctx.row([{ value: r.item, style: rowStyle ?? S.item }, ...ctx.figureCells<Line>(r, rowStyle ? { ...r, significant: true } : r, printed, rowStyle)], {
      key: keys.line(r.kind, r.item),
      label: r.item,
      role: rowStyle ? "total" : "body",
    });
  // A result's variance in per cent of a result near zero misleads (13,8 %, −129,3 %): its cell stays empty.
  const total = (name: string, f: Figures, st: CellStyle, key: string, percent = true) =>
    ctx.row([{ value: name, style: st }, ...ctx.figureCells<Line>(f, { ...f, significant: true }, printed, st, percent)], { key: keys.total(key), label: name, role: "total" });

  revenue.forEach((r) => rows.push(line(r)));
  rows.push(total("Summa intäkter", t.revenue, S.total, "revenue"));
  cost.forEach((r) => rows.push(line(r)));
  rows.push(total("Summa kostnader", t.cost, S.total, "cost"));
  if (financial.length === 1) rows.push(line(financial[0], S.total));
  else if (financial.length > 1) {
    financial.forEach((r) => rows.push(line(r)));
    rows.push(total("Finansnetto", t.financial, S.total, "financial"));
  }
  if (!hasCarryover) rows.push(total("Årets resultat", t.result, S.grandTotal, "result", false));
  else {
    rows.push(total("Årets resultat exkl. över-/underskott", t.result, S.total, "result", false));
    if (carried.length === 1) rows.push(line(carried[0], S.total));
    else {
      carried.forEach((r) => rows.push(line(r)));
      rows.push(total("Summa över-/underskott", t.carryover, S.total, "carryover"));
    }
    rows.push(total("Årets resultat inkl. över-/underskott", t.resultIncludingCarryover, S.grandTotal, "resultIncluding", false));
  }
  return { rows, printed };
}
