import { Finding, finding } from "../findings/findings";
import { Settings } from "../settings/settings";
import { canon } from "../contract/text";
import { isSignificant, makeFigures, variancePercent } from "./figures";
import { periodBudget, sumFirst } from "./periodisation";
import { ActualLine, BudgetLine, Figures, ItemKind, SourceRef } from "./types";
import { unitFactor } from "./units";

/** One line of the income statement with its figures in the report unit. */
export interface IncomeRow extends Figures {
  responsibility: string | null;
  item: string;
  kind: ItemKind;
  /** True when the variance passes the materiality settings. */
  significant: boolean;
  budgetSource: SourceRef | null;
  actualSource: SourceRef | null;
}

export interface Totals {
  revenue: Figures;
  cost: Figures;
  financial: Figures;
  result: Figures;
}

export interface ResponsibilityRow extends Figures {
  responsibility: string;
  significant: boolean;
}

export interface IncomeResult {
  /** One row per (Ansvar, Post, Typ), revenue first, then cost, then financial. */
  rows: IncomeRow[];
  /** Rows summed per (Typ, Post) across ansvar: the income statement a nämnd reads. */
  statement: IncomeRow[];
  totals: Totals;
  /** Result per ansvar, or null when the budget has no Ansvar. */
  byResponsibility: ResponsibilityRow[] | null;
  hasPriorYear: boolean;
  hasForecast: boolean;
}

export const KIND_ORDER: readonly ItemKind[] = ["revenue", "cost", "financial"];
const KIND_WORD: Record<ItemKind, string> = { revenue: "intäkt", cost: "kostnad", financial: "finansiell post" };

/** A human description of a row's key for messages: ”Personalkostnader” (ansvar ”Område 1”). */
export function describeKey(item: string, responsibility: string | null, kind?: ItemKind | null): string {
  let s = `”${item}”`;
  if (responsibility) s += ` (ansvar ”${responsibility}”)`;
  if (kind) s += ` [${KIND_WORD[kind]}]`;
  return s;
}

interface Match {
  budget: BudgetLine | null;
  actual: ActualLine | null;
  kind: ItemKind;
  /** Folded Ansvar and Post, computed once while matching. */
  responsibilityKey: string;
  itemKey: string;
}

/** Running sums of the base amounts of many lines: one pass, no intermediate arrays. */
class FigureSum {
  actual = 0;
  budgetPeriod = 0;
  budgetYear = 0;
  prior = 0;
  forecast = 0;

  add(f: Figures): void {
    this.actual += f.actual;
    this.budgetPeriod += f.budgetPeriod;
    this.budgetYear += f.budgetYear;
    this.prior += f.actualPriorYear ?? 0;
    this.forecast += f.forecast ?? 0;
  }

  figures(hasPriorYear: boolean, hasForecast: boolean): Figures {
    return makeFigures(this.actual, this.budgetPeriod, this.budgetYear, hasPriorYear ? this.prior : null, hasForecast ? this.forecast : null);
  }
}

/** A map keyed by two folded names without building a combined string per lookup. */
class PairMap<T> {
  private readonly outer = new Map<string, Map<string, T>>();

  get(a: string, b: string): T | undefined {
    return this.outer.get(a)?.get(b);
  }

  set(a: string, b: string, value: T): void {
    let inner = this.outer.get(a);
    if (!inner) this.outer.set(a, (inner = new Map()));
    inner.set(b, value);
  }
}

/**
 * Matches outcome rows to budget rows on (Ansvar, Post, and Typ where Utfall has it) and computes
 * every line's variance against the periodised budget and the forecast, plus totals.
 * Nothing is dropped: unbudgeted outcome and budget without outcome both come out, with notices.
 */
