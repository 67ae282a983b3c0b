/**
 * What every section of the report builds with: the figure columns of the income statement (which set the sheet's
 * grid), row and cell helpers, and rounding that either prints each figure on its own or makes parts add up.
 */
import { canon } from "../../core/text";
import { Explanation } from "../../contract/reportSheetPolicy";
import { EngineResult } from "../../engine";
import { roundReport } from "../../engine/amounts";
import { Figures } from "../../engine/types";
import { Finding } from "../../findings/findings";
import { CellStyle, ReportCell, ReportRow } from "../model";
import { hasRoundingDifference, roundEach, roundSummable, SumNode } from "../rounding";
import { amountFormat, COLORS, PERCENT_SHARE_FORMAT, S, style } from "../styles";
import { PHRASES } from "../language/phrases";
import { monthWord } from "../language/words";

export interface BuildOptions {
  /** When the report is refreshed; shown in the title block. */
  now: Date;
  /** Explanations from the previous report, by row key. */
  explanations?: ReadonlyMap<string, Explanation>;
}

/** A figure column of the income statement. */
export interface Column {
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
  /** A line or total of one ansvar's own resultaträkning (Resultaträkning per ansvar). */
  responsibilityLine: (responsibility: string, kind: string, item: string) => `ansvar-rr|${canon(responsibility)}|${kind}|${canon(item)}`,
  responsibilityTotal: (responsibility: string, name: string) => `ansvar-rr|${canon(responsibility)}|total|${name}`,
  nonRecurring: (description: string) => `jmf|${canon(description)}`,
};

const SHORT_MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

/** `jan–aug` (or `jan`): the period as column headers write it. */
export function periodSpan(months: number): string {
  return months === 1 ? SHORT_MONTHS[0] : `jan–${SHORT_MONTHS[months - 1]}`;
}

/** A sum structure of rows: a row, and the rows it is the sum of. */
export interface Tree<K> {
  key: K;
  parts?: Tree<K>[];
}

/** The printed figures of a table, by row and field, and whether the page shows a rounding difference. */
export interface Printed<K> {
  get(key: K, field: string): number | null;
  /** A printed sum differs from the sum of its printed parts (rounding each figure on its own). */
  differs: boolean;
  /** Summerbar rounding moved some figure away from its own rounding. */
  adjusted: boolean;
}

export class Ctx {
  readonly columns: Column[];
  /** Columns of the grid: label, figures, Förklaring, key. */
  readonly width: number;
  readonly explanationColumn: number;
  readonly keyColumn: number;
  readonly amountFmt: string;
  readonly decimals: number;
  /** Row keys used, so explanations whose row disappeared can be listed. */
  readonly used = new Set<string>();
  /** True once a row carries an explanation the controller wrote. */
  explanationsWritten = false;

  constructor(
    readonly result: EngineResult,
    readonly findings: readonly Finding[],
    readonly options: BuildOptions,
  ) {
    const { settings, income } = result;
    const span = periodSpan(settings.months);
    const change = income.hasForecast ? result.outlook.change : null;
    const y = settings.year;
    const cols: (Column | false)[] = [
      income.hasPriorYearFull && { field: "actualPriorYearFull", header: `Bokslut ${y - 1}`, kind: "amount" },
      income.hasPriorYear && { field: "actualPriorYear", header: `Utfall ${span} ${y - 1}`, kind: "amount" },
      { field: "actual", header: `Utfall ${span} ${y}`, kind: "amount" },
      { field: "budgetPeriod", header: `Budget ${span} ${y}`, kind: "amount" },
      { field: "variance", header: "Avvikelse", kind: "variance" },
      { field: "variancePercent", header: "Avvikelse %", kind: "percent" },
      { field: "budgetYear", header: `Budget helår ${y}`, kind: "amount" },
      // Prognosförändring (contract v3): the forecast at the latest earlier period of the year, and the change since.
      change !== null && { field: "forecastPrevious", header: `Prognos ${monthWord(change.previousPeriod)}`, kind: "amount" },
      income.hasForecast && { field: "forecast", header: `Prognos helår ${y}`, kind: "amount" },
      change !== null && { field: "forecastChange", header: "Förändring", kind: "variance" },
      income.hasForecast && { field: "forecastVariance", header: "Avvikelse prognos", kind: "variance" },
    ];
    this.columns = cols.filter((c): c is Column => c !== false);
    this.explanationColumn = this.columns.length + 1;
    this.keyColumn = this.explanationColumn + 1;
    this.width = this.explanationColumn + 1;
    this.decimals = settings.decimals;
    this.amountFmt = amountFormat(settings.decimals);
  }

  get settings() {
    return this.result.settings;
  }

  /** A table row: its cells, padded to the Förklaring column; with a key, the explanation cell and the key. */
  row(cells: ReportCell[], extra: Partial<ReportRow> = {}): ReportRow {
    const padded: ReportCell[] = [];
    let col = 0;
    for (const c of cells) {
      padded.push(c);
      col += typeof c.span === "number" ? c.span : 1;
    }
    while (col < this.explanationColumn) {
      padded.push({ value: null });
      col++;
    }
    if (extra.key) {
      this.used.add(extra.key);
      const kept = this.options.explanations?.get(extra.key)?.text ?? null;
      if (kept !== null && kept.trim() !== "") this.explanationsWritten = true;
      padded.push({ value: kept, style: S.explanation }, { value: extra.key, style: S.key });
    }
    return { role: "body", cells: padded, ...extra };
  }

