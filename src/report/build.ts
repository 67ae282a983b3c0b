import { EngineResult } from "../engine";
import { IndicatorResult } from "../engine/indicatorStatus";
import { riskLevel } from "../engine/risk";
import { Figures, IndicatorStatus, RiskLevel, Trend } from "../engine/types";
import { IncomeRow } from "../engine/variance";
import { canon } from "../core/text";
import { Explanation } from "../contract/reportSheetPolicy";
import { Finding, toPublic } from "../findings/findings";
import { writeAnalysis } from "./analysis";
import { CellStyle, ReportBlock, ReportCell, ReportModel, ReportRow } from "./model";
import { amountFormat, COLORS, LEVEL_FILL, PERCENT_FORMAT, PERCENT_SHARE_FORMAT, S, STATUS_FILL, style } from "./styles";
import { count, formatNumber, roundTo, unitWord } from "./swedish";
import { roundReport } from "../engine/amounts";
import { InvestmentFigures } from "../engine/investments";

export interface BuildOptions {
  /** When the report is refreshed; shown in the title block. */
  now: Date;
  /** Explanations from the previous report, by row key. */
  explanations?: ReadonlyMap<string, Explanation>;
}

export const STATUS_LABEL: Record<IndicatorStatus, string> = {
  met: "Uppfyllt",
  partlyMet: "Delvis uppfyllt",
  notMet: "Ej uppfyllt",
  notAssessable: "Kan ej bedömas",
};

export const LEVEL_LABEL: Record<RiskLevel, string> = { low: "Låg", medium: "Medel", high: "Hög", veryHigh: "Mycket hög" };

const LIKELIHOOD_LABELS: Record<4 | 5, string[]> = {
  4: ["Osannolik", "Mindre sannolik", "Sannolik", "Mycket sannolik"],
  5: ["Mycket osannolik", "Osannolik", "Möjlig", "Sannolik", "Mycket sannolik"],
};
const CONSEQUENCE_LABELS: Record<4 | 5, string[]> = {
  4: ["Försumbar", "Lindrig", "Kännbar", "Allvarlig"],
  5: ["Försumbar", "Lindrig", "Kännbar", "Allvarlig", "Mycket allvarlig"],
};

/** "Row height: 409 points" (Excel specifications and limits): a taller row is refused. */
const MAX_ROW_HEIGHT = 409;
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

const SHORT_MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

const LABEL_WIDTH = 38;
const NUMBER_WIDTH = 12;
const EXPLANATION_WIDTH = 42;

interface Column {
  field: keyof Figures;
  header: string;
  kind: "amount" | "percent" | "variance";
}

/** Row keys tie explanations to rows across refreshes. */
export const rowKey = {
  statement: (kind: string, item: string) => `rr|${kind}|${canon(item)}`,
  total: (name: string) => `rr|total|${name}`,
  responsibility: (name: string) => `ansvar|${canon(name)}`,
  indicator: (name: string) => `ind|${canon(name)}`,
  risk: (name: string) => `risk|${canon(name)}`,
  investment: (name: string) => `inv|${canon(name)}`,
};

const UNIT_RANK = { kr: 0, tkr: 1, mkr: 2 } as const;

/** Builds the whole report tab as plain data from the engine's results. */
export function buildReport(result: EngineResult, findings: readonly Finding[], options: BuildOptions): ReportModel {
  return new ReportBuilder(result, findings, options).build();
}

class ReportBuilder {
  private readonly columns: Column[];
  private readonly width: number;
  private readonly explanationColumn: number;
  private readonly keyColumn: number;
  private readonly used = new Set<string>();
  private readonly amountFmt: string;