export function computeIncome(
  budget: readonly BudgetLine[],
  actuals: readonly ActualLine[],
  settings: Settings,
  hasPriorYear: boolean,
  hasForecast: boolean,
  findings: Finding[],
): IncomeResult {
  const matches = match(budget, actuals, findings);
  const factor = unitFactor(settings.unitIn, settings.unitOut);
  const m = settings.months;
  const { materialityAmount, materialityPercent } = settings;
  checkSigns(matches, settings, findings);

  const byKind: Record<ItemKind, IncomeRow[]> = { revenue: [], cost: [], financial: [] };
  const keysByKind: Record<ItemKind, Match[]> = { revenue: [], cost: [], financial: [] };
  for (const match of matches) {
    const { budget: b, actual: a, kind } = match;
    const sign = settings.costsPositive && kind === "cost" ? -factor : factor;
    const budgetYear = b ? b.budgetYear * sign : 0;
    const budgetPeriod = b ? periodBudget(b.budgetYear, b.months, m) * sign : 0;
    const actual = a ? (a.actual ?? sumFirst(a.months ?? [], m)) * sign : 0;
    const prior = hasPriorYear ? (a && a.actualPriorYear !== null ? a.actualPriorYear * sign : 0) : null;
    let forecast: number | null = null;
    if (hasForecast) {
      if (a && a.forecast !== null) forecast = a.forecast * sign;
      else {
        forecast = budgetYear;
        if (a?.forecastBlankAt) {
          findings.push(finding("FORECAST_BLANK", a.source.range, a.forecastBlankAt, { key: describeKey(a.item, a.responsibility) }));
        }
      }
    }
    // The fields of makeFigures, written out: this loop runs once per ledger row.
    const variance = actual - budgetPeriod;
    const row: IncomeRow = {
      responsibility: b ? b.responsibility : (a as ActualLine).responsibility,
      item: b ? b.item : (a as ActualLine).item,
      kind,
      actualPriorYear: prior,
      actual,
      budgetPeriod,
      variance,
      variancePercent: variancePercent(variance, budgetPeriod),
      budgetYear,
      forecast,
      forecastVariance: forecast === null ? null : forecast - budgetYear,
      significant: false,
      budgetSource: b ? b.source : null,
      actualSource: a ? a.source : null,
    };
    row.significant = isSignificant(row, materialityAmount, materialityPercent);
    byKind[kind].push(row);
    keysByKind[kind].push(match);
  }
  const rows = [...byKind.revenue, ...byKind.cost, ...byKind.financial];
  const keys = [...keysByKind.revenue, ...keysByKind.cost, ...keysByKind.financial];

  const sums = { revenue: new FigureSum(), cost: new FigureSum(), financial: new FigureSum(), result: new FigureSum() };
  const statementSums = new PairMap<{ first: IncomeRow; sum: FigureSum }>();
  const statementOrder: { first: IncomeRow; sum: FigureSum }[] = [];
  const responsibilitySums = new Map<string, { first: IncomeRow; sum: FigureSum }>();
  let hasResponsibility = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    sums[r.kind].add(r);
    sums.result.add(r);
    const { itemKey, responsibilityKey } = keys[i];
    let group = statementSums.get(r.kind, itemKey);
    if (!group) {
      group = { first: r, sum: new FigureSum() };
      statementSums.set(r.kind, itemKey, group);
      statementOrder.push(group);
    }
    group.sum.add(r);
    if (r.responsibility !== null) hasResponsibility = true;
    let own = responsibilitySums.get(responsibilityKey);
    if (!own) responsibilitySums.set(responsibilityKey, (own = { first: r, sum: new FigureSum() }));
    own.sum.add(r);
  }
  const figuresOf = (sum: FigureSum) => {
    const f = sum.figures(hasPriorYear, hasForecast);
    return { ...f, significant: isSignificant(f, materialityAmount, materialityPercent) };
  };
  const totals: Totals = {
    revenue: sums.revenue.figures(hasPriorYear, hasForecast),
    cost: sums.cost.figures(hasPriorYear, hasForecast),
    financial: sums.financial.figures(hasPriorYear, hasForecast),
    result: sums.result.figures(hasPriorYear, hasForecast),
  };
  const statement: IncomeRow[] = statementOrder.map(({ first, sum }) => ({
    ...figuresOf(sum),
    responsibility: null,
    item: first.item,
    kind: first.kind,
    budgetSource: first.budgetSource,
    actualSource: first.actualSource,
  }));
  const byResponsibility = hasResponsibility
    ? [...responsibilitySums.values()].map(({ first, sum }) => ({ ...figuresOf(sum), responsibility: first.responsibility ?? "" }))
    : null;

  return { rows, statement, totals, byResponsibility, hasPriorYear, hasForecast };
}

