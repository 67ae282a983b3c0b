/**
 * The whole report tab as plain data from the engine's results: one section after another, each built by its own
 * module in ./sections, on a grid whose columns are the income statement's. Sizes, line breaks and pages are the
 * layout's (layout.ts); the hosts only write what it decides.
 */
import { EngineResult } from "../engine";
import { UppfoljningError } from "../findings/errors";
import { Finding } from "../findings/findings";
import { ReportBlock, ReportModel } from "./model";
import { accountsSection } from "./sections/accounts";
import { analysisSection, noticeSection, orphanSection } from "./sections/closing";
import { BuildOptions, Ctx } from "./sections/context";
import { addCharts, ForecastTrendInput } from "./charts";
import { costDevelopmentSection } from "./sections/costDevelopment";
import { forecastAccuracySection, forecastIntervalSection } from "./sections/forecastOutlook";
import { monthWord } from "./language/words";
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

/**
 * Chart 5's data: the forecast of the result at each period of the year in the history, the budgeted result and the
 * interval at the current period; it stands in the interval's section, or at period 12 (no interval: the outcome is
 * known) in Prognossäkerhet's. None without two periods.
 */
function forecastTrend(result: EngineResult): { input: ForecastTrendInput; block: string } | undefined {
  const { trend, interval, accuracy } = result.outlook;
  if (!trend || (!interval && !accuracy)) return undefined;
  return {
    input: { points: trend.map((p) => ({ period: monthWord(p.period), forecast: p.forecast })), budget: result.income.totals.result.budgetYear, interval: interval && { p10: interval.p10, p90: interval.p90 } },
    block: interval ? "forecastInterval" : "forecastAccuracy",
  };
}

/**
 * Characters of text a report may carry in all: some 600 printed pages, more than any nämnd reads. Long lists are
 * already cut (pipeline.ts); past this, the text itself is too long (comments of thousands of characters on every
 * row), and the report is refused, naming the limit, before anything is laid out.
 */
export const MAX_REPORT_CHARS = 2_000_000;

/**
 * Lines of the income statement, the result per ansvar, the resultaträkningar per ansvar, the non-recurring items and
 * Prognossäkerhet's rows a report may print: some 600 pages of them.
 */
export const MAX_REPORT_LINES = 20_000;

/** The rows a resultaträkning per ansvar prints besides its lines: its name, the table's header and its sums. */
const STATEMENT_ROWS_BESIDES_LINES = 8;

/**
 * The same limits judged from the engine's results before any section is built: the statement prints a line per
 * post, the result per ansvar one per ansvar, each resultaträkning per ansvar one per post of its ansvar and the
 * non-recurring items one each, all with their names. Building a report of 400 000 posts only to refuse it would
 * itself take half a minute and gigabytes; and a resultaträkning for every ansvar repeats the posts once per ansvar.
 */
function refuseOversized(result: EngineResult): void {
  const { statement, byResponsibility } = result.income;
  const statements = result.responsibilityStatements;
  const items = result.nonRecurring?.items ?? [];
  // Prognossäkerhet prints a row per earlier forecast and ansvar (issue 23).
  const accuracy = result.outlook.accuracy ?? [];
  let lines = statement.length + (byResponsibility?.length ?? 0) + items.length + accuracy.length;
  for (const st of statements) lines += st.lines.length + STATEMENT_ROWS_BESIDES_LINES;
  if (lines > MAX_REPORT_LINES) throw new UppfoljningError("REPORT_TOO_MANY_LINES", { count: lines, limit: MAX_REPORT_LINES });
  let chars = 0;
  for (const line of statement) chars += line.item.length;
  for (const r of byResponsibility ?? []) chars += r.responsibility.length;
  for (const st of statements) for (const line of st.lines) chars += line.item.length;
  for (const n of items) chars += n.description.length + n.item.length + (n.responsibility?.length ?? 0);
  for (const a of accuracy) chars += a.responsibility?.length ?? 0;
  if (chars > MAX_REPORT_CHARS) throw new UppfoljningError("REPORT_TEXT_TOO_LARGE", { limit: MAX_REPORT_CHARS });
}

function refuseLongText(blocks: readonly ReportBlock[]): void {
  let chars = 0;
  for (const b of blocks) for (const r of b.rows) for (const c of r.cells) if (typeof c.value === "string") chars += c.value.length;
  if (chars > MAX_REPORT_CHARS) throw new UppfoljningError("REPORT_TEXT_TOO_LARGE", { limit: MAX_REPORT_CHARS });
}

/** Builds the whole report tab as plain data from the engine's results. */
export function buildReport(result: EngineResult, findings: readonly Finding[], options: BuildOptions): ReportModel {
  refuseOversized(result);
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
    forecastAccuracySection(ctx),
    measuresSection(ctx),
    investmentSection(ctx),
    indicatorSection(ctx),
    indicatorGenderSection(ctx),
    riskSection(ctx),
    matrixSection(ctx),
    sensitivitySection(ctx),
    forecastIntervalSection(ctx),
    accountsSection(ctx),
    orphanSection(ctx),
    noticeSection(ctx),
  ];
  const { settings } = result;
  const blocks = sections.filter((b): b is ReportBlock => b !== null);
  // The charts stand in their sections' blocks; the cells only they draw come last, below the print area.
  const chartData = settings.charts ? addCharts(ctx, blocks, { forecast: forecastTrend(result) }) : null;
  if (chartData) blocks.push(chartData);
  refuseLongText(blocks);
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
