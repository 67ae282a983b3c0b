import { Finding, finding } from "../findings/findings";
import { Settings } from "../settings/settings";
import { canon } from "../contract/text";
import { isSignificant, makeFigures, sumFigures } from "./figures";
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

function keyOf(responsibility: string | null, item: string): string {
  return canon(responsibility ?? "") + "\u0000" + canon(item);
}

interface Match {
  budget: BudgetLine | null;
  actual: ActualLine | null;
  kind: ItemKind;
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
  checkSigns(matches, settings, findings);

  const rows: IncomeRow[] = matches.map(({ budget: b, actual: a, kind }) => {
    const sign = settings.costsPositive && kind === "cost" ? -factor : factor;
    const budgetYear = (b?.budgetYear ?? 0) * sign;
    const budgetPeriod = b ? periodBudget(b.budgetYear, b.months, m) * sign : 0;
    const actual = a ? (a.actual ?? sumFirst(a.months ?? [], m)) * sign : 0;
    const prior = hasPriorYear ? (a?.actualPriorYear ?? 0) * sign : null;
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
    const figures = makeFigures(actual, budgetPeriod, budgetYear, prior, forecast);
    return {
      responsibility: b ? b.responsibility : (a as ActualLine).responsibility,
      item: b ? b.item : (a as ActualLine).item,
      kind,
      ...figures,
      significant: isSignificant(figures, settings.materialityAmount, settings.materialityPercent),
      budgetSource: b?.source ?? null,
      actualSource: a?.source ?? null,
    };
  });
  rows.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));

  const total = (lines: Figures[]) => sumFigures(lines, hasPriorYear, hasForecast);
  const totals: Totals = {
    revenue: total(rows.filter((r) => r.kind === "revenue")),
    cost: total(rows.filter((r) => r.kind === "cost")),
    financial: total(rows.filter((r) => r.kind === "financial")),
    result: total(rows),
  };
  const withSignificance = <T extends Figures>(f: T) => ({
    ...f,
    significant: isSignificant(f, settings.materialityAmount, settings.materialityPercent),
  });

  const statement = groupBy(rows, (r) => r.kind + "\u0000" + canon(r.item)).map((group) => ({
    ...withSignificance(total(group)),
    responsibility: null,
    item: group[0].item,
    kind: group[0].kind,
    budgetSource: group[0].budgetSource,
    actualSource: group[0].actualSource,
  }));

  const hasResponsibility = rows.some((r) => r.responsibility !== null);
  const byResponsibility = hasResponsibility
    ? groupBy(rows, (r) => canon(r.responsibility ?? "")).map((group) => ({
        ...withSignificance(total(group)),
        responsibility: group[0].responsibility ?? "",
      }))
    : null;

  return { rows, statement, totals, byResponsibility, hasPriorYear, hasForecast };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  return [...groups.values()];
}

function match(budget: readonly BudgetLine[], actuals: readonly ActualLine[], findings: Finding[]): Match[] {
  const byKey = new Map<string, BudgetLine[]>();
  const kindByItem = new Map<string, ItemKind>();
  for (const b of budget) {
    const k = keyOf(b.responsibility, b.item);
    const same = byKey.get(k);
    if (same) {
      const twin = same.find((o) => o.kind === b.kind);
      if (twin) {
        findings.push(finding("KEY_DUPLICATE", b.source.range, twin.source.at, { key: describeKey(b.item, b.responsibility, b.kind) }, [b.source.at]));
        continue;
      }
      same.push(b);
    } else byKey.set(k, [b]);
    if (!kindByItem.has(canon(b.item))) kindByItem.set(canon(b.item), b.kind);
  }

  const result: Match[] = [];
  const matchedBy = new Map<BudgetLine, ActualLine>();
  const unbudgeted: Match[] = [];
  for (const a of actuals) {
    const candidates = (byKey.get(keyOf(a.responsibility, a.item)) ?? []).filter((b) => a.kind === null || b.kind === a.kind);
    if (candidates.length > 1) {
      findings.push(finding("ACTUAL_AMBIGUOUS", a.source.range, a.source.at, { key: describeKey(a.item, a.responsibility) }, candidates.map((c) => c.source.at)));
      continue;
    }
    if (candidates.length === 1) {
      const b = candidates[0];
      const earlier = matchedBy.get(b);
      if (earlier) {
        findings.push(finding("KEY_DUPLICATE", a.source.range, earlier.source.at, { key: describeKey(a.item, a.responsibility, b.kind) }, [a.source.at]));
        continue;
      }
      matchedBy.set(b, a);
      continue;
    }
    let kind = a.kind ?? kindByItem.get(canon(a.item)) ?? null;
    if (kind === null) {
      const amount = a.actual ?? sumFirst(a.months ?? [], 12);
      kind = amount >= 0 ? "revenue" : "cost";
      findings.push(finding("ACTUAL_KIND_FROM_SIGN", a.source.range, a.source.at, { key: describeKey(a.item, a.responsibility), kind: KIND_WORD[kind] }));
    } else {
      findings.push(finding("ACTUAL_WITHOUT_BUDGET", a.source.range, a.source.at, { key: describeKey(a.item, a.responsibility) }));
    }
    unbudgeted.push({ budget: null, actual: a, kind });
  }
  for (const b of budget) {
    const k = byKey.get(keyOf(b.responsibility, b.item));
    if (!k || !k.includes(b)) continue;
    const a = matchedBy.get(b) ?? null;
    if (!a) findings.push(finding("BUDGET_WITHOUT_ACTUAL", b.source.range, b.source.at, { key: describeKey(b.item, b.responsibility) }));
    result.push({ budget: b, actual: a, kind: b.kind });
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