  /** A section heading: the first cell holds the text, the rest of the row carries its rule. */
  heading(text: string): ReportRow {
    return { role: "section", cells: Array.from({ length: this.explanationColumn }, (_, i) => ({ value: i === 0 ? text : null, style: S.section })), height: 22 };
  }

  subheading(text: string): ReportRow {
    return { role: "subsection", cells: [{ value: text, style: S.subsection, span: this.explanationColumn }] };
  }

  /** A note under a table (legend, footnote), across the figures. */
  note(text: string): ReportRow {
    return { role: "note", cells: [{ value: text, style: S.note, span: this.explanationColumn }] };
  }

  /** A paragraph of prose in the readable measure. */
  prose(text: string): ReportRow {
    return { role: "text", cells: [{ value: text, style: S.prose, span: "measure" }] };
  }

  blank(): ReportRow {
    return { role: "blank", cells: [], height: 9 };
  }

  /** A table's header row; `explanation` adds the Förklaring header above the explanation cells. */
  headerRow(labels: (string | [string, number])[], explanation: boolean, centred: readonly number[] = []): ReportRow {
    // A header stands as its column's figures do: right over amounts, centred over centred cells, left over text.
    const cells: ReportCell[] = labels.map((l, i) => {
      const [value, span] = typeof l === "string" ? [l, 1] : l;
      const align = centred.includes(i) ? "center" : i > 0 && span === 1 ? "right" : undefined;
      return { value, span, style: style(S.header, align && { align }) };
    });
    let col = cells.reduce((n, c) => n + (typeof c.span === "number" ? c.span : 1), 0);
    // The header's band covers the table's own columns; the Förklaring header stands over the explanation cells.
    while (col < this.explanationColumn) {
      cells.push({ value: null });
      col++;
    }
    if (explanation) cells.push({ value: "Förklaring", style: style(S.header, { fill: undefined }) });
    return { role: "header", cells };
  }

  /** An amount cell, already rounded for print. */
  amount(n: number | null, extra?: CellStyle, decimals = this.decimals): ReportCell {
    const fmt = decimals === this.decimals ? this.amountFmt : amountFormat(decimals);
    return { value: n === null ? null : roundReport(n, decimals), style: style({ numberFormat: fmt }, extra) };
  }

  /** Green for a favourable figure, red for an unfavourable one; none for one that prints as zero. */
  tone(value: number | null, significant = true): CellStyle | undefined {
    if (value === null || !significant || roundReport(value, this.decimals) === 0) return undefined;
    return { color: value > 0 ? COLORS.favourable : COLORS.unfavourable };
  }

  /**
   * The statement's figure cells of a row, from the figures as printed. A percentage stands only beside a variance
   * that prints as something other than zero, and only where its base is not zero: otherwise a dash. `percent`
   * false leaves the column empty (a net result per ansvar is no base for a percentage).
   */
  figureCells<K>(key: K, f: Figures & { significant?: boolean }, printed: Printed<K>, rowStyle?: CellStyle, percent = true): ReportCell[] {
    const significant = f.significant ?? true;
    return this.columns.map((c) => {
      if (c.kind === "percent") {
        if (!percent) return { value: null, style: rowStyle };
        const variance = printed.get(key, "variance");
        if (f.variancePercent === null || variance === null || variance === 0) return { value: "–", style: style(rowStyle, { align: "right" }) };
        return { value: roundReport(f.variancePercent, 3), style: style(rowStyle, { numberFormat: PERCENT_SHARE_FORMAT }, this.tone(f.variance, significant)) };
      }
      const v = printed.get(key, c.field);
      const colour = c.kind === "variance" ? this.tone(v, c.field === "variance" ? significant : true) : undefined;
      return { value: v, style: style({ numberFormat: this.amountFmt }, rowStyle, colour) };
    });
  }

  /**
   * Rounds a table's figures for print, field by field over its sum structure: each on its own (Per rad), or the
   * parts so that they add up to their rounded sums (Summerbar).
   */
  printed<K>(tree: Tree<K>, fields: readonly string[], valueOf: (key: K, field: string) => number | null, decimals = this.decimals): Printed<K> {
    const byField = new Map<string, Map<K, number | null>>();
    let differs = false;
    let adjusted = false;
    for (const field of fields) {
      const nodes = new Map<K, SumNode>();
      const toNode = (t: Tree<K>): SumNode => {
        const node: SumNode = { value: valueOf(t.key, field) ?? null, parts: t.parts?.map(toNode) };
        nodes.set(t.key, node);
        return node;
      };
      const root = toNode(tree);
      const each = roundEach(root, decimals);
      const chosen = this.settings.summableRounding ? roundSummable(root, decimals) : each;
      if (hasRoundingDifference(root, chosen, decimals)) differs = true;
      for (const n of nodes.values()) if (chosen.get(n) !== each.get(n)) adjusted = true;
      byField.set(field, new Map([...nodes].map(([k, n]) => [k, chosen.get(n) ?? null])));
    }
    return {
      get: (key, field) => byField.get(field)?.get(key) ?? null,
      differs,
      adjusted,
    };
  }

  /** The footnote a table gets about rounding, where it needs one. */
  roundingNote(p: { differs: boolean; adjusted: boolean }): ReportRow | null {
    if (this.settings.summableRounding) return p.adjusted ? this.note(PHRASES.roundedToSum()) : null;
    return p.differs ? this.note(PHRASES.roundingDifferences()) : null;
  }
}