function match(budget: readonly BudgetLine[], actuals: readonly ActualLine[], findings: Finding[]): Match[] {
  const byKey = new PairMap<number[]>();
  const kindByItem = new Map<string, ItemKind>();
  const kept: BudgetLine[] = [];
  const keptResp: string[] = [];
  const keptItem: string[] = [];
  for (const b of budget) {
    const resp = canon(b.responsibility ?? "");
    const item = canon(b.item);
    const same = byKey.get(resp, item);
    if (same) {
      const twin = same.find((i) => kept[i].kind === b.kind);
      if (twin !== undefined) {
        findings.push(finding("KEY_DUPLICATE", b.source.range, kept[twin].source.at, { key: describeKey(b.item, b.responsibility, b.kind) }, [b.source.at]));
        continue;
      }
      same.push(kept.length);
    } else byKey.set(resp, item, [kept.length]);
    if (!kindByItem.has(item)) kindByItem.set(item, b.kind);
    kept.push(b);
    keptResp.push(resp);
    keptItem.push(item);
  }

  const matchedBy: (ActualLine | undefined)[] = new Array(kept.length);
  const unbudgeted: Match[] = [];
  for (const a of actuals) {
    const item = canon(a.item);
    const resp = canon(a.responsibility ?? "");
    const found = byKey.get(resp, item);
    const candidates = found === undefined ? [] : a.kind === null ? found : found.filter((i) => kept[i].kind === a.kind);
    if (candidates.length > 1) {
      findings.push(finding("ACTUAL_AMBIGUOUS", a.source.range, a.source.at, { key: describeKey(a.item, a.responsibility) }, candidates.map((i) => kept[i].source.at)));
      continue;
    }
    if (candidates.length === 1) {
      const i = candidates[0];
      const earlier = matchedBy[i];
      if (earlier) {
        findings.push(finding("KEY_DUPLICATE", a.source.range, earlier.source.at, { key: describeKey(a.item, a.responsibility, kept[i].kind) }, [a.source.at]));
        continue;
      }
      matchedBy[i] = a;
      continue;
    }
    let kind = a.kind ?? kindByItem.get(item) ?? null;
    if (kind === null) {
      const amount = a.actual ?? sumFirst(a.months ?? [], 12);
      kind = amount >= 0 ? "revenue" : "cost";
      findings.push(finding("ACTUAL_KIND_FROM_SIGN", a.source.range, a.source.at, { key: describeKey(a.item, a.responsibility), kind: KIND_WORD[kind] }));
    } else {
      findings.push(finding("ACTUAL_WITHOUT_BUDGET", a.source.range, a.source.at, { key: describeKey(a.item, a.responsibility) }));
    }
    unbudgeted.push({ budget: null, actual: a, kind, responsibilityKey: resp, itemKey: item });
  }
  const result: Match[] = new Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const b = kept[i];
    const a = matchedBy[i] ?? null;
    if (!a) findings.push(finding("BUDGET_WITHOUT_ACTUAL", b.source.range, b.source.at, { key: describeKey(b.item, b.responsibility) }));
    result[i] = { budget: b, actual: a, kind: b.kind, responsibilityKey: keptResp[i], itemKey: keptItem[i] };
  }
  return result.concat(unbudgeted);
}

/** One notice when most cost amounts carry the sign the settings say they should not. */
function checkSigns(matches: readonly Match[], settings: Settings, findings: Finding[]): void {
  let wrong = 0, right = 0;
  let range: string | null = null;
  for (const { budget: b, kind } of matches) {
    if (!b || kind !== "cost" || b.budgetYear === 0) continue;
    range = b.source.range;
    if ((b.budgetYear > 0) !== settings.costsPositive) wrong++;
    else right++;
  }
  if (wrong > right && range) {
    const [convention, suggestion] = settings.costsPositive
      ? ["Kostnader positiva", "Kostnader negativa"]
      : ["Kostnader negativa", "Kostnader positiva"];
    findings.push(finding("SIGN_SUSPECT", range, null, { convention, suggestion }));
  }
}
