import { EngineResult } from "../engine";
import { InvestmentFigures } from "../engine/investments";
import { Figures } from "../engine/types";
import { IncomeRow } from "../engine/variance";
import { lineChangeLookup } from "../engine/outlook";
import { UppfoljningError } from "../findings/errors";
import { Finding, toPublic } from "../findings/findings";

/** The figures of a line or total, in the contract's order: v1's, then v3's (last year's bokslut and the change). */
const FIELDS: (keyof Figures)[] = [
  "actualPriorYear", "actual", "budgetPeriod", "variance", "variancePercent", "budgetYear", "forecast", "forecastVariance",
  "actualPriorYearFull", "changeFromPriorYear", "forecastPrevious", "forecastChange",
];

const INVESTMENT_FIELDS: (keyof InvestmentFigures)[] = [
  "actual", "budgetYear", "forecast", "forecastVariance", "actualToDate", "projectBudget", "projectForecast", "projectVariance",
];

function figures(f: Figures): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of FIELDS) {
    const v = f[k];
    out[k] = v === null || v === undefined || !Number.isFinite(v) ? null : v;
  }
  return out;
}

function incomeRow(r: IncomeRow, change: LineChange = null): object {
  const row: Record<string, unknown> = { responsibility: r.responsibility, item: r.item, kind: r.kind, ...figures(r) };
  if (change) {
    const c = change(r);
    row.forecastPrevious = c?.forecastPrevious ?? null;
    row.forecastChange = c?.forecastChange ?? null;
  }
  return row;
}

type LineChange = ReturnType<typeof lineChangeLookup>;

/** Everything of the `--json` document but the income lines (which may be a million). */
function head(result: EngineResult, findings: readonly Finding[]): Record<string, unknown> {
  const { income, settings } = result;
  const t = income.totals;
  const doc: Record<string, unknown> = {
    unit: settings.unitOut,
    months: settings.months,
    year: settings.year,
    income: null,
    totals: {
      revenue: figures(t.revenue),
      cost: figures(t.cost),
      financial: figures(t.financial),
      result: figures(t.result),
      carryover: figures(t.carryover),
      resultIncludingCarryover: figures(t.resultIncludingCarryover),
    },
    byResponsibility:
      income.byResponsibility?.map((r) => ({ responsibility: r.responsibility, ...figures(r), revenue: r.revenue && figures(r.revenue), cost: r.cost && figures(r.cost) })) ?? null,
    indicators: result.indicators.map((i) => ({
      indicator: i.indicator, actual: i.actual, target: i.target, direction: i.direction, status: i.status, trend: i.trend,
      group: i.group, targetYear: i.targetYear, actualWomen: i.actualWomen, actualMen: i.actualMen, previousWomen: i.previousWomen, previousMen: i.previousMen,
    })),
    // No probability is assumed from a level: without Sannolikhet % or Sannolikhet per nivå both are null.
    risks: result.risks.map((r) => ({
      risk: r.risk, likelihood: r.likelihood, consequence: r.consequence, riskValue: r.riskValue, level: r.level,
      economicConsequence: r.economicConsequence, probability: r.probability, probabilitySource: r.probabilitySource, expectedEffect: r.expectedEffect,
    })),
    sensitivity: result.sensitivity.map((s) => ({ factor: s.factor, base: s.base, change: s.change, effect: s.effect, breakEven: s.breakEven?.change ?? null })),
  };
  if (result.measures) {
    doc.measures = result.measures.measures.map((m) => ({
      measure: m.measure, status: m.status, effectThisYear: m.effectThisYearReport, effectNextYear: m.effectNextYearReport, inForecast: m.inForecast,
      effectAt: m.effectAt,
    }));
    const s = result.measures.summary;
    doc.measuresSummary = {
      decidedThisYear: s.decidedThisYear, decidedNextYear: s.decidedNextYear, proposedThisYear: s.proposedThisYear,
      proposedNextYear: s.proposedNextYear, forecastWithMeasures: s.forecastWithMeasures,
      elsewhereThisYear: s.elsewhereThisYear, elsewhereNextYear: s.elsewhereNextYear,
    };
  }
  if (result.investments) {
    const pick = (f: InvestmentFigures) => Object.fromEntries(INVESTMENT_FIELDS.map((k) => [k, f[k]]));
    doc.investments = result.investments.projects.map((p) => ({ project: p.project, category: p.category, ...pick(p) }));
    doc.investmentTotals = pick(result.investments.total);
  }
  if (result.accounts) doc.accounts = null;
  const nr = result.nonRecurring;
  doc.nonRecurring = nr && nr.items.map((n) => ({ description: n.description, item: n.item, responsibility: n.responsibility, actual: n.actualReport, forecast: n.forecastReport }));
  (doc.totals as Record<string, unknown>).resultExcludingNonRecurring = nr && { actual: nr.resultExcluding.actual, forecast: nr.resultExcluding.forecast };
  doc.responsibilityStatements = result.responsibilityStatements.map((st) => ({
    responsibility: st.responsibility,
    income: st.lines.map((r) => incomeRow(r)),
    totals: Object.fromEntries(Object.entries(st.totals).map(([k, f]) => [k, figures(f)])),
  }));
  doc.forecastHistory = forecastHistory(result);
  const interval = result.outlook.interval;
  doc.forecastInterval = interval && {
    p10: interval.p10, p50: interval.p50, p90: interval.p90, probabilityDeficit: interval.probabilityDeficit,
    includingCarryover: { ...interval.includingCarryover }, simulations: interval.simulations, spreadSource: interval.spreadSource,
  };
  doc.notices = findings.map(toPublic).map(({ code, range, cell, message }) => ({ code, range, cell, message }));
  return doc;
}

