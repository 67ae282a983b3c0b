import { roundReport } from "../../engine/amounts";
import { ReportBlock, ReportRow } from "../model";
import { COLORS, PERCENT_SHARE_FORMAT, S } from "../styles";
import { PHRASES } from "../language/phrases";
import { Ctx } from "./context";

/** The longest bar, in blocks: short enough to leave room on both sides of its column. */
const BAR = 6;

/** Känslighetsanalys: each factor's full-year effect on the result, with an in-cell bar when the report has no charts. */
export function sensitivitySection(ctx: Ctx): ReportBlock | null {
  const list = ctx.result.sensitivity;
  if (list.length === 0) return null;
  // Break-even (contract v3) needs a forecast of the result; a factor that cannot reach zero gets a dash.
  const withBreakEven = ctx.result.income.hasForecast;
  // The in-cell bars are for a report without charts; with them the tornado under the table shows the same.
  const bars = !ctx.settings.charts;
  const headers = ["Faktor", "Bas (helår)", "Förändring", "Effekt på resultatet", ...(bars ? ["Minskar resultatet", "Ökar resultatet"] : []), ...(withBreakEven ? ["Förändring till nollresultat"] : [])];
  const rows: ReportRow[] = [ctx.heading("Känslighetsanalys"), ctx.headerRow(headers, false)];
  const max = list.reduce((m, s) => Math.max(m, Math.abs(s.effect)), 0);
  for (const s of list) {
    const blocks = max === 0 ? 0 : Math.max(roundReport(s.effect, ctx.decimals) === 0 ? 0 : 1, Math.round((Math.abs(s.effect) / max) * BAR));
    const bar = "█".repeat(blocks) || null;
    rows.push(
      ctx.row([
        { value: s.factor, style: S.wrapText },
        ctx.amount(s.base),
        { value: s.change, style: { numberFormat: PERCENT_SHARE_FORMAT } },
        ctx.amount(s.effect, { bold: true, color: s.effect < 0 ? COLORS.unfavourable : s.effect > 0 ? COLORS.favourable : undefined }),
        // The bars keep an indent from the column's edge, so a bar never touches the figure beside it.
        ...(bars
          ? [
              { value: s.effect < 0 ? bar : null, style: { align: "right" as const, indent: 1, color: COLORS.unfavourable } },
              { value: s.effect > 0 ? bar : null, style: { align: "left" as const, indent: 1, color: COLORS.favourable } },
            ]
          : []),
        ...(withBreakEven
          ? [s.breakEven === null ? { value: "–", style: { align: "right" as const } } : { value: roundReport(s.breakEven.change, 3), style: { numberFormat: PERCENT_SHARE_FORMAT } }]
          : []),
      ]),
    );
  }
  rows.push(ctx.note(PHRASES.sensitivityLegend()));
  if (withBreakEven) rows.push(ctx.note(PHRASES.breakEvenLegend()));
  rows.push(ctx.blank());
  return { id: "sensitivity", title: "Känslighetsanalys", rows };
}
