import { Figures } from "../../engine/types";
import { ReportBlock, ReportRow } from "../model";
import { COLORS, S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { Ctx, rowKey, Tree } from "./context";

type Line = Figures & { significant?: boolean };

/**
 * Driftredovisning per ansvar: each ansvar's result (including över-/underskott) and the sum; under each ansvar that
 * has both, its intäkter and kostnader with the same columns.
 */
export function responsibilitySection(ctx: Ctx): ReportBlock | null {
  const { income } = ctx.result;
  const list = income.byResponsibility;
  if (!list) return null;
  const sum = income.totals.resultIncludingCarryover;
  const tree: Tree<Line> = { key: sum, parts: list.map((key) => ({ key })) };
  const fields = ctx.columns.filter((c) => c.kind !== "percent").map((c) => c.field);
  const printed = ctx.printed(tree, fields, (k, f) => k[f as keyof Figures] as number | null);
  const headers = ctx.columns.map((c) => (c.kind === "percent" ? "" : c.header));
  const rows: ReportRow[] = [ctx.heading("Driftredovisning per ansvar"), ctx.headerRow(["Ansvar", ...headers], true)];
  const kindStyle = style(S.item, { indent: 2, italic: true, color: COLORS.muted });
  let kinds = false;
  for (const r of list) {
    rows.push(ctx.row([{ value: r.responsibility || "(utan ansvar)", style: S.item }, ...ctx.figureCells<Line>(r, r, printed, undefined, false)], { key: rowKey.responsibility(r.responsibility), label: r.responsibility }));
    for (const [label, f] of [["Intäkter", r.revenue], ["Kostnader", r.cost]] as const) {
      if (!f) continue;
      kinds = true;
      // A part of the ansvar's net, rounded on its own: revenue and costs do not sum to a net that includes more.
      const own = ctx.printed<Line>({ key: f }, fields, (k, field) => k[field as keyof Figures] as number | null);
      // In grey, uncoloured: the ansvar's net carries the judgement; its parts only explain it.
      const cells = ctx.figureCells<Line>(f, { ...f, significant: false }, own, undefined, false).map((c) => ({ ...c, style: style(c.style, { italic: true, color: COLORS.muted }) }));
      rows.push(ctx.row([{ value: label, style: kindStyle }, ...cells]));
    }
  }
  const organisation = ctx.settings.organisation;
  rows.push(ctx.row([{ value: organisation ? `Summa ${organisation}` : "Summa", style: S.grandTotal }, ...ctx.figureCells<Line>(sum, { ...sum, significant: true }, printed, S.grandTotal, false)], { role: "total" }));
  if (kinds) rows.push(ctx.note(PHRASES.responsibilityKinds()));
  const rounding = ctx.roundingNote(printed);
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "responsibility", title: "Driftredovisning per ansvar", rows };
}
