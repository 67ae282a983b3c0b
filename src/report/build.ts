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
import { indicatorSection } from "./sections/indicators";
import { investmentSection } from "./sections/investments";
import { measuresSection } from "./sections/measures";
import { responsibilitySection } from "./sections/responsibility";
import { matrixSection, riskSection } from "./sections/risks";
import { sensitivitySection } from "./sections/sensitivity";
import { statementSection } from "./sections/statement";
import { titleSection } from "./sections/title";

export type { BuildOptions } from "./sections/context";
export { rowKey } from "./sections/context";
export { STATUS_LABEL } from "./sections/indicators";
export { LEVEL_LABEL } from "./sections/risks";

/** Builds the whole report tab as plain data from the engine's results. */
export function buildReport(result: EngineResult, findings: readonly Finding[], options: BuildOptions): ReportModel {
  const ctx = new Ctx(result, findings, options);
  const sections: (ReportBlock | null)[] = [
    titleSection(ctx),
    statementSection(ctx),
    responsibilitySection(ctx),
    measuresSection(ctx),
    investmentSection(ctx),
    indicatorSection(ctx),
    riskSection(ctx),
    matrixSection(ctx),
    sensitivitySection(ctx),
    analysisSection(ctx),
    accountsSection(ctx),
    orphanSection(ctx),
    noticeSection(ctx),
  ];
  const { settings } = result;
  return {
    sheetName: settings.reportSheet,
    columnCount: ctx.keyColumn + 1,
    explanationColumn: ctx.explanationColumn,
    keyColumn: ctx.keyColumn,
    explanationsWritten: ctx.explanationsWritten,
    blocks: sections.filter((b): b is ReportBlock => b !== null),
    print: { orientation: "landscape", footerLeft: [settings.organisation, `${settings.reportTitle} ${settings.year}`].filter(Boolean).join(" – "), footerRight: "Sida &P av &N" },
  };
}
