/**
 * The whole report tab as plain data from the engine's results: one section after another, each built by its own
 * module in ./sections, on a grid whose columns are the income statement's. Sizes, line breaks and pages are the
 * layout's (layout.ts); the hosts only write what it decides.
 */
import { EngineResult } from "../engine";
import { Finding } from "../findings/findings";
import { ReportBlock, ReportModel } from "./model";
import { accountsSection } from "./sections/accounts";
import { analysisSection, noticeSection, orphanSection } from "./sections/closing";
import { BuildOptions, Ctx } from "./sections/context";
import { addCharts } from "./charts";
import { costDevelopmentSection } from "./sections/costDevelopment";
import { indicatorGenderSection, indicatorSection } from "./sections/indicators";
import { investmentSection } from "./sections/investments";
import { measuresSection } from "./sections/measures";
import { nonRecurringSection } from "./sections/nonRecurring";
import { responsibilitySection } from "./sections/responsibility";
import { responsibilityKindsSection } from "./sections/responsibilityKinds";
import { responsibilityStatementsSection } from "./sections/responsibilityStatements";
import { matrixSection, riskSection } from "./sections/risks";
import { sensitivitySection } from "./sections/sensitivity";
import { statementSection } from "./sections/statement";
import { titleSection } from "./sections/title";

export type { BuildOptions } from "./sections/context";

/** The footer's right part: "Sida 2 av 5". */
const PAGE_FOOTER = "Sida &P av &N";
/**
 * "Characters in a header or footer: 255" (Excel specifications and limits,
 * https://support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3). The count covers the whole footer as
 * the file holds it, `&L&8<left>&R&8<right>` with every literal `&` of the left part doubled; a longer organisation
 * name and title is cut and ends in "…", in both hosts alike (the report's own title rows keep the whole text).
 */
const MAX_FOOTER_CHARS = 255;
function fitFooter(left: string, right: string): string {
  const room = MAX_FOOTER_CHARS - "&L&8&R&8".length - right.length;
  const cost = (ch: string) => (ch === "&" ? 2 : 1);
  let total = 0;
  for (const ch of left) total += cost(ch) * ch.length;
  if (total <= room) return left;
  // Whole code points only, one place kept for the "…".
  let used = 0, end = 0;
  for (const ch of left) {
    if (used + cost(ch) * ch.length > room - 1) break;
    used += cost(ch) * ch.length;
    end += ch.length;
  }
  return left.slice(0, end).trimEnd() + "…";
}
export { rowKey } from "./sections/context";
export { STATUS_LABEL } from "./sections/indicators";
export { LEVEL_LABEL } from "./sections/risks";

/** Builds the whole report tab as plain data from the engine's results. */
export function buildReport(result: EngineResult, findings: readonly Finding[], options: BuildOptions): ReportModel {
  const ctx = new Ctx(result, findings, options);
  const sections: (ReportBlock | null)[] = [
    titleSection(ctx),
    // The written analysis first, as a delårsrapport opens with its summary: the nämnd reads the conclusion, then
    // the tables behind it.
    analysisSection(ctx),
    statementSection(ctx),
    nonRecurringSection(ctx),
    costDevelopmentSection(ctx),
    responsibilitySection(ctx),
    responsibilityKindsSection(ctx),
    responsibilityStatementsSection(ctx),
    measuresSection(ctx),
    investmentSection(ctx),
    indicatorSection(ctx),
    indicatorGenderSection(ctx),
    riskSection(ctx),
    matrixSection(ctx),
    sensitivitySection(ctx),
    accountsSection(ctx),
    orphanSection(ctx),
    noticeSection(ctx),
  ];
  const { settings } = result;
  const blocks = sections.filter((b): b is ReportBlock => b !== null);
  // The charts stand in their sections' blocks; the cells only they draw come last, below the print area.
  const chartData = settings.charts ? addCharts(ctx, blocks) : null;
  if (chartData) blocks.push(chartData);
  return {
    sheetName: settings.reportSheet,
    columnCount: ctx.keyColumn + 1,
    explanationColumn: ctx.explanationColumn,
    keyColumn: ctx.keyColumn,
    explanationsWritten: ctx.explanationsWritten,
    blocks,
    print: { orientation: "landscape", footerLeft: fitFooter([settings.organisation, `${settings.reportTitle} ${settings.year}`].filter(Boolean).join(" – "), PAGE_FOOTER), footerRight: PAGE_FOOTER },
  };
}