/** `forecastHistory`: the period Prognosförändring compares with, and Prognossäkerhet's rows; null when there is neither. */
function forecastHistory(result: EngineResult): object | null {
  const { change, accuracy } = result.outlook;
  if (!change && !accuracy) return null;
  return {
    previousPeriod: change?.previousPeriod ?? null,
    accuracy: (accuracy ?? []).map((a) => ({ year: a.year, period: a.period, responsibility: a.responsibility, forecast: a.forecast, outcome: a.outcome, difference: a.difference, differencePercent: a.differencePercent })),
  };
}

function accountRow(a: NonNullable<EngineResult["accounts"]>[number]): object {
  return { account: a.account, item: a.item, responsibility: a.responsibility, actual: a.actual, budgetYear: a.budgetYear, forecast: a.forecast };
}

/**
 * Bytes of the `--json` document at most: twice what a million income lines take. Names repeated on every line (an
 * ansvar named with thousands of characters) could otherwise make a small workbook's figures gigabytes.
 */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;

/** The document as it is written: text gathered into buffers of some 16 MB, counted against MAX_JSON_BYTES. */
class JsonOut {
  constructor(private readonly limit: number) {}
  private readonly chunks: Buffer[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private bytes = 0;

  push(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= 16 << 20) this.flush();
  }

  private flush(): void {
    const chunk = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingChars = 0;
    this.bytes += chunk.length;
    if (this.bytes > this.limit) throw new UppfoljningError("REPORT_OUTPUT_TOO_LARGE", { limit: this.limit });
    this.chunks.push(chunk);
  }

  done(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}

/** A long list written one line per element into the pretty-printed document (`text` holds its marker). */
function streamed(out: JsonOut, text: string, key: string, count: number, line: (i: number) => object): void {
  const marker = `"__${key}__"`;
  const at = text.indexOf(marker);
  out.push(text.slice(0, at));
  if (count === 0) out.push("[]");
  else {
    out.push("[\n");
    for (let i = 0; i < count; i++) out.push(`    ${JSON.stringify(line(i))}${i + 1 < count ? "," : ""}\n`);
    out.push("  ]");
  }
  out.push(text.slice(at + marker.length));
}

/**
 * The `--json` document of the contract as bytes: figures in the report unit, exact to 9 decimals, missing figures
 * null; written line by line so that a million income lines need no million-line object, and never past
 * MAX_JSON_BYTES (refused, naming the limit).
 */
export function contractJsonBytes(result: EngineResult, findings: readonly Finding[], limit = MAX_JSON_BYTES): Buffer {
  const doc = head(result, findings);
  doc.income = "__income__";
  if (result.accounts) doc.accounts = "__accounts__";
  const text = JSON.stringify(doc, null, 2);
  const split = text.indexOf('"__accounts__"');
  // The income lines come before the accounts in the document: stream them first, then the accounts.
  const before = split < 0 ? text : text.slice(0, split);
  const after = split < 0 ? "" : text.slice(split);
  const change = lineChangeLookup(result.outlook.change);
  const out = new JsonOut(limit);
  streamed(out, before, "income", result.income.rowCount, (i) => incomeRow(result.income.rowAt(i), change));
  if (result.accounts) {
    const accounts = result.accounts;
    streamed(out, after, "accounts", accounts.length, (i) => accountRow(accounts[i]));
  }
  out.push("\n");
  return out.done();
}
