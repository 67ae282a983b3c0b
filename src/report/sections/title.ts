import { ReportBlock, ReportRow } from "../model";
import { S } from "../styles";
import { periodWords, unitWord } from "../language/words";
import { Ctx } from "./context";

/** `2024-08-31 14:05`: when the report was refreshed. */
export function formatStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Organisation, title, period and unit, and when the report was refreshed: what a nämnd reads first. */
export function titleSection(ctx: Ctx): ReportBlock {
  const { settings } = ctx;
  const line = (value: string, style: typeof S.title, height?: number): ReportRow => ({ role: "title", cells: [{ value, style, span: ctx.explanationColumn }], height });
  const rows: ReportRow[] = [];
  if (settings.organisation) rows.push(line(settings.organisation, S.organisation));
  rows.push(line(`${settings.reportTitle} ${settings.year}`, S.title, 28));
  rows.push(line(`Period: ${periodWords(settings.months, settings.year)} · Belopp i ${unitWord(settings.unitOut)} · Uppdaterad ${formatStamp(ctx.options.now)}`, S.meta));
  rows.push(ctx.blank());
  return { id: "title", rows };
}
