import { roundReport } from "../../engine/amounts";
import { Figures } from "../../engine/types";
import { ReportBlock, ReportRow } from "../model";
import { S } from "../styles";
import { PHRASES } from "../language/phrases";
import { Voice } from "../language/words";
import { Ctx, rowKey, Tree } from "./context";

type Line = Figures & { significant?: boolean };

/** Driftredovisning per ansvar: each ansvar's result (including över-/underskott) and the sum. */
export function responsibilitySection(ctx: Ctx): ReportBlock | null {
  const { income } = ctx.result;
  const list = income.byResponsibility;
  if (!list) return null;
  const sum = income.totals.resultIncludingCarryover;
  const tree: Tree<Line> = { key: sum, parts: list.map((key) => ({ key })) };
  const printed = ctx.printed(tree, ctx.columns.filter((c) => c.kind !== "percent").map((c) => c.field), (k, f) => k[f as keyof Figures] as number | null);
  const headers = ctx.columns.map((c) => (c.kind === "percent" ? "" : c.header));
  const rows: ReportRow[] = [ctx.heading("Driftredovisning per ansvar"), ctx.headerRow(["Ansvar", ...headers], true)];
  for (const r of list) {
    rows.push(ctx.row([{ value: r.responsibility || "(utan ansvar)", style: S.item }, ...ctx.figureCells<Line>(r, r, printed, undefined, false)], { key: rowKey.responsibility(r.responsibility), label: r.responsibility }));
  }
  const organisation = ctx.settings.organisation;
  rows.push(ctx.row([{ value: organisation ? `Summa ${organisation}` : "Summa", style: S.grandTotal }, ...ctx.figureCells<Line>(sum, { ...sum, significant: true }, printed, S.grandTotal, false)], { role: "total" }));
  // What is carried from earlier years stands inside each ansvar's result; the note names it, so a result that looks
  // worse than the ansvar's own revenue minus costs can be read.
  const carried = list.filter((r) => r.carryover?.forecast != null && roundReport(r.carryover.forecast, ctx.decimals) !== 0);
  if (carried.length > 0) rows.push(ctx.note(PHRASES.responsibilityCarryover({ items: carried.map((r) => ({ name: r.responsibility || "(utan ansvar)", forecast: r.carryover?.forecast as number })) }, new Voice(ctx.decimals, ctx.settings.unitOut))));
  const rounding = ctx.roundingNote(printed);
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "responsibility", title: "Driftredovisning per ansvar", rows };
}