  constructor(
    private readonly result: EngineResult,
    private readonly findings: readonly Finding[],
    private readonly options: BuildOptions,
  ) {
    const { settings, income } = result;
    const span = settings.months === 1 ? SHORT_MONTHS[0] : `jan–${SHORT_MONTHS[settings.months - 1]}`;
    const y = settings.year;
    const cols: (Column | false)[] = [
      income.hasPriorYear && { field: "actualPriorYear", header: `Utfall ${span} ${y - 1}`, kind: "amount" },
      { field: "actual", header: `Utfall ${span} ${y}`, kind: "amount" },
      { field: "budgetPeriod", header: `Budget ${span} ${y}`, kind: "amount" },
      { field: "variance", header: "Avvikelse", kind: "variance" },
      { field: "variancePercent", header: "Avvikelse %", kind: "percent" },
      { field: "budgetYear", header: `Budget helår ${y}`, kind: "amount" },
      income.hasForecast && { field: "forecast", header: `Prognos helår ${y}`, kind: "amount" },
      income.hasForecast && { field: "forecastVariance", header: "Avvikelse prognos", kind: "variance" },
    ];
    this.columns = cols.filter((c): c is Column => c !== false);
    this.explanationColumn = this.columns.length + 1;
    this.keyColumn = this.explanationColumn + 1;
    this.width = this.explanationColumn + 1;
    this.amountFmt = amountFormat(settings.decimals);
  }

  build(): ReportModel {
    const { settings } = this.result;
    const blocks: ReportBlock[] = [this.titleBlock(), this.statementBlock()];
    if (this.result.income.byResponsibility) blocks.push(this.responsibilityBlock());
    if (this.result.measures) blocks.push(this.measuresBlock());
    if (this.result.investments) blocks.push(this.investmentBlock());
    if (this.result.indicators.length) blocks.push(this.indicatorBlock());
    if (this.result.risks.length) blocks.push(this.riskBlock(), this.matrixBlock());
    if (this.result.sensitivity.length) blocks.push(this.sensitivityBlock());
    blocks.push(this.analysisBlock());
    if (this.result.accounts && this.result.accounts.length) blocks.push(this.accountsBlock());
    const orphans = this.orphanBlock();
    if (orphans) blocks.push(orphans);
    if (this.findings.length) blocks.push(this.noticeBlock());
    const title = [settings.organisation, `${settings.reportTitle} ${settings.year}`].filter(Boolean).join(" – ");
    const titleRows = settings.organisation ? 3 : 2;
    return {
      sheetName: settings.reportSheet,
      columnWidths: [LABEL_WIDTH, ...this.columns.map(() => NUMBER_WIDTH), EXPLANATION_WIDTH, 12],
      explanationColumn: this.explanationColumn,
      keyColumn: this.keyColumn,
      blocks,
      print: { orientation: "landscape", repeatRows: [0, titleRows - 1], footerLeft: fitFooter(title, PAGE_FOOTER), footerRight: PAGE_FOOTER },
    };
  }

  // ---- helpers -------------------------------------------------------------

  private row(cells: ReportCell[], extra: Partial<ReportRow> = {}): ReportRow {
    const padded: ReportCell[] = [];
    let col = 0;
    for (const c of cells) {
      padded.push(c);
      col += c.span ?? 1;
    }
    while (col < this.explanationColumn) {
      padded.push({ value: null });
      col++;
    }
    if (extra.key) {
      this.used.add(extra.key);
      const kept = this.options.explanations?.get(extra.key)?.text ?? null;
      padded.push({ value: kept, style: S.explanation }, { value: extra.key, style: S.key });
    }
    return { cells: padded, ...extra };
  }

  private wide(value: string, cellStyle: CellStyle, height?: number): ReportRow {
    return { cells: [{ value, style: cellStyle, span: this.width }], height };
  }

  private heading(text: string): ReportRow {
    return { cells: Array.from({ length: this.width }, (_, i) => ({ value: i === 0 ? text : null, style: S.section })), height: 22 };
  }

  private blank(): ReportRow {
    return { cells: [] };
  }

  private headerRow(labels: (string | [string, number])[], withExplanation: boolean): ReportRow {
    const cells: ReportCell[] = labels.map((l, i) => {
      const [value, span] = typeof l === "string" ? [l, 1] : l;
      return { value, span, style: style(S.header, i > 0 && span === 1 && { align: "right" }) };
    });
    let col = cells.reduce((n, c) => n + (c.span ?? 1), 0);
    while (col < this.explanationColumn) {
      cells.push({ value: null, style: S.header });
      col++;
    }
    if (withExplanation) cells.push({ value: "Förklaring", style: S.header });
    return { cells, height: 30 };
  }

