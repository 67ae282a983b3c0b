import { ReportBlock, ReportRow } from "../model";
import { PHRASES } from "../language/phrases";
import { Ctx, rowKey } from "./context";
import { statementTable } from "./statementTable";

/**
 * Resultaträkning per ansvar: for each ansvar the setting `Resultaträkning per ansvar` names, its own resultaträkning
 * with every column of the nämnd's, one table after another under the ansvar's name.
 */
export function responsibilityStatementsSection(ctx: Ctx): ReportBlock | null {
  const list = ctx.result.responsibilityStatements;
  if (list.length === 0) return null;
  const rows: ReportRow[] = [ctx.heading(list.length === 1 ? `Resultaträkning ${list[0].responsibility}` : "Resultaträkning per ansvar")];
  let differs = false, adjusted = false;
  list.forEach((st, i) => {
    if (list.length > 1) rows.push(ctx.subheading(st.responsibility));
    const keys = { line: (kind: string, item: string) => rowKey.responsibilityLine(st.responsibility, kind, item), total: (name: string) => rowKey.responsibilityTotal(st.responsibility, name) };
    const table = statementTable(ctx, st.lines, st.totals, st.hasCarryover, keys);
    for (const row of table.rows) rows.push(row);
    differs ||= table.printed.differs;
    adjusted ||= table.printed.adjusted;
    if (i < list.length - 1) rows.push(ctx.blank());
  });
  rows.push(ctx.note(PHRASES.signLegend()));
  const rounding = ctx.roundingNote({ differs, adjusted });
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "responsibilityStatements", title: list.length === 1 ? `Resultaträkning ${list[0].responsibility}` : "Resultaträkning per ansvar", rows };
}
