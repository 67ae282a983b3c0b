import { toPublic } from "../../findings/findings";
import { ReportBlock, ReportRow } from "../model";
import { S } from "../styles";
import { PHRASES } from "../language/phrases";
import { writeAnalysis } from "../analysis";
import { Ctx } from "./context";

/** Analys: the written analysis, in a readable measure. */
export function analysisSection(ctx: Ctx): ReportBlock {
  const rows: ReportRow[] = [ctx.heading("Analys"), ...writeAnalysis(ctx.result).map((p) => ctx.prose(p)), ctx.blank()];
  return { id: "analysis", title: "Analys", rows };
}

/** Explanations typed into the previous report whose row is gone: kept until the controller moves them. */
export function orphanSection(ctx: Ctx): ReportBlock | null {
  const orphans = [...(ctx.options.explanations ?? new Map()).entries()].filter(([k, e]) => !ctx.used.has(k) && e.text.trim() !== "");
  if (orphans.length === 0) return null;
  const rows: ReportRow[] = [
    ctx.heading("Förklaringar vars rad inte längre finns"),
    ctx.note(PHRASES.orphansIntro()),
  ];
  for (const [key, e] of orphans) rows.push(ctx.row([{ value: e.label || key, style: S.wrapText }], { key, label: e.label }));
  rows.push(ctx.blank());
  return { id: "orphans", title: "Förklaringar vars rad inte längre finns", rows };
}

/**
 * Notices about the input: for the controller, not the nämnd. They stand below the report's last printed page,
 * outside the print area (the pane lists them too).
 */
export function noticeSection(ctx: Ctx): ReportBlock | null {
  if (ctx.findings.length === 0) return null;
  const list = ctx.findings.map(toPublic);
  const shown = list.slice(0, 200);
  const rows: ReportRow[] = [ctx.heading("Noteringar om indata (skrivs inte ut)")];
  for (const f of shown) rows.push({ role: "body", cells: [{ value: f.cell ?? f.range ?? "" }, { value: f.message, span: ctx.explanationColumn - 1, style: S.wrapText }] });
  if (list.length > shown.length) rows.push(ctx.note(PHRASES.moreNotices({ count: list.length - shown.length })));
  return { id: "notices", title: "Noteringar om indata", rows, screenOnly: true };
}