  private textHeight(text: string, widthChars: number): number {
    const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / widthChars)), 0);
    return Math.min(MAX_ROW_HEIGHT, Math.max(15, lines * 14 + 2));
  }

  private amount(n: number | null, extra?: CellStyle): ReportCell {
    const d = this.result.settings.decimals;
    return { value: n === null ? null : roundTo(n, d), style: style({ numberFormat: this.amountFmt }, extra) };
  }

  private varianceStyle(value: number | null, significant: boolean, decimals: number): CellStyle | undefined {
    if (value === null || !significant || roundTo(value, decimals) === 0) return undefined;
    return { color: value > 0 ? COLORS.favourable : COLORS.unfavourable };
  }

  /**
   * The figure cells of a row. A percentage without a base (budget that prints as zero) shows a dash; `percent`
   * false leaves the column empty (a net result per ansvar is no base for a percentage).
   */
  private figureCells(f: Figures & { significant?: boolean }, rowStyle?: CellStyle, percent = true): ReportCell[] {
    const d = this.result.settings.decimals;
    const significant = f.significant ?? true;
    return this.columns.map((c) => {
      const v = f[c.field];
      if (c.kind === "percent") {
        if (!percent) return { value: null, style: rowStyle };
        if (v === null) return { value: "–", style: style(rowStyle, { align: "right" }) };
        return { value: roundTo(v as number, 3), style: style(rowStyle, { numberFormat: PERCENT_SHARE_FORMAT }, this.varianceStyle(f.variance, significant, d)) };
      }
      const colour = c.kind === "variance" ? this.varianceStyle(v as number | null, c.field === "variance" ? significant : true, d) : undefined;
      return this.amount(v as number | null, style(rowStyle, colour));
    });
  }

  // ---- blocks --------------------------------------------------------------

  private titleBlock(): ReportBlock {
    const { settings } = this.result;
    const rows: ReportRow[] = [];
    if (settings.organisation) rows.push(this.wide(settings.organisation, S.organisation));
    rows.push(this.wide(`${settings.reportTitle} ${settings.year}`, S.title, 28));
    const span = settings.months === 1 ? "januari" : `januari–${["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"][settings.months - 1]}`;
    rows.push(this.wide(`Period: ${span} ${settings.year} · Belopp i ${unitWord(settings.unitOut)}`, S.meta));
    const n = this.findings.length;
    const stamp = formatStamp(this.options.now);
    const notes = n === 0 ? "inga noteringar om indata" : `${count(n, "notering", "noteringar")} om indata, se sist i rapporten`;
    rows.push(this.wide(`Uppdaterad ${stamp} · ${notes}`, S.meta));
    rows.push(this.blank());
    return { id: "title", rows };
  }

  private statementBlock(): ReportBlock {
    const { income } = this.result;
    const rows: ReportRow[] = [this.heading("Resultaträkning"), this.headerRow(["Post", ...this.columns.map((c) => c.header)], true)];
    const itemRow = (r: IncomeRow, rowStyle?: CellStyle) =>
      this.row([{ value: r.item, style: rowStyle ?? S.item }, ...this.figureCells(rowStyle ? { ...r, significant: true } : r, rowStyle)], { key: rowKey.statement(r.kind, r.item), label: r.item });
    const totalRow = (name: string, f: Figures, total: CellStyle, key: string) =>
      this.row([{ value: name, style: total }, ...this.figureCells({ ...f, significant: true }, total)], { key: rowKey.total(key), label: name });
    const of = (kind: IncomeRow["kind"]) => income.statement.filter((r) => r.kind === kind);

    of("revenue").forEach((r) => rows.push(itemRow(r)));
    rows.push(totalRow("Summa intäkter", income.totals.revenue, S.total, "revenue"));
    of("cost").forEach((r) => rows.push(itemRow(r)));
    rows.push(totalRow("Summa kostnader", income.totals.cost, S.total, "cost"));
    const financial = of("financial");
    if (financial.length === 1) rows.push(itemRow(financial[0], S.total));
    else if (financial.length > 1) {
      financial.forEach((r) => rows.push(itemRow(r)));
      rows.push(totalRow("Finansnetto", income.totals.financial, S.total, "financial"));
    }
    if (!income.hasCarryover) rows.push(totalRow("Årets resultat", income.totals.result, S.grandTotal, "result"));
    else {
      // A carried surplus or deficit is not part of the year's own result: shown after it, then the two together.
      rows.push(totalRow("Årets resultat exkl. över-/underskott", income.totals.result, S.total, "result"));
      const carried = of("carryover");
      if (carried.length === 1) rows.push(itemRow({ ...carried[0], item: carried[0].item }, S.total));
      else {
        carried.forEach((r) => rows.push(itemRow(r)));
        rows.push(totalRow("Summa över-/underskott", income.totals.carryover, S.total, "carryover"));
      }
      rows.push(totalRow("Årets resultat inkl. över-/underskott", income.totals.resultIncludingCarryover, S.grandTotal, "resultIncluding"));
    }
    rows.push(this.blank());
    return { id: "statement", rows };
  }

  private responsibilityBlock(): ReportBlock {
    const { income } = this.result;
    const headers = this.columns.map((c) => (c.kind === "percent" ? "" : c.header));
    const rows: ReportRow[] = [this.heading("Driftredovisning per ansvar"), this.headerRow(["Ansvar", ...headers], true)];
    for (const r of income.byResponsibility ?? []) {
      rows.push(this.row([{ value: r.responsibility || "(utan ansvar)", style: S.item }, ...this.figureCells(r, undefined, false)], {
        key: rowKey.responsibility(r.responsibility),
        label: r.responsibility,
      }));
    }
    const organisation = this.result.settings.organisation;
    rows.push(this.row([{ value: organisation ? `Summa ${organisation}` : "Summa", style: S.grandTotal }, ...this.figureCells({ ...income.totals.resultIncludingCarryover, significant: true }, S.grandTotal, false)]));
    rows.push(this.blank());
    return { id: "responsibility", rows };
  }

  /**
   * Åtgärder för ekonomi i balans: decided and proposed measures as two tables with their sums, printed in the
   * measures' own unit when it is finer than the report's (as real reports list them in tkr), then the forecast
   * with the effect of the measures the forecast does not count yet.
   */
  private measuresBlock(): ReportBlock {
    const { settings } = this.result;
    const m = this.result.measures as NonNullable<EngineResult["measures"]>;
    const finer = UNIT_RANK[settings.measureUnit] < UNIT_RANK[settings.unitOut];
    const unit = finer ? settings.measureUnit : settings.unitOut;
    const decimals = finer ? 0 : settings.decimals;
    const fmt = amountFormat(decimals);
    const amount = (own: number | null, report: number | null): ReportCell => {
      const v = finer ? own : report;
      return { value: v === null ? null : roundReport(v, decimals), style: { numberFormat: fmt } };
    };
    const nameSpan = this.explanationColumn - 2;
    const y = settings.year;
    const rows: ReportRow[] = [this.heading("Åtgärder för ekonomi i balans")];
    const table = (title: string, status: "decided" | "proposed", sumLabel: string, sums: [number, number], ownSums: [number, number]) => {
      rows.push(this.headerRow([[title, nameSpan], `Effekt ${y} (${unitWord(unit)})`, `Effekt ${y + 1} (${unitWord(unit)})`], false));
      const list = m.measures.filter((x) => x.status === status);
      if (list.length === 0) rows.push(this.wide("Inga åtgärder.", S.note));
      for (const x of list) {
        const text = x.comment ? `${x.measure} (${x.comment})` : x.measure;
        rows.push({
          cells: [{ value: text, span: nameSpan, style: S.wrapText }, amount(x.effectThisYear, x.effectThisYearReport), amount(x.effectNextYear, x.effectNextYearReport)],
          height: this.textHeight(text, LABEL_WIDTH + (nameSpan - 1) * NUMBER_WIDTH),
        });
      }
      rows.push({
        cells: [
          { value: sumLabel, span: nameSpan, style: S.total },
          { value: roundReport(finer ? ownSums[0] : sums[0], decimals), style: style(S.total, { numberFormat: fmt }) },
          { value: roundReport(finer ? ownSums[1] : sums[1], decimals), style: style(S.total, { numberFormat: fmt }) },
        ],
      });
      rows.push(this.blank());
    };
    const s = m.summary;
    table("Beslutade åtgärder", "decided", "Summa beslutade åtgärder", [s.decidedThisYear, s.decidedNextYear], [s.own.decidedThisYear, s.own.decidedNextYear]);
    table("Åtgärder som inte är beslutade", "proposed", "Summa ej beslutade åtgärder", [s.proposedThisYear, s.proposedNextYear], [s.own.proposedThisYear, s.own.proposedNextYear]);
    const forecast = this.result.income.totals.resultIncludingCarryover.forecast;
    if (forecast !== null && s.forecastWithMeasures !== null) {
      const label = this.result.income.hasCarryover ? `Prognos helår ${y} inkl. över-/underskott` : `Prognos helår ${y}`;
      const line = (text: string, v: number, st?: CellStyle) => ({
        cells: [{ value: text, span: nameSpan + 1, style: st ?? S.item }, this.amount(v, st)],
      });
      rows.push(line(`${label} (${unitWord(settings.unitOut)})`, forecast));
      rows.push(line(`Effekt ${y} av åtgärder som inte ingår i prognosen (${unitWord(settings.unitOut)})`, s.notInForecastThisYear));
      rows.push(line(`Prognos med åtgärder som inte ingår i prognosen (${unitWord(settings.unitOut)})`, s.forecastWithMeasures, S.grandTotal));
      rows.push(this.blank());
    }
    return { id: "measures", rows, pageBreakBefore: true };
  }

  /**
   * Investeringsredovisning: projects under their category with a subtotal each, and a total. Spending is negative,
   * so a positive variance means spending less than budgeted. Columns without any figures are left out.
   */
  private investmentBlock(): ReportBlock {
    const inv = this.result.investments as NonNullable<EngineResult["investments"]>;
    const { settings } = this.result;
    const span = settings.months === 1 ? SHORT_MONTHS[0] : `jan–${SHORT_MONTHS[settings.months - 1]}`;
    const y = settings.year;
    const all: { field: keyof InvestmentFigures; header: string; variance?: boolean }[] = [
      { field: "actual", header: `Utfall ${span} ${y}` },
      { field: "budgetYear", header: `Budget helår ${y}` },
      { field: "forecast", header: `Prognos helår ${y}` },
      { field: "forecastVariance", header: "Avvikelse prognos helår", variance: true },
      { field: "actualToDate", header: "Utfall ack totalt" },
      { field: "projectBudget", header: "Total projektbudget" },
      { field: "projectForecast", header: "Prognos total" },
      { field: "projectVariance", header: "Avvikelse total", variance: true },
    ];
    const columns = all.filter((c) => inv.projects.some((p) => p[c.field] !== null)).slice(0, this.columns.length);
    const rows: ReportRow[] = [this.heading("Investeringsredovisning"), this.headerRow(["Projekt", ...columns.map((c) => c.header)], true)];
    const cells = (f: InvestmentFigures, rowStyle?: CellStyle) =>
      columns.map((c) => {
        const v = f[c.field];
        const colour = c.variance && v !== null && roundReport(v, settings.decimals) !== 0 ? { color: v > 0 ? COLORS.favourable : COLORS.unfavourable } : undefined;
        return this.amount(v, style(rowStyle, colour));
      });
    const grouped = inv.groups.some((g) => g.category !== null);
    for (const g of inv.groups) {
      if (grouped) rows.push({ cells: [{ value: g.category ?? "Övriga investeringar", style: S.subsection, span: this.width }] });
      for (const p of g.projects) rows.push(this.row([{ value: p.project, style: S.item }, ...cells(p)], { key: rowKey.investment(p.project), label: p.project }));
      if (grouped) rows.push(this.row([{ value: `Summa ${g.category ?? "övriga investeringar"}`, style: S.total }, ...cells(g, S.total)]));
    }
    rows.push(this.row([{ value: "Summa investeringar", style: S.grandTotal }, ...cells(inv.total, S.grandTotal)], { key: rowKey.total("investments"), label: "Summa investeringar" }));
    rows.push(this.wide("Utgifter anges med minustecken. En positiv avvikelse betyder att mindre pengar används än budgeterat.", S.note));
    rows.push(this.blank());
    return { id: "investments", rows, pageBreakBefore: true };
  }

  /**
   * The accounts behind each post (from a ledger): per post and ansvar, the accounts with their utfall, budget and
   * forecast, largest first. Their sum is the post's; a very long list stops with a note (the JSON has them all).
   */
  private accountsBlock(): ReportBlock {
    const accounts = this.result.accounts as NonNullable<EngineResult["accounts"]>;
    const { settings, income } = this.result;
    const rows: ReportRow[] = [
      this.heading("Konton bakom posterna"),
      this.wide("Kontona i huvudboken som utgör varje post, per ansvar och störst först. Summan av kontona är postens belopp i resultaträkningen.", S.note),
      this.headerRow(["Post, ansvar och konto", `Utfall ${settings.months === 1 ? SHORT_MONTHS[0] : `jan–${SHORT_MONTHS[settings.months - 1]}`} ${settings.year}`, `Budget helår ${settings.year}`, `Prognos helår ${settings.year}`], false),
    ];
    const limit = 1500;
    let shown = 0;
    const posts = income.statement;
    for (const post of posts) {
      const mine = accounts.filter((a) => a.kind === post.kind && canon(a.item) === canon(post.item));
      if (mine.length === 0) continue;
      rows.push(this.row([{ value: post.item, style: S.total }, this.amount(post.actual, S.total), this.amount(post.budgetYear, S.total), this.amount(post.forecast, S.total)]));
      const byResp = new Map<string, typeof mine>();
      for (const a of mine) {
        const k = a.responsibility ?? "";
        const list = byResp.get(k);
        if (list) list.push(a);
        else byResp.set(k, [a]);
      }
      for (const [resp, list] of byResp) {
        if (shown >= limit) break;
        if (byResp.size > 1 || resp) rows.push(this.row([{ value: resp || "(utan ansvar)", style: style(S.item, { italic: true }) }]));
        for (const a of [...list].sort((x, y) => Math.abs(y.actual ?? y.budgetYear ?? 0) - Math.abs(x.actual ?? x.budgetYear ?? 0))) {
          if (shown >= limit) break;
          rows.push(this.row([{ value: a.account, style: { indent: 2 } }, this.amount(a.actual), this.amount(a.budgetYear), this.amount(a.forecast)]));
          shown++;
        }
      }
    }
    if (shown < accounts.length) rows.push(this.wide(`… och ${accounts.length - shown} konton till. Alla konton finns i siffrorna från kommandoraden (--json).`, S.note));
    rows.push(this.blank());
    return { id: "accounts", rows, pageBreakBefore: true };
  }

  private indicatorValue(ind: IndicatorResult, v: number | null): ReportCell {
    let fmt: string;
    if (ind.percentFormat) fmt = PERCENT_SHARE_FORMAT;
    else if (ind.unit && ind.unit.trim() === "%") fmt = PERCENT_FORMAT;
    else {
      const decimals = [ind.actual, ind.target, ind.previous].some((x) => x !== null && !Number.isInteger(x)) ? 1 : 0;
      const base = decimals ? "#,##0.0" : "#,##0";
      const unit = ind.unit ? `" ${ind.unit.replace(/"/g, "")}"` : "";
      fmt = `${base}${unit};"\u2212"${base}${unit};${base}${unit}`;
    }
    return { value: v, style: { numberFormat: fmt } };
  }

  private indicatorBlock(): ReportBlock {
    const n = this.columns.length;
    // With room (Utfall fg år and Prognos give eight number columns), Föregående and a coloured trend get columns
    // of their own; otherwise the movement arrow follows the status.
    const withPrevious = n >= 7 && this.result.indicators.some((i) => i.previous !== null);
    const commentSpan = n - (withPrevious ? 6 : 4);
    const headers: (string | [string, number])[] = [
      "Indikator", "Utfall", "Mål", ...(withPrevious ? ["Föregående", "Trend"] : []), ["Status", 2], ["Kommentar", commentSpan],
    ];
    const rows: ReportRow[] = [this.heading("Indikatorer"), this.headerRow(headers, true)];
    for (const ind of this.result.indicators) {
      const trend = trendCell(ind.trend, ind.actual !== null && ind.previous !== null ? Math.sign(ind.actual - ind.previous) : 0);
      const comment = ind.comment ?? "";
      const cells: ReportCell[] = [
        { value: ind.indicator, style: S.wrapText },
        this.indicatorValue(ind, ind.actual),
        this.indicatorValue(ind, ind.target),
      ];
      if (withPrevious) {
        cells.push(this.indicatorValue(ind, ind.previous), {
          value: trend ? `${trend.arrow} ${trend.word}` : null,
          style: { align: "center", bold: true, color: trend?.color },
        });
      }
      const arrow = !withPrevious && trend ? " " + trend.arrow : "";
      cells.push(
        { value: `${STATUS_LABEL[ind.status]}${arrow}`, span: 2, style: { fill: STATUS_FILL[ind.status], align: "center", bold: true } },
        { value: comment, span: commentSpan, style: S.wrapText },
      );
      const height = Math.max(this.textHeight(ind.indicator, LABEL_WIDTH), this.textHeight(comment, commentSpan * NUMBER_WIDTH));
      rows.push(this.row(cells, { key: rowKey.indicator(ind.indicator), label: ind.indicator, height }));
    }
    rows.push(this.wide("Status: uppfyllt när utfallet når målet, delvis uppfyllt inom toleransen, annars ej uppfyllt. Trenden jämför med föregående mätning: pilen visar åt vilket håll värdet rört sig, grönt är bättre och rött sämre.", S.note));
    rows.push(this.blank());
    return { id: "indicators", rows, pageBreakBefore: true };
  }

  private riskBlock(): ReportBlock {
    const actionSpan = this.columns.length - 4;
    const rows: ReportRow[] = [
      this.heading("Risker"),
      this.headerRow(["Risk", "Sannolikhet", "Konsekvens", "Riskvärde", "Nivå", ["Åtgärd och kommentar", actionSpan]], true),
    ];
    const d = this.result.settings.decimals;
    const unit = unitWord(this.result.settings.unitOut);
    this.result.risks.forEach((r, i) => {
      const lines: string[] = [];
      if (r.action) lines.push(r.action);
      if (r.owner) lines.push(`Ansvarig: ${r.owner}`);
      if (r.comment) lines.push(r.comment);
      if (r.economicConsequence !== null) {
        lines.push(`Ekonomisk konsekvens ${formatNumber(r.economicConsequence, d)} ${unit}, vägd med sannolikheten ${formatNumber(r.expectedValue ?? 0, d)} ${unit}`);
      }
      const text = lines.join("\n");
      const trend = r.trend === null ? null : trendCell(r.trend, r.trend === "improving" ? -1 : r.trend === "worsening" ? 1 : 0);
      rows.push(
        this.row(
          [
            { value: `${i + 1}. ${r.risk}`, style: S.wrapText },
            { value: r.likelihood, style: { align: "center", verticalTop: true } },
            { value: r.consequence, style: { align: "center", verticalTop: true } },
            { value: r.riskValue, style: { align: "center", bold: true, verticalTop: true } },
            { value: `${LEVEL_LABEL[r.level]}${trend ? " " + trend.arrow : ""}`, style: { fill: LEVEL_FILL[r.level], align: "center", bold: true, verticalTop: true } },
            { value: text, span: actionSpan, style: S.wrapText },
          ],
          {
            key: rowKey.risk(r.risk),
            label: r.risk,
            height: Math.max(this.textHeight(`${i + 1}. ${r.risk}`, LABEL_WIDTH), this.textHeight(text, actionSpan * NUMBER_WIDTH)),
          },
        ),
      );
    });
    rows.push(this.blank());
    return { id: "risks", rows, pageBreakBefore: true };
  }

  private matrixBlock(): ReportBlock {
    const { settings, risks } = this.result;
    const n = settings.riskScale;
    const rows: ReportRow[] = [{ cells: [{ value: "Riskmatris (sannolikhet × konsekvens, siffrorna är riskernas nummer)", style: S.subsection, span: this.width }] }];
    rows.push({
      cells: [
        { value: "Sannolikhet \\ Konsekvens", style: S.header },
        ...CONSEQUENCE_LABELS[n].map((l, i) => ({ value: `${i + 1} ${l}`, style: style(S.header, { align: "center" as const }) })),
      ],
      height: 30,
    });
    for (let l = n; l >= 1; l--) {
      const cells: ReportCell[] = [{ value: `${l} ${LIKELIHOOD_LABELS[n][l - 1]}`, style: { bold: true } }];
      for (let c = 1; c <= n; c++) {
        const value = l * c;
        const level = riskLevel(value, settings.riskThresholds);
        const numbers = risks.map((r, i) => (r.likelihood === l && r.consequence === c ? String(i + 1) : null)).filter(Boolean);
        cells.push({
          value: numbers.length ? numbers.join(", ") : null,
          style: { fill: LEVEL_FILL[level], align: "center", bold: true, grid: true, wrap: true },
        });
      }
      rows.push({ cells, height: 24 });
    }
    const t = settings.riskThresholds;
    rows.push(
      this.wide(
        `Riskvärde = sannolikhet × konsekvens. Nivåer: låg 1–${t.medium - 1}, medel ${t.medium}–${t.high - 1}, hög ${t.high}–${t.veryHigh - 1}, mycket hög ${t.veryHigh}–${n * n}.`,
        S.note,
      ),
    );
    rows.push(this.blank());
    return { id: "matrix", rows };
  }

  private sensitivityBlock(): ReportBlock {
    const rows: ReportRow[] = [
      this.heading("Känslighetsanalys"),
      this.headerRow(["Faktor", "Bas (helår)", "Förändring", "Effekt på resultatet", ["Minskar resultatet", 1], ["Ökar resultatet", 1]], false),
    ];
    const d = this.result.settings.decimals;
    const max = this.result.sensitivity.reduce((m, s) => Math.max(m, Math.abs(s.effect)), 0);
    for (const s of this.result.sensitivity) {
      const bar = max === 0 ? "" : "█".repeat(Math.max(roundTo(s.effect, d) === 0 ? 0 : 1, Math.round((Math.abs(s.effect) / max) * 12)));
      rows.push(
        this.row([
          { value: s.factor, style: S.wrapText },
          this.amount(s.base),
          { value: s.change, style: { numberFormat: PERCENT_SHARE_FORMAT } },
          this.amount(s.effect, { bold: true, color: s.effect < 0 ? COLORS.unfavourable : s.effect > 0 ? COLORS.favourable : undefined }),
          { value: s.effect < 0 ? bar : null, style: { align: "right", color: COLORS.unfavourable } },
          { value: s.effect > 0 ? bar : null, style: { align: "left", color: COLORS.favourable } },
        ]),
      );
    }
    rows.push(this.wide("Effekten gäller helåret. En lika stor förändring åt andra hållet ger samma effekt med omvänt tecken.", S.note));
    rows.push(this.blank());
    return { id: "sensitivity", rows, pageBreakBefore: true };
  }

  private analysisBlock(): ReportBlock {
    const rows: ReportRow[] = [this.heading("Analys")];
    const totalWidth = LABEL_WIDTH + this.columns.length * NUMBER_WIDTH + EXPLANATION_WIDTH;
    for (const p of writeAnalysis(this.result)) {
      rows.push(this.wide(p, style(S.wrapText), this.textHeight(p, totalWidth)));
    }
    rows.push(this.blank());
    return { id: "analysis", rows };
  }

  private orphanBlock(): ReportBlock | null {
    const orphans = [...(this.options.explanations ?? new Map<string, Explanation>()).entries()].filter(([k, e]) => !this.used.has(k) && e.text.trim() !== "");
    if (orphans.length === 0) return null;
    const rows: ReportRow[] = [
      this.heading("Förklaringar vars rad inte längre finns"),
      this.wide("Raderna nedan fanns i förra versionen av rapporten. Förklaringarna sparas här tills du flyttar eller tar bort dem.", S.note),
    ];
    for (const [key, e] of orphans) rows.push(this.row([{ value: e.label || key, style: S.wrapText }], { key, label: e.label }));
    rows.push(this.blank());
    return { id: "orphans", rows };
  }

  private noticeBlock(): ReportBlock {
    const rows: ReportRow[] = [this.heading("Noteringar om indata")];
    const list = this.findings.map(toPublic);
    const shown = list.slice(0, 200);
    const span = this.width - 1;
    for (const f of shown) {
      rows.push({ cells: [{ value: f.cell ?? f.range ?? "", style: { verticalTop: true } }, { value: f.message, span, style: S.wrapText }], height: this.textHeight(f.message, span * NUMBER_WIDTH) });
    }
    if (list.length > shown.length) rows.push(this.wide(`… och ${list.length - shown.length} noteringar till.`, S.note));
    return { id: "notices", rows };
  }
}

/** The arrow for a value's movement, and whether that is better or worse in the indicator's direction. */
function trendCell(trend: Trend | null, movement: number): { arrow: string; word: string; color?: string } | null {
  if (trend === null) return null;
  const arrow = movement > 0 ? "↑" : movement < 0 ? "↓" : "→";
  const word = trend === "improving" ? "bättre" : trend === "worsening" ? "sämre" : "oförändrat";
  const color = trend === "improving" ? COLORS.favourable : trend === "worsening" ? COLORS.unfavourable : undefined;
  return { arrow, word, color };
}

function formatStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
