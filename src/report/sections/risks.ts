import { riskLevel } from "../../engine/risk";
import { RiskLevel } from "../../engine/types";
import { ReportBlock, ReportCell, ReportRow } from "../model";
import { LEVEL_FILL, S, style } from "../styles";
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

/** Risker: sorted by riskvärde, with level, trend and what is done about each. */
export function riskSection(ctx: Ctx): ReportBlock | null {
  const risks = ctx.result.risks;
  if (risks.length === 0) return null;
  const actionSpan = ctx.columns.length - 4;
  const rows: ReportRow[] = [ctx.heading("Risker"), ctx.headerRow(["Risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Nivå", ["Åtgärd och kommentar", actionSpan]], true, [1, 2, 3, 4])];
  const voice = new Voice(ctx.decimals, ctx.settings.unitOut);
  risks.forEach((r, i) => {
    const lines: string[] = [];
    if (r.action) lines.push(r.action);
    if (r.owner) lines.push(`Ansvarig: ${r.owner}`);
    if (r.comment) lines.push(r.comment);
    if (r.economicConsequence !== null) {
      lines.push(PHRASES.riskEconomicConsequence({ consequence: r.economicConsequence, expected: r.expectedValue }, voice));
    }
    const trend = r.trend === null ? null : trendCell(r.trend, r.trend === "improving" ? -1 : r.trend === "worsening" ? 1 : 0);
    rows.push(
      ctx.row(
        [
          { value: `${i + 1}. ${r.risk}`, style: S.wrapText },
          { value: r.likelihood, style: { align: "center" } },
          { value: r.consequence, style: { align: "center" } },
          { value: r.riskValue, style: { align: "center", bold: true } },
          { value: `${LEVEL_LABEL[r.level]}${trend ? " " + trend.arrow : ""}`, style: { fill: LEVEL_FILL[r.level], align: "center", bold: true } },
          { value: lines.join("\n"), span: actionSpan, style: S.wrapText },
        ],
        { key: rowKey.risk(r.risk), label: r.risk },
      ),
    );
  });
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
