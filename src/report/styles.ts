import { CellStyle } from "./model";
import { IndicatorStatus, RiskLevel } from "../engine/types";

export const COLORS = {
  ink: "1F1F1F",
  heading: "1F3864",
  muted: "595959",
  headerFill: "DDE4EE",
  totalFill: "F2F2F2",
  favourable: "1E7B34",
  unfavourable: "C00000",
  explanationFill: "FFFDE7",
};

export const STATUS_FILL: Record<IndicatorStatus, string> = {
  met: "C6EFCE",
  partlyMet: "FFEB9C",
  notMet: "FFC7CE",
  notAssessable: "E7E6E6",
};

export const LEVEL_FILL: Record<RiskLevel, string> = {
  low: "C6EFCE",
  medium: "FFEB9C",
  high: "F8CBAD",
  veryHigh: "FF8B8B",
};

/** Amount format for a number of decimals: thousands separated, minus sign (never brackets). */
export function amountFormat(decimals: number): string {
  const body = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return `${body};"\u2212"${body};${body}`;
}

export const PERCENT_FORMAT = '0.0" %";"\u2212"0.0" %";0.0" %"';
export const PERCENT_SHARE_FORMAT = '0.0 %;"\u2212"0.0 %;0.0 %';
/** A share as whole per cent (a probability of 20 %). */
export const PERCENT_WHOLE_FORMAT = '0 %;"\u2212"0 %;0 %';

export const S = {
  title: { bold: true, size: 18, color: COLORS.heading } as CellStyle,
  organisation: { size: 12, color: COLORS.muted } as CellStyle,
  meta: { size: 10, color: COLORS.muted } as CellStyle,
  section: { bold: true, size: 13, color: COLORS.heading, borderBottom: "medium" } as CellStyle,
  subsection: { bold: true, size: 11, color: COLORS.heading } as CellStyle,
  header: { bold: true, fill: COLORS.headerFill, wrap: true, borderBottom: "thin", bottom: true } as CellStyle,
  text: {} as CellStyle,
  wrapText: { wrap: true } as CellStyle,
  prose: { wrap: true } as CellStyle,
  item: { indent: 1 } as CellStyle,
  total: { bold: true, borderTop: "thin", fill: COLORS.totalFill } as CellStyle,
  grandTotal: { bold: true, borderTop: "thin", borderBottom: "double", fill: COLORS.totalFill } as CellStyle,
  explanation: { wrap: true, fill: COLORS.explanationFill, color: COLORS.ink } as CellStyle,
  key: { color: "BFBFBF", size: 8 } as CellStyle,
  note: { italic: true, size: 9, color: COLORS.muted, wrap: true } as CellStyle,
};

/** Merges styles left to right. */
export function style(...parts: (CellStyle | undefined | false)[]): CellStyle {
  return Object.assign({}, ...parts.filter(Boolean));
}
