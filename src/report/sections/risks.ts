import { roundReport } from "../../engine/amounts";
import { riskLevel, RiskResult } from "../../engine/risk";
import { RiskLevel } from "../../engine/types";
import { CellStyle, ReportBlock, ReportCell, ReportRow } from "../model";
import { LEVEL_FILL, PERCENT_SHARE_FORMAT, PERCENT_WHOLE_FORMAT, S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { Voice } from "../language/words";
import { Ctx, rowKey } from "./context";
import { trendCell } from "./indicators";

export const LEVEL_LABEL: Record<RiskLevel, string> = { low: "Låg", medium: "Medel", high: "Hög", veryHigh: "Mycket hög" };

const LIKELIHOOD_LABELS: Record<4 | 5, string[]> = {
  4: ["Osannolik", "Mindre sannolik", "Sannolik", "Mycket sannolik"],
  5: ["Mycket osannolik", "Osannolik", "Möjlig", "Sannolik", "Mycket sannolik"],
};
const CONSEQUENCE_LABELS: Record<4 | 5, string[]> = {
  4: ["Försumbar", "Lindrig", "Kännbar", "Allvarlig"],
  5: ["Försumbar", "Lindrig", "Kännbar", "Allvarlig", "Mycket allvarlig"],
};

/**
 * Risker: sorted by riskvärde, with level, trend and what is done about each. Economic consequences (a loss negative)
 * stand in columns of their own where the grid has room, with the probability and the expected effect where a
 * probability is known; otherwise in the risk's text. Without a probability a consequence is shown unweighted, and a
 * note says why: no probability is ever assumed from a level.
 */
export function riskSection(ctx: Ctx): ReportBlock | null {
  const { risks, riskSummary } = ctx.result;
  if (risks.length === 0) return null;
  const probCol = risks.some((r) => r.probability !== null);
  const moneyCol = risks.some((r) => r.economicConsequence !== null);
  const expCol = risks.some((r) => r.expectedEffect !== null);
  const extra = Number(probCol) + Number(moneyCol) + Number(expCol);
  const columns = extra > 0 && ctx.columns.length - 4 - extra >= 2;
  const actionSpan = ctx.columns.length - 4 - (columns ? extra : 0);
  // The action's text after the level, the figures at the end of the row, as amounts stand in a statement.
  const headers: (string | [string, number])[] = ["Risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Nivå", ["Åtgärd och kommentar", actionSpan]];
  if (columns) {
    if (probCol) headers.push("Sannolikhet i procent");
    if (moneyCol) headers.push("Ekonomisk konsekvens");
    if (expCol) headers.push("Väntad effekt");
  }
  const rows: ReportRow[] = [ctx.heading("Risker"), ctx.headerRow(headers, true, [1, 2, 3, 4])];
  const voice = new Voice(ctx.decimals, ctx.settings.unitOut);
  type Key = RiskResult | "sum";
  const printed = ctx.printed<Key>({ key: "sum", parts: risks.filter((r) => r.expectedEffect !== null).map((key) => ({ key })) }, ["expected", "consequence"], (k, f) =>
    k === "sum" ? (f === "expected" ? riskSummary.expectedEffect : null) : f === "expected" ? k.expectedEffect : k.economicConsequence,
  );
  const percentFmt = risks.every((r) => r.probability === null || Number.isInteger(roundReport(r.probability * 100, 1))) ? PERCENT_WHOLE_FORMAT : PERCENT_SHARE_FORMAT;
  const money = (v: number | null, extraStyle?: CellStyle): ReportCell => ({ value: v, style: style({ numberFormat: ctx.amountFmt }, extraStyle) });
  risks.forEach((r, i) => {
    const lines: string[] = [];
    if (r.action) lines.push(r.action);
    if (r.owner) lines.push(`Ansvarig: ${r.owner}`);
    if (r.comment) lines.push(r.comment);
    if (!columns && r.economicConsequence !== null) {
      lines.push(PHRASES.riskEconomicConsequence({ consequence: r.economicConsequence, probability: r.probability, expected: r.expectedEffect }, voice));
    }
    const trend = r.trend === null ? null : trendCell(r.trend, r.trend === "improving" ? -1 : r.trend === "worsening" ? 1 : 0);
    const cells: ReportCell[] = [
      { value: `${i + 1}. ${r.risk}`, style: S.wrapText },
      { value: r.likelihood, style: { align: "center" } },
      { value: r.consequence, style: { align: "center" } },
      { value: r.riskValue, style: { align: "center", bold: true } },
      { value: `${LEVEL_LABEL[r.level]}${trend ? " " + trend.arrow : ""}`, style: { fill: LEVEL_FILL[r.level], align: "center", bold: true } },
    ];
    cells.push({ value: lines.join("\n"), span: actionSpan, style: S.wrapText });
    if (columns) {
      if (probCol) cells.push({ value: r.probability === null ? null : roundReport(r.probability, 3), style: { numberFormat: percentFmt } });
      if (moneyCol) cells.push(money(printed.get(r, "consequence"), r.expectedEffect === null && r.economicConsequence !== null ? { italic: true } : undefined));
      if (expCol) cells.push(money(printed.get(r, "expected")));
    }
    rows.push(ctx.row(cells, { key: rowKey.risk(r.risk), label: r.risk }));
  });
  if (columns && expCol) {
    const label = "Summa väntad effekt";
    const cells: ReportCell[] = [{ value: label, style: S.total, span: 5 + actionSpan + Number(probCol) + Number(moneyCol) }, money(printed.get("sum", "expected"), S.total)];
    rows.push({ role: "total", cells });
  }
  if (moneyCol) rows.push(ctx.note(PHRASES.riskConsequenceLegend()));
  if (riskSummary.unweighted > 0) rows.push(ctx.note(PHRASES.risksUnweighted({ missing: riskSummary.unweighted, withConsequence: riskSummary.unweighted + riskSummary.weighted })));
  const levels = ctx.settings.probabilityPerLevel;
  if (levels && risks.some((r) => r.probabilitySource === "level")) rows.push(ctx.note(PHRASES.riskLevelProbabilities({ levels })));
  const rounding = ctx.roundingNote(printed);
  if (rounding) rows.push(rounding);
  rows.push(ctx.blank());
  return { id: "risks", title: "Risker", rows };
}

/** The likelihood × consequence matrix, coloured by level, with each risk's number in its cell; never split. */
export function matrixSection(ctx: Ctx): ReportBlock | null {
  const { risks, settings } = ctx.result;
  if (risks.length === 0) return null;
  const n = settings.riskScale;
  const rows: ReportRow[] = [ctx.subheading("Riskmatris (sannolikhet × konsekvens, siffrorna är riskernas nummer)")];
  rows.push({
    role: "header",
    cells: [{ value: "Sannolikhet \\ konsekvens", style: S.header }, ...CONSEQUENCE_LABELS[n].map((l, i) => ({ value: `${i + 1} ${l}`, style: style(S.header, { align: "center" as const }) }))],
  });
  for (let l = n; l >= 1; l--) {
    const cells: ReportCell[] = [{ value: `${l} ${LIKELIHOOD_LABELS[n][l - 1]}`, style: { bold: true } }];
    for (let c = 1; c <= n; c++) {
      const level = riskLevel(l * c, settings.riskThresholds);
      const numbers = risks.map((r, i) => (r.likelihood === l && r.consequence === c ? String(i + 1) : null)).filter(Boolean);
      cells.push({ value: numbers.length ? numbers.join(", ") : null, style: { fill: LEVEL_FILL[level], align: "center", bold: true, grid: true, wrap: true } });
    }
    rows.push({ role: "body", cells, height: 24 });
  }
  const t = settings.riskThresholds;
  rows.push(ctx.note(PHRASES.riskLevels({ ...t, max: n * n })));
  rows.push(ctx.blank());
  return { id: "matrix", title: "Risker", rows, keepTogether: true };
}
